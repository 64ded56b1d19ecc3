#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/analysis_record.hpp"
#include "domain/audit.hpp"
#include "domain/episode.hpp"
#include "domain/measure.hpp"
#include "domain/store.hpp"

// Each provider's risk-adjusted CUSUM over a financial year of a national audit, computed when
// the year's episodes or the audit's measures change and kept in the store, so that the
// national provider page reads it rather than fit the case-mix model on a request. Its inputs
// are the year's episodes and the measure settings an analysis reads; it is stored with their
// checksum and the software version and computed again only when either differs.
namespace clinaudit::domain {

// The most points a provider's stored chart keeps: a chart is at most about a thousand pixels
// wide, and a year of a large audit holds tens of thousands of one provider's patients.
inline constexpr std::size_t kStoredCusumPoints = 2000;

// `chart` (one point per patient) kept at about `limit` points: of every run of patients, the
// first and last and those where each line is highest and lowest, and every signal's patient,
// so the drawn lines keep their shape and every crossing. `patients` of the result says which
// patient each kept point is. A chart of `limit` points or fewer is kept whole. Pure.
ProviderCusumChart thinned_cusum(const stats::RacusumChart& chart, std::size_t limit);

// Every provider's chart over `episodes` (a year's, in admission order), the case-mix model of
// `measures` fitted on all of them; `note` says why there is none when the model cannot be
// fitted. Pure.
ProviderCusumRecord provider_cusum_of(const EpisodeColumns& episodes, const std::vector<Measure>& measures);

// Computes the CUSUM of `audit` in `year` and stores it, unless what is stored was computed from
// the same episodes and measure settings (the checksum) by the same software version, or the
// year holds no episode and nothing is stored. Returns whether it stored. A local audit has none.
// Errors: the store's.
Result<bool> refresh_provider_cusum(Store& store, const Audit& audit, FinancialYear year,
                                    const std::string& software_version, const Actor& actor);

// The years of `audit` worth a refresh: the one `today` falls in and the one before it, with
// every year already stored (whose measure settings may have changed). Errors: the store's.
Result<std::vector<FinancialYear>> provider_cusum_years(Store& store, AuditId audit, Date today);

// refresh_provider_cusum for each year of `years` of the audit with `id` (after an import of
// its episodes, or an edit of its measures). Returns how many were stored again.
// Errors: not_found for an unknown audit; the store's.
Result<std::int64_t> refresh_provider_cusum(Store& store, AuditId id, const std::vector<FinancialYear>& years,
                                            const std::string& software_version, const Actor& actor);

// refresh_provider_cusum for every year stored of the audit with `id` (after an edit of its
// measures, whose settings its model follows). Errors: not_found for an unknown audit; the store's.
Result<std::int64_t> refresh_stored_provider_cusum(Store& store, AuditId id, const std::string& software_version,
                                                   const Actor& actor);

// For every national audit, refresh_provider_cusum over its provider_cusum_years (the daily
// job: a new year, an upgrade). Returns how many were stored again. Errors: the store's.
Result<std::int64_t> refresh_all_provider_cusum(Store& store, Date today, const std::string& software_version,
                                                const Actor& actor);

}  // namespace clinaudit::domain
