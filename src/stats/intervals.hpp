#pragma once

#include <string_view>

#include "core/result.hpp"

namespace clinaudit::stats {

// A two-sided confidence interval [lower, upper] on the scale of the estimate.
struct Interval {
  double lower = 0;
  double upper = 0;
};

// Methods for the interval of a proportion (successes out of trials) or of a count.
enum class IntervalMethod {
  wilson,   // proportion: Wilson score interval
  exact,    // proportion: Clopper-Pearson (exact binomial)
  poisson,  // count or ratio: exact Poisson (Garwood, chi-square form)
  byar,     // count or ratio: Byar's approximation to the exact Poisson interval
};

// "wilson", "exact", "poisson", "byar"; parse_interval_method is its inverse.
std::string_view to_string(IntervalMethod method);
Result<IntervalMethod> parse_interval_method(std::string_view text);

// Wilson score interval for successes / trials (Wilson, JASA 1927;22:209-212; Newcombe,
// Stat Med 1998;17:857-872, method 3), as the public-health indicator methods compute it:
//   (p + z²/2n ± z·sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n),  z = two-sided quantile for `level`.
// Valid inputs: 0 <= successes <= trials, trials > 0, level in (0, 1). Non-integer counts
// are accepted (weighted data). Errors: invalid_input otherwise. Pure; thread-safe.
Result<Interval> wilson_interval(double successes, double trials, double level);

// Clopper-Pearson exact interval (Biometrika 1934;26:404-413) from beta quantiles:
//   lower = B⁻¹(α/2; x, n-x+1) (0 when x = 0), upper = B⁻¹(1-α/2; x+1, n-x) (1 when x = n).
// Agrees with R's binom.test(x, n, conf.level = level)$conf.int.
// Valid inputs and errors as wilson_interval. Pure; thread-safe.
Result<Interval> clopper_pearson_interval(double successes, double trials, double level);

// Exact Poisson interval for a count (Garwood, Biometrika 1936;28:437-442):
//   lower = χ²⁻¹(α/2; 2x) / 2 (0 when x = 0), upper = χ²⁻¹(1-α/2; 2(x+1)) / 2.
// Agrees with R's poisson.test(x, conf.level = level)$conf.int. Non-integer x is accepted
// (the chi-square form is continuous in x, as used for expected counts).
// Valid inputs: count >= 0, level in (0, 1). Errors: invalid_input. Pure; thread-safe.
Result<Interval> poisson_exact_interval(double count, double level);

// Byar's approximation to the exact Poisson interval (Breslow & Day 1987, vol. II, p. 69),
// as the public-health indicator methods compute it:
//   lower = x·(1 - 1/(9x) - z/(3√x))³ (0 when x = 0),
//   upper = (x+1)·(1 - 1/(9(x+1)) + z/(3√(x+1)))³.
// Valid inputs and errors as poisson_exact_interval. Pure; thread-safe.
Result<Interval> byar_interval(double count, double level);

// The interval for a proportion (wilson, exact) or a count (poisson, byar) by `method`.
// For a ratio O/E (an indirectly standardised ratio) or a rate (events per exposure),
// pass the count as `numerator` and E or the exposure as `denominator`: the count
// interval is divided by it. For a proportion, numerator/denominator are successes/trials.
// Errors: invalid_input as above, or a denominator that is not > 0. Pure; thread-safe.
Result<Interval> confidence_interval(IntervalMethod method, double numerator, double denominator, double level);

}  // namespace clinaudit::stats
