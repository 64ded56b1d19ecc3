#include "stats/run_chart.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <vector>

namespace clinaudit::stats {

std::size_t longest_run_limit(std::size_t n_useful) {
  assert(n_useful >= 1);
  // log2 of an integer is never exactly half-way between integers, so R's round-half-even
  // and std::lround agree.
  return static_cast<std::size_t>(std::lround(std::log2(static_cast<double>(n_useful)))) + 3;
}

std::size_t crossings_limit(std::size_t n_useful) {
  assert(n_useful >= 1);
  const std::size_t trials = n_useful - 1;
  // Binomial(trials, 1/2) probabilities in logs: log C(m, k) - m log 2, built up term by term
  // so that large m neither overflows nor needs a gamma function.
  const double log_half_power = -static_cast<double>(trials) * std::log(2.0);
  double log_choose = 0;  // log C(m, 0)
  double cumulative = 0;
  // R's qbinom searches with the probability fuzzed down by 64 machine epsilons.
  const double wanted = 0.05 * (1 - 64 * 2.220446049250313e-16);
  for (std::size_t k = 0; k <= trials; ++k) {
    if (k > 0) log_choose += std::log(static_cast<double>(trials - k + 1)) - std::log(static_cast<double>(k));
    cumulative += std::exp(log_choose + log_half_power);
    if (cumulative >= wanted) return k;
  }
  return trials;
}

RunsAnalysis runs_analysis(std::span<const double> values, std::span<const double> centre) {
  assert(values.size() == centre.size());
  RunsAnalysis result;
  result.n_obs = values.size();
  std::vector<int> sides;
  sides.reserve(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    const double d = values[i] - centre[i];
    if (std::isnan(d) || d == 0) continue;
    sides.push_back(d > 0 ? 1 : -1);
  }
  result.n_useful = sides.size();
  if (sides.empty()) return result;

  std::size_t runs = 1;
  std::size_t current = 1;
  std::size_t longest = 1;
  for (std::size_t i = 1; i < sides.size(); ++i) {
    if (sides[i] == sides[i - 1]) {
      ++current;
    } else {
      ++runs;
      current = 1;
    }
    longest = std::max(longest, current);
  }
  result.longest_run = longest;
  result.crossings = runs - 1;
  result.longest_run_limit = longest_run_limit(result.n_useful);
  result.crossings_limit = crossings_limit(result.n_useful);
  result.signal = result.longest_run > result.longest_run_limit || result.crossings < result.crossings_limit;
  return result;
}

}  // namespace clinaudit::stats
