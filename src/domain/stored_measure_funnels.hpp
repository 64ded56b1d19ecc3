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

// The funnel plot of each measure over every provider's results, computed when its inputs
// change and kept in the store with the limit curves a chart of it draws, so that the national
// audit and provider pages read it rather than compute a funnel's limits on every request (most
// of their cost). Its inputs are the measure's type and target and every result of the measure;
// it is stored with their checksum and the software version and computed again only when
// either differs, so new or changed results replace exactly the funnel of their measure.
namespace clinaudit::domain {

// A checksum of what a measure's funnel is computed from: its type, its target and each of
// its results (organisation, period, numerator, denominator, expected). Pure.
std::string funnel_checksum(const Measure& measure, const std::vector<MeasureResult>& rows);

// The funnel of `measure` over `rows` (every result of it) as the store keeps it: funnel_of
// with units named by organisation id, and the plot's chart curve; none for a continuous
// measure or no rows. Pure.
std::optional<StoredMeasureFunnel> funnel_from_results(const Measure& measure, const std::vector<MeasureResult>& rows,
                                                       const std::string& software_version);

// Computes the funnel of `measure` from `rows` (every result of it, as the store reads them)
// and stores it when its inputs or the software version differ from what is stored, or
// removes it when there is none. Returns whether it wrote. Errors: the store's.
Result<bool> refresh_measure_funnel(Store& store, const Measure& measure, const std::vector<MeasureResult>& rows,
                                    const std::string& software_version, const Actor& actor);

// Whether `stored` (computed from `every` result of its measure) is the funnel funnel_of would
// draw over `visible`, the results a viewer may see (a subset of `every`): it has a plot of at
// least three providers with a positive denominator, and every result of its comparison
// period is visible, so the same period and the same units are compared. Pure.
bool stored_funnel_fits(const StoredMeasureFunnel& stored, const std::vector<MeasureResult>& visible,
                        const std::vector<MeasureResult>& every);

// A stored funnel as the pages draw it: its units named by `organisations` (id -> organisation;
// else by id), the units beyond the limits listed, the stored curve kept, and no unit pointed
// out. Pure.
MeasureFunnel stored_funnel_view(const StoredMeasureFunnel& stored,
                                 const std::map<std::int64_t, Organisation>& organisations);

}  // namespace clinaudit::domain
