#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/store.hpp"

// Risk-adjusted CUSUM monitoring of the national audits: every provider's signals over the
// last two years of episodes, computed when the episodes change and kept in the store, so
// that dashboards and board packs read them rather than fit a case-mix model on a request.
namespace clinaudit::domain {

// The monitoring window: episodes admitted in the 730 days to the day of the computation.
inline constexpr int kCusumWindowDays = 730;

// Every provider's risk-adjusted CUSUM signals in a national audit's episodes admitted in
// [from, to], the case-mix model fitted on all of them. Empty for a local audit, for fewer
// than 100 episodes, or when the model cannot be fitted (analysis runs report that).
// Errors: the store's.
Result<std::vector<CusumAlert>> cusum_signals(Store& store, const Audit& audit, Date from, Date to);

// Computes a national audit's monitoring over the kCusumWindowDays to `today` and stores it,
// unless what is stored was computed from the same episodes and measure settings (the
// checksum) by the same software version. Returns whether it stored. A local audit has none.
// Errors: the store's.
Result<bool> refresh_cusum_monitoring(Store& store, const Audit& audit, Date today, const std::string& software_version,
                                      const Actor& actor);

// The same for the audit with `id`, after its episodes changed (an import). Errors: not_found
// for an unknown audit; the store's.
Result<bool> refresh_cusum_monitoring(Store& store, AuditId id, Date today, const std::string& software_version,
                                      const Actor& actor);

// refresh_cusum_monitoring for every national audit (the daily job: the window moves).
// Returns how many were stored again. Errors: the store's.
Result<std::int64_t> refresh_all_cusum_monitoring(Store& store, Date today, const std::string& software_version,
                                                  const Actor& actor);

// A signal as the dashboards read it: the stored record's, as a CusumAlert.
CusumAlert cusum_alert_of(const CusumMonitoringSignal& signal);

}  // namespace clinaudit::domain
