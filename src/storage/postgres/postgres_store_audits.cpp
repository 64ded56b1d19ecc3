// PostgresStore: audits, the Quality Account list, participation, measures and results.
#include <utility>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_record_json.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"
#include "storage/postgres/postgres_store.hpp"

namespace clinaudit::storage::postgres {
namespace {

using domain::Actor;

constexpr const char* kAuditColumns =
    "id, code, title, kind, topic, provider_body, standards, status, owner_id, reaudit_of, start_date, end_date";
constexpr const char* kParticipationColumns =
    "organisation_id, audit_id, year, eligible, participating, reason_not_participating, "
    "data_collection_completed, cases_submitted, cases_required";
constexpr const char* kMeasureColumns = "id, audit_id, code, name, type, improvement, target, rate_multiplier";
constexpr const char* kResultColumns =
    "id, measure_id, organisation_id, period_start, period_end, numerator, denominator, expected, value, published";

domain::Audit read_audit(const pqxx::row& row) {
  domain::Audit out;
  out.id = AuditId{row[0].as<std::int64_t>()};
  out.code = row[1].as<std::string>();
  out.title = row[2].as<std::string>();
  out.kind = domain::parse_audit_kind(row[3].c_str()).value_or(domain::AuditKind::local_audit);
  out.topic = row[4].as<std::string>();
  out.provider_body = row[5].as<std::string>();
  out.standards = row[6].as<std::string>();
  out.status = domain::parse_audit_status(row[7].c_str()).value_or(domain::AuditStatus::planned);
  out.owner = optional_id_field<OrganisationId>(row[8]);
  out.reaudit_of = optional_id_field<AuditId>(row[9]);
  out.start_date = optional_date_field(row[10]);
  out.end_date = optional_date_field(row[11]);
  return out;
}

// "acute,community" <-> {acute, community}
std::string join_types(const std::set<domain::OrganisationType>& types) {
  std::string out;
  for (const auto type : types) {
    if (!out.empty()) out += ',';
    out += domain::to_string(type);
  }
  return out;
}

std::set<domain::OrganisationType> split_types(std::string_view text) {
  std::set<domain::OrganisationType> out;
  while (!text.empty()) {
    const auto comma = text.find(',');
    const auto part = text.substr(0, comma);
    if (auto type = domain::parse_organisation_type(part)) out.insert(*type);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

domain::Participation read_participation(const pqxx::row& row) {
  domain::Participation out;
  out.organisation_id = OrganisationId{row[0].as<std::int64_t>()};
  out.audit_id = AuditId{row[1].as<std::int64_t>()};
  out.year = FinancialYear{row[2].as<int>()};
  out.eligible = optional_field<bool>(row[3]);
  out.participating = optional_field<bool>(row[4]);
  out.reason_not_participating = row[5].as<std::string>();
  out.data_collection_completed = optional_field<bool>(row[6]);
  out.cases_submitted = optional_field<std::int64_t>(row[7]);
  out.cases_required = optional_field<std::int64_t>(row[8]);
  return out;
}

domain::Measure read_measure(const pqxx::row& row) {
  domain::Measure out;
  out.id = MeasureId{row[0].as<std::int64_t>()};
  out.audit_id = AuditId{row[1].as<std::int64_t>()};
  out.code = row[2].as<std::string>();
  out.name = row[3].as<std::string>();
  out.type = domain::parse_measure_type(row[4].c_str()).value_or(domain::MeasureType::proportion);
  out.improvement = domain::parse_improvement(row[5].c_str()).value_or(domain::Improvement::neutral);
  out.target = optional_field<double>(row[6]);
  out.rate_multiplier = row[7].as<double>();
  return out;
}

domain::MeasureResult read_result(const pqxx::row& row) {
  domain::MeasureResult out;
  out.id = ResultId{row[0].as<std::int64_t>()};
  out.measure_id = MeasureId{row[1].as<std::int64_t>()};
  out.organisation_id = OrganisationId{row[2].as<std::int64_t>()};
  out.period_start = date_field(row[3]);
  out.period_end = date_field(row[4]);
  out.numerator = optional_field<double>(row[5]);
  out.denominator = optional_field<double>(row[6]);
  out.expected = optional_field<double>(row[7]);
  out.value = optional_field<double>(row[8]);
  out.published = row[9].as<bool>();
  return out;
}

Error missing(std::string_view what, std::string_view record) {
  return Error{ErrorCode::not_found, std::string(what) + ": " + std::string(record) + " does not exist"};
}

std::string participation_key(const domain::Participation& row) {
  return std::to_string(row.organisation_id.value) + "/" + std::to_string(row.audit_id.value) + "/" +
         row.year.to_string();
}

}  // namespace

// ---- Audits

Result<std::vector<AuditId>> PostgresStore::add_audits(const std::vector<domain::Audit>& rows, const Actor& actor) {
  return pg_transact(
      *pool_, "adding audits", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<std::vector<AuditId>> {
        std::vector<AuditId> ids;
        ids.reserve(rows.size());
        for (const auto& row : rows) {
          subject = "audit " + row.code;
          const auto id = tx.exec_params1(
                                "INSERT INTO audits (code, title, kind, topic, provider_body, standards, status, "
                                "owner_id, reaudit_of, start_date, end_date) "
                                "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::date, $11::date) RETURNING id",
                                row.code, row.title, text(domain::to_string(row.kind)), row.topic, row.provider_body,
                                row.standards, text(domain::to_string(row.status)), id_param(row.owner),
                                id_param(row.reaudit_of), date_param(row.start_date), date_param(row.end_date))[0]
                              .as<std::int64_t>();
          auto stored = row;
          stored.id = AuditId{id};
          append_audit_log(tx, actor, "create", "audit", std::to_string(id), "", record_json(stored));
          ids.push_back(stored.id);
        }
        return ids;
      });
}

Result<void> PostgresStore::update_audit(const domain::Audit& row, const Actor& actor) {
  return pg_transact(*pool_, "updating audits", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
    subject = "audit " + std::to_string(row.id.value);
    const auto old =
        tx.exec_params(std::string("SELECT ") + kAuditColumns + " FROM audits WHERE id = $1 FOR UPDATE", row.id.value);
    if (old.empty()) return missing("updating audits", subject);
    tx.exec_params(
        "UPDATE audits SET code = $2, title = $3, kind = $4, topic = $5, provider_body = $6, standards = $7, "
        "status = $8, owner_id = $9, reaudit_of = $10, start_date = $11::date, end_date = $12::date WHERE id = $1",
        row.id.value, row.code, row.title, text(domain::to_string(row.kind)), row.topic, row.provider_body,
        row.standards, text(domain::to_string(row.status)), id_param(row.owner), id_param(row.reaudit_of),
        date_param(row.start_date), date_param(row.end_date));
    append_audit_log(tx, actor, "update", "audit", std::to_string(row.id.value), record_json(read_audit(old[0])),
                     record_json(row));
    return {};
  });
}

Result<domain::Audit> PostgresStore::audit(AuditId id) {
  return pg_read(*pool_, "reading audits", [&](pqxx::transaction_base& tx) -> Result<domain::Audit> {
    const auto rows = tx.exec_params(std::string("SELECT ") + kAuditColumns + " FROM audits WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading audits", "audit " + std::to_string(id.value));
    return read_audit(rows[0]);
  });
}

Result<domain::Audit> PostgresStore::audit_by_code(std::string_view code) {
  return pg_read(*pool_, "reading audits", [&](pqxx::transaction_base& tx) -> Result<domain::Audit> {
    const auto rows =
        tx.exec_params(std::string("SELECT ") + kAuditColumns + " FROM audits WHERE code = $1", text(code));
    if (rows.empty()) return missing("reading audits", "audit with code " + std::string(code));
    return read_audit(rows[0]);
  });
}

Result<std::vector<domain::Audit>> PostgresStore::audits(const domain::AuditFilter& filter) {
  return pg_read(*pool_, "reading audits", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Audit>> {
    const std::optional<std::string> kind =
        filter.kind ? std::optional(text(domain::to_string(*filter.kind))) : std::nullopt;
    const std::optional<std::string> status =
        filter.status ? std::optional(text(domain::to_string(*filter.status))) : std::nullopt;
    const auto rows = tx.exec_params(std::string("SELECT ") + kAuditColumns +
                                         " FROM audits WHERE ($1::text IS NULL OR kind = $1) "
                                         "AND ($2::bigint IS NULL OR owner_id = $2) "
                                         "AND ($3::text IS NULL OR status = $3) AND ($4 = '' OR topic = $4) "
                                         "ORDER BY id",
                                     kind, id_param(filter.owner), status, filter.topic);
    std::vector<domain::Audit> out;
    out.reserve(rows.size());
    for (const auto& row : rows) out.push_back(read_audit(row));
    return out;
  });
}

Result<void> PostgresStore::set_qa_list(const std::vector<domain::QaListEntry>& rows, const Actor& actor) {
  return pg_transact(
      *pool_, "setting the Quality Account list",
      [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        for (const auto& row : rows) {
          subject = "audit " + std::to_string(row.audit_id.value) + " in " + row.year.to_string();
          const auto old =
              tx.exec_params("SELECT eligible_types FROM qa_list WHERE audit_id = $1 AND year = $2 FOR UPDATE",
                             row.audit_id.value, row.year.start_year);
          tx.exec_params(
              "INSERT INTO qa_list (audit_id, year, eligible_types) VALUES ($1, $2, $3) "
              "ON CONFLICT (audit_id, year) DO UPDATE SET eligible_types = excluded.eligible_types",
              row.audit_id.value, row.year.start_year, join_types(row.eligible_types));
          std::string before;
          if (!old.empty())
            before = record_json(domain::QaListEntry{row.audit_id, row.year, split_types(old[0][0].c_str())});
          append_audit_log(tx, actor, old.empty() ? "create" : "update", "qa_list",
                           std::to_string(row.audit_id.value) + "/" + row.year.to_string(), before, record_json(row));
        }
        return {};
      });
}

Result<std::vector<domain::QaListEntry>> PostgresStore::qa_list(FinancialYear year) {
  return pg_read(
      *pool_, "reading the Quality Account list",
      [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::QaListEntry>> {
        const auto rows = tx.exec_params(
            "SELECT audit_id, eligible_types FROM qa_list WHERE year = $1 ORDER BY audit_id", year.start_year);
        std::vector<domain::QaListEntry> out;
        for (const auto& row : rows) {
          out.push_back(domain::QaListEntry{AuditId{row[0].as<std::int64_t>()}, year, split_types(row[1].c_str())});
        }
        return out;
      });
}

// ---- Participation

Result<void> PostgresStore::upsert_participation(const std::vector<domain::Participation>& rows, const Actor& actor) {
  return pg_transact(
      *pool_, "recording participation", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        for (const auto& row : rows) {
          subject = "organisation " + std::to_string(row.organisation_id.value) + ", audit " +
                    std::to_string(row.audit_id.value) + ", " + row.year.to_string();
          const auto old = tx.exec_params(std::string("SELECT ") + kParticipationColumns +
                                              " FROM participation WHERE organisation_id = $1 AND audit_id = $2 "
                                              "AND year = $3 FOR UPDATE",
                                          row.organisation_id.value, row.audit_id.value, row.year.start_year);
          tx.exec_params(
              "INSERT INTO participation (organisation_id, audit_id, year, eligible, participating, "
              "reason_not_participating, data_collection_completed, cases_submitted, cases_required) "
              "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
              "ON CONFLICT (organisation_id, audit_id, year) DO UPDATE SET eligible = excluded.eligible, "
              "participating = excluded.participating, reason_not_participating = excluded.reason_not_participating, "
              "data_collection_completed = excluded.data_collection_completed, "
              "cases_submitted = excluded.cases_submitted, cases_required = excluded.cases_required",
              row.organisation_id.value, row.audit_id.value, row.year.start_year, row.eligible, row.participating,
              row.reason_not_participating, row.data_collection_completed, row.cases_submitted, row.cases_required);
          append_audit_log(tx, actor, old.empty() ? "create" : "update", "participation", participation_key(row),
                           old.empty() ? std::string() : record_json(read_participation(old[0])), record_json(row));
        }
        return {};
      });
}

Result<std::vector<domain::Participation>> PostgresStore::participation_of(OrganisationId organisation,
                                                                           FinancialYear year) {
  return pg_read(*pool_, "reading participation",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Participation>> {
                   std::vector<domain::Participation> out;
                   for (const auto& row : tx.exec_params(std::string("SELECT ") + kParticipationColumns +
                                                             " FROM participation WHERE organisation_id = $1 "
                                                             "AND year = $2 ORDER BY audit_id",
                                                         organisation.value, year.start_year)) {
                     out.push_back(read_participation(row));
                   }
                   return out;
                 });
}

Result<std::vector<domain::Participation>> PostgresStore::participation_in(AuditId audit, FinancialYear year) {
  return pg_read(*pool_, "reading participation",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Participation>> {
                   std::vector<domain::Participation> out;
                   for (const auto& row : tx.exec_params(std::string("SELECT ") + kParticipationColumns +
                                                             " FROM participation WHERE audit_id = $1 "
                                                             "AND year = $2 ORDER BY organisation_id",
                                                         audit.value, year.start_year)) {
                     out.push_back(read_participation(row));
                   }
                   return out;
                 });
}

// ---- Measures and results

Result<MeasureId> PostgresStore::add_measure(const domain::Measure& measure, const Actor& actor) {
  return pg_transact(
      *pool_, "adding measures", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<MeasureId> {
        subject = "measure " + measure.code;
        const auto id = tx.exec_params1(
                              "INSERT INTO measures (audit_id, code, name, type, improvement, target, "
                              "rate_multiplier) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
                              measure.audit_id.value, measure.code, measure.name, text(domain::to_string(measure.type)),
                              text(domain::to_string(measure.improvement)), measure.target, measure.rate_multiplier)[0]
                            .as<std::int64_t>();
        auto stored = measure;
        stored.id = MeasureId{id};
        append_audit_log(tx, actor, "create", "measure", std::to_string(id), "", record_json(stored));
        return stored.id;
      });
}

Result<domain::Measure> PostgresStore::measure(MeasureId id) {
  return pg_read(*pool_, "reading measures", [&](pqxx::transaction_base& tx) -> Result<domain::Measure> {
    const auto rows =
        tx.exec_params(std::string("SELECT ") + kMeasureColumns + " FROM measures WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading measures", "measure " + std::to_string(id.value));
    return read_measure(rows[0]);
  });
}

Result<std::vector<domain::Measure>> PostgresStore::measures_of(AuditId audit) {
  return pg_read(*pool_, "reading measures", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Measure>> {
    std::vector<domain::Measure> out;
    for (const auto& row :
         tx.exec_params(std::string("SELECT ") + kMeasureColumns + " FROM measures WHERE audit_id = $1 ORDER BY id",
                        audit.value)) {
      out.push_back(read_measure(row));
    }
    return out;
  });
}

Result<void> PostgresStore::add_results(const std::vector<domain::MeasureResult>& rows, const Actor& actor) {
  return pg_transact(*pool_, "adding results", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
    for (const auto& row : rows) {
      subject = "result of measure " + std::to_string(row.measure_id.value) + " for organisation " +
                std::to_string(row.organisation_id.value) + ", " + row.period_start.to_string() + " to " +
                row.period_end.to_string();
      const auto id =
          tx.exec_params1(
                "INSERT INTO results (measure_id, organisation_id, period_start, period_end, "
                "numerator, denominator, expected, value, published) "
                "VALUES ($1, $2, $3::date, $4::date, $5, $6, $7, $8, $9) RETURNING id",
                row.measure_id.value, row.organisation_id.value, row.period_start.to_string(),
                row.period_end.to_string(), row.numerator, row.denominator, row.expected, row.value, row.published)[0]
              .as<std::int64_t>();
      auto stored = row;
      stored.id = ResultId{id};
      append_audit_log(tx, actor, "create", "result", std::to_string(id), "", record_json(stored));
    }
    return {};
  });
}

Result<std::vector<domain::MeasureResult>> PostgresStore::results_of(MeasureId measure,
                                                                     std::optional<OrganisationId> organisation) {
  return pg_read(
      *pool_, "reading results", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::MeasureResult>> {
        std::vector<domain::MeasureResult> out;
        const auto rows =
            tx.exec_params(std::string("SELECT ") + kResultColumns +
                               " FROM results WHERE measure_id = $1 AND ($2::bigint IS NULL OR organisation_id = $2) "
                               "ORDER BY period_start, organisation_id, period_end, id",
                           measure.value, id_param(organisation));
        out.reserve(rows.size());
        for (const auto& row : rows) out.push_back(read_result(row));
        return out;
      });
}

}  // namespace clinaudit::storage::postgres
