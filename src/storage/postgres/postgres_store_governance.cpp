// PostgresStore: report reviews, actions, board meetings and outlier cases.
#include <nlohmann/json.hpp>

#include <utility>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_record_json.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"
#include "storage/postgres/postgres_store.hpp"

namespace clinaudit::storage::postgres {
namespace {

constexpr const char* kTimetableColumns =
    "SELECT id, name, csv, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), created_by "
    "FROM outlier_timetables ";

domain::OutlierTimetableVersion read_timetable(const pqxx::row& row) {
  domain::OutlierTimetableVersion out;
  out.id = row[0].as<std::int64_t>();
  out.name = row[1].as<std::string>();
  out.csv = row[2].as<std::string>();
  out.created_at = row[3].as<std::string>();
  out.created_by = row[4].as<std::string>();
  return out;
}

using domain::Actor;

constexpr const char* kReviewColumns =
    "id, audit_id, organisation_id, report_title, published_on, reviewed_on, committee, intended_actions";
constexpr const char* kActionColumns =
    "id, organisation_id, audit_id, title, owner_id, owner_name, due_on, status, evidence, completed_on, source, "
    "source_id, reaudit_id";
constexpr const char* kCaseColumns =
    "id, audit_id, measure_id, organisation_id, period, level, high, unfavourable, value, limit_passed, stage, "
    "opened_on, stage_due_on, status";

domain::ReportReview read_review(const pqxx::row& row) {
  domain::ReportReview out;
  out.id = ReportReviewId{row[0].as<std::int64_t>()};
  out.audit_id = AuditId{row[1].as<std::int64_t>()};
  out.organisation_id = OrganisationId{row[2].as<std::int64_t>()};
  out.report_title = row[3].as<std::string>();
  out.published_on = date_field(row[4]);
  out.reviewed_on = optional_date_field(row[5]);
  out.committee = row[6].as<std::string>();
  out.intended_actions = row[7].as<std::string>();
  return out;
}

domain::Action read_action(const pqxx::row& row) {
  domain::Action out;
  out.id = ActionId{row[0].as<std::int64_t>()};
  out.organisation_id = OrganisationId{row[1].as<std::int64_t>()};
  out.audit_id = optional_id_field<AuditId>(row[2]);
  out.title = row[3].as<std::string>();
  out.owner = optional_id_field<UserId>(row[4]);
  out.owner_name = row[5].as<std::string>();
  out.due_on = date_field(row[6]);
  out.status = domain::parse_action_status(row[7].c_str()).value_or(domain::ActionStatus::open);
  out.evidence = row[8].as<std::string>();
  out.completed_on = optional_date_field(row[9]);
  out.source = domain::parse_action_source(row[10].c_str()).value_or(domain::ActionSource::audit_recommendation);
  out.source_id = row[11].as<std::int64_t>();
  out.reaudit_id = optional_id_field<AuditId>(row[12]);
  return out;
}

domain::OutlierCase read_case(const pqxx::row& row) {
  domain::OutlierCase out;
  out.id = OutlierCaseId{row[0].as<std::int64_t>()};
  out.audit_id = AuditId{row[1].as<std::int64_t>()};
  out.measure_id = MeasureId{row[2].as<std::int64_t>()};
  out.organisation_id = OrganisationId{row[3].as<std::int64_t>()};
  out.period = row[4].as<std::string>();
  out.level = domain::parse_outlier_level(row[5].c_str()).value_or(domain::OutlierLevel::alert);
  out.high = row[6].as<bool>();
  out.unfavourable = row[7].as<bool>();
  out.value = row[8].as<double>();
  out.limit = row[9].as<double>();
  out.stage = row[10].as<std::string>();
  out.opened_on = date_field(row[11]);
  out.stage_due_on = optional_date_field(row[12]);
  out.status = domain::parse_outlier_status(row[13].c_str()).value_or(domain::OutlierStatus::open);
  return out;
}

Error missing(std::string_view what, std::string_view record) {
  return Error{ErrorCode::not_found, std::string(what) + ": " + std::string(record) + " does not exist"};
}

// Inserts one action with its audit-log entry, inside the caller's transaction.
ActionId insert_action(pqxx::transaction_base& tx, const domain::Action& row, const Actor& actor) {
  const auto id =
      tx.exec_params1(
            "INSERT INTO actions (organisation_id, audit_id, title, owner_id, owner_name, due_on, status, "
            "evidence, completed_on, source, source_id, reaudit_id) "
            "VALUES ($1, $2, $3, $4, $5, $6::date, $7, $8, $9::date, $10, $11, $12) RETURNING id",
            row.organisation_id.value, id_param(row.audit_id), row.title, id_param(row.owner), row.owner_name,
            row.due_on.to_string(), text(domain::to_string(row.status)), row.evidence, date_param(row.completed_on),
            text(domain::to_string(row.source)), row.source_id, id_param(row.reaudit_id))[0]
          .as<std::int64_t>();
  auto stored = row;
  stored.id = ActionId{id};
  append_audit_log(tx, actor, "create", "action", std::to_string(id), "", record_json(stored));
  return stored.id;
}

}  // namespace

// ---- Report reviews

Result<ReportReviewId> PostgresStore::add_report_review(const domain::ReportReview& row, const Actor& actor) {
  return pg_transact(
      *pool_, "adding report reviews", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<ReportReviewId> {
        subject = "review of \"" + row.report_title + "\"";
        const auto id =
            tx.exec_params1(
                  "INSERT INTO report_reviews (audit_id, organisation_id, report_title, "
                  "published_on, reviewed_on, committee, intended_actions) "
                  "VALUES ($1, $2, $3, $4::date, $5::date, $6, $7) RETURNING id",
                  row.audit_id.value, row.organisation_id.value, row.report_title, row.published_on.to_string(),
                  date_param(row.reviewed_on), row.committee, row.intended_actions)[0]
                .as<std::int64_t>();
        auto stored = row;
        stored.id = ReportReviewId{id};
        append_audit_log(tx, actor, "create", "report_review", std::to_string(id), "", record_json(stored));
        return stored.id;
      });
}

Result<void> PostgresStore::update_report_review(const domain::ReportReview& row, const Actor& actor) {
  return pg_transact(
      *pool_, "updating report reviews", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        subject = "report review " + std::to_string(row.id.value);
        const auto old = tx.exec_params(
            std::string("SELECT ") + kReviewColumns + " FROM report_reviews WHERE id = $1 FOR UPDATE", row.id.value);
        if (old.empty()) return missing("updating report reviews", subject);
        tx.exec_params(
            "UPDATE report_reviews SET audit_id = $2, organisation_id = $3, report_title = $4, "
            "published_on = $5::date, reviewed_on = $6::date, committee = $7, intended_actions = $8 WHERE id = $1",
            row.id.value, row.audit_id.value, row.organisation_id.value, row.report_title, row.published_on.to_string(),
            date_param(row.reviewed_on), row.committee, row.intended_actions);
        append_audit_log(tx, actor, "update", "report_review", std::to_string(row.id.value),
                         record_json(read_review(old[0])), record_json(row));
        return {};
      });
}

Result<std::vector<domain::ReportReview>> PostgresStore::report_reviews(OrganisationId organisation) {
  return pg_read(*pool_, "reading report reviews",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::ReportReview>> {
                   std::vector<domain::ReportReview> out;
                   for (const auto& row : tx.exec_params(std::string("SELECT ") + kReviewColumns +
                                                             " FROM report_reviews WHERE organisation_id = $1 "
                                                             "ORDER BY published_on, id",
                                                         organisation.value)) {
                     out.push_back(read_review(row));
                   }
                   return out;
                 });
}

// ---- Actions

Result<ActionId> PostgresStore::add_action(const domain::Action& row, const Actor& actor) {
  return pg_transact(*pool_, "adding actions",
                     [&](pqxx::transaction_base& tx, std::string& subject) -> Result<ActionId> {
                       subject = "action \"" + row.title + "\"";
                       return insert_action(tx, row, actor);
                     });
}

Result<void> PostgresStore::update_action(const domain::Action& row, const Actor& actor) {
  return pg_transact(*pool_, "updating actions", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
    subject = "action " + std::to_string(row.id.value);
    const auto old = tx.exec_params(std::string("SELECT ") + kActionColumns + " FROM actions WHERE id = $1 FOR UPDATE",
                                    row.id.value);
    if (old.empty()) return missing("updating actions", subject);
    tx.exec_params(
        "UPDATE actions SET organisation_id = $2, audit_id = $3, title = $4, owner_id = $5, owner_name = $6, "
        "due_on = $7::date, status = $8, evidence = $9, completed_on = $10::date, source = $11, source_id = $12, "
        "reaudit_id = $13 WHERE id = $1",
        row.id.value, row.organisation_id.value, id_param(row.audit_id), row.title, id_param(row.owner), row.owner_name,
        row.due_on.to_string(), text(domain::to_string(row.status)), row.evidence, date_param(row.completed_on),
        text(domain::to_string(row.source)), row.source_id, id_param(row.reaudit_id));
    append_audit_log(tx, actor, "update", "action", std::to_string(row.id.value), record_json(read_action(old[0])),
                     record_json(row));
    return {};
  });
}

Result<domain::Action> PostgresStore::action(ActionId id) {
  return pg_read(*pool_, "reading actions", [&](pqxx::transaction_base& tx) -> Result<domain::Action> {
    const auto rows = tx.exec_params(std::string("SELECT ") + kActionColumns + " FROM actions WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading actions", "action " + std::to_string(id.value));
    return read_action(rows[0]);
  });
}

Result<std::vector<domain::Action>> PostgresStore::actions(OrganisationId organisation) {
  return pg_read(*pool_, "reading actions", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Action>> {
    std::vector<domain::Action> out;
    for (const auto& row : tx.exec_params(
             std::string("SELECT ") + kActionColumns + " FROM actions WHERE organisation_id = $1 ORDER BY due_on, id",
             organisation.value)) {
      out.push_back(read_action(row));
    }
    return out;
  });
}

// ---- Board meetings

Result<BoardMeetingId> PostgresStore::add_board_meeting(const domain::BoardMeetingRecord& record, const Actor& actor) {
  const domain::BoardMeeting& row = record.meeting;
  if (row.committee.empty()) {
    return Error{ErrorCode::invalid_input, "adding board meetings: a board meeting needs the committee's name"};
  }
  return pg_transact(
      *pool_, "adding board meetings", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<BoardMeetingId> {
        subject = row.committee + " meeting on " + row.held_on.to_string();
        const auto id = tx.exec_params1(
                              "INSERT INTO board_meetings (organisation_id, committee, held_on) "
                              "VALUES ($1, $2, $3::date) RETURNING id",
                              row.organisation_id.value, row.committee, row.held_on.to_string())[0]
                            .as<std::int64_t>();
        for (const auto& item : record.items) {
          tx.exec_params(
              "INSERT INTO board_items (meeting_id, kind, ref_id, title, decision) VALUES ($1, $2, $3, $4, $5)", id,
              text(domain::to_string(item.kind)), item.ref_id, item.title, item.decision);
        }
        auto stored = row;
        stored.id = BoardMeetingId{id};
        append_audit_log(tx, actor, "create", "board_meeting", std::to_string(id), "",
                         record_json(stored, record.items));
        for (auto action : record.actions) {
          subject = "action \"" + action.title + "\"";
          if (action.organisation_id != row.organisation_id) {
            return Error{ErrorCode::invalid_input,
                         "adding board meetings: " + subject + " is not of the meeting's organisation"};
          }
          action.source = domain::ActionSource::board_decision;
          action.source_id = id;
          insert_action(tx, action, actor);
        }
        for (const auto review_id : record.reviewed_reports) {
          subject = "report review " + std::to_string(review_id.value);
          const auto old = tx.exec_params(std::string("SELECT ") + kReviewColumns +
                                              " FROM report_reviews WHERE id = $1 AND organisation_id = $2 FOR UPDATE",
                                          review_id.value, row.organisation_id.value);
          if (old.empty()) return missing("adding board meetings", subject);
          auto review = read_review(old[0]);
          if (review.reviewed_on) continue;
          const auto before = record_json(review);
          review.reviewed_on = row.held_on;
          review.committee = row.committee;
          tx.exec_params("UPDATE report_reviews SET reviewed_on = $2::date, committee = $3 WHERE id = $1",
                         review_id.value, row.held_on.to_string(), row.committee);
          append_audit_log(tx, actor, "update", "report_review", std::to_string(review_id.value), before,
                           record_json(review));
        }
        return stored.id;
      });
}

Result<std::vector<domain::BoardMeeting>> PostgresStore::board_meetings(OrganisationId organisation) {
  return pg_read(
      *pool_, "reading board meetings", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::BoardMeeting>> {
        std::vector<domain::BoardMeeting> out;
        for (const auto& row : tx.exec_params("SELECT id, organisation_id, committee, held_on FROM board_meetings "
                                              "WHERE organisation_id = $1 ORDER BY held_on, id",
                                              organisation.value)) {
          out.push_back(domain::BoardMeeting{BoardMeetingId{row[0].as<std::int64_t>()},
                                             OrganisationId{row[1].as<std::int64_t>()}, row[2].as<std::string>(),
                                             date_field(row[3])});
        }
        return out;
      });
}

Result<std::vector<domain::BoardItem>> PostgresStore::board_items(BoardMeetingId meeting) {
  return pg_read(
      *pool_, "reading board items", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::BoardItem>> {
        std::vector<domain::BoardItem> out;
        for (const auto& row : tx.exec_params("SELECT id, meeting_id, kind, ref_id, title, decision FROM board_items "
                                              "WHERE meeting_id = $1 ORDER BY id",
                                              meeting.value)) {
          domain::BoardItem item;
          item.id = row[0].as<std::int64_t>();
          item.meeting_id = BoardMeetingId{row[1].as<std::int64_t>()};
          item.kind = domain::parse_board_item_kind(row[2].c_str()).value_or(domain::BoardItemKind::other);
          item.ref_id = row[3].as<std::int64_t>();
          item.title = row[4].as<std::string>();
          item.decision = row[5].as<std::string>();
          out.push_back(std::move(item));
        }
        return out;
      });
}

// ---- Outlier cases

Result<OutlierCaseId> PostgresStore::add_outlier_case(const domain::OutlierCase& row, const Actor& actor) {
  return pg_transact(
      *pool_, "opening outlier cases", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<OutlierCaseId> {
        subject = "outlier case of organisation " + std::to_string(row.organisation_id.value) + " on measure " +
                  std::to_string(row.measure_id.value) + ", " + row.period;
        const auto id =
            tx.exec_params1(
                  "INSERT INTO outlier_cases (audit_id, measure_id, organisation_id, period, level, high, "
                  "unfavourable, value, limit_passed, stage, opened_on, stage_due_on, status) "
                  "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::date, $12::date, $13) RETURNING id",
                  row.audit_id.value, row.measure_id.value, row.organisation_id.value, row.period,
                  text(domain::to_string(row.level)), row.high, row.unfavourable, row.value, row.limit, row.stage,
                  row.opened_on.to_string(), date_param(row.stage_due_on), text(domain::to_string(row.status)))[0]
                .as<std::int64_t>();
        auto stored = row;
        stored.id = OutlierCaseId{id};
        append_audit_log(tx, actor, "create", "outlier_case", std::to_string(id), "", record_json(stored));
        return stored.id;
      });
}

Result<void> PostgresStore::update_outlier_case(const domain::OutlierCase& row, const domain::OutlierEvent& event,
                                                const Actor& actor) {
  return pg_transact(
      *pool_, "updating outlier cases", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        subject = "outlier case " + std::to_string(row.id.value);
        const auto old = tx.exec_params(
            std::string("SELECT ") + kCaseColumns + " FROM outlier_cases WHERE id = $1 FOR UPDATE", row.id.value);
        if (old.empty()) return missing("updating outlier cases", subject);
        tx.exec_params(
            "UPDATE outlier_cases SET audit_id = $2, measure_id = $3, organisation_id = $4, period = $5, level = $6, "
            "high = $7, unfavourable = $8, value = $9, limit_passed = $10, stage = $11, opened_on = $12::date, "
            "stage_due_on = $13::date, status = $14 WHERE id = $1",
            row.id.value, row.audit_id.value, row.measure_id.value, row.organisation_id.value, row.period,
            text(domain::to_string(row.level)), row.high, row.unfavourable, row.value, row.limit, row.stage,
            row.opened_on.to_string(), date_param(row.stage_due_on), text(domain::to_string(row.status)));
        // The event always belongs to the case being updated, whatever case_id the caller left in it.
        const auto event_id = tx.exec_params1(
                                    "INSERT INTO outlier_events (case_id, stage, what, by_user, at) "
                                    "VALUES ($1, $2, $3, $4, CASE WHEN $5 = '' THEN to_char(now() AT TIME ZONE 'UTC', "
                                    "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') ELSE $5 END) RETURNING id",
                                    row.id.value, event.stage, event.what, id_param(event.by), event.at)[0]
                                  .as<std::int64_t>();
        auto stored_event = event;
        stored_event.id = event_id;
        stored_event.case_id = row.id;
        append_audit_log(tx, actor, "update", "outlier_case", std::to_string(row.id.value),
                         record_json(read_case(old[0])), record_json(row));
        append_audit_log(tx, actor, "create", "outlier_event", std::to_string(event_id), "", record_json(stored_event));
        return {};
      });
}

Result<domain::OutlierCase> PostgresStore::outlier_case(OutlierCaseId id) {
  return pg_read(*pool_, "reading outlier cases", [&](pqxx::transaction_base& tx) -> Result<domain::OutlierCase> {
    const auto rows =
        tx.exec_params(std::string("SELECT ") + kCaseColumns + " FROM outlier_cases WHERE id = $1", id.value);
    if (rows.empty()) return missing("reading outlier cases", "outlier case " + std::to_string(id.value));
    return read_case(rows[0]);
  });
}

Result<std::vector<domain::OutlierCase>> PostgresStore::outlier_cases(std::optional<OrganisationId> organisation,
                                                                      std::optional<AuditId> audit) {
  return pg_read(*pool_, "reading outlier cases",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::OutlierCase>> {
                   std::vector<domain::OutlierCase> out;
                   for (const auto& row : tx.exec_params(std::string("SELECT ") + kCaseColumns +
                                                             " FROM outlier_cases "
                                                             "WHERE ($1::bigint IS NULL OR organisation_id = $1) "
                                                             "AND ($2::bigint IS NULL OR audit_id = $2) ORDER BY id",
                                                         id_param(organisation), id_param(audit))) {
                     out.push_back(read_case(row));
                   }
                   return out;
                 });
}

Result<std::vector<domain::OutlierEvent>> PostgresStore::outlier_events(OutlierCaseId id) {
  return pg_read(
      *pool_, "reading outlier events", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::OutlierEvent>> {
        std::vector<domain::OutlierEvent> out;
        for (const auto& row :
             tx.exec_params("SELECT id, case_id, stage, what, by_user, at FROM outlier_events WHERE case_id = $1 "
                            "ORDER BY id",
                            id.value)) {
          domain::OutlierEvent event;
          event.id = row[0].as<std::int64_t>();
          event.case_id = OutlierCaseId{row[1].as<std::int64_t>()};
          event.stage = row[2].as<std::string>();
          event.what = row[3].as<std::string>();
          event.by = optional_id_field<UserId>(row[4]);
          event.at = row[5].as<std::string>();
          out.push_back(std::move(event));
        }
        return out;
      });
}

Result<std::int64_t> PostgresStore::add_outlier_timetable(const domain::OutlierTimetableVersion& version,
                                                          const domain::Actor& actor) {
  if (version.name.empty()) {
    return Error{ErrorCode::invalid_input, "adding outlier timetable: a version needs a name"};
  }
  if (version.csv.empty()) {
    return Error{ErrorCode::invalid_input, "adding outlier timetable '" + version.name + "': the stage table is empty"};
  }
  return pg_transact(*pool_, "adding outlier timetable",
                     [&](pqxx::transaction_base& tx, std::string& subject) -> Result<std::int64_t> {
                       subject = "outlier timetable '" + version.name + "'";
                       const auto id = tx.exec_params1(
                                             "INSERT INTO outlier_timetables (name, csv, created_by) "
                                             "VALUES ($1, $2, $3) RETURNING id",
                                             version.name, version.csv, actor.name)[0]
                                           .as<std::int64_t>();
                       const nlohmann::json after{{"id", id}, {"name", version.name}, {"csv", version.csv}};
                       append_audit_log(tx, actor, "create", "outlier_timetable", std::to_string(id), "",
                                        after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
                       return id;
                     });
}

Result<std::optional<domain::OutlierTimetableVersion>> PostgresStore::current_outlier_timetable() {
  return pg_read(*pool_, "reading the outlier timetable",
                 [&](pqxx::transaction_base& tx) -> Result<std::optional<domain::OutlierTimetableVersion>> {
                   const auto rows = tx.exec(std::string(kTimetableColumns) + "ORDER BY id DESC LIMIT 1");
                   if (rows.empty()) return std::optional<domain::OutlierTimetableVersion>();
                   return std::optional(read_timetable(rows[0]));
                 });
}

Result<std::vector<domain::OutlierTimetableVersion>> PostgresStore::outlier_timetables() {
  return pg_read(*pool_, "reading outlier timetable versions",
                 [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::OutlierTimetableVersion>> {
                   std::vector<domain::OutlierTimetableVersion> out;
                   const auto rows = tx.exec(std::string(kTimetableColumns) + "ORDER BY id DESC");
                   out.reserve(rows.size());
                   for (const auto& row : rows) out.push_back(read_timetable(row));
                   return out;
                 });
}

}  // namespace clinaudit::storage::postgres
