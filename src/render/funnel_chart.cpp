#include "render/funnel_chart.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "core/number_format.hpp"
#include "domain/display_names.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::render {
namespace {

constexpr double kLeft = 72;
constexpr double kRight = 170;  // room for the legend
constexpr double kTop = 44;
constexpr double kBottom = 56;

constexpr const char* kStyle =
    "<style>"
    ".axis{stroke:#333;stroke-width:1}.tick{stroke:#333;stroke-width:1}.grid{stroke:#e5e5e5;stroke-width:1}"
    ".label{font:12px sans-serif;fill:#333}.axis-label{font:13px sans-serif;fill:#111}"
    ".chart-title{font:bold 15px sans-serif;fill:#111}"
    ".target{stroke:#111;stroke-width:1.5;stroke-dasharray:6 4}"
    ".limit-95{fill:none;stroke:#1f77b4;stroke-width:1.5}"
    ".limit-998{fill:none;stroke:#9467bd;stroke-width:1.5;stroke-dasharray:2 2}"
    ".point{fill:#7f7f7f;fill-opacity:.75;stroke:#fff;stroke-width:.5}"
    ".point.flag-alert_high,.point.flag-alert_low{fill:#ff7f0e;fill-opacity:1}"
    ".point.flag-alarm_high,.point.flag-alarm_low{fill:#d62728;fill-opacity:1;stroke:#111;stroke-width:1}"
    ".own{fill:none;stroke:#212b32;stroke-width:2}.own-label{font:bold 12px sans-serif;fill:#212b32}"
    "</style>";

constexpr double kTitleLine = 18;
constexpr double kTitleChar = 8.5;  // a generous average width of a character of the 15px bold title

MarkerShape flag_shape(stats::FunnelFlag flag) {
  switch (flag) {
    case stats::FunnelFlag::none: return MarkerShape::circle;
    case stats::FunnelFlag::alert_high: return MarkerShape::triangle_up;
    case stats::FunnelFlag::alert_low: return MarkerShape::triangle_down;
    case stats::FunnelFlag::alarm_high:
    case stats::FunnelFlag::alarm_low: return MarkerShape::diamond;
  }
  return MarkerShape::circle;
}

// Round numbers for axis ticks: steps of 1, 2 or 5 times a power of ten.
struct Ticks {
  double first = 0;
  double step = 1;
  int count = 0;
  int decimals = 0;
};

Ticks nice_ticks(double low, double high, int wanted) {
  const double span = high > low ? high - low : 1.0;
  const double raw = span / wanted;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
  Ticks ticks;
  ticks.step = nice * magnitude;
  ticks.first = std::ceil(low / ticks.step - 1e-9) * ticks.step;
  ticks.count = static_cast<int>(std::floor((high - ticks.first) / ticks.step + 1e-9)) + 1;
  ticks.decimals = std::max(0, -static_cast<int>(std::floor(std::log10(ticks.step) + 1e-9)));
  return ticks;
}

std::string default_x_label(stats::FunnelType type) {
  switch (type) {
    case stats::FunnelType::ratio: return "Expected";
    case stats::FunnelType::proportion: return "Cases";
    case stats::FunnelType::rate: return "Exposure";
  }
  return "Denominator";
}

std::string default_y_label(stats::FunnelType type) {
  switch (type) {
    case stats::FunnelType::ratio: return "Observed / expected";
    case stats::FunnelType::proportion: return "Proportion";
    case stats::FunnelType::rate: return "Rate";
  }
  return "Value";
}

struct Frame {
  double x0, x1, y0, y1;            // data ranges
  double left, right, top, bottom;  // pixel box
  double x(double v) const { return left + (v - x0) / (x1 - x0) * (right - left); }
  double y(double v) const {
    const double clamped = std::clamp(v, y0, y1);
    return bottom - (clamped - y0) / (y1 - y0) * (bottom - top);
  }
};

// How the plot writes a value: percentages for proportions, rates per their multiplier,
// rounded to the measure's precision.
struct Scale {
  const FunnelChartOptions& options;
  double factor() const { return options.percent ? 100 : options.multiplier; }
  std::string text(double value) const {
    return format_fixed(value * factor(), options.decimals) + (options.percent ? "%" : "");
  }
  // A round number without trailing zeros ("Target 1", "Target 12.5%").
  std::string short_text(double value) const {
    const double unit = std::pow(10.0, options.decimals);
    return format_number(std::round(value * factor() * unit) / unit) + (options.percent ? "%" : "");
  }
};

std::string unit_label(const stats::FunnelUnit& unit, const Scale& scale) {
  std::string label = unit.unit + ": " + scale.text(*unit.value) + " (" + format_number(unit.numerator) + " / " +
                      format_number(unit.denominator) + ")";
  if (unit.flag != stats::FunnelFlag::none) label += ", " + std::string(domain::display_name(unit.flag));
  return label;
}

}  // namespace

Result<std::string> funnel_chart_svg(const stats::FunnelPlot& plot, const FunnelChartOptions& options) {
  std::vector<const stats::FunnelUnit*> drawn;
  for (const auto& unit : plot.units) {
    if (unit.value && unit.limits) drawn.push_back(&unit);
  }
  if (drawn.empty()) return Error{ErrorCode::invalid_input, "the funnel plot has no unit to draw"};

  double d_min = drawn.front()->denominator;
  double d_max = d_min;
  double v_min = plot.target;
  double v_max = plot.target;
  for (const auto* unit : drawn) {
    d_min = std::min(d_min, unit->denominator);
    d_max = std::max(d_max, unit->denominator);
    v_min = std::min(v_min, *unit->value);
    v_max = std::max(v_max, *unit->value);
  }
  const double curve_to = d_max * 1.05;
  std::vector<stats::FunnelCurvePoint> computed;
  if (options.curve.empty()) {
    auto drawn_curve = stats::funnel_chart_curve(plot);
    if (!drawn_curve) return drawn_curve.error();
    computed = std::move(*drawn_curve);
  }
  const std::span<const stats::FunnelCurvePoint> curve = options.curve.empty() ? computed : options.curve;
  // Let the limits widen the view a little beyond the points, not all the way to the tip.
  const auto& widest = curve.front().limits.l998;
  const double pad = (v_max - v_min) * 0.15 + 1e-9;
  double y0 = std::min(v_min - pad, std::max(widest.lower, v_min - 3 * pad));
  double y1 = std::max(v_max + pad, std::min(widest.upper, v_max + 3 * pad));
  y0 = std::max(0.0, y0);
  if (plot.type == stats::FunnelType::proportion) y1 = std::min(1.0, y1);
  if (!(y1 > y0)) y1 = y0 + 1.0;

  const auto title_chars = static_cast<std::size_t>((options.width - 40) / kTitleChar);
  const double title_below =
      kTitleLine * static_cast<double>(std::max<std::size_t>(1, wrap_words(options.title, title_chars).size()) - 1);
  const Frame frame{0.0, curve_to, y0, y1, kLeft, options.width - kRight, kTop + title_below, options.height - kBottom};
  SvgWriter svg(options.width, options.height, options.title);
  svg.raw(kStyle);
  svg.wrapped_text(options.width / 2, 24, options.title, "chart-title", "middle", title_chars, kTitleLine);

  // Axes, grid and ticks.
  const Ticks xt = nice_ticks(frame.x0, frame.x1, 6);
  const Scale scale{options};
  // Round numbers as the reader sees them (percentages, rates per 1,000), placed at their value.
  const Ticks yt = nice_ticks(frame.y0 * scale.factor(), frame.y1 * scale.factor(), 6);
  svg.open_group("axes");
  for (int i = 0; i < yt.count; ++i) {
    const double shown = yt.first + yt.step * i;
    const double v = shown / scale.factor();
    svg.line(frame.left, frame.y(v), frame.right, frame.y(v), "grid");
    svg.line(frame.left - 5, frame.y(v), frame.left, frame.y(v), "tick");
    svg.text(frame.left - 8, frame.y(v) + 4, format_fixed(shown, yt.decimals) + (options.percent ? "%" : ""), "label",
             "end");
  }
  for (int i = 0; i < xt.count; ++i) {
    const double v = xt.first + xt.step * i;
    svg.line(frame.x(v), frame.bottom, frame.x(v), frame.bottom + 5, "tick");
    svg.text(frame.x(v), frame.bottom + 18, format_fixed(v, xt.decimals), "label", "middle");
  }
  svg.line(frame.left, frame.bottom, frame.right, frame.bottom, "axis");
  svg.line(frame.left, frame.top, frame.left, frame.bottom, "axis");
  svg.text((frame.left + frame.right) / 2, options.height - 14,
           options.x_label.empty() ? default_x_label(plot.type) : options.x_label, "axis-label", "middle");
  svg.raw("<text x=\"16\" y=\"" + format_fixed((frame.top + frame.bottom) / 2, 2) +
          "\" class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 16 " +
          format_fixed((frame.top + frame.bottom) / 2, 2) + ")\">" +
          xml_escape(options.y_label.empty() ? default_y_label(plot.type) : options.y_label) + "</text>");
  svg.close_group();

  // Target and limit curves.
  svg.line(frame.x(frame.x0), frame.y(plot.target), frame.x(frame.x1), frame.y(plot.target), "target");
  auto path = [&](auto pick) {
    std::string points;
    for (const auto& point : curve) {
      if (!points.empty()) points += ' ';
      points += format_fixed(frame.x(point.denominator), 2) + "," + format_fixed(frame.y(pick(point)), 2);
    }
    return points;
  };
  svg.open_group("limits");
  svg.polyline(path([](const stats::FunnelCurvePoint& p) { return p.limits.l95.lower; }), "limit-95");
  svg.polyline(path([](const stats::FunnelCurvePoint& p) { return p.limits.l95.upper; }), "limit-95");
  svg.polyline(path([](const stats::FunnelCurvePoint& p) { return p.limits.l998.lower; }), "limit-998");
  svg.polyline(path([](const stats::FunnelCurvePoint& p) { return p.limits.l998.upper; }), "limit-998");
  svg.close_group();

  // Points: unflagged first so that flagged units are drawn on top.
  std::stable_partition(drawn.begin(), drawn.end(),
                        [](const stats::FunnelUnit* unit) { return unit->flag == stats::FunnelFlag::none; });
  svg.open_group("units");
  const stats::FunnelUnit* own = nullptr;
  for (const auto* unit : drawn) {
    if (!options.highlight.empty() && unit->unit == options.highlight) own = unit;
    svg.marker(flag_shape(unit->flag), frame.x(unit->denominator), frame.y(*unit->value),
               unit->flag == stats::FunnelFlag::none ? 3.5 : 4.5,
               "point flag-" + std::string(stats::to_string(unit->flag)), unit_label(*unit, scale));
  }
  svg.close_group();
  if (own != nullptr) {
    // Ringed and named, the name on the side with more room.
    const double cx = frame.x(own->denominator);
    const double cy = frame.y(*own->value);
    svg.open_group("highlight");
    svg.circle(cx, cy, 9, "own");
    const bool left = cx > (frame.left + frame.right) / 2;
    svg.text(left ? cx - 13 : cx + 13, cy - 10, own->unit, "own-label", left ? "end" : "start");
    svg.close_group();
  }

  // Legend.
  const double lx = options.width - kRight + 16;
  const std::string adjusted = plot.overdispersion.applied ? ", adjusted" : "";
  svg.open_group("legend");
  svg.line(lx, kTop + 6, lx + 22, kTop + 6, "target");
  svg.text(lx + 28, kTop + 10, "Target " + scale.short_text(plot.target), "label");
  svg.line(lx, kTop + 26, lx + 22, kTop + 26, "limit-95");
  svg.text(lx + 28, kTop + 30, "95%" + adjusted, "label");
  svg.line(lx, kTop + 46, lx + 22, kTop + 46, "limit-998");
  svg.text(lx + 28, kTop + 50, "99.8%" + adjusted, "label");
  svg.marker(MarkerShape::triangle_up, lx + 11, kTop + 66, 4.5, "point flag-alert_high");
  svg.text(lx + 28, kTop + 70, "Alert (beyond 95%)", "label");
  svg.marker(MarkerShape::diamond, lx + 11, kTop + 86, 4.5, "point flag-alarm_high");
  svg.text(lx + 28, kTop + 90, "Alarm (beyond 99.8%)", "label");
  svg.circle(lx + 11, kTop + 106, 3.5, "point flag-none");
  svg.text(lx + 28, kTop + 110, "Within the limits", "label");
  if (own != nullptr) {
    svg.circle(lx + 11, kTop + 126, 9, "own");
    std::string words = options.highlight_words;
    if (!words.empty()) words[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(words[0])));
    svg.text(lx + 28, kTop + 130, words, "label");
  }
  svg.close_group();
  return svg.finish();
}

ChartValues funnel_values(const stats::FunnelPlot& plot, const FunnelChartOptions& options) {
  const Scale scale{options};
  ChartValues values;
  values.caption = options.title;
  values.columns = {"Provider", "Value", "Numerator", "Denominator", "95% limits", "99.8% limits", "Flag"};
  for (const auto& unit : plot.units) {
    if (!unit.value || !unit.limits) continue;
    const auto& l = *unit.limits;
    const bool own = !options.highlight.empty() && unit.unit == options.highlight;
    values.rows.push_back(
        {unit.unit + (own ? " (" + options.highlight_words + ")" : ""), scale.text(*unit.value),
         format_number(unit.numerator), format_number(unit.denominator),
         scale.text(l.l95.lower) + " to " + scale.text(l.l95.upper),
         scale.text(l.l998.lower) + " to " + scale.text(l.l998.upper),
         unit.flag == stats::FunnelFlag::none ? "Within the limits" : std::string(domain::display_name(unit.flag))});
  }
  return values;
}

}  // namespace clinaudit::render
