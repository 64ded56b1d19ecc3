#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/analysis_record.hpp"
#include "domain/measure.hpp"
#include "domain/store.hpp"

// Making Data Count charts of every organisation's results on every measure, computed when
// their inputs change and kept in the store, so that dashboards and board packs read them
// rather than chart each measure on every request. A chart's inputs are the measure's
// improvement direction and target and the organisation's results on it; each is stored with
// their checksum and the software version, and computed again only when either differs, so a
// change of results or settings replaces exactly the charts that depend on it.
namespace clinaudit::domain {

// What a refresh did: charts stored (new or computed again), removed (no longer kMinimumSpcPoints
// values), and left as they were (same inputs, same software version).
struct MeasureChartRefresh {
  std::int64_t stored = 0;
  std::int64_t removed = 0;
  std::int64_t unchanged = 0;
  std::int64_t funnels_stored = 0;  // measures' funnels stored again or removed (stored_measure_funnels.hpp)
  MeasureChartRefresh& operator+=(const MeasureChartRefresh& other);
};

// The chart of `organisation`'s results on `measure` (`rows`: its results, in period order),
// as the store keeps it; none with fewer than kMinimumSpcPoints values or when the statistics
// refuse the series. Pure.
std::optional<StoredMeasureChart> chart_from_results(const Measure& measure, OrganisationId organisation,
                                                     const std::vector<MeasureResult>& rows,
                                                     const std::string& software_version);

// Computes every organisation's chart of `measure` from the stored results and stores those
// whose inputs or software version differ from what is stored; removes those that no longer
// have enough values; then the measure's funnel (refresh_measure_funnel). Errors: the store's.
Result<MeasureChartRefresh> refresh_measure_charts(Store& store, const Measure& measure,
                                                   const std::string& software_version, const Actor& actor);

// refresh_measure_charts for each measure of `measures` (after an import of results).
// Errors: not_found for an unknown measure; the store's.
Result<MeasureChartRefresh> refresh_measure_charts(Store& store, const std::vector<MeasureId>& measures,
                                                   const std::string& software_version, const Actor& actor);

// refresh_measure_charts for every measure of every audit (the daily job, e.g. after an
// upgrade; the demo world). Errors: the store's.
Result<MeasureChartRefresh> refresh_all_measure_charts(Store& store, const std::string& software_version,
                                                       const Actor& actor);

// `stored` as it was on `day`: the periods starting after the day left out and the chart
// drawn again over those before it (a board pack for a past meeting); the stored chart itself
// when none is left out; none when fewer than kMinimumSpcPoints remain. Pure.
std::optional<StoredMeasureChart> chart_as_of(const StoredMeasureChart& stored, const Measure& measure, Date day);

}  // namespace clinaudit::domain
