#include "render/run_chart_svg.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/number_format.hpp"
#include "render/chart_frame.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::render {
namespace {

std::string default_title(stats::ControlChartType type) {
  switch (type) {
    case stats::ControlChartType::run: return "Run chart";
    case stats::ControlChartType::pp: return "P' chart";
    case stats::ControlChartType::up: return "U' chart";
    case stats::ControlChartType::xbar: return "Xbar chart";
    case stats::ControlChartType::mr: return "MR chart";
    default: break;
  }
  std::string name(stats::to_string(type));
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return name + " chart";
}

// A step line through per-point values, split where a value is missing or the part changes.
template <typename ValueOf>
void step_lines(SvgWriter& svg, const ChartFrame& frame, const stats::ControlChart& chart, ValueOf value_of,
                std::string_view css_class) {
  const std::size_t size = chart.points.size();
  const double half = size > 1 ? (frame.x(1) - frame.x(0)) / 2 : 6;
  for (std::size_t i = 0; i < size; ++i) {
    const double value = value_of(chart.points[i]);
    if (!std::isfinite(value)) continue;
    const bool first_of_part = i == 0 || chart.points[i - 1].part != chart.points[i].part;
    const bool last_of_part = i + 1 == size || chart.points[i + 1].part != chart.points[i].part;
    const double x1 = first_of_part ? frame.x(i) : frame.x(i) - half;
    const double x2 = last_of_part ? frame.x(i) : frame.x(i) + half;
    svg.line(std::min(x1, x2 - (x1 == x2 ? 4 : 0)), frame.y(value), std::max(x2, x1 + (x1 == x2 ? 4 : 0)),
             frame.y(value), css_class);
  }
}

}  // namespace

Result<std::string> control_chart_svg(const stats::ControlChart& chart, std::span<const std::string> x,
                                      const ControlChartSvgOptions& options) {
  if (x.size() != chart.points.size() || chart.points.empty()) {
    return Error{ErrorCode::invalid_input, "a chart needs one x label per point"};
  }
  bool any = false;
  double low = 0;
  double high = 0;
  auto include = [&](double v) {
    if (!std::isfinite(v)) return;
    low = any ? std::min(low, v) : v;
    high = any ? std::max(high, v) : v;
    any = true;
  };
  for (const auto& p : chart.points) {
    include(p.y);
    include(p.cl);
    include(p.lcl);
    include(p.ucl);
  }
  const ChartFrame frame(options.width, options.height, low, high, chart.points.size());
  const std::string title = options.title.empty() ? default_title(chart.type) : options.title;
  SvgWriter svg(options.width, options.height, title);
  svg.raw(ChartFrame::style() + "<style>.runs-signal{stroke:#fab428;stroke-dasharray:8 4}</style>");
  frame.draw_axes(svg, title, options.y_label, x);

  for (std::size_t k = 0; k < chart.parts.size(); ++k) {
    const auto& part = chart.parts[k];
    const auto& first = chart.points[part.first];
    if (!std::isfinite(first.cl)) continue;
    const std::size_t last = part.first + part.count - 1;
    const bool constant_cl = std::all_of(chart.points.begin() + static_cast<std::ptrdiff_t>(part.first),
                                         chart.points.begin() + static_cast<std::ptrdiff_t>(last + 1),
                                         [&](const stats::ControlPoint& p) { return p.cl == first.cl; });
    const char* css = part.runs.signal ? "centre runs-signal" : "centre";
    if (constant_cl) {
      const double pad = part.count == 1 ? 6 : 0;
      svg.line(frame.x(part.first) - pad, frame.y(first.cl), frame.x(last) + pad, frame.y(first.cl), css);
    }
  }
  step_lines(
      svg, frame, chart, [](const stats::ControlPoint& p) { return p.lcl; }, "limit");
  step_lines(
      svg, frame, chart, [](const stats::ControlPoint& p) { return p.ucl; }, "limit");
  if (options.sigma_lines) {
    step_lines(
        svg, frame, chart, [](const stats::ControlPoint& p) { return p.lcl_95; }, "near");
    step_lines(
        svg, frame, chart, [](const stats::ControlPoint& p) { return p.ucl_95; }, "near");
  }

  // The data line, broken at missing values.
  std::string points;
  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const double y = chart.points[i].y;
    if (!std::isfinite(y)) {
      if (!points.empty()) svg.polyline(points, "series");
      points.clear();
      continue;
    }
    if (!points.empty()) points += ' ';
    points += format_fixed(frame.x(i), 2) + "," + format_fixed(frame.y(y), 2);
  }
  if (!points.empty()) svg.polyline(points, "series");

  for (std::size_t i = 0; i < chart.points.size(); ++i) {
    const auto& p = chart.points[i];
    if (!std::isfinite(p.y)) continue;
    std::string label = x[i] + ": " + format_number(p.y);
    const char* css = "pt pt-common";
    if (!p.included) {
      label += " (excluded from the calculations)";
      css = "pt pt-excluded";
    } else if (p.sigma_signal) {
      label += p.y > p.ucl ? " (above the upper control limit)" : " (below the lower control limit)";
      css = "pt pt-signal";
    }
    svg.circle(frame.x(i), frame.y(p.y), 3.5, css, label);
  }
  return svg.finish();
}

}  // namespace clinaudit::render
