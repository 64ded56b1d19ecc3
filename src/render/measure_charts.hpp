#pragma once

#include <string>
#include <utility>
#include <vector>

#include "domain/audit_overview.hpp"
#include "domain/measure.hpp"
#include "domain/measure_series.hpp"

// The charts of the measure use cases (domain/measure_series.hpp, domain/audit_overview.hpp)
// as SVG for the pages. Deterministic: the same data gives the same bytes. Pure; thread-safe.
namespace clinaudit::render {

// A funnel plot of one measure's comparison period: SVG plus the units, flagged.
struct FunnelPanel {
  std::string period;
  std::string svg;  // empty when there are too few units to draw
  std::string note;
  std::vector<std::pair<std::string, std::string>> flags;  // unit name, flag
};

// The funnel as a panel. When the plot cannot be drawn, the note says why and no unit is
// flagged.
FunnelPanel funnel_panel(const domain::Measure& measure, const domain::MeasureFunnel& funnel);

// The XmR chart of one organisation's results of `measure`, with its icons ("" when it
// cannot be drawn). `periods` label the points.
std::string own_results_spc_svg(const domain::Measure& measure, const stats::XmrChart& chart,
                                const std::vector<std::string>& periods);

// A provider's risk-adjusted CUSUM over the year's patients in admission order.
std::string provider_cusum_svg(const domain::ProviderCusum& cusum, const std::string& title);

}  // namespace clinaudit::render
