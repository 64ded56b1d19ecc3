// PostgresStore: analysis runs and their CUSUM alerts.
#include <nlohmann/json.hpp>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"
#include "storage/postgres/postgres_store.hpp"

namespace clinaudit::storage::postgres {
namespace {

constexpr const char* kRunColumns =
    "SELECT id, audit_id, measure_id, period, period_from, period_to, run_on, episodes, input_checksum, "
    "software_version, method, parameters, units_flagged, cases_opened, "
    "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), created_by FROM analysis_runs ";

constexpr const char* kAlertColumns =
    "SELECT id, run_id, audit_id, measure_id, organisation_id, side, signalled_on, episodes_monitored, value, "
    "raised_on FROM cusum_alerts ";

domain::AnalysisRunRecord read_run(const pqxx::row& row) {
  domain::AnalysisRunRecord out;
  out.id = AnalysisRunId{row[0].as<std::int64_t>()};
  out.audit_id = AuditId{row[1].as<std::int64_t>()};
  out.measure_id = MeasureId{row[2].as<std::int64_t>()};
  out.period = row[3].as<std::string>();
  out.from = date_field(row[4]);
  out.to = date_field(row[5]);
  out.run_on = date_field(row[6]);
  out.episodes = row[7].as<std::int64_t>();
  out.input_checksum = row[8].as<std::string>();
  out.software_version = row[9].as<std::string>();
  out.method = row[10].as<std::string>();
  out.parameters = row[11].as<std::string>();
  out.units_flagged = row[12].as<std::int64_t>();
  out.cases_opened = row[13].as<std::int64_t>();
  out.created_at = row[14].as<std::string>();
  out.created_by = row[15].as<std::string>();
  return out;
}

domain::StoredCusumAlert read_alert(const pqxx::row& row) {
  domain::StoredCusumAlert out;
  out.id = row[0].as<std::int64_t>();
  out.run_id = AnalysisRunId{row[1].as<std::int64_t>()};
  out.audit_id = AuditId{row[2].as<std::int64_t>()};
  out.measure_id = MeasureId{row[3].as<std::int64_t>()};
  out.organisation_id = OrganisationId{row[4].as<std::int64_t>()};
  out.upper = row[5].as<std::string>() == "upper";
  out.signalled_on = date_field(row[6]);
  out.episodes_monitored = row[7].as<std::int64_t>();
  out.value = row[8].as<double>();
  out.raised_on = date_field(row[9]);
  return out;
}

}  // namespace

Result<domain::RecordedAnalysisRun> PostgresStore::add_analysis_run(const domain::AnalysisRunRecord& run,
                                                                    const std::vector<domain::StoredCusumAlert>& alerts,
                                                                    const domain::Actor& actor) {
  if (run.period.empty() || run.input_checksum.empty() || run.method.empty()) {
    return Error{ErrorCode::invalid_input, "recording an analysis run: it needs its period, input checksum and method"};
  }
  return pg_transact(
      *pool_, "recording an analysis run",
      [&](pqxx::transaction_base& tx, std::string& subject) -> Result<domain::RecordedAnalysisRun> {
        subject = "analysis run of " + run.period;
        domain::RecordedAnalysisRun recorded;
        recorded.id = AnalysisRunId{
            tx.exec_params1("INSERT INTO analysis_runs (audit_id, measure_id, period, period_from, period_to, run_on, "
                            "episodes, input_checksum, software_version, method, parameters, units_flagged, "
                            "cases_opened, created_by) VALUES ($1, $2, $3, $4::date, $5::date, $6::date, $7, $8, $9, "
                            "$10, $11, $12, $13, $14) RETURNING id",
                            run.audit_id.value, run.measure_id.value, run.period, run.from.to_string(),
                            run.to.to_string(), run.run_on.to_string(), run.episodes, run.input_checksum,
                            run.software_version, run.method, run.parameters, run.units_flagged, run.cases_opened,
                            actor.name)[0]
                .as<std::int64_t>()};
        const nlohmann::json after{{"id", recorded.id.value},
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
        append_audit_log(tx, actor, "create", "analysis_run", std::to_string(recorded.id.value), "",
                         after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
        for (const auto& alert : alerts) {
          subject = "CUSUM alert of organisation " + std::to_string(alert.organisation_id.value);
          const auto rows = tx.exec_params(
              "INSERT INTO cusum_alerts (run_id, audit_id, measure_id, organisation_id, side, signalled_on, "
              "episodes_monitored, value, raised_on) VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9::date) "
              "ON CONFLICT (measure_id, organisation_id, side, signalled_on) DO NOTHING RETURNING id",
              recorded.id.value, run.audit_id.value, run.measure_id.value, alert.organisation_id.value,
              text(alert.upper ? "upper" : "lower"), alert.signalled_on.to_string(), alert.episodes_monitored,
              alert.value, run.run_on.to_string());
          if (rows.empty()) continue;  // held already, from an earlier run
          domain::StoredCusumAlert added = alert;
          added.id = rows[0][0].as<std::int64_t>();
          added.run_id = recorded.id;
          added.audit_id = run.audit_id;
          added.measure_id = run.measure_id;
          added.raised_on = run.run_on;
          const nlohmann::json logged{{"id", added.id},
                                      {"run_id", added.run_id.value},
                                      {"organisation_id", added.organisation_id.value},
                                      {"measure_id", added.measure_id.value},
                                      {"side", added.upper ? "upper" : "lower"},
                                      {"signalled_on", added.signalled_on.to_string()},
                                      {"episodes_monitored", added.episodes_monitored}};
          append_audit_log(tx, actor, "create", "cusum_alert", std::to_string(added.id), "",
                           logged.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          recorded.new_alerts.push_back(added);
        }
        return recorded;
      });
}

Result<std::vector<domain::AnalysisRunRecord>> PostgresStore::analysis_runs(AuditId audit) {
  return pg_read(*pool_, "reading analysis runs",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::AnalysisRunRecord>> {
                   std::vector<domain::AnalysisRunRecord> out;
                   for (const auto& row : tx.exec_params(
                            std::string(kRunColumns) + "WHERE audit_id = $1 ORDER BY id DESC", audit.value)) {
                     out.push_back(read_run(row));
                   }
                   return out;
                 });
}

Result<std::vector<domain::StoredCusumAlert>> PostgresStore::cusum_alerts(std::optional<OrganisationId> organisation,
                                                                          std::optional<AuditId> audit) {
  return pg_read(
      *pool_, "reading CUSUM alerts", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::StoredCusumAlert>> {
        std::vector<domain::StoredCusumAlert> out;
        for (const auto& row :
             tx.exec_params(std::string(kAlertColumns) + "WHERE ($1::bigint IS NULL OR organisation_id = $1) "
                                                         "AND ($2::bigint IS NULL OR audit_id = $2) "
                                                         "ORDER BY signalled_on, id",
                            id_param(organisation), id_param(audit))) {
          out.push_back(read_alert(row));
        }
        return out;
      });
}

}  // namespace clinaudit::storage::postgres
