#include "stats/spc_rules.hpp"

#include <cstddef>
#include <cstdlib>

namespace clinaudit::stats {
namespace {

constexpr std::size_t kRunLength = 7;

int sign_of(double x) { return x > 0 ? 1 : (x < 0 ? -1 : 0); }

// Marks every point of each window of `kRunLength` points that ends at a point where
// `ends_run` is set: the whole run is flagged, not only its last point.
std::vector<bool> spread_back(const std::vector<bool>& ends_run) {
  std::vector<bool> part(ends_run.size(), false);
  for (std::size_t i = 0; i < ends_run.size(); ++i) {
    if (!ends_run[i]) continue;
    for (std::size_t k = 0; k < kRunLength; ++k) part[i - k] = true;
  }
  return part;
}

}  // namespace

int rule_sign(SpcRule rule) {
  switch (rule) {
    case SpcRule::astronomical_high:
    case SpcRule::trend_increasing:
    case SpcRule::two_in_three_high:
    case SpcRule::shift_high: return 1;
    case SpcRule::astronomical_low:
    case SpcRule::trend_decreasing:
    case SpcRule::two_in_three_low:
    case SpcRule::shift_low: return -1;
    case SpcRule::common_cause: return 0;
  }
  return 0;
}

SpcPointType point_type(SpcRule rule, ImprovementDirection direction) {
  const int sign = rule_sign(rule);
  if (sign == 0) return SpcPointType::common_cause;
  if (direction == ImprovementDirection::neutral) {
    return sign > 0 ? SpcPointType::special_cause_neutral_high : SpcPointType::special_cause_neutral_low;
  }
  const int better = direction == ImprovementDirection::increase ? 1 : -1;
  return sign == better ? SpcPointType::special_cause_improvement : SpcPointType::special_cause_concern;
}

std::vector<SpcRule> spc_rules(std::span<const double> values, const SpcLines& lines) {
  const std::size_t n = values.size();
  std::vector<int> side(n);      // relative to the mean: -1, 0, +1
  std::vector<bool> outside(n);  // strictly beyond a process limit
  std::vector<bool> near(n);     // beyond a 2-sigma line but inside the limits
  for (std::size_t i = 0; i < n; ++i) {
    const double y = values[i];
    side[i] = sign_of(y - lines.mean);
    outside[i] = y > lines.upl || y < lines.lpl;
    near[i] = !outside[i] && (y < lines.near_lower || y > lines.near_upper);
  }

  // Trend: the point ends 7 points with 6 strictly monotone steps.
  std::vector<int> step(n, 0);  // step[i] = sign(y[i] - y[i-1]), 0 for i = 0
  for (std::size_t i = 1; i < n; ++i) step[i] = sign_of(values[i] - values[i - 1]);
  std::vector<bool> trend_end(n, false);
  for (std::size_t i = kRunLength - 1; i < n; ++i) {
    const int first = step[i];
    bool monotone = first != 0;
    for (std::size_t k = 1; monotone && k < kRunLength - 1; ++k) monotone = step[i - k] == first;
    trend_end[i] = monotone;
  }
  const std::vector<bool> in_trend = spread_back(trend_end);

  // Shift: the point and the 6 before it are on the same side, none on the mean.
  std::vector<bool> shift_end(n, false);
  for (std::size_t i = kRunLength - 1; i < n; ++i) {
    bool same = side[i] != 0;
    for (std::size_t k = 1; same && k < kRunLength; ++k) same = side[i - k] == side[i];
    shift_end[i] = same;
  }
  const std::vector<bool> in_shift = spread_back(shift_end);

  // Two in three: any window of three containing the point qualifies it, if the point
  // itself is beyond the 2-sigma line.
  std::vector<bool> in_two_of_three(n, false);
  for (std::size_t start = 0; start + 3 <= n; ++start) {
    const int sum_side = side[start] + side[start + 1] + side[start + 2];
    const int near_count = int{near[start]} + int{near[start + 1]} + int{near[start + 2]};
    if (std::abs(sum_side) != 3 || near_count < 2) continue;
    for (std::size_t k = 0; k < 3; ++k) {
      if (near[start + k]) in_two_of_three[start + k] = true;
    }
  }

  std::vector<SpcRule> rules(n, SpcRule::common_cause);
  for (std::size_t i = 0; i < n; ++i) {
    if (outside[i]) {
      // A point beyond a limit is never on the mean; NHSRplotthedots names it by side.
      rules[i] = side[i] == 1 ? SpcRule::astronomical_high : SpcRule::astronomical_low;
    } else if (in_trend[i]) {
      // Direction: the step to the next point when it belongs to the run, else the step in.
      const bool next_in_run = i + 1 < n && in_trend[i + 1];
      const int direction = next_in_run ? step[i + 1] : step[i];
      rules[i] = direction == 1 ? SpcRule::trend_increasing : SpcRule::trend_decreasing;
    } else if (in_two_of_three[i]) {
      rules[i] = side[i] > 0 ? SpcRule::two_in_three_high : SpcRule::two_in_three_low;
    } else if (in_shift[i]) {
      rules[i] = side[i] > 0 ? SpcRule::shift_high : SpcRule::shift_low;
    }
  }
  return rules;
}

}  // namespace clinaudit::stats
