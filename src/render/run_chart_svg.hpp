#pragma once

#include <span>
#include <string>

#include "core/result.hpp"
#include "stats/control_chart.hpp"

namespace clinaudit::render {

struct ControlChartSvgOptions {
  std::string title;  // default: "Run chart", "I chart", "P' chart", ...
  std::string y_label = "Value";
  bool sigma_lines = false;  // draw the 2-sigma lines of control charts
  double width = 720;
  double height = 420;
};

// An SVG run chart or control chart in qicharts2's manner: the values joined by a line, the
// centre line per part (dashed and orange when the part's runs analysis signals non-random
// variation), the 3-sigma limits per point (steps where they vary with n), optional
// 2-sigma lines, points beyond the limits in orange, excluded points hollow, and a hover
// label per point (<title>: x, y, and why it signals). Deterministic (fixed decimals).
// Errors: invalid_input when `x` and the points differ in number. Pure; thread-safe.
Result<std::string> control_chart_svg(const stats::ControlChart& chart, std::span<const std::string> x,
                                      const ControlChartSvgOptions& options = {});

}  // namespace clinaudit::render
