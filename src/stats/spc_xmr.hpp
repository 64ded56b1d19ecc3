#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Which way is better for a measure: higher values, lower values, or neither.
enum class ImprovementDirection { increase, decrease, neutral };

// The rule that marks a point, first match wins in this order (Making Data Count).
enum class SpcRule {
  astronomical_high,  // above the upper process limit
  astronomical_low,   // below the lower process limit
  trend_increasing,   // part of 7 points each strictly above the previous
  trend_decreasing,   // part of 7 points each strictly below the previous
  two_in_three_high,  // 2 of 3 consecutive points above the mean beyond the upper 2-sigma line
  two_in_three_low,
  shift_high,  // part of 7 consecutive points above the mean
  shift_low,
  common_cause,
};

enum class SpcPointType {
  special_cause_improvement,
  special_cause_concern,
  special_cause_neutral_high,
  special_cause_neutral_low,
  common_cause,
};

enum class VariationIcon {
  common_cause,
  improvement_high,
  improvement_low,
  concern_high,
  concern_low,
  neutral_high,
  neutral_low,
};

enum class AssuranceIcon { none, consistent_pass, consistent_fail, inconsistent };

// Stable identifiers used in JSON and CSV ("trend_increasing", "consistent_pass").
std::string_view to_string(SpcRule rule);
std::string_view to_string(SpcPointType type);
std::string_view to_string(VariationIcon icon);
std::string_view to_string(AssuranceIcon icon);
std::string_view to_string(ImprovementDirection direction);
// Parses "increase", "decrease" or "neutral". Errors: invalid_input naming the text.
Result<ImprovementDirection> parse_improvement_direction(std::string_view text);

// The XmR constants of Making Data Count: limits at mean ± 2.66·AMR, 2-sigma lines at
// mean ± (2/3)·2.66·AMR, moving ranges of 3.267·AMR or more screened out.
inline constexpr double kXmrLimitFactor = 2.66;
inline constexpr double kMovingRangeScreen = 3.267;
// A fixed baseline must have at least this many points.
inline constexpr std::size_t kMinimumFixedBaseline = 12;
// Groups with fewer points than this get a warning (limits are trial limits).
inline constexpr std::size_t kShortGroupPoints = 13;

struct XmrOptions {
  ImprovementDirection improvement = ImprovementDirection::increase;
  std::optional<double> target;
  // 0-based indices of the points that start a new group (recalculation points), any order.
  std::vector<std::size_t> rebase_at;
  // Fix the limits on the first `baseline` points of each group (>= 12); all points when unset.
  std::optional<std::size_t> baseline;
  // Drop moving ranges >= 3.267·AMR and recompute AMR (on by default; off matches the Excel tools).
  bool screen = true;
};

struct XmrPoint {
  double value = 0;
  std::size_t group = 0;  // index into XmrChart::groups
  // The group's mean and lines; NaN when the group has no limits (constant or single point).
  double mean = 0;
  double lpl = 0;
  double upl = 0;
  double near_lower = 0;  // lower 2-sigma line
  double near_upper = 0;  // upper 2-sigma line
  SpcRule rule = SpcRule::common_cause;
  SpcPointType type = SpcPointType::common_cause;
};

struct XmrGroup {
  std::size_t first = 0;  // index of the first point
  std::size_t count = 0;
  std::size_t baseline_points = 0;     // points used for the mean and AMR
  std::size_t moving_ranges_used = 0;  // after screening
  double mean = 0;
  double amr = 0;           // NaN without moving ranges
  bool has_limits = false;  // false for a constant series or a single point
};

struct XmrChart {
  std::vector<XmrPoint> points;
  std::vector<XmrGroup> groups;
  VariationIcon variation = VariationIcon::common_cause;
  AssuranceIcon assurance = AssuranceIcon::none;
  std::vector<std::string> warnings;
};

// An XmR chart by NHS England's "Making Data Count" rules, with the conventions of the
// NHS-R community's NHSRplotthedots package (0.2): per group (a rebase point starts one),
// mean and average moving range (AMR) over the baseline, optional screening of moving
// ranges, process limits, and per point the first matching rule of: astronomical point,
// trend of 7 (strictly monotone; ties break it; the whole run is flagged), two of three
// beyond the 2-sigma line on one side (the points beyond it but inside the limits are
// flagged), shift of 7 on one side (points on the mean break the run). A trend point is
// improvement or concern by the trend's direction, the others by their side of the mean.
// Variation icon: the type of the last point. Assurance icon (target and a direction
// needed): target beyond the last group's limits on the bad side → consistent_fail, on
// the good side → consistent_pass, else inconsistent.
// Values must be finite and in time order. Pure; safe from any thread.
// Errors: invalid_input for no values, a non-finite value, a rebase index out of range,
// or a baseline under 12 points.
Result<XmrChart> xmr_chart(std::span<const double> values, const XmrOptions& options);

// The Making Data Count assurance icon for a target against process limits.
// `neutral` direction gives none. Pure.
AssuranceIcon assurance_icon(double target, double lpl, double upl, ImprovementDirection direction);

}  // namespace clinaudit::stats
