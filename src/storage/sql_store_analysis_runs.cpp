// Analysis runs and their CUSUM alerts in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, audit_id, measure_id, period, period_from, period_to, run_on, episodes, input_checksum, "
    "software_version, method, parameters, units_flagged, cases_opened, created_at, created_by FROM analysis_runs ";
constexpr const char* kRunMeasureColumns =
    "SELECT m.run_id, m.measure_id, m.measure_code, COALESCE(ms.name, m.measure_code), m.source, m.outcome_column, "
    "m.formula, m.expected_column, m.rows_used, m.rows_dropped, m.units_flagged, m.cases_opened "
    "FROM analysis_run_measures m JOIN analysis_runs r ON r.id = m.run_id LEFT JOIN measures ms ON ms.id = "
    "m.measure_id ";
constexpr const char* kAlertColumns =
    "SELECT id, run_id, audit_id, measure_id, organisation_id, side, signalled_on, episodes_monitored, value, "
    "raised_on FROM cusum_alerts ";

domain::AnalysisRunRecord read_run(const SqlRow& row) {
  return domain::AnalysisRunRecord{.id = id_of<AnalysisRunId>(row, 0),
                                   .audit_id = id_of<AuditId>(row, 1),
                                   .measure_id = id_of<MeasureId>(row, 2),
                                   .period = row.text(3),
                                   .from = date_of(row, 4),
                                   .to = date_of(row, 5),
                                   .run_on = date_of(row, 6),
                                   .episodes = row.int64(7),
                                   .input_checksum = row.text(8),
                                   .software_version = row.text(9),
                                   .method = row.text(10),
                                   .parameters = row.text(11),
                                   .units_flagged = row.int64(12),
                                   .cases_opened = row.int64(13),
                                   .created_at = timestamp_of(row, 14),
                                   .created_by = row.text(15)};
}

// One measure of a run, and the run it belongs to.
std::pair<AnalysisRunId, domain::AnalysisRunMeasure> read_run_measure(const SqlRow& row) {
  return {id_of<AnalysisRunId>(row, 0),
          domain::AnalysisRunMeasure{.measure_id = id_of<MeasureId>(row, 1),
                                     .measure_code = row.text(2),
                                     .measure_name = row.text(3),
                                     .source = enum_of(row, 4, domain::parse_measure_source),
                                     .outcome_column = row.text(5),
                                     .formula = row.text(6),
                                     .expected_column = row.text(7),
                                     .rows_used = row.int64(8),
                                     .rows_dropped = row.int64(9),
                                     .units_flagged = row.int64(10),
                                     .cases_opened = row.int64(11)}};
}

domain::StoredCusumAlert read_alert(const SqlRow& row) {
  return domain::StoredCusumAlert{.id = row.int64(0),
                                  .run_id = id_of<AnalysisRunId>(row, 1),
                                  .audit_id = id_of<AuditId>(row, 2),
                                  .measure_id = id_of<MeasureId>(row, 3),
                                  .organisation_id = id_of<OrganisationId>(row, 4),
                                  .upper = row.text(5) == "upper",
                                  .signalled_on = date_of(row, 6),
                                  .episodes_monitored = row.int64(7),
                                  .value = row.real(8),
                                  .raised_on = date_of(row, 9)};
}

}  // namespace

Result<domain::RecordedAnalysisRun> SqlStore::add_analysis_run(const domain::AnalysisRunRecord& run,
                                                               const std::vector<domain::StoredCusumAlert>& alerts,
                                                               const domain::Actor& actor) {
  return write("recording the analysis run of " + run.period, [&](SqlSession& session) {
    ensure(domain::check(run));
    require_row(session, "audits", run.audit_id.value, "analysis run: audit");
    require_row(session, "measures", run.measure_id.value, "analysis run: measure");
    domain::RecordedAnalysisRun recorded;
    recorded.id = AnalysisRunId{insert(
        session,
        "INSERT INTO analysis_runs (audit_id, measure_id, period, period_from, period_to, run_on, episodes, "
        "input_checksum, software_version, method, parameters, units_flagged, cases_opened, created_at, created_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        run.audit_id, run.measure_id, run.period, run.from, run.to, run.run_on, run.episodes, run.input_checksum,
        run.software_version, run.method, run.parameters, run.units_flagged, run.cases_opened, utc_now_iso(),
        actor.name)};
    for (std::size_t position = 0; position < run.measures.size(); ++position) {
      const auto& measure = run.measures[position];
      require_row(session, "measures", measure.measure_id.value, "analysis run: measure " + measure.measure_code);
      execute(session,
              "INSERT INTO analysis_run_measures (run_id, position, measure_id, measure_code, source, outcome_column, "
              "formula, expected_column, rows_used, rows_dropped, units_flagged, cases_opened) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              recorded.id, static_cast<std::int64_t>(position), measure.measure_id, measure.measure_code,
              domain::to_string(measure.source), measure.outcome_column, measure.formula, measure.expected_column,
              measure.rows_used, measure.rows_dropped, measure.units_flagged, measure.cases_opened);
    }
    domain::AnalysisRunRecord stored = run;
    stored.id = recorded.id;
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "analysis_run", std::to_string(recorded.id.value), nullptr, &after);

    for (const auto& alert : alerts) {
      require_row(session, "organisations", alert.organisation_id.value, "CUSUM alert: organisation");
      domain::StoredCusumAlert added = alert;
      if (!added.measure_id.valid()) added.measure_id = run.measure_id;
      added.id =
          insert(session,
                 "INSERT INTO cusum_alerts (run_id, audit_id, measure_id, organisation_id, side, signalled_on, "
                 "episodes_monitored, value, raised_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (measure_id, organisation_id, side, signalled_on) DO NOTHING RETURNING id",
                 recorded.id, run.audit_id, added.measure_id, alert.organisation_id, alert.upper ? "upper" : "lower",
                 alert.signalled_on, alert.episodes_monitored, alert.value, run.run_on);
      if (added.id == 0) continue;  // held already, from an earlier run
      added.run_id = recorded.id;
      added.audit_id = run.audit_id;
      added.raised_on = run.run_on;
      const auto logged = record_json(added);
      append_audit_log(session, actor, "create", "cusum_alert", std::to_string(added.id), nullptr, &logged);
      recorded.new_alerts.push_back(added);
    }
    return recorded;
  });
}

Result<std::vector<domain::AnalysisRunRecord>> SqlStore::analysis_runs(AuditId audit) {
  return read("reading analysis runs", [&](SqlSession& session) {
    auto runs = all_rows(session, std::string(kRunColumns) + "WHERE audit_id = ? ORDER BY id DESC", read_run, audit);
    const auto measures =
        all_rows(session, std::string(kRunMeasureColumns) + "WHERE r.audit_id = ? ORDER BY m.run_id, m.position",
                 read_run_measure, audit);
    for (auto& run : runs) {
      for (const auto& [run_id, measure] : measures) {
        if (run_id == run.id) run.measures.push_back(measure);
      }
    }
    return runs;
  });
}

Result<std::vector<domain::StoredCusumAlert>> SqlStore::cusum_alerts(std::optional<OrganisationId> organisation,
                                                                     std::optional<AuditId> audit) {
  return read("reading CUSUM alerts", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kAlertColumns) +
                        "WHERE (CAST(?1 AS BIGINT) IS NULL OR organisation_id = ?1) AND "
                        "(CAST(?2 AS BIGINT) IS NULL OR audit_id = ?2) ORDER BY signalled_on, id",
                    read_alert, organisation, audit);
  });
}

}  // namespace clinaudit::storage
