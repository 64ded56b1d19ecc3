#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Risk-adjusted Bernoulli CUSUM and VLAD charts (Steiner SH, Cook RJ, Farewell VT, Treasure T.
// Monitoring surgical performance using risk-adjusted cumulative sum charts. Biostatistics
// 2000;1(4):441-452; VLAD: Lovegrove J et al., Lancet 1997;350:1128-1130).
//
// Patient t has a predicted risk p_t (from the case-mix model) and an outcome y_t (1 = the
// adverse event, e.g. death within 30 days). For an alternative odds ratio R_A against the null
// odds ratio R_0 (1 unless stated), the log-likelihood-ratio weight is
//   W_t = y_t·log(R_A/R_0) + log((1 − p_t + R_0·p_t) / (1 − p_t + R_A·p_t)),
// which for R_0 = 1 is Steiner's W_t = y_t·log R_A − log(1 − p_t + R_A·p_t) (and the R
// packages' cusum::weights_t and vlad::llr_score).
//
// Upper chart (R_A > 1, deterioration):  C_t = max(0, C_{t−1} + W_t), signal when C_t >= h.
// Lower chart (R_A < 1, improvement):     C_t = min(0, C_{t−1} − W_t), signal when C_t <= −h.
// With reset on, the chart is set back to 0 at the signalling patient, so the point shows 0
// and the next patient starts from 0; the value that crossed is kept in the signal. This is
// the convention of the `cusum` R package's racusum() (ct is stored after the reset).
// VLAD (variable life-adjusted display): V_t = Σ_{s<=t} (p_s − y_s), expected minus observed,
// so a rising line means fewer events than the case mix predicts.

// W_t for one patient. `risk` in [0, 1], `outcome` 0 or 1, odds ratios > 0. Pure.
double racusum_weight(double risk, int outcome, double odds_ratio, double null_odds_ratio = 1.0);

struct RacusumOptions {
  bool upper = true;              // draw the upper (deterioration) chart
  double upper_odds_ratio = 2.0;  // R_A of the upper chart, > 1
  double upper_limit = 4.5;       // h of the upper chart, > 0 (Steiner 2000 used 4.5)
  bool lower = true;              // draw the lower (improvement) chart
  double lower_odds_ratio = 0.5;  // R_A of the lower chart, in (0, 1)
  double lower_limit = 4.0;       // h of the lower chart, > 0; signals at −h (Steiner 2000 used 4)
  double null_odds_ratio = 1.0;   // R_0, > 0
  bool reset = true;              // restart from 0 after a signal
};

enum class CusumSide { upper, lower };

struct RacusumPoint {
  double weight_upper = 0;  // W_t for the upper chart's R_A (NaN when that chart is off)
  double weight_lower = 0;  // W_t for the lower chart's R_A (NaN when that chart is off)
  double upper = 0;         // C_t of the upper chart after any reset, >= 0 (NaN when off)
  double lower = 0;         // C_t of the lower chart after any reset, <= 0 (NaN when off)
  double vlad = 0;          // V_t (NaN when no risks were given)
  bool signal_upper = false;
  bool signal_lower = false;
};

struct CusumSignal {
  std::size_t index = 0;  // 0-based patient position in input order
  CusumSide side = CusumSide::upper;
  double value = 0;  // the chart value that crossed the limit (before the reset)
};

struct RacusumChart {
  std::vector<RacusumPoint> points;  // one per patient, in input order
  std::vector<CusumSignal> signals;  // in patient order; upper before lower at the same patient
  double observed = 0;               // Σ y
  double expected = 0;               // Σ p (NaN when no risks were given)
};

// Checks one patient's risk and outcome. `position` is 0-based and named in messages as
// "patient N". Errors: invalid_input when the risk is not in [0, 1] or not finite, or the
// outcome is not 0 or 1.
Result<void> check_patient(std::size_t position, double risk, double outcome);

// Checks the chart options. Errors: invalid_input naming the option and the value.
Result<void> check_options(const RacusumOptions& options);

// The upper and lower CUSUM and the VLAD line for patients in monitoring order.
// `risks` and `outcomes` have the same length (outcomes 0 or 1). An empty input gives an
// empty chart. Pure; safe from any thread.
// Errors: invalid_input for unequal lengths, a bad risk or outcome (naming the patient),
// or bad options.
Result<RacusumChart> racusum_chart(std::span<const double> risks, std::span<const double> outcomes,
                                   const RacusumOptions& options);

// The upper CUSUM on weights given by the caller (as the `cusum` R package does when
// `weights` are passed): C_t = max(0, C_{t−1} + w_t), signal at C_t >= h. The lower chart is
// off. `risks` may be empty (then VLAD and expected are NaN) or as long as `weights`;
// `outcomes` as long as `weights`. Errors: invalid_input for unequal lengths, non-finite
// weights, bad risks or outcomes, or a limit that is not positive.
Result<RacusumChart> cusum_chart_from_weights(std::span<const double> weights, std::span<const double> risks,
                                              std::span<const double> outcomes, const RacusumOptions& options);

}  // namespace clinaudit::stats
