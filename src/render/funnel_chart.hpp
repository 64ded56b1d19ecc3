#pragma once

#include <span>
#include <string>

#include "core/result.hpp"
#include "render/chart_values.hpp"
#include "stats/funnel.hpp"

namespace clinaudit::render {

struct FunnelChartOptions {
  std::string title = "Funnel plot";
  std::string x_label;  // default by type: "Expected", "Cases", "Exposure"
  std::string y_label;  // default by type: "Observed / expected", "Proportion", "Rate"
  // The unit to point out (the viewer's own organisation): ringed and named on the plot.
  // Empty: none.
  std::string highlight;
  // Who the highlighted unit is to the reader, for the legend and the values table.
  std::string highlight_words = "your organisation";
  // How values read (the points' hover labels, the y ticks, the target, the values table):
  // `percent` shows proportions (0 to 1) as percentages, `multiplier` scales anything else
  // (a rate per 1,000 bed days: 1000), `decimals` rounds. Display only: the plot's statistics
  // and the points' positions are unchanged.
  bool percent = false;
  double multiplier = 1.0;
  int decimals = 4;
  double width = 720;
  double height = 480;
  // The plot's limit curves from stats::funnel_chart_curve, when they were computed with the
  // plot and stored; empty: computed here (they are most of the cost of a chart).
  std::span<const stats::FunnelCurvePoint> curve;
};

// An SVG funnel plot: each unit a point (hover label via <title>: unit, value, numerator,
// denominator, flag), flagged units drawn in the colour and shape of their flag (alert a
// triangle pointing the way it lies, alarm a diamond), the highlighted unit ringed and
// labelled with its name, the target line, the 95% and 99.8% limit curves in use
// (overdispersion-adjusted when applied) across the range of denominators, axes with ticks
// and labels, a title that wraps when long, and a legend. Units with denominator 0 are not
// drawn. The plot is one tab stop (svg_writer.hpp); funnel_values gives its numbers as a
// table. Coordinates are written with fixed decimals, so the same plot always gives the
// same bytes. Errors: invalid_input when the plot has no unit to draw. Pure; thread-safe.
Result<std::string> funnel_chart_svg(const stats::FunnelPlot& plot, const FunnelChartOptions& options = {});

// The plot's numbers: each drawn unit with its value, numerator, denominator, 95% and 99.8%
// limits and flag, as the plot labels them, the highlighted unit marked with its
// `highlight_words` ("(your organisation)").
ChartValues funnel_values(const stats::FunnelPlot& plot, const FunnelChartOptions& options = {});

}  // namespace clinaudit::render
