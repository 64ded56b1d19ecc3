#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "stats/run_chart.hpp"

namespace clinaudit::stats {

// Chart types, as qicharts2 names them (pp = Laney's p', up = Laney's u').
enum class ControlChartType { run, i, mr, xbar, s, t, p, pp, c, u, up, g };

std::string_view to_string(ControlChartType type);
// Parses "run", "i", "mr", "xbar", "s", "t", "p", "pp" (or "pprime"), "c", "u", "up" (or
// "uprime"), "g". Errors: invalid_input naming the text and the choices.
Result<ControlChartType> parse_control_chart_type(std::string_view text);
// True for p, pp, u and up, which need a denominator per subgroup.
bool needs_denominator(ControlChartType type);

// The observations of one subgroup (one x value). NaN marks a missing value. `n` is empty
// when there is no denominator, else as long as `y`; a row missing either is left out.
struct Subgroup {
  std::vector<double> y;
  std::vector<double> n;
};

struct ControlOptions {
  ControlChartType type = ControlChartType::i;
  // Points 1..freeze (1-based) form the baseline for the centre and limits; all when unset.
  std::optional<std::size_t> freeze;
  // 1-based positions of the last point of each part but the last (qicharts2's `part`):
  // centre, limits and runs analysis are computed per part.
  std::vector<std::size_t> part_ends;
  // 1-based points left out of the centre, the limits and the runs analysis.
  std::vector<std::size_t> exclude;
  // Screen moving ranges >= 3.267·AMR for the i, t, pp and up charts (Nelson 1982).
  bool screen = true;
  // False for categorical subgroups (funnel-style): no runs analysis, and p'/u' take
  // sigma_z as the standard deviation of the z-scores instead of AMR/1.128.
  bool ordered = true;
  // y, centre and limits are multiplied by this (e.g. 100 for percentages).
  double multiply = 1;
};

struct ControlPoint {
  double y = 0;  // the plotted value (proportion or rate for p, pp, u, up); NaN when missing
  double n = 0;  // the subgroup's denominator (sum of n), or its number of values
  double cl = 0;
  // Limits at 3 and 2 sigma; NaN when there are none (run chart, or not finite).
  double lcl = 0;
  double ucl = 0;
  double lcl_95 = 0;
  double ucl_95 = 0;
  std::size_t part = 0;  // 0-based
  bool baseline = true;
  bool included = true;
  bool sigma_signal = false;  // beyond a 3-sigma limit (strictly)
  bool runs_signal = false;   // the part's runs analysis signals
};

struct ControlPart {
  std::size_t first = 0;  // index of the first point
  std::size_t count = 0;
  RunsAnalysis runs;
  // As qicharts2's summary: the average limits and the centre over the part's points.
  double mean_lcl = 0;
  double cl = 0;
  double mean_ucl = 0;
  std::size_t sigma_signals = 0;
};

struct ControlChart {
  ControlChartType type = ControlChartType::i;
  std::vector<ControlPoint> points;
  std::vector<ControlPart> parts;
};

// A Shewhart control chart (or run chart) with qicharts2's conventions (qicharts2 0.7,
// Anhøj; Montgomery, Introduction to Statistical Quality Control, 7th ed., ch. 6-7;
// Laney, Qual Eng 2002;14:531-7 for p' and u'). Subgroups in x order; each is aggregated
// (sum over n for ratios, else the mean; sums for c; mean and sd for xbar and s).
// Per part, over its baseline points not excluded:
//   run   centre = median;                           no limits
//   i     centre = mean, sigma = AMR/1.128          (AMR screened when `screen`)
//   mr    y = |y_t - y_{t-1}|, centre = mean MR, UCL = 3.267·centre, LCL = 0
//   xbar  centre = weighted mean, sigma from sd's, limits ± A3·sigma
//   s     centre = mean (or pooled) sd, limits B3·centre, B4·centre
//   t     y^(1/3.6) on an i chart, back-transformed; negative lower limit → 0
//   p     centre = Σy/Σn, sigma_i = √(p(1-p)/n_i), limits clipped to [0, 1]
//   pp    p with sigma_i·sigma_z, sigma_z = AMR(z)/1.128, z_i = (p_i - p)/sigma_i
//   c     centre = mean count, sigma = √c, lower limit >= 0
//   u     centre = Σy/Σn, sigma_i = √(u/n_i), lower limit >= 0
//   up    u with the Laney adjustment as pp
//   g     limits from the mean m with sigma = √(m(m+1)), lower limit >= 0, centre shown = median
// and Anhøj's runs analysis (not for mr, and not for unordered subgroups).
// Pure; safe from any thread.
// Errors: invalid_input for no subgroups, a denominator missing or not positive where one
// is needed, a part or excluded point out of range, a t chart value <= 0, or a baseline
// with no usable value.
Result<ControlChart> control_chart(std::span<const Subgroup> subgroups, const ControlOptions& options);

}  // namespace clinaudit::stats
