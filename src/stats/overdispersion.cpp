#include "stats/overdispersion.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace clinaudit::stats {

std::vector<bool> truncation_kept(std::span<const double> z, double trim) {
  const std::size_t n = z.size();
  std::vector<bool> kept(n, true);
  if (n == 0 || !(trim > 0.0)) return kept;

  // Average ranks (1-based), as R's rank(ties.method = "average").
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&z](std::size_t a, std::size_t b) { return z[a] < z[b]; });
  std::vector<double> rank(n);
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j + 1 < n && z[order[j + 1]] == z[order[i]]) ++j;
    const double average = (static_cast<double>(i + 1) + static_cast<double>(j + 1)) / 2.0;
    for (std::size_t m = i; m <= j; ++m) rank[order[m]] = average;
    i = j + 1;
  }

  const double k = 1.0 / trim;
  const double groups = static_cast<double>(n + 1);
  for (std::size_t i = 0; i < n; ++i) {
    const double band = std::floor(rank[i] * k / groups);
    kept[i] = band > 0.0 && band < k - 1.0;
  }
  return kept;
}

double quantile_type7(std::span<const double> values, double p) {
  assert(!values.empty());
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double index = p * static_cast<double>(sorted.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(index));
  const auto hi = std::min(lo + 1, sorted.size() - 1);
  const double h = index - static_cast<double>(lo);
  if (h == 0.0 || sorted[hi] == sorted[lo]) return sorted[lo];
  return (1.0 - h) * sorted[lo] + h * sorted[hi];
}

std::vector<double> winsorised(std::span<const double> z, double trim) {
  std::vector<double> out(z.begin(), z.end());
  if (z.empty() || !(trim > 0.0)) return out;
  const double low = quantile_type7(z, trim);
  const double high = quantile_type7(z, 1.0 - trim);
  for (double& value : out) value = std::clamp(value, low, high);
  return out;
}

Result<Dispersion> estimate_dispersion(std::span<const double> z, std::span<const double> s,
                                       const std::vector<bool>& kept) {
  assert(z.size() == s.size() && z.size() == kept.size());
  double sum_z2 = 0;
  double sum_w = 0;
  double sum_w2 = 0;
  std::int64_t n = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    if (!kept[i] || !std::isfinite(z[i]) || !std::isfinite(s[i]) || !(s[i] > 0.0)) continue;
    const double w = 1.0 / (s[i] * s[i]);
    sum_z2 += z[i] * z[i];
    sum_w += w;
    sum_w2 += w * w;
    ++n;
  }
  if (n < 2) {
    return Error{ErrorCode::invalid_input,
                 "overdispersion needs at least 2 units with a finite z-score after trimming; " + std::to_string(n) +
                     " available"};
  }
  Dispersion result;
  result.units_used = n;
  const auto count = static_cast<double>(n);
  result.phi = sum_z2 / count;
  const double numerator = count * result.phi - (count - 1.0);
  const double denominator = sum_w - sum_w2 / sum_w;
  result.tau2 = (numerator > 0.0 && denominator > 0.0) ? numerator / denominator : 0.0;
  return result;
}

}  // namespace clinaudit::stats
