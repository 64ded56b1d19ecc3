// The stored risk-adjusted CUSUM monitoring of national audits in the SQL store.
#include <map>

#include <nlohmann/json.hpp>

#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

domain::CusumMonitoringRecord read_monitoring(const SqlRow& row) {
  return domain::CusumMonitoringRecord{.audit_id = id_of<AuditId>(row, 0),
                                       .from = date_of(row, 1),
                                       .to = date_of(row, 2),
                                       .episodes = row.int64(3),
                                       .input_checksum = row.text(4),
                                       .software_version = row.text(5),
                                       .computed_at = timestamp_of(row, 6),
                                       .signals = {}};
}

std::pair<AuditId, domain::CusumMonitoringSignal> read_signal(const SqlRow& row) {
  return {id_of<AuditId>(row, 0), domain::CusumMonitoringSignal{.organisation_id = id_of<OrganisationId>(row, 1),
                                                                .upper = row.text(2) == "upper",
                                                                .signalled_on = date_of(row, 3),
                                                                .episodes_monitored = row.int64(4),
                                                                .value = row.real(5)}};
}

}  // namespace

Result<void> SqlStore::put_cusum_monitoring(const domain::CusumMonitoringRecord& monitoring,
                                            const domain::Actor& actor) {
  return write("storing the CUSUM monitoring of an audit", [&](SqlSession& session) {
    require_row(session, "audits", monitoring.audit_id.value, "CUSUM monitoring: audit");
    execute(session, "DELETE FROM cusum_monitoring WHERE audit_id = ?", monitoring.audit_id);
    execute(session,
            "INSERT INTO cusum_monitoring (audit_id, window_from, window_to, episodes, input_checksum, "
            "software_version, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            monitoring.audit_id, monitoring.from, monitoring.to, monitoring.episodes, monitoring.input_checksum,
            monitoring.software_version, utc_now_iso());
    for (const auto& signal : monitoring.signals) {
      require_row(session, "organisations", signal.organisation_id.value, "CUSUM monitoring: organisation");
      execute(session,
              "INSERT INTO cusum_monitoring_signals (audit_id, organisation_id, side, signalled_on, "
              "episodes_monitored, value) VALUES (?, ?, ?, ?, ?, ?)",
              monitoring.audit_id, signal.organisation_id, signal.upper ? "upper" : "lower", signal.signalled_on,
              signal.episodes_monitored, signal.value);
    }
    // A result computed again from logged data: the log says when and from what, not each signal.
    const nlohmann::json after{
        {"audit_id", monitoring.audit_id.value},       {"window_from", monitoring.from.to_string()},
        {"window_to", monitoring.to.to_string()},      {"episodes", monitoring.episodes},
        {"input_checksum", monitoring.input_checksum}, {"software_version", monitoring.software_version},
        {"signals", monitoring.signals.size()}};
    append_audit_log(session, actor, "update", "cusum_monitoring", std::to_string(monitoring.audit_id.value), nullptr,
                     &after);
  });
}

Result<std::vector<domain::CusumMonitoringRecord>> SqlStore::cusum_monitoring(
    std::optional<OrganisationId> organisation) {
  return read("reading the CUSUM monitoring", [&](SqlSession& session) {
    auto rows = all_rows(session,
                         "SELECT audit_id, window_from, window_to, episodes, input_checksum, software_version, "
                         "computed_at FROM cusum_monitoring ORDER BY audit_id",
                         read_monitoring);
    const auto signals = all_rows(session,
                                  "SELECT audit_id, organisation_id, side, signalled_on, episodes_monitored, value "
                                  "FROM cusum_monitoring_signals WHERE (CAST(?1 AS BIGINT) IS NULL OR "
                                  "organisation_id = ?1) ORDER BY audit_id, signalled_on, organisation_id, side",
                                  read_signal, organisation);
    std::map<std::int64_t, domain::CusumMonitoringRecord*> by_audit;
    for (auto& row : rows) by_audit[row.audit_id.value] = &row;
    for (const auto& [audit, signal] : signals) {
      if (const auto found = by_audit.find(audit.value); found != by_audit.end()) {
        found->second->signals.push_back(signal);
      }
    }
    return rows;
  });
}

}  // namespace clinaudit::storage
