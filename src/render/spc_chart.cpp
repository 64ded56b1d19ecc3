#include "render/spc_chart.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"
#include "render/chart_frame.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::render {
namespace {

using stats::AssuranceIcon;
using stats::SpcPointType;
using stats::VariationIcon;

const char* point_class(SpcPointType type) {
  switch (type) {
    case SpcPointType::special_cause_improvement: return "pt pt-improvement";
    case SpcPointType::special_cause_concern: return "pt pt-concern";
    case SpcPointType::special_cause_neutral_high:
    case SpcPointType::special_cause_neutral_low: return "pt pt-neutral";
    case SpcPointType::common_cause: return "pt pt-common";
  }
  return "pt pt-common";
}

const char* rule_words(stats::SpcRule rule) {
  switch (rule) {
    case stats::SpcRule::astronomical_high: return "above the upper process limit";
    case stats::SpcRule::astronomical_low: return "below the lower process limit";
    case stats::SpcRule::trend_increasing: return "part of an increasing trend of 7 or more";
    case stats::SpcRule::trend_decreasing: return "part of a decreasing trend of 7 or more";
    case stats::SpcRule::two_in_three_high: return "two of three points near the upper limit";
    case stats::SpcRule::two_in_three_low: return "two of three points near the lower limit";
    case stats::SpcRule::shift_high: return "part of a run of 7 or more above the mean";
    case stats::SpcRule::shift_low: return "part of a run of 7 or more below the mean";
    case stats::SpcRule::common_cause: return "common cause variation";
  }
  return "common cause variation";
}

struct Badge {
  const char* colour;
  const char* letter;
  const char* words;
};

Badge variation_badge(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::common_cause: return {kMdcCommon, "~", "Variation: common cause, no significant change"};
    case VariationIcon::improvement_high:
      return {kMdcImprovement, "H", "Variation: special cause improvement, higher values"};
    case VariationIcon::improvement_low:
      return {kMdcImprovement, "L", "Variation: special cause improvement, lower values"};
    case VariationIcon::concern_high: return {kMdcConcern, "H", "Variation: special cause concern, higher values"};
    case VariationIcon::concern_low: return {kMdcConcern, "L", "Variation: special cause concern, lower values"};
    case VariationIcon::neutral_high:
      return {kMdcNeutral, "H", "Variation: special cause, higher values, neither improvement nor concern"};
    case VariationIcon::neutral_low:
      return {kMdcNeutral, "L", "Variation: special cause, lower values, neither improvement nor concern"};
  }
  return {kMdcCommon, "~", "Variation: common cause"};
}

Badge assurance_badge(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::consistent_pass:
      return {kMdcImprovement, "P", "Assurance: the process will consistently meet the target"};
    case AssuranceIcon::consistent_fail:
      return {kMdcConcern, "F", "Assurance: the process will consistently fail the target"};
    case AssuranceIcon::inconsistent:
      return {kMdcCommon, "?", "Assurance: inconsistently passing and falling short of the target"};
    case AssuranceIcon::none: return {kMdcCommon, "", ""};
  }
  return {kMdcCommon, "", ""};
}

void draw_badge(SvgWriter& svg, double cx, double cy, const Badge& badge) {
  const std::string words = xml_escape(badge.words);
  svg.raw("<g class=\"icon\" role=\"img\" aria-label=\"" + words + "\"><title>" + words + "</title>");
  svg.raw("<circle cx=\"" + format_fixed(cx, 2) + "\" cy=\"" + format_fixed(cy, 2) + "\" r=\"14.00\" fill=\"" +
          std::string(badge.colour) + "\" stroke=\"#ffffff\" stroke-width=\"2\"/>");
  svg.text(cx, cy + 4, badge.letter, "badge-text", "middle");
  svg.close_group();
}

// Draws `value_of(point)` as one segment per run of points in the same group.
template <typename ValueOf>
void group_lines(SvgWriter& svg, const ChartFrame& frame, const stats::XmrChart& chart, ValueOf value_of,
                 std::string_view css_class) {
  for (const auto& group : chart.groups) {
    const double value = value_of(chart.points[group.first]);
    if (!std::isfinite(value)) continue;
    const std::size_t last = group.first + group.count - 1;
    const double pad = group.count == 1 ? 6 : 0;
    svg.line(frame.x(group.first) - pad, frame.y(value), frame.x(last) + pad, frame.y(value), css_class);
  }
}

}  // namespace

const char* point_colour(SpcPointType type) {
  switch (type) {
    case SpcPointType::special_cause_improvement: return kMdcImprovement;
    case SpcPointType::special_cause_concern: return kMdcConcern;
    case SpcPointType::special_cause_neutral_high:
    case SpcPointType::special_cause_neutral_low: return kMdcNeutral;
    case SpcPointType::common_cause: return kMdcCommon;
  }
  return kMdcCommon;
}

Result<std::string> spc_chart_svg(const stats::XmrChart& chart, std::span<const std::string> dates,
                                  const std::optional<double>& target, const SpcChartOptions& options) {
  if (dates.size() != chart.points.size() || chart.points.empty()) {
    return Error{ErrorCode::invalid_input, "an SPC chart needs one date per point"};
  }
  double low = chart.points.front().value;
  double high = low;
  auto include = [&](double v) {
    if (!std::isfinite(v)) return;
    low = std::min(low, v);
    high = std::max(high, v);
  };
  for (const auto& p : chart.points) {
    include(p.value);
    include(p.lpl);
    include(p.upl);
  }
  if (target) include(*target);
  const ChartFrame frame(options.width, options.height, low, high, chart.points.size());

  SvgWriter svg(options.width, options.height, options.title);
  svg.raw(ChartFrame::style());
  frame.draw_axes(svg, options.title, options.y_label, dates);

  group_lines(
      svg, frame, chart, [](const stats::XmrPoint& p) { return p.mean; }, "centre");
  group_lines(
      svg, frame, chart, [](const stats::XmrPoint& p) { return p.lpl; }, "limit");
  group_lines(
      svg, frame, chart, [](const stats::XmrPoint& p) { return p.upl; }, "limit");
  if (options.near_lines) {
    group_lines(
        svg, frame, chart, [](const stats::XmrPoint& p) { return p.near_lower; }, "near");
    group_lines(
        svg, frame, chart, [](const stats::XmrPoint& p) { return p.near_upper; }, "near");
  }
  if (target) svg.line(frame.left(), frame.y(*target), frame.right(), frame.y(*target), "target");

  std::string points;
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    if (i > 0) points += ' ';
    points += format_fixed(frame.x(i), 2) + "," + format_fixed(frame.y(chart.points[i].value), 2);
  }
  svg.polyline(points, "series");
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    const std::string label = dates[i] + ": " + format_number(p.value) + " (" + rule_words(p.rule) + ")";
    svg.circle(frame.x(i), frame.y(p.value), 4, point_class(p.type), label);
  }

  // Icons in the top right: variation, then assurance when there is one.
  double cx = options.width - 40;
  if (chart.assurance != AssuranceIcon::none) {
    draw_badge(svg, cx, 24, assurance_badge(chart.assurance));
    cx -= 36;
  }
  draw_badge(svg, cx, 24, variation_badge(chart.variation));
  return svg.finish();
}

}  // namespace clinaudit::render
