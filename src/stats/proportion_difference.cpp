#include "stats/proportion_difference.hpp"

#include <cmath>

namespace clinaudit::stats {

Result<ProportionDifference> newcombe_difference(double x1, double n1, double x2, double n2, double level) {
  const auto first = wilson_interval(x1, n1, level);
  if (!first) return Error{first.error().code, "first proportion: " + first.error().message};
  const auto second = wilson_interval(x2, n2, level);
  if (!second) return Error{second.error().code, "second proportion: " + second.error().message};
  const double p1 = x1 / n1;
  const double p2 = x2 / n2;
  ProportionDifference out;
  out.difference = p1 - p2;
  out.interval.lower = out.difference - std::hypot(p1 - first->lower, second->upper - p2);
  out.interval.upper = out.difference + std::hypot(first->upper - p1, p2 - second->lower);
  return out;
}

}  // namespace clinaudit::stats
