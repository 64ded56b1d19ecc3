#include "stats/calibration.hpp"

#include <boost/math/distributions/chi_squared.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace clinaudit::stats {
namespace {

// R's default quantile (type 7) of sorted values.
double quantile7(const std::vector<double>& sorted, double probability) {
  const double h = static_cast<double>(sorted.size() - 1) * probability;
  const auto low = static_cast<std::size_t>(std::floor(h));
  const std::size_t high = std::min(low + 1, sorted.size() - 1);
  return sorted[low] + (h - static_cast<double>(low)) * (sorted[high] - sorted[low]);
}

// Sum of the sorted values at [first, last), by a compensated sum (the values are many and small).
double sum_range(const std::vector<double>& values, std::size_t first, std::size_t last) {
  double sum = 0.0, carry = 0.0;
  for (std::size_t i = first; i < last; ++i) {
    const double y = values[i] - carry;
    const double t = sum + y;
    carry = (t - sum) - y;
    sum = t;
  }
  return sum;
}

}  // namespace

Result<HosmerLemeshow> hosmer_lemeshow(const RankedRisks& risks, int groups) {
  if (groups < 3) return Error{ErrorCode::invalid_input, "the Hosmer-Lemeshow test needs at least 3 groups"};
  if (risks.all.empty()) return Error{ErrorCode::invalid_input, "the Hosmer-Lemeshow test needs episodes"};
  std::vector<double> breaks;
  for (int k = 0; k <= groups; ++k) {
    // Exact probabilities k/g as R's seq(0, 1, 1/g) computes them (by multiplication).
    const double value = quantile7(risks.all, static_cast<double>(k) * (1.0 / static_cast<double>(groups)));
    if (breaks.empty() || value != breaks.back()) breaks.push_back(value);
  }
  HosmerLemeshow test;
  std::size_t all_from = 0, events_from = 0;
  for (std::size_t g = 0; g + 1 < breaks.size() || (breaks.size() == 1 && g == 0); ++g) {
    const double upper = breaks.size() == 1 ? breaks[0] : breaks[g + 1];
    const auto all_to =
        static_cast<std::size_t>(std::upper_bound(risks.all.begin(), risks.all.end(), upper) - risks.all.begin());
    const auto events_to = static_cast<std::size_t>(std::upper_bound(risks.events.begin(), risks.events.end(), upper) -
                                                    risks.events.begin());
    RiskGroup group;
    group.lower = breaks[g];
    group.upper = upper;
    group.episodes = static_cast<std::int64_t>(all_to - all_from);
    group.observed = static_cast<std::int64_t>(events_to - events_from);
    group.expected = sum_range(risks.all, all_from, all_to);
    test.groups.push_back(group);
    all_from = all_to;
    events_from = events_to;
  }
  for (const auto& group : test.groups) {
    const double n = static_cast<double>(group.episodes);
    const double o1 = static_cast<double>(group.observed);
    const double e1 = group.expected;
    const double o0 = n - o1;
    const double e0 = n - e1;
    if (e1 > 0) test.statistic += (o1 - e1) * (o1 - e1) / e1;
    if (e0 > 0) test.statistic += (o0 - e0) * (o0 - e0) / e0;
  }
  test.degrees_of_freedom = static_cast<int>(test.groups.size()) - 2;
  test.p_value = std::numeric_limits<double>::quiet_NaN();
  if (test.degrees_of_freedom >= 1 && std::isfinite(test.statistic)) {
    const boost::math::chi_squared distribution(test.degrees_of_freedom);
    test.p_value = boost::math::cdf(boost::math::complement(distribution, test.statistic));
  }
  return test;
}

CalibrationInTheLarge calibration_in_the_large(const RankedRisks& risks) {
  CalibrationInTheLarge result;
  result.episodes = static_cast<std::int64_t>(risks.all.size());
  result.observed = static_cast<std::int64_t>(risks.events.size());
  result.expected = sum_range(risks.all, 0, risks.all.size());
  result.ratio = result.expected > 0 ? static_cast<double>(result.observed) / result.expected
                                     : std::numeric_limits<double>::quiet_NaN();
  result.difference = result.episodes > 0 ? (static_cast<double>(result.observed) - result.expected) /
                                                static_cast<double>(result.episodes)
                                          : 0.0;
  return result;
}

}  // namespace clinaudit::stats
