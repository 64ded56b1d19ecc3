// Report reviews, actions and board meetings in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_reports.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kReviewColumns =
    "SELECT rv.id, rp.audit_id, rv.organisation_id, rp.title, rp.published_on, rv.reviewed_on, rv.committee, "
    "rv.intended_actions, rv.report_id, rv.findings "
    "FROM report_reviews rv JOIN audit_reports rp ON rp.id = rv.report_id ";
constexpr const char* kActionColumns =
    "SELECT id, organisation_id, audit_id, title, owner_id, owner_name, due_on, status, evidence, completed_on, "
    "source, source_id, reaudit_id, raised_on FROM actions ";
constexpr const char* kActionEventColumns =
    "SELECT id, action_id, kind, at, user_id, by_name, note, from_text, to_text FROM action_events ";

domain::ReportReview read_review(const SqlRow& row) {
  return domain::ReportReview{.id = id_of<ReportReviewId>(row, 0),
                              .audit_id = id_of<AuditId>(row, 1),
                              .organisation_id = id_of<OrganisationId>(row, 2),
                              .report_title = row.text(3),
                              .published_on = date_of(row, 4),
                              .reviewed_on = optional_date(row, 5),
                              .committee = row.text(6),
                              .intended_actions = row.text(7),
                              .report_id = id_of<AuditReportId>(row, 8),
                              .findings = row.text(9)};
}

domain::Action read_action(const SqlRow& row) {
  return domain::Action{.id = id_of<ActionId>(row, 0),
                        .organisation_id = id_of<OrganisationId>(row, 1),
                        .audit_id = optional_id<AuditId>(row, 2),
                        .title = row.text(3),
                        .owner = optional_id<UserId>(row, 4),
                        .owner_name = row.text(5),
                        .due_on = date_of(row, 6),
                        .status = enum_of(row, 7, domain::parse_action_status),
                        .evidence = row.text(8),
                        .completed_on = optional_date(row, 9),
                        .source = enum_of(row, 10, domain::parse_action_source),
                        .source_id = row.int64(11),
                        .reaudit_id = optional_id<AuditId>(row, 12),
                        .raised_on = optional_date(row, 13)};
}

domain::ActionEvent read_action_event(const SqlRow& row) {
  return domain::ActionEvent{.id = row.int64(0),
                             .action_id = id_of<ActionId>(row, 1),
                             .kind = enum_of(row, 2, domain::parse_action_event_kind),
                             .at = row.text(3),
                             .by = optional_id<UserId>(row, 4),
                             .by_name = row.text(5),
                             .note = row.text(6),
                             .from = row.text(7),
                             .to = row.text(8)};
}

// The review checked, with its report's audit, title and date (attach_report).
domain::ReportReview checked_review(SqlSession& session, const domain::ReportReview& row, const domain::Actor& actor) {
  ensure(domain::check(row));
  const std::string what = "review of '" + row.report_title + "': ";
  require_row(session, "organisations", row.organisation_id.value, what + "organisation");
  return attach_report(session, row, actor);
}

// Checks and inserts one review with its audit-log entry, inside the caller's transaction.
ReportReviewId insert_review(SqlSession& session, const domain::ReportReview& row, const domain::Actor& actor) {
  domain::ReportReview stored = checked_review(session, row, actor);
  stored.id = ReportReviewId{insert(session,
                                    "INSERT INTO report_reviews (audit_id, organisation_id, report_title, "
                                    "published_on, reviewed_on, committee, intended_actions, report_id, findings) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    stored.audit_id, stored.organisation_id, stored.report_title, stored.published_on,
                                    stored.reviewed_on, stored.committee, stored.intended_actions, stored.report_id,
                                    stored.findings)};
  const auto after = record_json(stored);
  append_audit_log(session, actor, "create", "report_review", std::to_string(stored.id.value), nullptr, &after);
  return stored.id;
}

void check_action(SqlSession& session, const domain::Action& row) {
  ensure(domain::check(row));
  const std::string what = "action '" + row.title + "': ";
  require_row(session, "organisations", row.organisation_id.value, what + "organisation");
  if (row.audit_id) require_row(session, "audits", row.audit_id->value, what + "audit");
  if (row.owner) require_row(session, "users", row.owner->value, what + "owner user");
  if (row.reaudit_id) require_row(session, "audits", row.reaudit_id->value, what + "re-audit");
}

domain::ReportReview load_review(SqlSession& session, ReportReviewId id) {
  return only_row(session, "report review id " + std::to_string(id.value) + " does not exist",
                  std::string(kReviewColumns) + "WHERE rv.id = ?", read_review, id);
}

domain::Action load_action(SqlSession& session, ActionId id) {
  return only_row(session, "action id " + std::to_string(id.value) + " does not exist",
                  std::string(kActionColumns) + "WHERE id = ?", read_action, id);
}

// Checks and inserts one action with its audit-log entry, inside the caller's transaction.
ActionId insert_action(SqlSession& session, const domain::Action& row, const domain::Actor& actor) {
  check_action(session, row);
  domain::Action stored = row;
  stored.id = ActionId{insert(session,
                              "INSERT INTO actions (organisation_id, audit_id, title, owner_id, owner_name, due_on, "
                              "status, evidence, completed_on, source, source_id, reaudit_id, raised_on) "
                              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                              row.organisation_id, row.audit_id, row.title, row.owner, row.owner_name, row.due_on,
                              domain::to_string(row.status), row.evidence, row.completed_on,
                              domain::to_string(row.source), row.source_id, row.reaudit_id, row.raised_on)};
  const auto after = record_json(stored);
  append_audit_log(session, actor, "create", "action", std::to_string(stored.id.value), nullptr, &after);
  return stored.id;
}

// Checks and updates a stored action with its audit-log entry, inside the caller's transaction.
void write_action(SqlSession& session, const domain::Action& row, const domain::Actor& actor) {
  const auto before = record_json(load_action(session, row.id));
  check_action(session, row);
  execute(session,
          "UPDATE actions SET organisation_id = ?, audit_id = ?, title = ?, owner_id = ?, owner_name = ?, "
          "due_on = ?, status = ?, evidence = ?, completed_on = ?, source = ?, source_id = ?, reaudit_id = ?, "
          "raised_on = ? WHERE id = ?",
          row.organisation_id, row.audit_id, row.title, row.owner, row.owner_name, row.due_on,
          domain::to_string(row.status), row.evidence, row.completed_on, domain::to_string(row.source), row.source_id,
          row.reaudit_id, row.raised_on, row.id);
  const auto after = record_json(row);
  append_audit_log(session, actor, "update", "action", std::to_string(row.id.value), &before, &after);
}

}  // namespace

Result<ReportReviewId> SqlStore::add_report_review(const domain::ReportReview& row, const domain::Actor& actor) {
  return write("adding a report review", [&](SqlSession& session) { return insert_review(session, row, actor); });
}

Result<std::vector<ReportReviewId>> SqlStore::add_report_reviews(const std::vector<domain::ReportReview>& rows,
                                                                 const domain::Actor& actor) {
  return write("adding report reviews", [&](SqlSession& session) {
    std::vector<ReportReviewId> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) ids.push_back(insert_review(session, row, actor));
    return ids;
  });
}

Result<void> SqlStore::update_report_review(const domain::ReportReview& row, const domain::Actor& actor) {
  return write("updating a report review", [&](SqlSession& session) {
    const auto before = record_json(load_review(session, row.id));
    const auto stored = checked_review(session, row, actor);
    execute(session,
            "UPDATE report_reviews SET audit_id = ?, organisation_id = ?, report_title = ?, published_on = ?, "
            "reviewed_on = ?, committee = ?, intended_actions = ?, report_id = ?, findings = ? WHERE id = ?",
            stored.audit_id, stored.organisation_id, stored.report_title, stored.published_on, stored.reviewed_on,
            stored.committee, stored.intended_actions, stored.report_id, stored.findings, stored.id);
    const auto after = record_json(stored);
    append_audit_log(session, actor, "update", "report_review", std::to_string(row.id.value), &before, &after);
  });
}

Result<std::vector<domain::ReportReview>> SqlStore::report_reviews(OrganisationId organisation) {
  return read("reading report reviews", [&](SqlSession& session) {
    return all_rows(session,
                    std::string(kReviewColumns) + "WHERE rv.organisation_id = ? ORDER BY rp.published_on, rv.id",
                    read_review, organisation);
  });
}

Result<ActionId> SqlStore::add_action(const domain::Action& row, const domain::Actor& actor) {
  return write("adding an action", [&](SqlSession& session) { return insert_action(session, row, actor); });
}

Result<void> SqlStore::update_action(const domain::Action& row, const domain::Actor& actor) {
  return write("updating an action", [&](SqlSession& session) { write_action(session, row, actor); });
}

Result<void> SqlStore::record_action_event(const domain::Action& row, const domain::ActionEvent& event,
                                           const domain::Actor& actor) {
  return write("recording an action's history", [&](SqlSession& session) {
    write_action(session, row, actor);
    domain::ActionEvent stored = event;
    stored.action_id = row.id;
    ensure(domain::check(stored));
    if (stored.by) require_row(session, "users", stored.by->value, "history of action '" + row.title + "': user");
    stored.id = insert(session,
                       "INSERT INTO action_events (action_id, kind, at, user_id, by_name, note, from_text, to_text) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                       stored.action_id, domain::to_string(stored.kind), stored.at, stored.by, stored.by_name,
                       stored.note, stored.from, stored.to);
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "action_event", std::to_string(stored.id), nullptr, &after);
  });
}

Result<std::vector<domain::ActionEvent>> SqlStore::action_events(ActionId id) {
  return read("reading an action's history", [&](SqlSession& session) {
    return all_rows(session, std::string(kActionEventColumns) + "WHERE action_id = ? ORDER BY at, id",
                    read_action_event, id);
  });
}

Result<domain::Action> SqlStore::action(ActionId id) {
  return read("reading an action", [&](SqlSession& session) { return load_action(session, id); });
}

Result<std::vector<domain::Action>> SqlStore::actions(OrganisationId organisation) {
  return read("reading actions", [&](SqlSession& session) {
    return all_rows(session, std::string(kActionColumns) + "WHERE organisation_id = ? ORDER BY due_on, id", read_action,
                    organisation);
  });
}

namespace {

// Writes the items a stored meeting looked at; returns their audit-log pictures.
nlohmann::json write_items(SqlSession& session, const domain::BoardMeeting& meeting,
                           const domain::BoardMeetingRecord& record) {
  auto items = nlohmann::json::array();
  for (const auto& item : record.items) {
    domain::BoardItem stored_item = item;
    stored_item.meeting_id = meeting.id;
    stored_item.id = insert(session,
                            "INSERT INTO board_items (meeting_id, kind, ref_id, title, decision) "
                            "VALUES (?, ?, ?, ?, ?) RETURNING id",
                            meeting.id, domain::to_string(item.kind), item.ref_id, item.title, item.decision);
    items.push_back(record_json(stored_item));
  }
  return items;
}

// Writes the actions a stored meeting raised and marks the reviews it completed.
void write_decisions(SqlSession& session, const domain::BoardMeeting& meeting, const domain::BoardMeetingRecord& record,
                     const domain::Actor& actor) {
  for (auto action : record.actions) {
    if (action.organisation_id != meeting.organisation_id) {
      fail(ErrorCode::invalid_input, "action '" + action.title + "' is not of the meeting's organisation");
    }
    action.source = domain::ActionSource::board_decision;
    action.source_id = meeting.id.value;
    insert_action(session, action, actor);
  }
  for (const auto review_id : record.reviewed_reports) {
    auto review = load_review(session, review_id);
    // Another organisation's review reads as one that does not exist.
    if (review.organisation_id != meeting.organisation_id) {
      fail(ErrorCode::not_found, "report review id " + std::to_string(review_id.value) + " does not exist");
    }
    if (review.reviewed_on) continue;
    const auto before = record_json(review);
    review.reviewed_on = meeting.held_on;
    review.committee = meeting.committee;
    execute(session, "UPDATE report_reviews SET reviewed_on = ?, committee = ? WHERE id = ?", meeting.held_on,
            meeting.committee, review.id);
    const auto reviewed = record_json(review);
    append_audit_log(session, actor, "update", "report_review", std::to_string(review.id.value), &before, &reviewed);
  }
}

}  // namespace

Result<BoardMeetingId> SqlStore::add_board_meeting(const domain::BoardMeetingRecord& record,
                                                   const domain::Actor& actor) {
  const domain::BoardMeeting& row = record.meeting;
  return write("adding a board meeting", [&](SqlSession& session) {
    ensure(domain::check(row));
    require_row(session, "organisations", row.organisation_id.value, "board meeting: organisation");
    domain::BoardMeeting stored = row;
    stored.id = BoardMeetingId{insert(
        session, "INSERT INTO board_meetings (organisation_id, committee, held_on) VALUES (?, ?, ?) RETURNING id",
        row.organisation_id, row.committee, row.held_on)};
    auto after = record_json(stored);
    after["items"] = write_items(session, stored, record);
    append_audit_log(session, actor, "create", "board_meeting", std::to_string(stored.id.value), nullptr, &after);
    write_decisions(session, stored, record, actor);
    return stored.id;
  });
}

Result<void> SqlStore::record_board_meeting_outcome(const domain::BoardMeetingRecord& record,
                                                    const domain::Actor& actor) {
  const domain::BoardMeeting& row = record.meeting;
  return write("recording the outcome of board meeting " + std::to_string(row.id.value), [&](SqlSession& session) {
    const auto missing = "board meeting id " + std::to_string(row.id.value) + " does not exist";
    const auto stored = only_row(
        session, missing, "SELECT id, organisation_id, committee, held_on FROM board_meetings WHERE id = ?",
        [](const SqlRow& found) {
          return domain::BoardMeeting{id_of<BoardMeetingId>(found, 0), id_of<OrganisationId>(found, 1), found.text(2),
                                      date_of(found, 3)};
        },
        row.id);
    // Another organisation's meeting reads as one that does not exist.
    if (stored.organisation_id != row.organisation_id) fail(ErrorCode::not_found, missing);
    const auto recorded = first_row(
        session,
        "SELECT 1 FROM board_items WHERE meeting_id = ?1 UNION ALL SELECT 1 FROM actions WHERE source = ?2 AND "
        "source_id = ?1",
        [](const SqlRow&) { return true; }, row.id, domain::to_string(domain::ActionSource::board_decision));
    if (recorded) fail(ErrorCode::conflict, "the outcome of this meeting has been recorded already");
    const auto before = record_json(stored);
    auto after = before;
    after["items"] = write_items(session, stored, record);
    append_audit_log(session, actor, "update", "board_meeting", std::to_string(stored.id.value), &before, &after);
    write_decisions(session, stored, record, actor);
  });
}

Result<std::vector<domain::BoardMeeting>> SqlStore::board_meetings(OrganisationId organisation) {
  return read("reading board meetings", [&](SqlSession& session) {
    return all_rows(
        session,
        "SELECT id, organisation_id, committee, held_on FROM board_meetings WHERE organisation_id = ? "
        "ORDER BY held_on, id",
        [](const SqlRow& row) {
          return domain::BoardMeeting{id_of<BoardMeetingId>(row, 0), id_of<OrganisationId>(row, 1), row.text(2),
                                      date_of(row, 3)};
        },
        organisation);
  });
}

Result<std::vector<domain::BoardItem>> SqlStore::board_items(BoardMeetingId meeting) {
  return read("reading board items", [&](SqlSession& session) {
    return all_rows(
        session,
        "SELECT id, meeting_id, kind, ref_id, title, decision FROM board_items WHERE meeting_id = ? ORDER BY id",
        [](const SqlRow& row) {
          return domain::BoardItem{.id = row.int64(0),
                                   .meeting_id = id_of<BoardMeetingId>(row, 1),
                                   .kind = enum_of(row, 2, domain::parse_board_item_kind),
                                   .ref_id = row.int64(3),
                                   .title = row.text(4),
                                   .decision = row.text(5)};
        },
        meeting);
  });
}

}  // namespace clinaudit::storage
