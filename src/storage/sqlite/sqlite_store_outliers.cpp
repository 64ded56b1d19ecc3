// Outlier cases and their events in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kCaseColumns =
    "SELECT id, audit_id, measure_id, organisation_id, period, level, high, unfavourable, value, limit_passed, stage, "
    "opened_on, stage_due_on, status FROM outlier_cases";

constexpr const char* kTimetableColumns = "SELECT id, name, csv, created_at, created_by FROM outlier_timetables ";

domain::OutlierTimetableVersion read_timetable(SQLite::Statement& query) {
  domain::OutlierTimetableVersion row;
  row.id = query.getColumn(0).getInt64();
  row.name = query.getColumn(1).getString();
  row.csv = query.getColumn(2).getString();
  row.created_at = query.getColumn(3).getString();
  row.created_by = query.getColumn(4).getString();
  return row;
}

domain::OutlierCase read_case(SQLite::Statement& query) {
  domain::OutlierCase row;
  row.id = id_column<OutlierCaseId>(query.getColumn(0));
  row.audit_id = id_column<AuditId>(query.getColumn(1));
  row.measure_id = id_column<MeasureId>(query.getColumn(2));
  row.organisation_id = id_column<OrganisationId>(query.getColumn(3));
  row.period = query.getColumn(4).getString();
  row.level = enum_column<domain::OutlierLevel>(query.getColumn(5), domain::parse_outlier_level);
  row.high = query.getColumn(6).getInt() != 0;
  row.unfavourable = query.getColumn(7).getInt() != 0;
  row.value = query.getColumn(8).getDouble();
  row.limit = query.getColumn(9).getDouble();
  row.stage = query.getColumn(10).getString();
  row.opened_on = date_column(query.getColumn(11));
  row.stage_due_on = optional_date(query.getColumn(12));
  row.status = enum_column<domain::OutlierStatus>(query.getColumn(13), domain::parse_outlier_status);
  return row;
}

void bind_case(SQLite::Statement& statement, const domain::OutlierCase& row) {
  statement.bind(1, row.audit_id.value);
  statement.bind(2, row.measure_id.value);
  statement.bind(3, row.organisation_id.value);
  statement.bind(4, row.period);
  statement.bind(5, std::string(domain::to_string(row.level)));
  statement.bind(6, row.high ? 1 : 0);
  statement.bind(7, row.unfavourable ? 1 : 0);
  statement.bind(8, row.value);
  statement.bind(9, row.limit);
  statement.bind(10, row.stage);
  bind_date(statement, 11, row.opened_on);
  bind_optional(statement, 12, row.stage_due_on);
  statement.bind(13, std::string(domain::to_string(row.status)));
}

void check_case(SQLite::Database& db, const domain::OutlierCase& row) {
  const std::string what = "outlier case (" + row.period + "): ";
  require_row(db, "audits", row.audit_id.value, what + "audit");
  require_row(db, "measures", row.measure_id.value, what + "measure");
  require_row(db, "organisations", row.organisation_id.value, what + "organisation");
}

}  // namespace

domain::OutlierCase SqliteStore::load_outlier_case(OutlierCaseId id) {
  SQLite::Statement query(db_, std::string(kCaseColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) {
    fail(ErrorCode::not_found, "outlier case id " + std::to_string(id.value) + " does not exist");
  }
  return read_case(query);
}

Result<OutlierCaseId> SqliteStore::add_outlier_case(const domain::OutlierCase& row, const domain::Actor& actor) {
  return guarded("opening an outlier case", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    check_case(db_, row);
    SQLite::Statement insert(db_,
                             "INSERT INTO outlier_cases (audit_id, measure_id, organisation_id, period, level, high, "
                             "unfavourable, value, limit_passed, stage, opened_on, stage_due_on, status) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_case(insert, row);
    insert.exec();
    domain::OutlierCase stored = row;
    stored.id = OutlierCaseId{db_.getLastInsertRowid()};
    const auto after = record_json(stored);
    log_change(actor, "create", "outlier_case", std::to_string(stored.id.value), nullptr, &after);
    transaction.commit();
    return stored.id;
  });
}

Result<void> SqliteStore::update_outlier_case(const domain::OutlierCase& row, const domain::OutlierEvent& event,
                                              const domain::Actor& actor) {
  return guarded("updating outlier case " + std::to_string(row.id.value), [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const auto before = record_json(load_outlier_case(row.id));
    check_case(db_, row);
    if (event.by) require_row(db_, "users", event.by->value, "outlier event: user");
    SQLite::Statement update(db_,
                             "UPDATE outlier_cases SET audit_id = ?, measure_id = ?, organisation_id = ?, period = ?, "
                             "level = ?, high = ?, unfavourable = ?, value = ?, limit_passed = ?, stage = ?, "
                             "opened_on = ?, stage_due_on = ?, status = ? WHERE id = ?");
    bind_case(update, row);
    update.bind(14, row.id.value);
    update.exec();
    SQLite::Statement insert_event(
        db_, "INSERT INTO outlier_events (case_id, stage, what, by_user, at) VALUES (?, ?, ?, ?, ?)");
    insert_event.bind(1, row.id.value);
    insert_event.bind(2, event.stage);
    insert_event.bind(3, event.what);
    bind_optional(insert_event, 4, event.by);
    insert_event.bind(5, event.at.empty() ? utc_now_iso() : event.at);
    insert_event.exec();
    auto after = record_json(row);
    domain::OutlierEvent stored_event = event;
    stored_event.id = db_.getLastInsertRowid();
    stored_event.case_id = row.id;
    after["event"] = record_json(stored_event);
    log_change(actor, "update", "outlier_case", std::to_string(row.id.value), &before, &after);
    transaction.commit();
  });
}

Result<domain::OutlierCase> SqliteStore::outlier_case(OutlierCaseId id) {
  return guarded("reading an outlier case", [&] {
    const std::scoped_lock lock(mutex_);
    return load_outlier_case(id);
  });
}

Result<std::vector<domain::OutlierCase>> SqliteStore::outlier_cases(std::optional<OrganisationId> organisation,
                                                                    std::optional<AuditId> audit) {
  return guarded("reading outlier cases", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kCaseColumns) +
                                     " WHERE (?1 IS NULL OR organisation_id = ?1) AND (?2 IS NULL OR audit_id = ?2) "
                                     "ORDER BY opened_on, id");
    bind_optional(query, 1, organisation);
    bind_optional(query, 2, audit);
    std::vector<domain::OutlierCase> rows;
    while (query.executeStep()) rows.push_back(read_case(query));
    return rows;
  });
}

Result<std::vector<domain::OutlierEvent>> SqliteStore::outlier_events(OutlierCaseId id) {
  return guarded("reading outlier events", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, case_id, stage, what, by_user, at FROM outlier_events WHERE case_id = ? "
                            "ORDER BY id");
    query.bind(1, id.value);
    std::vector<domain::OutlierEvent> rows;
    while (query.executeStep()) {
      domain::OutlierEvent row;
      row.id = query.getColumn(0).getInt64();
      row.case_id = id_column<OutlierCaseId>(query.getColumn(1));
      row.stage = query.getColumn(2).getString();
      row.what = query.getColumn(3).getString();
      row.by = optional_id<UserId>(query.getColumn(4));
      row.at = query.getColumn(5).getString();
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<std::int64_t> SqliteStore::add_outlier_timetable(const domain::OutlierTimetableVersion& version,
                                                        const domain::Actor& actor) {
  return guarded("adding outlier timetable '" + version.name + "'", [&] {
    if (version.name.empty()) fail(ErrorCode::invalid_input, "an outlier timetable version needs a name");
    if (version.csv.empty()) fail(ErrorCode::invalid_input, "an outlier timetable version needs its stage table");
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_,
                             "INSERT INTO outlier_timetables (name, csv, created_at, created_by) VALUES (?, ?, ?, ?)");
    insert.bind(1, version.name);
    insert.bind(2, version.csv);
    insert.bind(3, utc_now_iso());
    insert.bind(4, actor.name);
    insert.exec();
    const std::int64_t id = db_.getLastInsertRowid();
    const nlohmann::json after{{"id", id}, {"name", version.name}, {"csv", version.csv}};
    log_change(actor, "create", "outlier_timetable", std::to_string(id), nullptr, &after);
    transaction.commit();
    return id;
  });
}

Result<std::optional<domain::OutlierTimetableVersion>> SqliteStore::current_outlier_timetable() {
  return guarded("reading the outlier timetable", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kTimetableColumns) + "ORDER BY id DESC LIMIT 1");
    std::optional<domain::OutlierTimetableVersion> row;
    if (query.executeStep()) row = read_timetable(query);
    return row;
  });
}

Result<std::vector<domain::OutlierTimetableVersion>> SqliteStore::outlier_timetables() {
  return guarded("reading outlier timetable versions", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kTimetableColumns) + "ORDER BY id DESC");
    std::vector<domain::OutlierTimetableVersion> rows;
    while (query.executeStep()) rows.push_back(read_timetable(query));
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
