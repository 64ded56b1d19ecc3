#pragma once

#include <cstdint>

#include "core/result.hpp"
#include "stats/intervals.hpp"

namespace clinaudit::stats {

// The difference between two independent proportions, p1 - p2 = x1/n1 - x2/n2, with
// Newcombe's hybrid score interval (Newcombe, Stat Med 1998;17:873-890, method 10): from
// the Wilson limits (l1, u1) and (l2, u2) at `level`,
//   lower = D - sqrt((p1 - l1)^2 + (u2 - p2)^2),  upper = D + sqrt((u1 - p1)^2 + (p2 - l2)^2).
// Used for year-on-year survey changes and re-audit before/after comparisons.
// Valid inputs: 0 <= x <= n, n >= 1, level in (0, 1). Pure; safe from any thread.
// Errors: invalid_input naming the bad argument.
struct ProportionDifference {
  double difference = 0;  // p1 - p2
  Interval interval;
};
Result<ProportionDifference> newcombe_difference(double x1, double n1, double x2, double n2, double level = 0.95);

}  // namespace clinaudit::stats
