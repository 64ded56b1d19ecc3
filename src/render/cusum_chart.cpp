#include "render/cusum_chart.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "core/number_format.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::render {
namespace {

constexpr double kWidth = 900;
constexpr double kHeight = 420;
constexpr double kLeft = 72;
constexpr double kRight = 24;
constexpr double kTop = 64;
constexpr double kBottom = 56;

constexpr const char* kStyle =
    "<style>"
    ".axis{stroke:#425563;stroke-width:1}.grid{stroke:#e8edee;stroke-width:1}"
    ".label{font:12px sans-serif;fill:#231f20}.axis-label{font:13px sans-serif;fill:#231f20}"
    ".chart-title{font:bold 15px sans-serif;fill:#231f20}.legend{font:12px sans-serif;fill:#425563}"
    ".zero{stroke:#231f20;stroke-width:1}"
    ".limit{stroke:#d5281b;stroke-width:1.5;stroke-dasharray:6 4}"
    ".upper{fill:none;stroke:#005eb8;stroke-width:1.5}"
    ".lower{fill:none;stroke:#009639;stroke-width:1.5}"
    ".vlad{fill:none;stroke:#330072;stroke-width:1.5}"
    ".signal{fill:#d5281b;stroke:#ffffff;stroke-width:1}"
    "</style>";

std::string fixed(double value) { return format_fixed(value, 2); }

// Round tick steps: 1, 2 or 5 times a power of ten.
double tick_step(double span) {
  const double raw = (span > 0 ? span : 1.0) / 6.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  return (fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0) * magnitude;
}

struct Frame {
  double low = 0;
  double high = 1;
  std::size_t count = 1;
  double x(std::size_t index) const {
    const double span = count > 1 ? static_cast<double>(count - 1) : 1.0;
    return kLeft + static_cast<double>(index) / span * (kWidth - kLeft - kRight);
  }
  double y(double value) const { return kHeight - kBottom - (value - low) / (high - low) * (kHeight - kTop - kBottom); }
};

Frame make_frame(double low, double high, std::size_t count) {
  const double step = tick_step(high - low);
  Frame frame;
  frame.low = std::floor(low / step) * step;
  frame.high = std::ceil(high / step) * step;
  if (frame.high <= frame.low) frame.high = frame.low + step;
  frame.count = std::max<std::size_t>(count, 1);
  return frame;
}

void draw_axes(SvgWriter& svg, const Frame& frame, std::string_view title, std::string_view x_label,
               std::string_view y_label) {
  svg.raw(kStyle);
  svg.text(kLeft, 24, title, "chart-title");
  const double step = tick_step(frame.high - frame.low);
  const int decimals = std::max(0, -static_cast<int>(std::floor(std::log10(step) + 1e-9)));
  for (int tick = 0;; ++tick) {
    const double v = frame.low + tick * step;
    if (v > frame.high + step * 1e-6) break;
    const double y = frame.y(v);
    svg.line(kLeft, y, kWidth - kRight, y, "grid");
    svg.text(kLeft - 6, y + 4, format_fixed(std::fabs(v) < step * 1e-9 ? 0.0 : v, decimals), "label", "end");
  }
  svg.line(kLeft, kTop, kLeft, kHeight - kBottom, "axis");
  svg.line(kLeft, kHeight - kBottom, kWidth - kRight, kHeight - kBottom, "axis");
  const std::size_t every = std::max<std::size_t>(1, (frame.count + 7) / 8);
  for (std::size_t i = 0; i < frame.count; i += every) {
    svg.text(frame.x(i), kHeight - kBottom + 18, std::to_string(i + 1), "label", "middle");
  }
  svg.text((kLeft + kWidth - kRight) / 2, kHeight - 14, x_label, "axis-label", "middle");
  svg.raw("<text x=\"16\" y=\"" + fixed((kTop + kHeight - kBottom) / 2) + "\" class=\"axis-label\" " +
          "text-anchor=\"middle\" transform=\"rotate(-90 16 " + fixed((kTop + kHeight - kBottom) / 2) + ")\">" +
          xml_escape(y_label) + "</text>");
}

std::string patient_name(const CusumChartText& text, std::size_t signal, std::size_t index) {
  if (signal < text.signal_labels.size()) return text.signal_labels[signal];
  if (index < text.patient_labels.size() && !text.patient_labels[index].empty()) return text.patient_labels[index];
  return "patient " + std::to_string(index + 1);
}

void append_point(std::string& points, double x, double y) {
  if (!points.empty()) points += ' ';
  points += fixed(x) + ',' + fixed(y);
}

// The patient of the chart's point `t`.
std::size_t patient_of(const CusumChartText& text, std::size_t t) {
  return t < text.point_patients.size() ? static_cast<std::size_t>(text.point_patients[t]) : t;
}

// How many patients the x axis spans.
std::size_t patient_count(const stats::RacusumChart& chart, const CusumChartText& text) {
  return text.point_patients.empty() ? chart.points.size() : text.patients;
}

// The chart's point of `patient`, when it keeps one.
std::optional<std::size_t> point_of(const stats::RacusumChart& chart, const CusumChartText& text, std::size_t patient) {
  if (text.point_patients.empty()) {
    return patient < chart.points.size() ? std::optional<std::size_t>(patient) : std::nullopt;
  }
  const auto found =
      std::lower_bound(text.point_patients.begin(), text.point_patients.end(), static_cast<std::int64_t>(patient));
  if (found == text.point_patients.end() || *found != static_cast<std::int64_t>(patient)) return std::nullopt;
  return static_cast<std::size_t>(found - text.point_patients.begin());
}

// The line of one chart; at a reset signal it rises to the crossing value, then drops to 0.
std::string chart_line(const stats::RacusumChart& chart, const CusumChartText& text, const Frame& frame,
                       stats::CusumSide side) {
  std::string points;
  std::size_t next_signal = 0;
  for (std::size_t t = 0; t < chart.points.size(); ++t) {
    const auto& point = chart.points[t];
    const std::size_t patient = patient_of(text, t);
    const double value = side == stats::CusumSide::upper ? point.upper : point.lower;
    while (next_signal < chart.signals.size() &&
           (chart.signals[next_signal].index < patient || chart.signals[next_signal].side != side)) {
      ++next_signal;
    }
    if (next_signal < chart.signals.size() && chart.signals[next_signal].index == patient &&
        chart.signals[next_signal].value != value) {
      append_point(points, frame.x(patient), frame.y(chart.signals[next_signal].value));
    }
    append_point(points, frame.x(patient), frame.y(value));
  }
  return points;
}

}  // namespace

std::string cusum_svg(const stats::RacusumChart& chart, const stats::RacusumOptions& options,
                      const CusumChartText& text) {
  double high = options.upper ? options.upper_limit : 0.0;
  double low = options.lower ? -options.lower_limit : 0.0;
  for (const auto& point : chart.points) {
    if (options.upper) high = std::max(high, point.upper);
    if (options.lower) low = std::min(low, point.lower);
  }
  for (const auto& signal : chart.signals) {
    high = std::max(high, signal.value);
    low = std::min(low, signal.value);
  }
  const Frame frame = make_frame(low, high * 1.05, patient_count(chart, text));
  SvgWriter svg(kWidth, kHeight, text.title);
  draw_axes(svg, frame, text.title, text.x_label, "CUSUM (log-likelihood ratio)");
  svg.line(kLeft, frame.y(0), kWidth - kRight, frame.y(0), "zero");
  std::string legend;
  if (options.upper) {
    svg.line(kLeft, frame.y(options.upper_limit), kWidth - kRight, frame.y(options.upper_limit), "limit");
    svg.polyline(chart_line(chart, text, frame, stats::CusumSide::upper), "upper");
    legend +=
        "Upper: odds ratio " + format_number(options.upper_odds_ratio) + ", h = " + format_number(options.upper_limit);
  }
  if (options.lower) {
    svg.line(kLeft, frame.y(-options.lower_limit), kWidth - kRight, frame.y(-options.lower_limit), "limit");
    svg.polyline(chart_line(chart, text, frame, stats::CusumSide::lower), "lower");
    if (!legend.empty()) legend += "  ·  ";
    legend +=
        "Lower: odds ratio " + format_number(options.lower_odds_ratio) + ", h = " + format_number(options.lower_limit);
  }
  legend += "  ·  " + std::to_string(chart.signals.size()) + (chart.signals.size() == 1 ? " signal" : " signals") +
            (options.reset ? " (reset after each)" : "");
  svg.text(kLeft, 44, legend, "legend");
  for (std::size_t s = 0; s < chart.signals.size(); ++s) {
    const auto& signal = chart.signals[s];
    const bool upper = signal.side == stats::CusumSide::upper;
    const double limit = upper ? options.upper_limit : -options.lower_limit;
    const std::string label = patient_name(text, s, signal.index) + ": " + (upper ? "upper" : "lower") + " CUSUM " +
                              format_fixed(signal.value, 3) + (upper ? " ≥ h = " : " ≤ −h = ") + format_number(limit) +
                              (upper ? " — signal of deterioration" : " — signal of improvement");
    svg.circle(frame.x(signal.index), frame.y(signal.value), 4, "signal", label);
  }
  return svg.finish();
}

std::string vlad_svg(const stats::RacusumChart& chart, const CusumChartText& text) {
  double low = 0;
  double high = 0;
  for (const auto& point : chart.points) {
    if (!std::isfinite(point.vlad)) continue;
    low = std::min(low, point.vlad);
    high = std::max(high, point.vlad);
  }
  const double pad = std::max(0.5, (high - low) * 0.05);
  const Frame frame = make_frame(low - pad, high + pad, patient_count(chart, text));
  const std::string title = text.title == CusumChartText{}.title ? "Variable life-adjusted display (VLAD)" : text.title;
  SvgWriter svg(kWidth, kHeight, title);
  draw_axes(svg, frame, title, text.x_label, "Cumulative expected − observed events");
  svg.line(kLeft, frame.y(0), kWidth - kRight, frame.y(0), "zero");
  std::string points;
  for (std::size_t t = 0; t < chart.points.size(); ++t) {
    if (std::isfinite(chart.points[t].vlad)) {
      append_point(points, frame.x(patient_of(text, t)), frame.y(chart.points[t].vlad));
    }
  }
  svg.polyline(points, "vlad");
  svg.text(kLeft, 44,
           "Observed " + format_number(chart.observed) + ", expected " + format_fixed(chart.expected, 1) +
               " · rising line: fewer events than the case mix predicts",
           "legend");
  for (std::size_t s = 0; s < chart.signals.size(); ++s) {
    const auto& signal = chart.signals[s];
    const auto point = point_of(chart, text, signal.index);
    if (!point) continue;
    const double v = chart.points[*point].vlad;
    if (!std::isfinite(v)) continue;
    const bool upper = signal.side == stats::CusumSide::upper;
    svg.circle(frame.x(signal.index), frame.y(v), 4, "signal",
               patient_name(text, s, signal.index) + ": VLAD " + format_fixed(v, 2) + ", " +
                   (upper ? "upper" : "lower") + " CUSUM signal");
  }
  return svg.finish();
}

}  // namespace clinaudit::render
