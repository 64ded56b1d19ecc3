// Report reviews, actions and board meetings in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr const char* kReviewColumns =
    "SELECT id, audit_id, organisation_id, report_title, published_on, reviewed_on, committee, intended_actions "
    "FROM report_reviews";
constexpr const char* kActionColumns =
    "SELECT id, organisation_id, audit_id, title, owner_id, owner_name, due_on, status, evidence, completed_on, "
    "source, source_id, reaudit_id FROM actions";

domain::ReportReview read_review(SQLite::Statement& query) {
  domain::ReportReview row;
  row.id = id_column<ReportReviewId>(query.getColumn(0));
  row.audit_id = id_column<AuditId>(query.getColumn(1));
  row.organisation_id = id_column<OrganisationId>(query.getColumn(2));
  row.report_title = query.getColumn(3).getString();
  row.published_on = date_column(query.getColumn(4));
  row.reviewed_on = optional_date(query.getColumn(5));
  row.committee = query.getColumn(6).getString();
  row.intended_actions = query.getColumn(7).getString();
  return row;
}

void bind_review(SQLite::Statement& statement, const domain::ReportReview& row) {
  statement.bind(1, row.audit_id.value);
  statement.bind(2, row.organisation_id.value);
  statement.bind(3, row.report_title);
  bind_date(statement, 4, row.published_on);
  bind_optional(statement, 5, row.reviewed_on);
  statement.bind(6, row.committee);
  statement.bind(7, row.intended_actions);
}

domain::Action read_action(SQLite::Statement& query) {
  domain::Action row;
  row.id = id_column<ActionId>(query.getColumn(0));
  row.organisation_id = id_column<OrganisationId>(query.getColumn(1));
  row.audit_id = optional_id<AuditId>(query.getColumn(2));
  row.title = query.getColumn(3).getString();
  row.owner = optional_id<UserId>(query.getColumn(4));
  row.owner_name = query.getColumn(5).getString();
  row.due_on = date_column(query.getColumn(6));
  row.status = enum_column<domain::ActionStatus>(query.getColumn(7), domain::parse_action_status);
  row.evidence = query.getColumn(8).getString();
  row.completed_on = optional_date(query.getColumn(9));
  row.source = enum_column<domain::ActionSource>(query.getColumn(10), domain::parse_action_source);
  row.source_id = query.getColumn(11).getInt64();
  row.reaudit_id = optional_id<AuditId>(query.getColumn(12));
  return row;
}

void bind_action(SQLite::Statement& statement, const domain::Action& row) {
  statement.bind(1, row.organisation_id.value);
  bind_optional(statement, 2, row.audit_id);
  statement.bind(3, row.title);
  bind_optional(statement, 4, row.owner);
  statement.bind(5, row.owner_name);
  bind_date(statement, 6, row.due_on);
  statement.bind(7, std::string(domain::to_string(row.status)));
  statement.bind(8, row.evidence);
  bind_optional(statement, 9, row.completed_on);
  statement.bind(10, std::string(domain::to_string(row.source)));
  statement.bind(11, row.source_id);
  bind_optional(statement, 12, row.reaudit_id);
}

void check_review(SQLite::Database& db, const domain::ReportReview& row) {
  if (row.report_title.empty()) fail(ErrorCode::invalid_input, "a report review needs the report's title");
  const std::string what = "review of '" + row.report_title + "': ";
  require_row(db, "audits", row.audit_id.value, what + "audit");
  require_row(db, "organisations", row.organisation_id.value, what + "organisation");
}

void check_action(SQLite::Database& db, const domain::Action& row) {
  if (row.title.empty()) fail(ErrorCode::invalid_input, "an action needs a title");
  const std::string what = "action '" + row.title + "': ";
  require_row(db, "organisations", row.organisation_id.value, what + "organisation");
  if (row.audit_id) require_row(db, "audits", row.audit_id->value, what + "audit");
  if (row.owner) require_row(db, "users", row.owner->value, what + "owner user");
  if (row.reaudit_id) require_row(db, "audits", row.reaudit_id->value, what + "re-audit");
}

}  // namespace

domain::ReportReview SqliteStore::load_report_review(ReportReviewId id) {
  SQLite::Statement query(db_, std::string(kReviewColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) {
    fail(ErrorCode::not_found, "report review id " + std::to_string(id.value) + " does not exist");
  }
  return read_review(query);
}

domain::Action SqliteStore::load_action(ActionId id) {
  SQLite::Statement query(db_, std::string(kActionColumns) + " WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) fail(ErrorCode::not_found, "action id " + std::to_string(id.value) + " does not exist");
  return read_action(query);
}

Result<ReportReviewId> SqliteStore::add_report_review(const domain::ReportReview& row, const domain::Actor& actor) {
  return guarded("adding a report review", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    check_review(db_, row);
    SQLite::Statement insert(db_,
                             "INSERT INTO report_reviews (audit_id, organisation_id, report_title, published_on, "
                             "reviewed_on, committee, intended_actions) VALUES (?, ?, ?, ?, ?, ?, ?)");
    bind_review(insert, row);
    insert.exec();
    domain::ReportReview stored = row;
    stored.id = ReportReviewId{db_.getLastInsertRowid()};
    const auto after = record_json(stored);
    log_change(actor, "create", "report_review", std::to_string(stored.id.value), nullptr, &after);
    transaction.commit();
    return stored.id;
  });
}

Result<void> SqliteStore::update_report_review(const domain::ReportReview& row, const domain::Actor& actor) {
  return guarded("updating a report review", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const auto before = record_json(load_report_review(row.id));
    check_review(db_, row);
    SQLite::Statement update(db_,
                             "UPDATE report_reviews SET audit_id = ?, organisation_id = ?, report_title = ?, "
                             "published_on = ?, reviewed_on = ?, committee = ?, intended_actions = ? WHERE id = ?");
    bind_review(update, row);
    update.bind(8, row.id.value);
    update.exec();
    const auto after = record_json(row);
    log_change(actor, "update", "report_review", std::to_string(row.id.value), &before, &after);
    transaction.commit();
  });
}

Result<std::vector<domain::ReportReview>> SqliteStore::report_reviews(OrganisationId organisation) {
  return guarded("reading report reviews", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kReviewColumns) + " WHERE organisation_id = ? ORDER BY published_on, id");
    query.bind(1, organisation.value);
    std::vector<domain::ReportReview> rows;
    while (query.executeStep()) rows.push_back(read_review(query));
    return rows;
  });
}

ActionId SqliteStore::insert_action(const domain::Action& row, const domain::Actor& actor) {
  check_action(db_, row);
  SQLite::Statement insert(db_,
                           "INSERT INTO actions (organisation_id, audit_id, title, owner_id, owner_name, due_on, "
                           "status, evidence, completed_on, source, source_id, reaudit_id) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  bind_action(insert, row);
  insert.exec();
  domain::Action stored = row;
  stored.id = ActionId{db_.getLastInsertRowid()};
  const auto after = record_json(stored);
  log_change(actor, "create", "action", std::to_string(stored.id.value), nullptr, &after);
  return stored.id;
}

Result<ActionId> SqliteStore::add_action(const domain::Action& row, const domain::Actor& actor) {
  return guarded("adding an action", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const ActionId id = insert_action(row, actor);
    transaction.commit();
    return id;
  });
}

Result<void> SqliteStore::update_action(const domain::Action& row, const domain::Actor& actor) {
  return guarded("updating an action", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    const auto before = record_json(load_action(row.id));
    check_action(db_, row);
    SQLite::Statement update(db_,
                             "UPDATE actions SET organisation_id = ?, audit_id = ?, title = ?, owner_id = ?, "
                             "owner_name = ?, due_on = ?, status = ?, evidence = ?, completed_on = ?, source = ?, "
                             "source_id = ?, reaudit_id = ? WHERE id = ?");
    bind_action(update, row);
    update.bind(13, row.id.value);
    update.exec();
    const auto after = record_json(row);
    log_change(actor, "update", "action", std::to_string(row.id.value), &before, &after);
    transaction.commit();
  });
}

Result<domain::Action> SqliteStore::action(ActionId id) {
  return guarded("reading an action", [&] {
    const std::scoped_lock lock(mutex_);
    return load_action(id);
  });
}

Result<std::vector<domain::Action>> SqliteStore::actions(OrganisationId organisation) {
  return guarded("reading actions", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kActionColumns) + " WHERE organisation_id = ? ORDER BY due_on, id");
    query.bind(1, organisation.value);
    std::vector<domain::Action> rows;
    while (query.executeStep()) rows.push_back(read_action(query));
    return rows;
  });
}

Result<BoardMeetingId> SqliteStore::add_board_meeting(const domain::BoardMeetingRecord& record,
                                                      const domain::Actor& actor) {
  const domain::BoardMeeting& row = record.meeting;
  return guarded("adding a board meeting", [&] {
    if (row.committee.empty()) fail(ErrorCode::invalid_input, "a board meeting needs the committee's name");
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    require_row(db_, "organisations", row.organisation_id.value, "board meeting: organisation");
    SQLite::Statement insert(db_, "INSERT INTO board_meetings (organisation_id, committee, held_on) VALUES (?, ?, ?)");
    insert.bind(1, row.organisation_id.value);
    insert.bind(2, row.committee);
    bind_date(insert, 3, row.held_on);
    insert.exec();
    domain::BoardMeeting stored = row;
    stored.id = BoardMeetingId{db_.getLastInsertRowid()};
    auto after = record_json(stored);
    after["items"] = nlohmann::json::array();
    SQLite::Statement insert_item(
        db_, "INSERT INTO board_items (meeting_id, kind, ref_id, title, decision) VALUES (?, ?, ?, ?, ?)");
    for (const auto& item : record.items) {
      insert_item.reset();
      insert_item.bind(1, stored.id.value);
      insert_item.bind(2, std::string(domain::to_string(item.kind)));
      insert_item.bind(3, item.ref_id);
      insert_item.bind(4, item.title);
      insert_item.bind(5, item.decision);
      insert_item.exec();
      domain::BoardItem stored_item = item;
      stored_item.id = db_.getLastInsertRowid();
      stored_item.meeting_id = stored.id;
      after["items"].push_back(record_json(stored_item));
    }
    log_change(actor, "create", "board_meeting", std::to_string(stored.id.value), nullptr, &after);
    for (auto action : record.actions) {
      if (action.organisation_id != row.organisation_id) {
        fail(ErrorCode::invalid_input, "action '" + action.title + "' is not of the meeting's organisation");
      }
      action.source = domain::ActionSource::board_decision;
      action.source_id = stored.id.value;
      insert_action(action, actor);
    }
    for (const auto review_id : record.reviewed_reports) {
      auto review = load_report_review(review_id);
      if (review.organisation_id != row.organisation_id) {
        fail(ErrorCode::not_found, "report review id " + std::to_string(review_id.value) + " does not exist");
      }
      if (review.reviewed_on) continue;
      const auto before = record_json(review);
      review.reviewed_on = row.held_on;
      review.committee = row.committee;
      SQLite::Statement update(db_, "UPDATE report_reviews SET reviewed_on = ?, committee = ? WHERE id = ?");
      bind_date(update, 1, row.held_on);
      update.bind(2, row.committee);
      update.bind(3, review.id.value);
      update.exec();
      const auto reviewed = record_json(review);
      log_change(actor, "update", "report_review", std::to_string(review.id.value), &before, &reviewed);
    }
    transaction.commit();
    return stored.id;
  });
}

Result<std::vector<domain::BoardMeeting>> SqliteStore::board_meetings(OrganisationId organisation) {
  return guarded("reading board meetings", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, organisation_id, committee, held_on FROM board_meetings "
                            "WHERE organisation_id = ? ORDER BY held_on, id");
    query.bind(1, organisation.value);
    std::vector<domain::BoardMeeting> rows;
    while (query.executeStep()) {
      rows.push_back(domain::BoardMeeting{id_column<BoardMeetingId>(query.getColumn(0)),
                                          id_column<OrganisationId>(query.getColumn(1)), query.getColumn(2).getString(),
                                          date_column(query.getColumn(3))});
    }
    return rows;
  });
}

Result<std::vector<domain::BoardItem>> SqliteStore::board_items(BoardMeetingId meeting) {
  return guarded("reading board items", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, meeting_id, kind, ref_id, title, decision FROM board_items "
                            "WHERE meeting_id = ? ORDER BY id");
    query.bind(1, meeting.value);
    std::vector<domain::BoardItem> rows;
    while (query.executeStep()) {
      domain::BoardItem item;
      item.id = query.getColumn(0).getInt64();
      item.meeting_id = id_column<BoardMeetingId>(query.getColumn(1));
      item.kind = enum_column<domain::BoardItemKind>(query.getColumn(2), domain::parse_board_item_kind);
      item.ref_id = query.getColumn(3).getInt64();
      item.title = query.getColumn(4).getString();
      item.decision = query.getColumn(5).getString();
      rows.push_back(std::move(item));
    }
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
