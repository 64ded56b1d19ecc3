// Measures and their results in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kMeasureColumns =
    "SELECT id, audit_id, code, name, type, improvement, target, rate_multiplier, unit, source, outcome_column, "
    "formula, expected_column FROM measures ";

domain::Measure read_measure(const SqlRow& row) {
  return domain::Measure{.id = id_of<MeasureId>(row, 0),
                         .audit_id = id_of<AuditId>(row, 1),
                         .code = row.text(2),
                         .name = row.text(3),
                         .type = enum_of(row, 4, domain::parse_measure_type),
                         .improvement = enum_of(row, 5, domain::parse_improvement),
                         .target = optional_real(row, 6),
                         .rate_multiplier = row.real(7),
                         .unit = row.text(8),
                         .source = enum_of(row, 9, domain::parse_measure_source),
                         .outcome_column = row.text(10),
                         .formula = row.text(11),
                         .expected_column = row.text(12)};
}

domain::MeasureResult read_result(const SqlRow& row) {
  return domain::MeasureResult{.id = id_of<ResultId>(row, 0),
                               .measure_id = id_of<MeasureId>(row, 1),
                               .organisation_id = id_of<OrganisationId>(row, 2),
                               .period_start = date_of(row, 3),
                               .period_end = date_of(row, 4),
                               .numerator = optional_real(row, 5),
                               .denominator = optional_real(row, 6),
                               .expected = optional_real(row, 7),
                               .value = optional_real(row, 8),
                               .published = row.boolean(9)};
}

std::string duplicate_measure(const domain::Measure& measure) {
  return "measure code '" + measure.code + "' already exists in audit id " + std::to_string(measure.audit_id.value);
}

MeasureId insert_measure(SqlSession& session, const domain::Measure& measure, const domain::Actor& actor) {
  ensure(domain::check(measure));
  require_row(session, "audits", measure.audit_id.value, "measure '" + measure.code + "': audit");
  domain::Measure stored = measure;
  stored.id = MeasureId{unique(duplicate_measure(measure), [&] {
    return insert(
        session,
        "INSERT INTO measures (audit_id, code, name, type, improvement, target, rate_multiplier, unit, source, "
        "outcome_column, formula, expected_column) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        measure.audit_id, measure.code, measure.name, domain::to_string(measure.type),
        domain::to_string(measure.improvement), measure.target, measure.rate_multiplier, measure.unit,
        domain::to_string(measure.source), measure.outcome_column, measure.formula, measure.expected_column);
  })};
  const auto after = record_json(stored);
  append_audit_log(session, actor, "create", "measure", std::to_string(stored.id.value), nullptr, &after);
  return stored.id;
}

}  // namespace

Result<MeasureId> SqlStore::add_measure(const domain::Measure& measure, const domain::Actor& actor) {
  return write("adding measure '" + measure.code + "'",
               [&](SqlSession& session) { return insert_measure(session, measure, actor); });
}

Result<std::vector<MeasureId>> SqlStore::add_measures(const std::vector<domain::Measure>& rows,
                                                      const domain::Actor& actor) {
  return write("adding measures", [&](SqlSession& session) {
    std::vector<MeasureId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) ids.push_back(insert_measure(session, row, actor));
    return ids;
  });
}

Result<void> SqlStore::update_measure(const domain::Measure& measure, const domain::Actor& actor) {
  return write("updating measure '" + measure.code + "'", [&](SqlSession& session) {
    const auto found = only_row(session, "measure id " + std::to_string(measure.id.value) + " does not exist",
                                std::string(kMeasureColumns) + "WHERE id = ?", read_measure, measure.id);
    ensure(domain::check(measure));
    domain::Measure stored = measure;
    stored.audit_id = found.audit_id;  // a measure stays in its audit
    const auto before = record_json(found);
    unique(duplicate_measure(stored), [&] {
      return execute(session,
                     "UPDATE measures SET code = ?, name = ?, type = ?, improvement = ?, target = ?, "
                     "rate_multiplier = ?, unit = ?, source = ?, outcome_column = ?, formula = ?, expected_column = ? "
                     "WHERE id = ?",
                     stored.code, stored.name, domain::to_string(stored.type), domain::to_string(stored.improvement),
                     stored.target, stored.rate_multiplier, stored.unit, domain::to_string(stored.source),
                     stored.outcome_column, stored.formula, stored.expected_column, stored.id);
    });
    const auto after = record_json(stored);
    append_audit_log(session, actor, "update", "measure", std::to_string(stored.id.value), &before, &after);
  });
}

Result<domain::Measure> SqlStore::measure(MeasureId id) {
  return read("reading a measure", [&](SqlSession& session) {
    return only_row(session, "measure id " + std::to_string(id.value) + " does not exist",
                    std::string(kMeasureColumns) + "WHERE id = ?", read_measure, id);
  });
}

Result<std::vector<domain::Measure>> SqlStore::measures_of(AuditId audit) {
  return read("reading measures", [&](SqlSession& session) {
    return all_rows(session, std::string(kMeasureColumns) + "WHERE audit_id = ? ORDER BY code", read_measure, audit);
  });
}

Result<void> SqlStore::add_results(const std::vector<domain::MeasureResult>& rows, const domain::Actor& actor) {
  return write("adding results", [&](SqlSession& session) {
    for (const auto& row : rows) {
      ensure(domain::check(row));
      const std::string key = domain::describe(row);
      require_row(session, "measures", row.measure_id.value, "result for " + key + ": measure");
      require_row(session, "organisations", row.organisation_id.value, "result for " + key + ": organisation");
      domain::MeasureResult stored = row;
      stored.id = ResultId{unique("a result for " + key + " already exists", [&] {
        return insert(session,
                      "INSERT INTO results (measure_id, organisation_id, period_start, period_end, numerator, "
                      "denominator, expected, value, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                      row.measure_id, row.organisation_id, row.period_start, row.period_end, row.numerator,
                      row.denominator, row.expected, row.value, row.published);
      })};
      const auto after = record_json(stored);
      append_audit_log(session, actor, "create", "result", std::to_string(stored.id.value), nullptr, &after);
    }
  });
}

Result<std::vector<domain::MeasureResult>> SqlStore::results_of(MeasureId measure,
                                                                std::optional<OrganisationId> organisation) {
  return read("reading results", [&](SqlSession& session) {
    return all_rows(session,
                    "SELECT id, measure_id, organisation_id, period_start, period_end, numerator, denominator, "
                    "expected, value, published FROM results WHERE measure_id = ?1 AND "
                    "(CAST(?2 AS BIGINT) IS NULL OR organisation_id = ?2) "
                    "ORDER BY period_start, period_end, organisation_id",
                    read_result, measure, organisation);
  });
}

}  // namespace clinaudit::storage
