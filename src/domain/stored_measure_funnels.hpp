#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/analysis_record.hpp"
#include "domain/measure.hpp"
#include "domain/measure_series.hpp"
#include "domain/organisation.hpp"
#include "domain/store.hpp"

// The funnel plots of each measure, computed when their inputs change and kept in the store
// with the limit curves a chart of them draws, so that the audit and provider pages read them
// rather than compute a funnel's limits on every request (most of their cost). A funnel is
// stored for each view of the measure's results: every result (the national view), and the
// results a trust may see (may_see_result: the published ones and its own), one per distinct
// set of results compared. Each is stored with the checksum of what it compares and the
// software version, and computed again only when a view's checksum or the version is new, so
// new or changed results replace exactly the funnels that compare them.
namespace clinaudit::domain {

// A checksum of what a funnel over `rows` compares: the measure's type and target, the period
// funnel_period_end chooses and each of `rows` that ends then (organisation, period,
// numerator, denominator, expected). Viewers who see different results but compare the same
// ones share it, and their funnel. Pure.
std::string funnel_checksum(const Measure& measure, const std::vector<MeasureResult>& rows);

// One view of a measure's results that a funnel is stored for.
struct FunnelView {
  std::string checksum;  // funnel_checksum of `rows`
  bool every_result = false;
  std::vector<MeasureResult> rows;
};

// The views of `rows` (every result of a measure) a funnel is stored for: every result, then
// as trusts see them (may_see_result) — the published results, and the published ones with
// each organisation's own unpublished ones — one per distinct checksum, views of no result
// left out. None for a continuous measure. Pure.
std::vector<FunnelView> funnel_views(const Measure& measure, const std::vector<MeasureResult>& rows);

// The funnel of `measure` over `rows` as the store keeps it: funnel_of with units named by
// organisation id, and the plot's chart curve; none for a continuous measure or no rows. Pure.
std::optional<StoredMeasureFunnel> funnel_from_results(const Measure& measure, const std::vector<MeasureResult>& rows,
                                                       const std::string& software_version);

// Stores the funnel of each of funnel_views(measure, rows) (`rows`: every result of it, as the
// store reads them), computing those whose checksum or software version is not stored yet, and
// removes the others; writes nothing when the stored ones are exactly these. Returns whether it
// wrote. Errors: the store's.
Result<bool> refresh_measure_funnel(Store& store, const Measure& measure, const std::vector<MeasureResult>& rows,
                                    const std::string& software_version, const Actor& actor);

// A stored funnel as the pages draw it: its units named by `organisations` (id -> organisation;
// else by id), the units beyond the limits listed, the stored curve kept, and no unit pointed
// out. Pure.
MeasureFunnel stored_funnel_view(const StoredMeasureFunnel& stored,
                                 const std::map<std::int64_t, Organisation>& organisations);

// What a page shows for a funnel not stored yet for the results it would compare (the results
// changed by a way that computes no analysis, or before the first daily job after an upgrade).
MeasureFunnel funnel_not_computed();

}  // namespace clinaudit::domain
