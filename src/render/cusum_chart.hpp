#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "stats/racusum.hpp"

namespace clinaudit::render {

struct CusumChartText {
  std::string title = "Risk-adjusted CUSUM";
  std::string x_label = "Patients in order of operation";
  // Optional label per patient for hover text (a date, an episode id); empty = "patient N".
  std::vector<std::string> patient_labels;
  // A chart that keeps only some patients' points (domain::thinned_cusum): the patient of each
  // point, and how many patients the x axis spans. Empty: one point per patient.
  std::vector<std::int64_t> point_patients;
  std::size_t patients = 0;
  // A label per signal, in the chart's order; when given, used instead of patient_labels.
  std::vector<std::string> signal_labels;
};

// The risk-adjusted CUSUM as an SVG chart: the upper chart above zero and the lower chart
// below it, the limits +h and −h as dashed lines, each signal marked with a hover label
// (patient, chart value, limit), and a legend stating R_A and h of each chart. With reset on,
// the line rises to the crossing value and drops to 0 at the signalling patient.
// Deterministic: the same chart gives the same bytes. Pure; thread-safe.
std::string cusum_svg(const stats::RacusumChart& chart, const stats::RacusumOptions& options,
                      const CusumChartText& text = {});

// The VLAD chart (cumulative expected minus observed events: rising = fewer events than
// expected) with a zero line and the CUSUM signals marked on it. Empty chart when the VLAD
// is not available (no risks). Deterministic. Pure; thread-safe.
std::string vlad_svg(const stats::RacusumChart& chart, const CusumChartText& text = {});

}  // namespace clinaudit::render
