#include "stats/intervals.hpp"

#include <algorithm>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <exception>
#include <string>

#include "stats/normal.hpp"

namespace clinaudit::stats {
namespace {

Result<void> check_level(double level) {
  if (!(level > 0.0 && level < 1.0)) {
    return Error{ErrorCode::invalid_input, "the confidence level must lie strictly between 0 and 1"};
  }
  return {};
}

Result<void> check_proportion(double successes, double trials, double level) {
  if (auto ok = check_level(level); !ok) return ok.error();
  if (!std::isfinite(trials) || trials <= 0.0) {
    return Error{ErrorCode::invalid_input, "the denominator (trials) must be a positive number"};
  }
  if (!std::isfinite(successes) || successes < 0.0 || successes > trials) {
    return Error{ErrorCode::invalid_input, "the numerator must lie between 0 and the denominator"};
  }
  return {};
}

Result<void> check_count(double count, double level) {
  if (auto ok = check_level(level); !ok) return ok.error();
  if (!std::isfinite(count) || count < 0.0) {
    return Error{ErrorCode::invalid_input, "the count must be a non-negative number"};
  }
  return {};
}

}  // namespace

std::string_view to_string(IntervalMethod method) {
  switch (method) {
    case IntervalMethod::wilson: return "wilson";
    case IntervalMethod::exact: return "exact";
    case IntervalMethod::poisson: return "poisson";
    case IntervalMethod::byar: return "byar";
  }
  return "wilson";
}

Result<IntervalMethod> parse_interval_method(std::string_view text) {
  for (const auto method :
       {IntervalMethod::wilson, IntervalMethod::exact, IntervalMethod::poisson, IntervalMethod::byar}) {
    if (text == to_string(method)) return method;
  }
  return Error{ErrorCode::invalid_input,
               "unknown interval method '" + std::string(text) + "' (expected wilson, exact, poisson or byar)"};
}

Result<Interval> wilson_interval(double successes, double trials, double level) {
  if (auto ok = check_proportion(successes, trials, level); !ok) return ok.error();
  const double z = two_sided_z(level);
  const double p = successes / trials;
  const double z2n = z * z / trials;
  const double centre = p + z2n / 2.0;
  const double half = z * std::sqrt(p * (1.0 - p) / trials + z2n / (4.0 * trials));
  const double scale = 1.0 + z2n;
  return Interval{std::max(0.0, (centre - half) / scale), std::min(1.0, (centre + half) / scale)};
}

Result<Interval> clopper_pearson_interval(double successes, double trials, double level) {
  if (auto ok = check_proportion(successes, trials, level); !ok) return ok.error();
  const double alpha = 1.0 - level;
  try {
    Interval interval{0.0, 1.0};
    if (successes > 0.0) {
      const boost::math::beta_distribution<double> lower_beta(successes, trials - successes + 1.0);
      interval.lower = boost::math::quantile(lower_beta, alpha / 2.0);
    }
    if (successes < trials) {
      const boost::math::beta_distribution<double> upper_beta(successes + 1.0, trials - successes);
      interval.upper = boost::math::quantile(upper_beta, 1.0 - alpha / 2.0);
    }
    return interval;
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("exact binomial interval: ") + e.what()};
  }
}

Result<Interval> poisson_exact_interval(double count, double level) {
  if (auto ok = check_count(count, level); !ok) return ok.error();
  const double alpha = 1.0 - level;
  try {
    Interval interval{0.0, 0.0};
    if (count > 0.0) {
      const boost::math::chi_squared_distribution<double> lower_chi(2.0 * count);
      interval.lower = boost::math::quantile(lower_chi, alpha / 2.0) / 2.0;
    }
    const boost::math::chi_squared_distribution<double> upper_chi(2.0 * (count + 1.0));
    interval.upper = boost::math::quantile(upper_chi, 1.0 - alpha / 2.0) / 2.0;
    return interval;
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("exact Poisson interval: ") + e.what()};
  }
}

Result<Interval> byar_interval(double count, double level) {
  if (auto ok = check_count(count, level); !ok) return ok.error();
  const double z = two_sided_z(level);
  Interval interval{0.0, 0.0};
  if (count > 0.0) {
    const double term = 1.0 - 1.0 / (9.0 * count) - z / (3.0 * std::sqrt(count));
    // The cube goes negative for very small counts at high levels; a count is never below 0.
    interval.lower = std::max(0.0, count * term * term * term);
  }
  const double next = count + 1.0;
  const double term = 1.0 - 1.0 / (9.0 * next) + z / (3.0 * std::sqrt(next));
  interval.upper = next * term * term * term;
  return interval;
}

Result<Interval> confidence_interval(IntervalMethod method, double numerator, double denominator, double level) {
  switch (method) {
    case IntervalMethod::wilson: return wilson_interval(numerator, denominator, level);
    case IntervalMethod::exact: return clopper_pearson_interval(numerator, denominator, level);
    case IntervalMethod::poisson:
    case IntervalMethod::byar: break;
  }
  if (!std::isfinite(denominator) || denominator <= 0.0) {
    return Error{ErrorCode::invalid_input, "the denominator (expected count or exposure) must be a positive number"};
  }
  auto count =
      method == IntervalMethod::poisson ? poisson_exact_interval(numerator, level) : byar_interval(numerator, level);
  if (!count) return count.error();
  return Interval{count->lower / denominator, count->upper / denominator};
}

}  // namespace clinaudit::stats
