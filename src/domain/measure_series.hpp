#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/store.hpp"
#include "stats/funnel.hpp"
#include "stats/spc_xmr.hpp"

// A measure's results as the pages, the API and the board pack show them: the value of a
// result, the SPC chart of one organisation's series, and the funnel plot of a period.
namespace clinaudit::domain {

// An SPC chart needs this many points before its icons mean anything (Making Data Count).
inline constexpr std::size_t kMinimumSpcPoints = 12;

// Which way is better, as the statistics engine names it.
stats::ImprovementDirection improvement_direction(Improvement improvement);

// The value of one result on the measure's scale: the stored value, else observed / expected
// for a ratio with expected > 0, else numerator / denominator with denominator > 0.
std::optional<double> measure_value(const Measure& measure, const MeasureResult& result);

// A value on the measure's scale as people read it: a proportion as a percentage to one
// place ("50.0%"), a rate per its multiplier with its unit to two places ("6.00 per 1,000 bed
// days"; "per 1,000" when it has no unit), a ratio or continuous value to two places ("2.20").
std::string measure_value_words(const Measure& measure, double value);

// Whether measure_value gives a ratio measure's value as numerator / denominator, for want
// of a stored value or a positive expected count (a crude ratio).
bool is_crude_ratio(const Measure& measure, const MeasureResult& result);

// The XmR chart of a series of values in period order, with the measure's improvement
// direction and target. Errors: the statistics engine's (e.g. too few points).
Result<stats::XmrChart> xmr_of(const Measure& measure, const std::vector<double>& values);

// As xmr_of, but none when there are fewer than kMinimumSpcPoints values or no chart.
std::optional<stats::XmrChart> spc_of(const Measure& measure, const std::vector<double>& values);

// Whether the chart's latest variation is a special cause of concern (high or low): the
// measure is deteriorating.
bool shows_concern(stats::VariationIcon variation);

// The denominator a result is plotted against on a funnel: the expected count for a ratio,
// else the denominator.
std::optional<double> funnel_denominator(const Measure& measure, const MeasureResult& row);

// The funnel a measure type is plotted on (a continuous measure has none: proportion).
stats::FunnelType funnel_type(MeasureType type);

// The funnel plot of `units` as a measure's funnels are drawn: on its type's funnel, around its
// target (a ratio's is 1), else the units' overall value; 95% and 99.8% exact limits, widened
// for overdispersion. Errors: the statistics engine's (stats::funnel_plot).
Result<stats::FunnelPlot> measure_funnel_plot(const Measure& measure, std::span<const stats::UnitCount> units);

// The period a funnel plot compares: the latest period end with at least three providers
// with a numerator and a positive denominator (expected, for a ratio); when no period has
// three, the latest period end of any row. A funnel of one is no comparison (e.g. when only
// the caller's own result for a year in progress is visible). None for no rows.
std::optional<Date> funnel_period_end(const Measure& measure, const std::vector<MeasureResult>& rows);

// A funnel plot of one measure's comparison period, as data for render/.
struct MeasureFunnel {
  std::string period;                                      // "YYYY-MM-DD to YYYY-MM-DD"
  std::optional<stats::FunnelPlot> plot;                   // none when the plot cannot be made (see note)
  std::string note;                                        // why there is no plot, or that limits were widened
  std::vector<std::pair<std::string, std::string>> flags;  // unit name, flag; the units beyond the limits
  std::string own_unit;  // the viewer's organisation's unit, to point out on the plot; "" for none
  // The plot's limit curves when they were stored with it (stats::funnel_chart_curve); empty:
  // a chart computes them.
  std::vector<stats::FunnelCurvePoint> curve;
};

// The funnel plot over `rows` (the results the caller may see) in funnel_period_end's
// period; units are named by `organisations` (id -> organisation), else by id. None for a
// continuous measure or no rows.
std::optional<MeasureFunnel> funnel_of(const Measure& measure, const std::vector<MeasureResult>& rows,
                                       const std::map<std::int64_t, Organisation>& organisations);

// One measure of an audit for the caller: their organisation's results, the SPC icons and
// chart over them (when there are enough points), and the funnel plot over every result
// the caller may see.
struct MeasureSeries {
  Measure measure;
  std::vector<MeasureResult> own_results;  // the caller's organisation, by period
  std::optional<MeasureFunnel> funnel;
  std::string variation;  // SPC icons over own results, "" with too few points
  std::string assurance;
  std::optional<stats::XmrChart> own_chart;  // the XmR chart of own results, when there are enough points
  std::vector<std::string> own_periods;      // period starts of the charted own results
};

// Every measure of `audit`, in the store's order, from what is stored: the caller's chart of
// each measure (stored_measure_charts.hpp) and a funnel (stored_measure_funnels.hpp). With
// `national` (national analysts), the funnel over every provider's results, published or not,
// pointing out no provider; otherwise the funnel over the results `who` may see
// (may_see_result), with `who`'s organisation as its own unit. A funnel not stored for those
// results says so (funnel_not_computed); none is computed here. Errors: the store's.
Result<std::vector<MeasureSeries>> measure_series(Store& store, const Principal& who, AuditId audit, bool national);

// The organisations by id, for naming units and providers.
std::map<std::int64_t, Organisation> organisations_by_id(Store& store);

}  // namespace clinaudit::domain
