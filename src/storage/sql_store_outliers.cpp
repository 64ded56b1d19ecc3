// Outlier cases, their events and the versions of the outlier timetable in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kCaseColumns =
    "SELECT id, audit_id, measure_id, organisation_id, period, level, high, unfavourable, value, limit_passed, stage, "
    "opened_on, stage_due_on, status, escalated_on, notice_supplier, notice_measure FROM outlier_cases ";
constexpr const char* kTimetableColumns = "SELECT id, name, csv, created_at, created_by FROM outlier_timetables ";

std::optional<domain::OutlierNotice> read_notice(const SqlRow& row, int column) {
  if (row.is_null(column)) return std::nullopt;
  return domain::OutlierNotice{row.text(column), row.is_null(column + 1) ? std::string() : row.text(column + 1)};
}

domain::OutlierCase read_case(const SqlRow& row) {
  return domain::OutlierCase{.id = id_of<OutlierCaseId>(row, 0),
                             .audit_id = id_of<AuditId>(row, 1),
                             .measure_id = optional_id<MeasureId>(row, 2).value_or(MeasureId{0}),
                             .organisation_id = id_of<OrganisationId>(row, 3),
                             .period = row.text(4),
                             .level = enum_of(row, 5, domain::parse_outlier_level),
                             .high = row.boolean(6),
                             .unfavourable = row.boolean(7),
                             .value = row.real(8),
                             .limit = row.real(9),
                             .stage = row.text(10),
                             .opened_on = date_of(row, 11),
                             .stage_due_on = optional_date(row, 12),
                             .status = enum_of(row, 13, domain::parse_outlier_status),
                             .escalated_on = optional_date(row, 14),
                             .notice = read_notice(row, 15)};
}

domain::OutlierTimetableVersion read_timetable(const SqlRow& row) {
  return domain::OutlierTimetableVersion{.id = row.int64(0),
                                         .name = row.text(1),
                                         .csv = row.text(2),
                                         .created_at = timestamp_of(row, 3),
                                         .created_by = row.text(4)};
}

// A registered notice's columns: no measure id, the supplier and the measure in words.
std::optional<MeasureId> measure_of(const domain::OutlierCase& row) {
  if (row.notice) return std::nullopt;
  return row.measure_id;
}
std::optional<std::string> notice_supplier(const domain::OutlierCase& row) {
  if (!row.notice) return std::nullopt;
  return row.notice->supplier;
}
std::optional<std::string> notice_measure(const domain::OutlierCase& row) {
  if (!row.notice) return std::nullopt;
  return row.notice->measure;
}

void check_case(SqlSession& session, const domain::OutlierCase& row) {
  const std::string what = "outlier case (" + row.period + "): ";
  require_row(session, "audits", row.audit_id.value, what + "audit");
  // A registered notice has no measure of clinaudit's: its measure is named in words.
  if (!row.notice) require_row(session, "measures", row.measure_id.value, what + "measure");
  require_row(session, "organisations", row.organisation_id.value, what + "organisation");
}

domain::OutlierCase load_case(SqlSession& session, OutlierCaseId id) {
  return only_row(session, "outlier case id " + std::to_string(id.value) + " does not exist",
                  std::string(kCaseColumns) + "WHERE id = ?", read_case, id);
}

}  // namespace

Result<OutlierCaseId> SqlStore::add_outlier_case(const domain::OutlierCase& row, const domain::Actor& actor) {
  return write("opening an outlier case", [&](SqlSession& session) {
    check_case(session, row);
    domain::OutlierCase stored = row;
    stored.id = OutlierCaseId{
        insert(session,
               "INSERT INTO outlier_cases (audit_id, measure_id, organisation_id, period, "
               "level, high, unfavourable, value, limit_passed, stage, opened_on, "
               "stage_due_on, status, escalated_on, notice_supplier, notice_measure) VALUES (?, ?, ?, "
               "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
               row.audit_id, measure_of(row), row.organisation_id, row.period, domain::to_string(row.level), row.high,
               row.unfavourable, row.value, row.limit, row.stage, row.opened_on, row.stage_due_on,
               domain::to_string(row.status), row.escalated_on, notice_supplier(row), notice_measure(row))};
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "outlier_case", std::to_string(stored.id.value), nullptr, &after);
    return stored.id;
  });
}

Result<void> SqlStore::update_outlier_case(const domain::OutlierCase& row, const domain::OutlierEvent& event,
                                           const domain::Actor& actor) {
  return write("updating outlier case " + std::to_string(row.id.value), [&](SqlSession& session) {
    const auto before = record_json(load_case(session, row.id));
    check_case(session, row);
    if (event.by) require_row(session, "users", event.by->value, "outlier event: user");
    execute(session,
            "UPDATE outlier_cases SET audit_id = ?, measure_id = ?, organisation_id = ?, period = ?, level = ?, "
            "high = ?, unfavourable = ?, value = ?, limit_passed = ?, stage = ?, opened_on = ?, stage_due_on = ?, "
            "status = ?, escalated_on = ?, notice_supplier = ?, notice_measure = ? WHERE id = ?",
            row.audit_id, measure_of(row), row.organisation_id, row.period, domain::to_string(row.level), row.high,
            row.unfavourable, row.value, row.limit, row.stage, row.opened_on, row.stage_due_on,
            domain::to_string(row.status), row.escalated_on, notice_supplier(row), notice_measure(row), row.id);
    // The event always belongs to the case being updated, whatever case_id the caller left in it.
    domain::OutlierEvent stored_event = event;
    stored_event.case_id = row.id;
    if (stored_event.at.empty()) stored_event.at = utc_now_iso();
    stored_event.id = insert(session,
                             "INSERT INTO outlier_events (case_id, stage, what, by_user, at) VALUES (?, ?, ?, ?, ?) "
                             "RETURNING id",
                             row.id, event.stage, event.what, event.by, stored_event.at);
    auto after = record_json(row);
    after["event"] = record_json(stored_event);
    append_audit_log(session, actor, "update", "outlier_case", std::to_string(row.id.value), &before, &after);
  });
}

Result<domain::OutlierCase> SqlStore::outlier_case(OutlierCaseId id) {
  return read("reading an outlier case", [&](SqlSession& session) { return load_case(session, id); });
}

Result<std::vector<domain::OutlierCase>> SqlStore::outlier_cases(std::optional<OrganisationId> organisation,
                                                                 std::optional<AuditId> audit) {
  return read("reading outlier cases", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kCaseColumns) +
                        "WHERE (CAST(?1 AS BIGINT) IS NULL OR organisation_id = ?1) AND "
                        "(CAST(?2 AS BIGINT) IS NULL OR audit_id = ?2) ORDER BY opened_on, id",
                    read_case, organisation, audit);
  });
}

Result<std::vector<domain::OutlierEvent>> SqlStore::outlier_events(OutlierCaseId id) {
  return read("reading outlier events", [&](SqlSession& session) {
    return all_rows(
        session, "SELECT id, case_id, stage, what, by_user, at FROM outlier_events WHERE case_id = ? ORDER BY id",
        [](const SqlRow& row) {
          return domain::OutlierEvent{.id = row.int64(0),
                                      .case_id = id_of<OutlierCaseId>(row, 1),
                                      .stage = row.text(2),
                                      .what = row.text(3),
                                      .by = optional_id<UserId>(row, 4),
                                      .at = row.text(5)};
        },
        id);
  });
}

Result<std::int64_t> SqlStore::add_outlier_timetable(const domain::OutlierTimetableVersion& version,
                                                     const domain::Actor& actor) {
  return write("adding outlier timetable '" + version.name + "'", [&](SqlSession& session) {
    ensure(domain::check(version));
    domain::OutlierTimetableVersion stored = version;
    stored.id = insert(session,
                       "INSERT INTO outlier_timetables (name, csv, created_at, created_by) VALUES (?, ?, ?, ?) "
                       "RETURNING id",
                       version.name, version.csv, utc_now_iso(), actor.name);
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "outlier_timetable", std::to_string(stored.id), nullptr, &after);
    return stored.id;
  });
}

Result<std::optional<domain::OutlierTimetableVersion>> SqlStore::current_outlier_timetable() {
  return read("reading the outlier timetable", [&](SqlSession& session) {
    return first_row(session, std::string(kTimetableColumns) + "ORDER BY id DESC LIMIT 1", read_timetable);
  });
}

Result<std::vector<domain::OutlierTimetableVersion>> SqlStore::outlier_timetables() {
  return read("reading outlier timetable versions", [&](SqlSession& session) {
    return all_rows(session, std::string(kTimetableColumns) + "ORDER BY id DESC", read_timetable);
  });
}

}  // namespace clinaudit::storage
