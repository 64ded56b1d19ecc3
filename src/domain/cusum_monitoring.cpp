#include "domain/cusum_monitoring.hpp"

#include "domain/analysis_run.hpp"

namespace clinaudit::domain {
namespace {

// Too few episodes for a case-mix model worth charting.
constexpr std::size_t kMinimumEpisodes = 100;

std::vector<CusumAlert> signals_of(const EpisodeColumns& episodes, const std::vector<Measure>& measures) {
  if (episodes.size() < kMinimumEpisodes) return {};
  auto analysis = analyse_episodes(episodes, analysis_options_for(measures));
  if (!analysis) return {};
  return std::move(analysis->cusum_alerts);
}

// refresh_cusum_monitoring against `stored`, the store's monitoring rows (without signals).
Result<bool> refresh(Store& store, const Audit& audit, Date today, const std::string& software_version,
                     const Actor& actor, const std::vector<CusumMonitoringRecord>& stored) {
  if (audit.kind == AuditKind::local_audit) return false;
  const Date from = today.plus_days(-kCusumWindowDays);
  CLINAUDIT_TRY(const auto episodes, store.episodes(audit.id, from, today));
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
  const std::string checksum = episode_checksum(episodes) + measure_settings_checksum(measures);
  for (const auto& row : stored) {
    // The same episodes and settings give the same signals, whatever the window's dates.
    if (row.audit_id == audit.id && row.input_checksum == checksum && row.software_version == software_version) {
      return false;
    }
  }
  CusumMonitoringRecord record{.audit_id = audit.id,
                               .from = from,
                               .to = today,
                               .episodes = static_cast<std::int64_t>(episodes.size()),
                               .input_checksum = checksum,
                               .software_version = software_version,
                               .computed_at = {},
                               .signals = {}};
  for (const auto& alert : signals_of(episodes, measures)) {
    record.signals.push_back(CusumMonitoringSignal{.organisation_id = alert.provider,
                                                   .upper = alert.worse_than_expected(),
                                                   .signalled_on = alert.signalled_on,
                                                   .episodes_monitored = alert.episodes_monitored,
                                                   .value = alert.value});
  }
  CLINAUDIT_TRY_VOID(store.put_cusum_monitoring(record, actor));
  return true;
}

// The stored monitoring rows; no organisation has id 0, so none of their signals are read.
Result<std::vector<CusumMonitoringRecord>> stored_rows(Store& store) {
  return store.cusum_monitoring(OrganisationId{});
}

}  // namespace

Result<std::vector<CusumAlert>> cusum_signals(Store& store, const Audit& audit, Date from, Date to) {
  if (audit.kind == AuditKind::local_audit) return std::vector<CusumAlert>{};
  CLINAUDIT_TRY(const auto episodes, store.episodes(audit.id, from, to));
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
  return signals_of(episodes, measures);
}

Result<bool> refresh_cusum_monitoring(Store& store, const Audit& audit, Date today, const std::string& software_version,
                                      const Actor& actor) {
  CLINAUDIT_TRY(const auto stored, stored_rows(store));
  return refresh(store, audit, today, software_version, actor, stored);
}

Result<bool> refresh_cusum_monitoring(Store& store, AuditId id, Date today, const std::string& software_version,
                                      const Actor& actor) {
  CLINAUDIT_TRY(const auto audit, store.audit(id));
  return refresh_cusum_monitoring(store, audit, today, software_version, actor);
}

Result<std::int64_t> refresh_all_cusum_monitoring(Store& store, Date today, const std::string& software_version,
                                                  const Actor& actor) {
  CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
  CLINAUDIT_TRY(const auto stored, stored_rows(store));  // read once for every audit
  std::int64_t written = 0;
  for (const auto& audit : audits) {
    CLINAUDIT_TRY(const bool wrote, refresh(store, audit, today, software_version, actor, stored));
    written += wrote ? 1 : 0;
  }
  return written;
}

CusumAlert cusum_alert_of(const CusumMonitoringSignal& signal) {
  return CusumAlert{.provider = signal.organisation_id,
                    .side = signal.upper ? stats::CusumSide::upper : stats::CusumSide::lower,
                    .signalled_on = signal.signalled_on,
                    .episodes_monitored = signal.episodes_monitored,
                    .value = signal.value};
}

}  // namespace clinaudit::domain
