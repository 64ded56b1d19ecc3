#include "stats/spc_xmr.hpp"

#include <algorithm>
#include <cmath>

#include "stats/not_a_number.hpp"
#include "stats/spc_rules.hpp"

namespace clinaudit::stats {
namespace {

double mean_of(std::span<const double> values) {
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

// Mean and AMR of one group's baseline, as NHSRplotthedots computes them.
XmrGroup fit_group(std::span<const double> baseline, bool screen) {
  XmrGroup group;
  group.baseline_points = baseline.size();
  group.mean = mean_of(baseline);
  std::vector<double> ranges;
  for (std::size_t i = 1; i < baseline.size(); ++i) ranges.push_back(std::abs(baseline[i] - baseline[i - 1]));
  if (ranges.empty()) {
    group.amr = kNaN;
    return group;
  }
  double amr = mean_of(ranges);
  if (screen) {
    // Ranges at or above the screening limit are left out (strictly below are kept); when
    // every range is zero nothing is kept and the group has no limits, as in the reference.
    const double cut = kMovingRangeScreen * amr;
    std::erase_if(ranges, [cut](double r) { return !(r < cut); });
    amr = ranges.empty() ? kNaN : mean_of(ranges);
  }
  group.amr = amr;
  group.moving_ranges_used = ranges.size();
  group.has_limits = std::isfinite(amr) && amr > 0;
  return group;
}

VariationIcon variation_icon(SpcPointType type, ImprovementDirection direction) {
  const bool up_is_better = direction == ImprovementDirection::increase;
  switch (type) {
    case SpcPointType::common_cause: return VariationIcon::common_cause;
    case SpcPointType::special_cause_neutral_high: return VariationIcon::neutral_high;
    case SpcPointType::special_cause_neutral_low: return VariationIcon::neutral_low;
    case SpcPointType::special_cause_improvement:
      return up_is_better ? VariationIcon::improvement_high : VariationIcon::improvement_low;
    case SpcPointType::special_cause_concern:
      return up_is_better ? VariationIcon::concern_low : VariationIcon::concern_high;
  }
  return VariationIcon::common_cause;
}

}  // namespace

AssuranceIcon assurance_icon(double target, double lpl, double upl, ImprovementDirection direction) {
  if (direction == ImprovementDirection::neutral) return AssuranceIcon::none;
  const bool up_is_better = direction == ImprovementDirection::increase;
  if (target > upl) return up_is_better ? AssuranceIcon::consistent_fail : AssuranceIcon::consistent_pass;
  if (target < lpl) return up_is_better ? AssuranceIcon::consistent_pass : AssuranceIcon::consistent_fail;
  return AssuranceIcon::inconsistent;
}

Result<XmrChart> xmr_chart(std::span<const double> values, const XmrOptions& options) {
  if (values.empty()) return Error{ErrorCode::invalid_input, "an XmR chart needs at least one value"};
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) {
      return Error{ErrorCode::invalid_input, "value " + std::to_string(i + 1) + " is not a finite number"};
    }
  }
  if (options.baseline && *options.baseline < kMinimumFixedBaseline) {
    return Error{ErrorCode::invalid_input, "a fixed baseline needs at least " + std::to_string(kMinimumFixedBaseline) +
                                               " points, not " + std::to_string(*options.baseline)};
  }
  std::vector<std::size_t> starts{0};
  for (const std::size_t at : options.rebase_at) {
    if (at >= values.size()) {
      return Error{ErrorCode::invalid_input, "rebase point " + std::to_string(at + 1) + " is beyond the " +
                                                 std::to_string(values.size()) + " values"};
    }
    starts.push_back(at);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  XmrChart chart;
  chart.points.resize(values.size());
  for (std::size_t g = 0; g < starts.size(); ++g) {
    const std::size_t first = starts[g];
    const std::size_t end = g + 1 < starts.size() ? starts[g + 1] : values.size();
    const auto group_values = values.subspan(first, end - first);
    const std::size_t baseline_size = std::min(group_values.size(), options.baseline.value_or(group_values.size()));
    XmrGroup group = fit_group(group_values.first(baseline_size), options.screen);
    group.first = first;
    group.count = group_values.size();

    SpcLines lines{group.mean, kNaN, kNaN, kNaN, kNaN};
    if (std::isfinite(group.amr)) {
      lines.lpl = group.mean - kXmrLimitFactor * group.amr;
      lines.upl = group.mean + kXmrLimitFactor * group.amr;
      lines.near_lower = group.mean - (2.0 * kXmrLimitFactor / 3.0) * group.amr;
      lines.near_upper = group.mean + (2.0 * kXmrLimitFactor / 3.0) * group.amr;
    }
    if (!group.has_limits) {
      // A zero AMR gives limits equal to the mean: not limits at all, so show none.
      lines.lpl = lines.upl = lines.near_lower = lines.near_upper = kNaN;
    }
    const std::vector<SpcRule> rules = spc_rules(group_values, lines);
    for (std::size_t i = 0; i < group_values.size(); ++i) {
      XmrPoint& point = chart.points[first + i];
      point.value = group_values[i];
      point.group = g;
      point.mean = lines.mean;
      point.lpl = lines.lpl;
      point.upl = lines.upl;
      point.near_lower = lines.near_lower;
      point.near_upper = lines.near_upper;
      point.rule = rules[i];
      point.type = point_type(rules[i], options.improvement);
    }

    const std::string where = starts.size() > 1 ? "group " + std::to_string(g + 1) + " (points " +
                                                      std::to_string(first + 1) + "-" + std::to_string(end) + ")"
                                                : "the series";
    if (group.count < kShortGroupPoints) {
      chart.warnings.push_back(where + " has " + std::to_string(group.count) + " points; at least " +
                               std::to_string(kShortGroupPoints) +
                               " are needed for reliable limits, so these are trial limits");
    }
    if (!group.has_limits) {
      chart.warnings.push_back(group.baseline_points < 2
                                   ? where + " has a single baseline point: no process limits"
                                   : where + " does not vary (every moving range is zero): no process limits");
    }
    chart.groups.push_back(group);
  }

  const XmrPoint& last = chart.points.back();
  chart.variation = variation_icon(last.type, options.improvement);
  if (options.target && options.improvement != ImprovementDirection::neutral) {
    // As the reference: with a zero AMR the limits sit on the mean; with no AMR at all the
    // comparisons fail and the target reads as hit and miss.
    const XmrGroup& group = chart.groups.back();
    const double half_width = kXmrLimitFactor * group.amr;
    chart.assurance = std::isfinite(group.amr) ? assurance_icon(*options.target, group.mean - half_width,
                                                                group.mean + half_width, options.improvement)
                                               : AssuranceIcon::inconsistent;
  }
  return chart;
}

std::string_view to_string(SpcRule rule) {
  switch (rule) {
    case SpcRule::astronomical_high: return "astronomical_high";
    case SpcRule::astronomical_low: return "astronomical_low";
    case SpcRule::trend_increasing: return "trend_increasing";
    case SpcRule::trend_decreasing: return "trend_decreasing";
    case SpcRule::two_in_three_high: return "two_in_three_high";
    case SpcRule::two_in_three_low: return "two_in_three_low";
    case SpcRule::shift_high: return "shift_high";
    case SpcRule::shift_low: return "shift_low";
    case SpcRule::common_cause: return "common_cause";
  }
  return "common_cause";
}

std::string_view to_string(SpcPointType type) {
  switch (type) {
    case SpcPointType::special_cause_improvement: return "special_cause_improvement";
    case SpcPointType::special_cause_concern: return "special_cause_concern";
    case SpcPointType::special_cause_neutral_high: return "special_cause_neutral_high";
    case SpcPointType::special_cause_neutral_low: return "special_cause_neutral_low";
    case SpcPointType::common_cause: return "common_cause";
  }
  return "common_cause";
}

std::string_view to_string(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::common_cause: return "common_cause";
    case VariationIcon::improvement_high: return "improvement_high";
    case VariationIcon::improvement_low: return "improvement_low";
    case VariationIcon::concern_high: return "concern_high";
    case VariationIcon::concern_low: return "concern_low";
    case VariationIcon::neutral_high: return "neutral_high";
    case VariationIcon::neutral_low: return "neutral_low";
  }
  return "common_cause";
}

std::string_view to_string(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::none: return "none";
    case AssuranceIcon::consistent_pass: return "consistent_pass";
    case AssuranceIcon::consistent_fail: return "consistent_fail";
    case AssuranceIcon::inconsistent: return "inconsistent";
  }
  return "none";
}

std::string_view to_string(ImprovementDirection direction) {
  switch (direction) {
    case ImprovementDirection::increase: return "increase";
    case ImprovementDirection::decrease: return "decrease";
    case ImprovementDirection::neutral: return "neutral";
  }
  return "neutral";
}

Result<ImprovementDirection> parse_improvement_direction(std::string_view text) {
  if (text == "increase") return ImprovementDirection::increase;
  if (text == "decrease") return ImprovementDirection::decrease;
  if (text == "neutral") return ImprovementDirection::neutral;
  return Error{ErrorCode::invalid_input,
               "improvement direction '" + std::string(text) + "' is not one of increase, decrease, neutral"};
}

}  // namespace clinaudit::stats
