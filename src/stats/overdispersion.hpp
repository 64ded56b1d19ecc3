#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Overdispersion estimates from per-unit z-scores (Spiegelhalter, Qual Saf Health Care
// 2005;14:347-351; NHS Digital SHMI methodology; DerSimonian & Laird, Control Clin
// Trials 1986;7:177-188). The funnel code computes z_i and s_i on its transformed scale
// (stats/funnel.hpp); these functions damp the extremes and estimate φ and τ².

// How extreme z-scores are damped before φ is estimated.
enum class Damping {
  truncation,     // NHS Digital SHMI: units in the outer trim fractions are left out
  winsorisation,  // CQC / Spiegelhalter: z clamped to the [trim, 1 - trim] quantiles
};

// The SHMI truncation rule. Ranks r_i of z (ties get the average rank) and, with
// k = 1/trim, keeps unit i when 0 < floor(r_i·k/(n + 1)) < k - 1. With n < 9 and trim 0.1
// this keeps every unit. trim = 0 keeps every unit. Returns one flag per z (true = kept).
// -inf sorts first. O(n log n). Pure; thread-safe.
std::vector<bool> truncation_kept(std::span<const double> z, double trim);

// The sample quantile of `values` at probability `p` in [0, 1] by R's default (type 7)
// rule: linear interpolation between order statistics. Infinite values are allowed (an
// interpolation between equal or infinite neighbours returns the lower one, as R does).
// `values` must not be empty (asserts). O(n log n). Pure; thread-safe.
double quantile_type7(std::span<const double> values, double p);

// z clamped to the [trim, 1 - trim] type-7 quantiles of z. trim = 0 leaves z unchanged.
std::vector<double> winsorised(std::span<const double> z, double trim);

// The result of the dispersion estimate.
struct Dispersion {
  std::int64_t units_used = 0;  // units whose damped z entered φ and τ²
  double phi = 0;               // mean of the damped z² over those units
  double tau2 = 0;              // DerSimonian-Laird between-unit variance (0 when nφ < n - 1)
};

// φ = Σ z_i²/n over the units used, and τ² = max(0, (nφ - (n - 1)) / (Σw - Σw²/Σw)) with
// w_i = 1/s_i² over the same units. Units are used when `kept` is true and both z and s
// are finite with s > 0 (an infinite z, e.g. zero events on the log scale, cannot inform
// φ). `z`, `s` and `kept` have the same length (asserts).
// Errors: invalid_input when fewer than 2 units can be used. Pure; thread-safe.
Result<Dispersion> estimate_dispersion(std::span<const double> z, std::span<const double> s,
                                       const std::vector<bool>& kept);

}  // namespace clinaudit::stats
