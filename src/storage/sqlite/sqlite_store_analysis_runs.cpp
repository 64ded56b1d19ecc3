// Analysis runs and their CUSUM alerts in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, audit_id, measure_id, period, period_from, period_to, run_on, episodes, input_checksum, "
    "software_version, method, parameters, units_flagged, cases_opened, created_at, created_by FROM analysis_runs ";

constexpr const char* kAlertColumns =
    "SELECT id, run_id, audit_id, measure_id, organisation_id, side, signalled_on, episodes_monitored, value, "
    "raised_on FROM cusum_alerts ";

domain::AnalysisRunRecord read_run(SQLite::Statement& query) {
  domain::AnalysisRunRecord row;
  row.id = id_column<AnalysisRunId>(query.getColumn(0));
  row.audit_id = id_column<AuditId>(query.getColumn(1));
  row.measure_id = id_column<MeasureId>(query.getColumn(2));
  row.period = query.getColumn(3).getString();
  row.from = date_column(query.getColumn(4));
  row.to = date_column(query.getColumn(5));
  row.run_on = date_column(query.getColumn(6));
  row.episodes = query.getColumn(7).getInt64();
  row.input_checksum = query.getColumn(8).getString();
  row.software_version = query.getColumn(9).getString();
  row.method = query.getColumn(10).getString();
  row.parameters = query.getColumn(11).getString();
  row.units_flagged = query.getColumn(12).getInt64();
  row.cases_opened = query.getColumn(13).getInt64();
  row.created_at = query.getColumn(14).getString();
  row.created_by = query.getColumn(15).getString();
  return row;
}

domain::StoredCusumAlert read_alert(SQLite::Statement& query) {
  domain::StoredCusumAlert row;
  row.id = query.getColumn(0).getInt64();
  row.run_id = id_column<AnalysisRunId>(query.getColumn(1));
  row.audit_id = id_column<AuditId>(query.getColumn(2));
  row.measure_id = id_column<MeasureId>(query.getColumn(3));
  row.organisation_id = id_column<OrganisationId>(query.getColumn(4));
  row.upper = query.getColumn(5).getString() == "upper";
  row.signalled_on = date_column(query.getColumn(6));
  row.episodes_monitored = query.getColumn(7).getInt64();
  row.value = query.getColumn(8).getDouble();
  row.raised_on = date_column(query.getColumn(9));
  return row;
}

nlohmann::json run_json(const domain::AnalysisRunRecord& run) {
  return {{"id", run.id.value},
          {"audit_id", run.audit_id.value},
          {"measure_id", run.measure_id.value},
          {"period", run.period},
          {"run_on", run.run_on.to_string()},
          {"episodes", run.episodes},
          {"input_checksum", run.input_checksum},
          {"software_version", run.software_version},
          {"method", run.method},
          {"parameters", run.parameters},
          {"units_flagged", run.units_flagged},
          {"cases_opened", run.cases_opened}};
}

nlohmann::json alert_json(const domain::StoredCusumAlert& alert) {
  return {{"id", alert.id},
          {"run_id", alert.run_id.value},
          {"organisation_id", alert.organisation_id.value},
          {"measure_id", alert.measure_id.value},
          {"side", alert.upper ? "upper" : "lower"},
          {"signalled_on", alert.signalled_on.to_string()},
          {"episodes_monitored", alert.episodes_monitored}};
}

}  // namespace

Result<domain::RecordedAnalysisRun> SqliteStore::add_analysis_run(const domain::AnalysisRunRecord& run,
                                                                  const std::vector<domain::StoredCusumAlert>& alerts,
                                                                  const domain::Actor& actor) {
  return guarded("recording the analysis run of " + run.period, [&] {
    if (run.period.empty() || run.input_checksum.empty() || run.method.empty()) {
      fail(ErrorCode::invalid_input, "an analysis run needs its period, input checksum and method");
    }
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db_, "audits", run.audit_id.value, "analysis run: audit");
    require_row(db_, "measures", run.measure_id.value, "analysis run: measure");
    SQLite::Statement insert(
        db_,
        "INSERT INTO analysis_runs (audit_id, measure_id, period, period_from, period_to, run_on, "
        "episodes, input_checksum, software_version, method, parameters, units_flagged, "
        "cases_opened, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, run.audit_id.value);
    insert.bind(2, run.measure_id.value);
    insert.bind(3, run.period);
    bind_date(insert, 4, run.from);
    bind_date(insert, 5, run.to);
    bind_date(insert, 6, run.run_on);
    insert.bind(7, run.episodes);
    insert.bind(8, run.input_checksum);
    insert.bind(9, run.software_version);
    insert.bind(10, run.method);
    insert.bind(11, run.parameters);
    insert.bind(12, run.units_flagged);
    insert.bind(13, run.cases_opened);
    insert.bind(14, utc_now_iso());
    insert.bind(15, actor.name);
    insert.exec();
    domain::RecordedAnalysisRun recorded;
    recorded.id = AnalysisRunId{db_.getLastInsertRowid()};
    domain::AnalysisRunRecord stored = run;
    stored.id = recorded.id;
    const auto after = run_json(stored);
    log_change(actor, "create", "analysis_run", std::to_string(recorded.id.value), nullptr, &after);

    SQLite::Statement add_alert(
        db_,
        "INSERT INTO cusum_alerts (run_id, audit_id, measure_id, organisation_id, side, "
        "signalled_on, episodes_monitored, value, raised_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (measure_id, organisation_id, side, signalled_on) DO NOTHING");
    for (const auto& alert : alerts) {
      require_row(db_, "organisations", alert.organisation_id.value, "CUSUM alert: organisation");
      add_alert.reset();
      add_alert.clearBindings();
      add_alert.bind(1, recorded.id.value);
      add_alert.bind(2, run.audit_id.value);
      add_alert.bind(3, run.measure_id.value);
      add_alert.bind(4, alert.organisation_id.value);
      add_alert.bind(5, alert.upper ? "upper" : "lower");
      bind_date(add_alert, 6, alert.signalled_on);
      add_alert.bind(7, alert.episodes_monitored);
      add_alert.bind(8, alert.value);
      bind_date(add_alert, 9, run.run_on);
      if (add_alert.exec() == 0) continue;  // held already, from an earlier run
      domain::StoredCusumAlert added = alert;
      added.id = db_.getLastInsertRowid();
      added.run_id = recorded.id;
      added.audit_id = run.audit_id;
      added.measure_id = run.measure_id;
      added.raised_on = run.run_on;
      const auto logged = alert_json(added);
      log_change(actor, "create", "cusum_alert", std::to_string(added.id), nullptr, &logged);
      recorded.new_alerts.push_back(added);
    }
    transaction.commit();
    return recorded;
  });
}

Result<std::vector<domain::AnalysisRunRecord>> SqliteStore::analysis_runs(AuditId audit) {
  return guarded("reading analysis runs", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kRunColumns) + "WHERE audit_id = ? ORDER BY id DESC");
    query.bind(1, audit.value);
    std::vector<domain::AnalysisRunRecord> rows;
    while (query.executeStep()) rows.push_back(read_run(query));
    return rows;
  });
}

Result<std::vector<domain::StoredCusumAlert>> SqliteStore::cusum_alerts(std::optional<OrganisationId> organisation,
                                                                        std::optional<AuditId> audit) {
  return guarded("reading CUSUM alerts", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kAlertColumns) +
                                     "WHERE (?1 IS NULL OR organisation_id = ?1) AND (?2 IS NULL OR audit_id = ?2) "
                                     "ORDER BY signalled_on, id");
    bind_optional(query, 1, organisation);
    bind_optional(query, 2, audit);
    std::vector<domain::StoredCusumAlert> rows;
    while (query.executeStep()) rows.push_back(read_alert(query));
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
