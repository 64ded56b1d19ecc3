#pragma once

#include <span>
#include <vector>

#include "stats/spc_xmr.hpp"

namespace clinaudit::stats {

// The lines of one XmR group that the special-cause rules test against. NaN limits
// (a group without limits) make the limit-based rules never fire.
struct SpcLines {
  double mean = 0;
  double lpl = 0;
  double upl = 0;
  double near_lower = 0;
  double near_upper = 0;
};

// The Making Data Count rule for each point of one group, first match wins:
// (1) beyond a process limit (strictly); (2) part of a run of 7 points each strictly above
// (below) the previous one, the whole run flagged, its direction taken from the step to the
// next point when that point is in the run too, else from the step from the previous point;
// (3) two of three: a window of three consecutive points all strictly on one side of the mean
// with at least two of them beyond the 2-sigma line but inside the limits flags those
// points; (4) part of 7 consecutive points strictly on one side of the mean.
// Follows NHSRplotthedots 0.2 (ptd_special_cause_type). Pure; safe from any thread.
std::vector<SpcRule> spc_rules(std::span<const double> values, const SpcLines& lines);

// +1 for a rule that points up (high, increasing), -1 for down, 0 for common cause.
int rule_sign(SpcRule rule);

// The point type for a rule given the improvement direction.
SpcPointType point_type(SpcRule rule, ImprovementDirection direction);

}  // namespace clinaudit::stats
