#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/audit_overview.hpp"
#include "domain/measure.hpp"
#include "domain/measure_series.hpp"
#include "render/spc_chart.hpp"

// The charts of the measure use cases (domain/measure_series.hpp, domain/audit_overview.hpp)
// as SVG for the pages. Deterministic: the same data gives the same bytes. Pure; thread-safe.
namespace clinaudit::render {

// A chart for a page: the SVG (one tab stop, named by its title) and the table of its values
// for screen readers (HTML, render/chart_values.hpp), to be placed right after it.
struct DrawnChart {
  std::string svg;     // empty when the chart cannot be drawn
  std::string values;  // a <details> with the values table
};

// How `measure`'s values read on its charts and in their tables: proportions as percentages
// to 1 decimal, ratios (observed / expected) to 2 decimals, rates times their multiplier
// (per 1,000 bed days) to 2 decimals, continuous values as stored.
struct ValueScale {
  bool percent = false;
  double multiplier = 1.0;
  int decimals = -1;  // -1: as format_number writes them
};
ValueScale value_scale(const domain::Measure& measure);

// The value axis's title: the measure's name with its unit, "Falls per 1,000 bed days",
// "Thrombolysis (%)", "Mortality (observed / expected)".
std::string value_axis_title(const domain::Measure& measure);

// A funnel plot of one measure's comparison period: SVG plus the units, flagged.
struct FunnelPanel {
  std::string period;
  std::string svg;     // empty when there are too few units to draw
  std::string values;  // the values table, with the SVG
  std::string note;
  std::vector<std::pair<std::string, std::string>> flags;  // unit name, flag
};

// The funnel as a panel, values as value_scale reads them, the funnel's own unit ringed and
// named, described in the legend and the values table as `own_words` (the viewer's
// organisation, or the provider a page is about). When the plot cannot be drawn, the note
// says why and no unit is flagged.
FunnelPanel funnel_panel(const domain::Measure& measure, const domain::MeasureFunnel& funnel,
                         std::string_view own_words = "your organisation");

// How an SPC chart of `measure` reads: titled `title`, the y axis value_axis_title, values
// as value_scale reads them, proportions' limits within 0–100%, ratios' and rates' lower
// limits at 0 or more.
SpcChartOptions spc_options(const domain::Measure& measure, std::string title);

// The XmR chart of one organisation's results of `measure`, with its icons (svg "" when it
// cannot be drawn). `periods` label the points.
DrawnChart own_results_spc(const domain::Measure& measure, const stats::XmrChart& chart,
                           const std::vector<std::string>& periods);

// An XmR chart of `measure` titled `title`, drawn with spc_options.
DrawnChart measure_spc(const domain::Measure& measure, const stats::XmrChart& chart,
                       const std::vector<std::string>& periods, std::string title);

// A provider's risk-adjusted CUSUM over the year's patients in admission order.
std::string provider_cusum_svg(const domain::ProviderCusum& cusum, const std::string& title);

}  // namespace clinaudit::render
