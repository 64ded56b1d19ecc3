#pragma once

#include <string>

#include "core/result.hpp"
#include "stats/funnel.hpp"

namespace clinaudit::render {

struct FunnelChartOptions {
  std::string title = "Funnel plot";
  std::string x_label;  // default by type: "Expected", "Cases", "Exposure"
  std::string y_label;  // default by type: "Observed / expected", "Proportion", "Rate"
  double width = 720;
  double height = 480;
};

// An SVG funnel plot: each unit a point (hover label via <title>: unit, value, numerator,
// denominator, flag), flagged units drawn in the colour of their flag, the target line,
// the 95% and 99.8% limit curves in use (overdispersion-adjusted when applied) across the
// range of denominators, axes with ticks and labels, and a legend. Units with denominator 0
// are not drawn. Coordinates are written with fixed decimals, so the same plot always
// gives the same bytes. Errors: invalid_input when the plot has no unit to draw.
// Pure; thread-safe.
Result<std::string> funnel_chart_svg(const stats::FunnelPlot& plot, const FunnelChartOptions& options = {});

}  // namespace clinaudit::render
