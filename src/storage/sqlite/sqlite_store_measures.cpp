// Measures and their results in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kMeasureColumns =
    "SELECT id, audit_id, code, name, type, improvement, target, rate_multiplier FROM measures";

domain::Measure read_measure(SQLite::Statement& query) {
  domain::Measure row;
  row.id = id_column<MeasureId>(query.getColumn(0));
  row.audit_id = id_column<AuditId>(query.getColumn(1));
  row.code = query.getColumn(2).getString();
  row.name = query.getColumn(3).getString();
  row.type = enum_column<domain::MeasureType>(query.getColumn(4), domain::parse_measure_type);
  row.improvement = enum_column<domain::Improvement>(query.getColumn(5), domain::parse_improvement);
  row.target = optional_double(query.getColumn(6));
  row.rate_multiplier = query.getColumn(7).getDouble();
  return row;
}

domain::MeasureResult read_result(SQLite::Statement& query) {
  domain::MeasureResult row;
  row.id = id_column<ResultId>(query.getColumn(0));
  row.measure_id = id_column<MeasureId>(query.getColumn(1));
  row.organisation_id = id_column<OrganisationId>(query.getColumn(2));
  row.period_start = date_column(query.getColumn(3));
  row.period_end = date_column(query.getColumn(4));
  row.numerator = optional_double(query.getColumn(5));
  row.denominator = optional_double(query.getColumn(6));
  row.expected = optional_double(query.getColumn(7));
  row.value = optional_double(query.getColumn(8));
  row.published = query.getColumn(9).getInt() != 0;
  return row;
}

std::string result_key(const domain::MeasureResult& row) {
  return "measure " + std::to_string(row.measure_id.value) + ", organisation " +
         std::to_string(row.organisation_id.value) + ", " + row.period_start.to_string() + " to " +
         row.period_end.to_string();
}

}  // namespace

domain::Measure SqliteStore::load_measure(MeasureId id) {
  SQLite::Statement query(db_, std::string(kMeasureColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) fail(ErrorCode::not_found, "measure id " + std::to_string(id.value) + " does not exist");
  return read_measure(query);
}

Result<MeasureId> SqliteStore::add_measure(const domain::Measure& measure, const domain::Actor& actor) {
  return guarded("adding measure '" + measure.code + "'", [&] {
    if (measure.code.empty()) fail(ErrorCode::invalid_input, "a measure needs a code");
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db_, "audits", measure.audit_id.value, "measure '" + measure.code + "': audit");
    SQLite::Statement insert(db_,
                             "INSERT INTO measures (audit_id, code, name, type, improvement, target, rate_multiplier) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, measure.audit_id.value);
    insert.bind(2, measure.code);
    insert.bind(3, measure.name);
    insert.bind(4, std::string(domain::to_string(measure.type)));
    insert.bind(5, std::string(domain::to_string(measure.improvement)));
    bind_optional(insert, 6, measure.target);
    insert.bind(7, measure.rate_multiplier);
    execute_unique(insert, "measure code '" + measure.code + "' already exists in audit id " +
                               std::to_string(measure.audit_id.value));
    domain::Measure stored = measure;
    stored.id = MeasureId{db_.getLastInsertRowid()};
    const auto after = record_json(stored);
    log_change(actor, "create", "measure", std::to_string(stored.id.value), nullptr, &after);
    transaction.commit();
    return stored.id;
  });
}

Result<domain::Measure> SqliteStore::measure(MeasureId id) {
  return guarded("reading a measure", [&] {
    const std::scoped_lock lock(mutex_);
    return load_measure(id);
  });
}

Result<std::vector<domain::Measure>> SqliteStore::measures_of(AuditId audit) {
  return guarded("reading measures", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kMeasureColumns) + " WHERE audit_id = ? ORDER BY code");
    query.bind(1, audit.value);
    std::vector<domain::Measure> rows;
    while (query.executeStep()) rows.push_back(read_measure(query));
    return rows;
  });
}

Result<void> SqliteStore::add_results(const std::vector<domain::MeasureResult>& rows, const domain::Actor& actor) {
  return guarded("adding results", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_,
                             "INSERT INTO results (measure_id, organisation_id, period_start, period_end, numerator, "
                             "denominator, expected, value, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    for (const auto& row : rows) {
      const std::string key = result_key(row);
      if (row.period_end < row.period_start)
        fail(ErrorCode::invalid_input, "result for " + key + ": period ends before it starts");
      require_row(db_, "measures", row.measure_id.value, "result for " + key + ": measure");
      require_row(db_, "organisations", row.organisation_id.value, "result for " + key + ": organisation");
      insert.reset();
      insert.bind(1, row.measure_id.value);
      insert.bind(2, row.organisation_id.value);
      bind_date(insert, 3, row.period_start);
      bind_date(insert, 4, row.period_end);
      bind_optional(insert, 5, row.numerator);
      bind_optional(insert, 6, row.denominator);
      bind_optional(insert, 7, row.expected);
      bind_optional(insert, 8, row.value);
      insert.bind(9, row.published ? 1 : 0);
      execute_unique(insert, "a result for " + key + " already exists");
      domain::MeasureResult stored = row;
      stored.id = ResultId{db_.getLastInsertRowid()};
      const auto after = record_json(stored);
      log_change(actor, "create", "result", std::to_string(stored.id.value), nullptr, &after);
    }
    transaction.commit();
  });
}

Result<std::vector<domain::MeasureResult>> SqliteStore::results_of(MeasureId measure,
                                                                   std::optional<OrganisationId> organisation) {
  return guarded("reading results", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, measure_id, organisation_id, period_start, period_end, numerator, denominator, "
                            "expected, value, published FROM results WHERE measure_id = ?1 AND "
                            "(?2 IS NULL OR organisation_id = ?2) ORDER BY period_start, period_end, organisation_id");
    query.bind(1, measure.value);
    bind_optional(query, 2, organisation);
    std::vector<domain::MeasureResult> rows;
    while (query.executeStep()) rows.push_back(read_result(query));
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
