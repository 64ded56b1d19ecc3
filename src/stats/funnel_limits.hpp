#pragma once

#include <optional>
#include <string_view>

#include "core/result.hpp"

namespace clinaudit::stats {

// What a funnel plot compares (Spiegelhalter, Stat Med 2005;24:1185-1202).
enum class FunnelType {
  proportion,  // events / cases, in [0, 1]
  ratio,       // observed / expected (indirectly standardised ratio: SMR, SHMI)
  rate,        // events / exposure (e.g. per bed-day)
};

// How the limits without overdispersion are drawn.
enum class LimitMethod {
  exact,    // ratio/rate: exact Poisson (chi-square form); proportion: exact binomial
  normal,   // target ± z·SE at the target (Fingertips convention for proportions)
  arcsine,  // proportion only: sin²(asin√t ± z/(2√n)), clipped to [0, 1]
};

// The overdispersion scale (../METHODS §1). `automatic` is resolved by the funnel code:
// log for ratios and rates, arcsine for proportions.
enum class OverdispersionMethod { automatic, none, log, sqrt, arcsine, multiplicative };

std::string_view to_string(FunnelType type);
std::string_view to_string(LimitMethod method);
std::string_view to_string(OverdispersionMethod method);
Result<FunnelType> parse_funnel_type(std::string_view text);
Result<LimitMethod> parse_limit_method(std::string_view text);
Result<OverdispersionMethod> parse_overdispersion_method(std::string_view text);

// Lower and upper limits at one confidence level, on the scale of the unit's value.
struct LimitPair {
  double lower = 0;
  double upper = 0;
};

// The two funnel levels: 95% (alert, z = 1.959964) and 99.8% (alarm, z = 3.090232).
struct FunnelLimits {
  LimitPair l95;
  LimitPair l998;
};

// Everything needed to draw a funnel's limits at any denominator: the unadjusted
// limits follow `limits`; the adjusted ones follow `method` with φ and τ² (used only when
// `applied`). `method` is never `automatic` here.
struct LimitModel {
  FunnelType type = FunnelType::ratio;
  double target = 1;
  LimitMethod limits = LimitMethod::exact;
  OverdispersionMethod method = OverdispersionMethod::none;
  double phi = 1;
  double tau2 = 0;
  bool applied = false;
};

// Limits without overdispersion at denominator d (> 0; cases, expected count or exposure).
// Ratio and rate (target t, E = t·d; ratio targets are usually 1):
//   exact:  t·χ²⁻¹(α/2; 2E)/(2E) and t·χ²⁻¹(1-α/2; 2(E+1))/(2E)   (E not rounded)
//   normal: t·(1 ± z/√E), lower at least 0
// Proportion (target t):
//   exact:  Spiegelhalter (2005, appendix) interpolated binomial quantile (r_p - a)/d with
//           r_p the smallest r with F(r) >= p, a = (F(r_p) - p)/(F(r_p) - F(r_p - 1))
//   normal: t ± z·√(t(1-t)/d), clipped to [0, 1]
//   arcsine: sin²(asin√t ± z/(2√d)), the angle clipped to [0, π/2]
// Errors: invalid_input when d <= 0 or arcsine limits are asked for a ratio or rate.
// Pure; thread-safe.
Result<FunnelLimits> unadjusted_limits(const LimitModel& model, double denominator);

// Limits with the overdispersion adjustment when model.applied (else the unadjusted ones):
//   log:            t·exp(± z·√(1/E + τ²))
//   sqrt:           t·(1 ± z·√(1/(4E) + τ²))², the inner term at least 0 for the lower limit
//   arcsine:        sin²(asin√t ± z·√(1/(4d) + τ²)), clipped to [0, 1]
//   multiplicative: t ± z·√φ·SE, SE = √(t/d) (ratio, rate) or √(t(1-t)/d) (proportion)
// Errors as unadjusted_limits. Pure; thread-safe.
Result<FunnelLimits> adjusted_limits(const LimitModel& model, double denominator);

}  // namespace clinaudit::stats
