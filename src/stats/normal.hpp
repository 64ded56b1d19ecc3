#pragma once

namespace clinaudit::stats {

// Two-sided normal quantiles used for funnel-plot limits, as the NHS references
// print them (../METHODS: 95% -> 1.959964, 99.8% -> 3.090232).
inline constexpr double kZ95 = 1.959963984540054;
inline constexpr double kZ998 = 3.090232306167813;

// The standard normal quantile: the z with P(Z <= z) = p, for p in (0, 1).
// Pure; safe from any thread. p outside (0, 1) is a programmer mistake (asserts).
double normal_quantile(double p);

// The standard normal distribution function P(Z <= z).
double normal_cdf(double z);

// The two-sided quantile for a confidence level in (0, 1): normal_quantile(1 - (1 - level)/2).
double two_sided_z(double level);

}  // namespace clinaudit::stats
