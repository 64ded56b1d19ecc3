#include "render/chart_frame.hpp"

#include <algorithm>
#include <cmath>

#include "core/number_format.hpp"

namespace clinaudit::render {

namespace {

constexpr double kTitleLine = 20;   // 16px bold title
constexpr double kTitleChar = 9;    // a generous average width of one character of it
constexpr double kLabelChar = 6.6;  // of the 12px axis label

// The title runs from the left margin to the icons of an SPC chart in the top right.
std::size_t title_chars(double width) { return static_cast<std::size_t>((width - 64 - 110) / kTitleChar); }

}  // namespace

ChartFrame::ChartFrame(double width, double height, double low, double high, std::size_t points, std::string_view title)
    : width_(width), right_(width - 24), bottom_(height - 56), points_(points) {
  const auto lines = wrap_words(title, title_chars(width)).size();
  if (lines > 1) top_ += kTitleLine * static_cast<double>(lines - 1);
  if (!std::isfinite(low) || !std::isfinite(high)) low = high = 0;
  if (high - low <= 0) {
    low -= 1;
    high += 1;
  }
  // Round numbers for ticks: steps of 1, 2 or 5 times a power of ten, about 6 of them.
  const double raw = (high - low) / 6;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / magnitude;
  const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
  step_ = nice * magnitude;
  low_ = std::floor(low / step_ + 1e-9) * step_;
  high_ = std::ceil(high / step_ - 1e-9) * step_;
  decimals_ = std::max(0, -static_cast<int>(std::floor(std::log10(step_) + 1e-9)));
}

double ChartFrame::x(std::size_t index) const {
  if (points_ <= 1) return (left_ + right_) / 2;
  const double pad = 12;
  return left_ + pad + (right_ - left_ - 2 * pad) * static_cast<double>(index) / static_cast<double>(points_ - 1);
}

double ChartFrame::y(double value) const { return bottom_ - (bottom_ - top_) * (value - low_) / (high_ - low_); }

void ChartFrame::draw_axes(SvgWriter& svg, std::string_view title, std::string_view y_label,
                           std::span<const std::string> labels) const {
  svg.wrapped_text(left_, 24, title, "title", "start", title_chars(width_), kTitleLine);
  const auto ticks = static_cast<int>(std::lround((high_ - low_) / step_));
  for (int k = 0; k <= ticks; ++k) {
    const double value = low_ + step_ * k;
    const double py = y(value);
    svg.line(left_, py, right_, py, "grid");
    svg.text(left_ - 6, py + 4, format_fixed(value, decimals_) + tick_suffix_, "tick-label", "end");
  }
  svg.line(left_, top_, left_, bottom_, "axis");
  svg.line(left_, bottom_, right_, bottom_, "axis");
  const std::size_t every = std::max<std::size_t>(1, (labels.size() + 7) / 8);
  for (std::size_t i = 0; i < labels.size(); i += every) {
    svg.line(x(i), bottom_, x(i), bottom_ + 4, "axis");
    svg.text(x(i), bottom_ + 18, labels[i], "tick-label", "middle");
  }
  // A long label (a measure's name) takes two lines rather than running off the plot.
  const auto lines = wrap_words(y_label, static_cast<std::size_t>((bottom_ - top_) / kLabelChar));
  const std::string mid = format_fixed((top_ + bottom_) / 2, 2);
  for (std::size_t i = 0; i < lines.size() && i < 2; ++i) {
    const std::string x = lines.size() == 1 ? "16" : i == 0 ? "12" : "26";
    std::string text = lines[i];
    if (i == 1 && lines.size() > 2) {
      for (std::size_t more = 2; more < lines.size(); ++more) text += " " + lines[more];
    }
    svg.raw("<text x=\"" + x + "\" y=\"" + mid +
            "\" class=\"axis-label\" text-anchor=\"middle\" transform=\"rotate(-90 " + x + " " + mid + ")\">" +
            xml_escape(text) + "</text>");
  }
}

std::string ChartFrame::style() {
  return "<style>"
         "text{font-family:Arial,Helvetica,sans-serif;fill:#231f20}"
         ".title{font-size:16px;font-weight:bold}.tick-label{font-size:11px}.axis-label{font-size:12px}"
         ".axis{stroke:#425563;stroke-width:1}.grid{stroke:#e8edee;stroke-width:1}"
         ".series{fill:none;stroke:#7B7D7D;stroke-width:1.5}"
         ".centre{stroke:#231f20;stroke-width:1.5}"
         ".limit{stroke:#7B7D7D;stroke-width:1.5;stroke-dasharray:6 3}"
         ".near{stroke:#aeb7bd;stroke-width:1;stroke-dasharray:2 3}"
         ".target{stroke:#de1b1b;stroke-width:1.5;stroke-dasharray:8 4}"
         ".pt{stroke:#ffffff;stroke-width:1}"
         ".pt-common{fill:#7B7D7D}.pt-improvement{fill:#289de0}.pt-concern{fill:#fab428}"
         ".pt-neutral{fill:#361475}.pt-signal{fill:#fab428}.pt-excluded{fill:#ffffff;stroke:#7B7D7D}"
         ".badge-text{font-size:12px;font-weight:bold;fill:#ffffff}.badge-text.on-light{fill:#212b32}"
         ".legend{font-size:11px}"
         "</style>";
}

}  // namespace clinaudit::render
