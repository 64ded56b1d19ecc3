#pragma once

#include <span>
#include <string>
#include <string_view>

#include "render/svg_writer.hpp"

namespace clinaudit::render {

// The plotting area of a time-series chart (SPC, run and control charts): points equally
// spaced along x in their order, a linear y axis with round ticks, axes, tick labels and
// the title. Coordinates go through format_fixed, so output is deterministic.
class ChartFrame {
 public:
  // `low`..`high` is the data range to show on y (widened to round ticks; a zero range is
  // widened by one unit). `title` is the one draw_axes will write: a title too long for one
  // line wraps, and the plotting area starts below it.
  ChartFrame(double width, double height, double low, double high, std::size_t points, std::string_view title = {});

  double x(std::size_t index) const;
  double y(double value) const;
  double left() const { return left_; }
  double right() const { return right_; }
  double top() const { return top_; }
  double bottom() const { return bottom_; }

  // Written after each y tick label, e.g. "%" when the values are percentages.
  void set_tick_suffix(std::string suffix) { tick_suffix_ = std::move(suffix); }

  // Draws the title (wrapped), the y label (on two lines when long), axes, grid lines, y tick
  // labels and up to about 8 x labels. `labels` label the points along x (a subset is drawn).
  void draw_axes(SvgWriter& svg, std::string_view title, std::string_view y_label,
                 std::span<const std::string> labels) const;

  // Shared CSS for the chart elements (lines, limits, points, badges).
  static std::string style();

 private:
  double width_;
  double left_ = 64;
  double right_;
  double top_ = 56;
  double bottom_;
  double low_;
  double high_;
  double step_;
  int decimals_;
  std::size_t points_;
  std::string tick_suffix_;
};

}  // namespace clinaudit::render
