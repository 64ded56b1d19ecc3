#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stats/intervals.hpp"

namespace clinaudit::render {

// One bar: a share in [0, 1] with its confidence interval and count.
struct ShareBar {
  std::string label;
  double share = 0;
  stats::Interval interval;
  long long count = 0;
  long long total = 0;
};

// A horizontal bar chart of percentages with confidence-interval whiskers, one bar per
// row, labelled with the percentage and "n of N"; each bar has a hover label. For survey
// questions and re-audit comparisons. Deterministic byte for byte.
std::string share_bar_chart(std::string_view title, const std::vector<ShareBar>& bars);

}  // namespace clinaudit::render
