#include "render/spc_chart.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

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

MarkerShape point_shape(SpcPointType type) {
  switch (type) {
    case SpcPointType::special_cause_improvement: return MarkerShape::square;
    case SpcPointType::special_cause_concern: return MarkerShape::diamond;
    case SpcPointType::special_cause_neutral_high: return MarkerShape::triangle_up;
    case SpcPointType::special_cause_neutral_low: return MarkerShape::triangle_down;
    case SpcPointType::common_cause: return MarkerShape::circle;
  }
  return MarkerShape::circle;
}

const char* type_words(SpcPointType type) {
  switch (type) {
    case SpcPointType::special_cause_improvement: return "special cause improvement";
    case SpcPointType::special_cause_concern: return "special cause concern";
    case SpcPointType::special_cause_neutral_high:
    case SpcPointType::special_cause_neutral_low: return "special cause, neither improvement nor concern";
    case SpcPointType::common_cause: return "common cause";
  }
  return "common cause";
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

std::string point_words(const stats::XmrPoint& p) {
  if (p.type == SpcPointType::common_cause) return rule_words(p.rule);
  return std::string(type_words(p.type)) + ": " + rule_words(p.rule);
}

// How the chart writes a value: percentages for proportions, rates per their multiplier,
// rounded to the measure's precision.
struct Scale {
  const SpcChartOptions& options;
  double shown(double value) const { return value * (options.percent ? 100 : options.multiplier); }
  std::string text(double value) const {
    const double v = shown(value);
    return (options.decimals >= 0 ? format_fixed(v, options.decimals) : format_number(v)) +
           (options.percent ? "%" : "");
  }
  // A limit as drawn: within the measure's possible range.
  double limit(double value) const {
    if (!std::isfinite(value)) return value;
    if (options.floor) value = std::max(value, *options.floor);
    if (options.ceiling) value = std::min(value, *options.ceiling);
    return value;
  }
};

// WCAG 2.1 relative luminance of a "#rrggbb" colour.
double luminance(std::string_view hex) {
  auto channel = [hex](std::size_t at) {
    const double c = std::stoi(std::string(hex.substr(at, 2)), nullptr, 16) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

// The letter is white or dark, whichever stands out more from the fill.
IconStyle with_text(const char* fill, const char* letter, MarkerShape shape, const char* words) {
  const double background = luminance(fill);
  const double on_light = (background + 0.05) / (luminance(kIconTextDark) + 0.05);
  const double on_dark = (luminance(kIconTextLight) + 0.05) / (background + 0.05);
  return {fill, on_light > on_dark ? kIconTextDark : kIconTextLight, letter, shape, words};
}

void draw_badge(SvgWriter& svg, double cx, double cy, const IconStyle& badge) {
  const std::string words = xml_escape(badge.words);
  svg.raw("<g class=\"icon\" role=\"img\" aria-label=\"" + words + "\"><title>" + words + "</title>");
  const std::string x = format_fixed(cx, 2);
  const std::string y = format_fixed(cy, 2);
  const std::string paint = "fill=\"" + std::string(badge.fill) + "\" stroke=\"#ffffff\" stroke-width=\"2\"/>";
  if (badge.shape == MarkerShape::diamond) {
    svg.raw("<path transform=\"translate(" + x + "," + y + ")\" d=\"M0,-17.00L17.00,0L0,17.00L-17.00,0Z\" " + paint);
  } else if (badge.shape == MarkerShape::square) {
    svg.raw("<rect x=\"" + format_fixed(cx - 13, 2) + "\" y=\"" + format_fixed(cy - 13, 2) +
            "\" width=\"26.00\" height=\"26.00\" rx=\"3\" " + paint);
  } else {
    svg.raw("<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"14.00\" " + paint);
  }
  const bool dark = std::string_view(badge.text) == kIconTextDark;
  svg.text(cx, cy + 4, badge.letter, dark ? "badge-text on-light" : "badge-text", "middle");
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

// One row of the legend under the x labels: the lines, then each kind of point drawn.
void draw_legend(SvgWriter& svg, const stats::XmrChart& chart, bool target, const SpcChartOptions& options) {
  const double y = options.height - 10;
  double x = 64;
  auto advance = [&x](std::string_view words) { x += 30 + 6.2 * static_cast<double>(words.size()) + 14; };
  auto line_item = [&](const char* css, std::string_view words) {
    svg.line(x, y - 4, x + 24, y - 4, std::string(css) + " key");
    svg.text(x + 30, y, words, "legend", "start");
    advance(words);
  };
  auto point_item = [&](SpcPointType type, std::string_view words) {
    svg.marker(point_shape(type), x + 12, y - 4, 4, std::string("key") + (point_class(type) + 2));
    svg.text(x + 30, y, words, "legend", "start");
    advance(words);
  };
  svg.open_group("legend");
  line_item("centre", "Mean");
  line_item("limit", "Process limits");
  if (target) line_item("target", "Target");
  auto drawn = [&chart](SpcPointType type) {
    return std::any_of(chart.points.begin(), chart.points.end(), [type](const auto& p) { return p.type == type; });
  };
  point_item(SpcPointType::common_cause, "Common cause");
  if (drawn(SpcPointType::special_cause_improvement))
    point_item(SpcPointType::special_cause_improvement, "Improvement");
  if (drawn(SpcPointType::special_cause_concern)) point_item(SpcPointType::special_cause_concern, "Concern");
  if (drawn(SpcPointType::special_cause_neutral_high)) {
    point_item(SpcPointType::special_cause_neutral_high, "Special cause, high");
  }
  if (drawn(SpcPointType::special_cause_neutral_low)) {
    point_item(SpcPointType::special_cause_neutral_low, "Special cause, low");
  }
  svg.close_group();
}

}  // namespace

IconStyle variation_icon_style(VariationIcon icon) {
  switch (icon) {
    case VariationIcon::common_cause:
      return with_text(kMdcCommonIcon, "~", MarkerShape::circle, "Variation: common cause, no significant change");
    case VariationIcon::improvement_high:
      return with_text(kMdcImprovement, "H", MarkerShape::circle,
                       "Variation: special cause improvement, higher values");
    case VariationIcon::improvement_low:
      return with_text(kMdcImprovement, "L", MarkerShape::circle, "Variation: special cause improvement, lower values");
    case VariationIcon::concern_high:
      return with_text(kMdcConcern, "H", MarkerShape::diamond, "Variation: special cause concern, higher values");
    case VariationIcon::concern_low:
      return with_text(kMdcConcern, "L", MarkerShape::diamond, "Variation: special cause concern, lower values");
    case VariationIcon::neutral_high:
      return with_text(kMdcNeutral, "H", MarkerShape::square,
                       "Variation: special cause, higher values, neither improvement nor concern");
    case VariationIcon::neutral_low:
      return with_text(kMdcNeutral, "L", MarkerShape::square,
                       "Variation: special cause, lower values, neither improvement nor concern");
  }
  return with_text(kMdcCommonIcon, "~", MarkerShape::circle, "Variation: common cause");
}

IconStyle assurance_icon_style(AssuranceIcon icon) {
  switch (icon) {
    case AssuranceIcon::consistent_pass:
      return with_text(kMdcImprovement, "P", MarkerShape::circle,
                       "Assurance: the process will consistently meet the target");
    case AssuranceIcon::consistent_fail:
      return with_text(kMdcConcern, "F", MarkerShape::diamond,
                       "Assurance: the process will consistently fail the target");
    case AssuranceIcon::inconsistent:
      return with_text(kMdcCommonIcon, "?", MarkerShape::circle,
                       "Assurance: inconsistently passing and falling short of the target");
    case AssuranceIcon::none: return with_text(kMdcCommonIcon, "", MarkerShape::circle, "");
  }
  return with_text(kMdcCommonIcon, "", MarkerShape::circle, "");
}

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
  const Scale scale{options};
  double low = scale.shown(chart.points.front().value);
  double high = low;
  auto include = [&](double v) {
    if (!std::isfinite(v)) return;
    low = std::min(low, scale.shown(v));
    high = std::max(high, scale.shown(v));
  };
  for (const auto& p : chart.points) {
    include(p.value);
    include(scale.limit(p.lpl));
    include(scale.limit(p.upl));
  }
  if (target) include(*target);
  ChartFrame frame(options.width, options.height, low, high, chart.points.size(), options.title);
  if (options.percent) frame.set_tick_suffix("%");
  auto y = [&](double value) { return frame.y(scale.shown(value)); };

  SvgWriter svg(options.width, options.height, options.title);
  svg.raw(ChartFrame::style());
  frame.draw_axes(svg, options.title, options.y_label, dates);

  auto lines = [&](auto pick, std::string_view css) {
    for (const auto& group : chart.groups) {
      const double value = scale.limit(pick(chart.points[group.first]));
      if (!std::isfinite(value)) continue;
      const std::size_t last = group.first + group.count - 1;
      const double pad = group.count == 1 ? 6 : 0;
      svg.line(frame.x(group.first) - pad, y(value), frame.x(last) + pad, y(value), css);
    }
  };
  // The mean lies within the range; limits are drawn at its edge when they would pass it.
  group_lines(
      svg, frame, chart, [&scale](const stats::XmrPoint& p) { return scale.shown(p.mean); }, "centre");
  lines([](const stats::XmrPoint& p) { return p.lpl; }, "limit");
  lines([](const stats::XmrPoint& p) { return p.upl; }, "limit");
  if (options.near_lines) {
    lines([](const stats::XmrPoint& p) { return p.near_lower; }, "near");
    lines([](const stats::XmrPoint& p) { return p.near_upper; }, "near");
  }
  if (target) svg.line(frame.left(), y(*target), frame.right(), y(*target), "target");

  std::string points;
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    if (i > 0) points += ' ';
    points += format_fixed(frame.x(i), 2) + "," + format_fixed(y(chart.points[i].value), 2);
  }
  svg.polyline(points, "series");
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    const std::string label = dates[i] + ": " + scale.text(p.value) + " (" + point_words(p) + ")";
    svg.marker(point_shape(p.type), frame.x(i), y(p.value), 4, point_class(p.type), label);
  }
  draw_legend(svg, chart, target.has_value(), options);

  // Icons in the top right: variation, then assurance when there is one.
  double cx = options.width - 40;
  if (chart.assurance != AssuranceIcon::none) {
    draw_badge(svg, cx, 24, assurance_icon_style(chart.assurance));
    cx -= 40;
  }
  draw_badge(svg, cx, 24, variation_icon_style(chart.variation));
  return svg.finish();
}

ChartValues spc_values(const stats::XmrChart& chart, std::span<const std::string> dates,
                       const SpcChartOptions& options) {
  const Scale scale{options};
  ChartValues values;
  values.caption = options.title;
  values.columns = {"Period", "Value", "Mean", "Lower process limit", "Upper process limit", "What the point shows"};
  auto cell = [&scale](double v) { return std::isfinite(v) ? scale.text(v) : std::string("–"); };
  for (std::size_t i = 0; i < chart.points.size() && i < dates.size(); ++i) {
    const auto& p = chart.points[i];
    values.rows.push_back(
        {dates[i], cell(p.value), cell(p.mean), cell(scale.limit(p.lpl)), cell(scale.limit(p.upl)), point_words(p)});
  }
  return values;
}

}  // namespace clinaudit::render
