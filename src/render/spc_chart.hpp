#pragma once

#include <optional>
#include <span>
#include <string>

#include "core/result.hpp"
#include "render/chart_values.hpp"
#include "render/svg_writer.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::render {

// The Making Data Count colours.
inline constexpr const char* kMdcImprovement = "#289de0";  // blue
inline constexpr const char* kMdcConcern = "#fab428";      // orange
inline constexpr const char* kMdcNeutral = "#361475";      // purple
inline constexpr const char* kMdcCommon = "#7B7D7D";       // grey
// The grey of the common-cause and "hit and miss" icons: darker than the points' grey so
// that white text on it reads (WCAG 2.1 contrast at least 4.5:1).
inline constexpr const char* kMdcCommonIcon = "#686a6a";
// The colours of the letters on the icons.
inline constexpr const char* kIconTextLight = "#ffffff";
inline constexpr const char* kIconTextDark = "#212b32";

struct SpcChartOptions {
  std::string title = "SPC chart";
  std::string y_label = "Value";
  bool near_lines = false;  // draw the 2-sigma lines
  // How values read: `percent` shows proportions (0 to 1) as percentages on the axis, in the
  // hover labels and in the values table; `decimals` rounds hover labels and table values
  // (-1: as format_number writes them).
  bool percent = false;
  int decimals = -1;
  // Values (not percentages) are shown times this: a rate's multiplier, 1000 for "per 1,000
  // bed days". Display only, as `percent` is.
  double multiplier = 1.0;
  // The measure's possible range. Limits (and 2-sigma lines) beyond it are drawn at it, as
  // the Making Data Count tools do for proportions (0 to 1) and rates (0 or more). Display
  // only: the chart's statistics are not changed.
  std::optional<double> floor;
  std::optional<double> ceiling;
  double width = 720;
  double height = 420;
};

// How an icon is drawn: its fill, the colour of its letter, the letter, its shape (an
// improvement is a circle, a concern a diamond, so that they differ by more than colour)
// and the words that are its accessible name.
struct IconStyle {
  const char* fill;
  const char* text;
  const char* letter;
  MarkerShape shape;
  const char* words;
};
IconStyle variation_icon_style(stats::VariationIcon icon);
// `none` has no letter and no words; it is not drawn.
IconStyle assurance_icon_style(stats::AssuranceIcon icon);

// An SVG XmR chart in the Making Data Count style: the values joined by a line, the mean
// and process limits per group (a gap at each recalculation), optional 2-sigma lines, the
// target as a dashed line, special-cause points coloured and shaped (improvement a blue
// square, concern an orange diamond, neutral a purple triangle, common cause a grey
// circle), each point with a hover label (<title>: date, value, what it shows), a legend of
// the lines and the kinds of point drawn under the axis, and the variation and assurance
// icons as small badges with accessible titles in the top right. The chart is one tab stop
// (svg_writer.hpp); spc_values gives its numbers as a table. `dates` label the points.
// Fixed decimals: the same chart gives the same bytes.
// Errors: invalid_input when `dates` and the points differ in number. Pure; thread-safe.
Result<std::string> spc_chart_svg(const stats::XmrChart& chart, std::span<const std::string> dates,
                                  const std::optional<double>& target, const SpcChartOptions& options = {});

// The chart's numbers as spc_chart_svg labels them: for each point its date, value, mean,
// process limits (as drawn, so within the measure's range) and what the point shows.
ChartValues spc_values(const stats::XmrChart& chart, std::span<const std::string> dates,
                       const SpcChartOptions& options = {});

// The fill colour of a point type.
const char* point_colour(stats::SpcPointType type);

}  // namespace clinaudit::render
