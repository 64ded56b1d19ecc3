#pragma once

#include <span>
#include <string>

#include "core/result.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::render {

// The Making Data Count colours.
inline constexpr const char* kMdcImprovement = "#289de0";  // blue
inline constexpr const char* kMdcConcern = "#fab428";      // orange
inline constexpr const char* kMdcNeutral = "#361475";      // purple
inline constexpr const char* kMdcCommon = "#7B7D7D";       // grey

struct SpcChartOptions {
  std::string title = "SPC chart";
  std::string y_label = "Value";
  bool near_lines = false;  // draw the 2-sigma lines
  double width = 720;
  double height = 420;
};

// An SVG XmR chart in the Making Data Count style: the values joined by a line, the mean
// and process limits per group (a gap at each recalculation), optional 2-sigma lines, the
// target as a dashed line, special-cause points coloured (improvement blue, concern orange,
// neutral purple, common cause grey), each point with a hover label (<title>: date, value,
// rule), and the variation and assurance icons as small badges with accessible titles in
// the top right. `dates` label the points. Fixed decimals: the same chart gives the same
// bytes. Errors: invalid_input when `dates` and the points differ in number.
// Pure; thread-safe.
Result<std::string> spc_chart_svg(const stats::XmrChart& chart, std::span<const std::string> dates,
                                  const std::optional<double>& target, const SpcChartOptions& options = {});

// The fill colour of a point type.
const char* point_colour(stats::SpcPointType type);

}  // namespace clinaudit::render
