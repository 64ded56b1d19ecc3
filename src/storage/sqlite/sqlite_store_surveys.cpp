// Surveys, their questions and responses in the SQLite store.
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

std::vector<domain::SurveyQuestion> read_questions(SQLite::Database& db, SurveyId survey) {
  SQLite::Statement query(db,
                          "SELECT id, code, text, kind, options FROM survey_questions WHERE survey_id = ? "
                          "ORDER BY position");
  query.bind(1, survey.value);
  std::vector<domain::SurveyQuestion> rows;
  while (query.executeStep()) {
    domain::SurveyQuestion row;
    row.id = query.getColumn(0).getInt64();
    row.code = query.getColumn(1).getString();
    row.text = query.getColumn(2).getString();
    row.kind = enum_column<domain::QuestionKind>(query.getColumn(3), domain::parse_question_kind);
    row.options = nlohmann::json::parse(query.getColumn(4).getString()).get<std::vector<std::string>>();
    rows.push_back(std::move(row));
  }
  return rows;
}

domain::SurveyInvitation read_invitation(SQLite::Statement& query) {
  domain::SurveyInvitation row;
  row.id = query.getColumn(0).getInt64();
  row.survey_id = id_column<SurveyId>(query.getColumn(1));
  row.token_hash = query.getColumn(2).getString();
  row.label = query.getColumn(3).getString();
  if (!query.getColumn(4).isNull()) {
    row.organisation_type = enum_column<domain::OrganisationType>(query.getColumn(4), domain::parse_organisation_type);
  }
  row.region = query.getColumn(5).getString();
  row.role = query.getColumn(6).getString();
  row.used = query.getColumn(7).getInt() != 0;
  return row;
}

constexpr const char* kInvitationColumns =
    "SELECT id, survey_id, token_hash, label, organisation_type, region, role, used FROM survey_invitations ";

void bind_organisation_type(SQLite::Statement& statement, int index,
                            const std::optional<domain::OrganisationType>& type) {
  if (type) {
    statement.bind(index, std::string(domain::to_string(*type)));
  } else {
    statement.bind(index);
  }
}

}  // namespace

domain::Survey SqliteStore::load_survey(SurveyId id) {
  SQLite::Statement query(db_, "SELECT id, title, wave, anonymous FROM surveys WHERE id = ?");
  query.bind(1, id.value);
  if (!query.executeStep()) fail(ErrorCode::not_found, "survey id " + std::to_string(id.value) + " does not exist");
  domain::Survey row;
  row.id = id_column<SurveyId>(query.getColumn(0));
  row.title = query.getColumn(1).getString();
  row.wave = query.getColumn(2).getString();
  row.anonymous = query.getColumn(3).getInt() != 0;
  row.questions = read_questions(db_, row.id);
  return row;
}

Result<SurveyId> SqliteStore::add_survey(const domain::Survey& survey, const domain::Actor& actor) {
  return guarded("adding survey '" + survey.title + "'", [&] {
    if (survey.title.empty()) fail(ErrorCode::invalid_input, "a survey needs a title");
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_, "INSERT INTO surveys (title, wave, anonymous) VALUES (?, ?, ?)");
    insert.bind(1, survey.title);
    insert.bind(2, survey.wave);
    insert.bind(3, survey.anonymous ? 1 : 0);
    insert.exec();
    domain::Survey stored = survey;
    stored.id = SurveyId{db_.getLastInsertRowid()};
    SQLite::Statement insert_question(
        db_, "INSERT INTO survey_questions (survey_id, position, code, text, kind, options) VALUES (?, ?, ?, ?, ?, ?)");
    int position = 0;
    for (auto& question : stored.questions) {
      insert_question.reset();
      insert_question.bind(1, stored.id.value);
      insert_question.bind(2, position++);
      insert_question.bind(3, question.code);
      insert_question.bind(4, question.text);
      insert_question.bind(5, std::string(domain::to_string(question.kind)));
      insert_question.bind(
          6, nlohmann::json(question.options).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      execute_unique(insert_question,
                     "survey '" + survey.title + "' has question code '" + question.code + "' more than once");
      question.id = db_.getLastInsertRowid();
    }
    const auto after = record_json(stored);
    log_change(actor, "create", "survey", std::to_string(stored.id.value), nullptr, &after);
    transaction.commit();
    return stored.id;
  });
}

Result<domain::Survey> SqliteStore::survey(SurveyId id) {
  return guarded("reading a survey", [&] {
    const std::scoped_lock lock(mutex_);
    return load_survey(id);
  });
}

Result<std::vector<domain::Survey>> SqliteStore::surveys() {
  return guarded("reading surveys", [&] {
    const std::scoped_lock lock(mutex_);
    std::vector<SurveyId> ids;
    SQLite::Statement query(db_, "SELECT id FROM surveys ORDER BY id");
    while (query.executeStep()) ids.push_back(id_column<SurveyId>(query.getColumn(0)));
    std::vector<domain::Survey> rows;
    rows.reserve(ids.size());
    for (const auto id : ids) rows.push_back(load_survey(id));
    return rows;
  });
}

Result<void> SqliteStore::add_survey_responses(const std::vector<domain::SurveyResponse>& rows,
                                               const domain::Actor& actor) {
  return guarded("adding survey responses", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_,
                             "INSERT INTO survey_responses (survey_id, organisation_type, region, role, answers) "
                             "VALUES (?, ?, ?, ?, ?)");
    for (const auto& row : rows) {
      require_row(db_, "surveys", row.survey_id.value, "survey response: survey");
      nlohmann::json answers = nlohmann::json::array();
      for (const auto& [code, answer] : row.answers) answers.push_back(nlohmann::json::array({code, answer}));
      insert.reset();
      insert.bind(1, row.survey_id.value);
      if (row.organisation_type) {
        insert.bind(2, std::string(domain::to_string(*row.organisation_type)));
      } else {
        insert.bind(2);
      }
      insert.bind(3, row.region);
      insert.bind(4, row.role);
      insert.bind(5, answers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      insert.exec();
      domain::SurveyResponse stored = row;
      stored.id = db_.getLastInsertRowid();
      const auto after = record_json(stored);
      log_change(actor, "create", "survey_response", std::to_string(stored.id), nullptr, &after);
    }
    transaction.commit();
  });
}

Result<std::vector<domain::SurveyResponse>> SqliteStore::survey_responses(SurveyId survey) {
  return guarded("reading survey responses", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, survey_id, organisation_type, region, role, answers, invitation_id "
                            "FROM survey_responses WHERE survey_id = ? ORDER BY id");
    query.bind(1, survey.value);
    std::vector<domain::SurveyResponse> rows;
    while (query.executeStep()) {
      domain::SurveyResponse row;
      row.id = query.getColumn(0).getInt64();
      row.survey_id = id_column<SurveyId>(query.getColumn(1));
      if (!query.getColumn(2).isNull()) {
        row.organisation_type =
            enum_column<domain::OrganisationType>(query.getColumn(2), domain::parse_organisation_type);
      }
      row.region = query.getColumn(3).getString();
      row.role = query.getColumn(4).getString();
      for (const auto& pair : nlohmann::json::parse(query.getColumn(5).getString())) {
        row.answers.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
      }
      row.invitation_id = optional_int(query.getColumn(6));
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<std::vector<std::int64_t>> SqliteStore::add_survey_invitations(const std::vector<domain::SurveyInvitation>& rows,
                                                                      const domain::Actor& actor) {
  return guarded("adding survey invitations", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement insert(db_,
                             "INSERT INTO survey_invitations (survey_id, token_hash, label, organisation_type, region, "
                             "role) VALUES (?, ?, ?, ?, ?, ?)");
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      require_row(db_, "surveys", row.survey_id.value, "survey invitation: survey");
      insert.reset();
      insert.bind(1, row.survey_id.value);
      insert.bind(2, row.token_hash);
      insert.bind(3, row.label);
      bind_organisation_type(insert, 4, row.organisation_type);
      insert.bind(5, row.region);
      insert.bind(6, row.role);
      execute_unique(insert, "survey invitation '" + row.label + "': its link's token is already stored");
      domain::SurveyInvitation stored = row;
      stored.id = db_.getLastInsertRowid();
      stored.used = false;
      ids.push_back(stored.id);
      const auto after = record_json(stored);
      log_change(actor, "create", "survey_invitation", std::to_string(stored.id), nullptr, &after);
    }
    transaction.commit();
    return ids;
  });
}

Result<domain::SurveyInvitation> SqliteStore::survey_invitation(std::string_view token_hash) {
  return guarded("reading a survey invitation", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_, std::string(kInvitationColumns) + "WHERE token_hash = ?");
    query.bind(1, std::string(token_hash));
    if (!query.executeStep()) fail(ErrorCode::not_found, "this survey link is not known");
    return read_invitation(query);
  });
}

Result<std::int64_t> SqliteStore::submit_survey_response(std::string_view token_hash,
                                                         const domain::SurveyResponse& response,
                                                         const domain::Actor& actor) {
  return guarded("answering a survey", [&] {
    const std::scoped_lock lock(mutex_);
    // IMMEDIATE takes the write lock first, so a second process cannot use the same link
    // between our check and our update.
    SQLite::Transaction transaction(db_, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement find(db_, std::string(kInvitationColumns) + "WHERE token_hash = ?");
    find.bind(1, std::string(token_hash));
    if (!find.executeStep()) fail(ErrorCode::not_found, "this survey link is not known");
    domain::SurveyInvitation invitation = read_invitation(find);
    if (invitation.used) fail(ErrorCode::conflict, "this survey link has already been used to answer");
    SQLite::Statement anonymous_query(db_, "SELECT anonymous FROM surveys WHERE id = ?");
    anonymous_query.bind(1, invitation.survey_id.value);
    anonymous_query.executeStep();
    const bool anonymous = anonymous_query.getColumn(0).getInt() != 0;

    domain::SurveyResponse stored = response;
    stored.survey_id = invitation.survey_id;
    stored.organisation_type = invitation.organisation_type;
    stored.region = invitation.region;
    stored.role = invitation.role;
    stored.invitation_id = anonymous ? std::nullopt : std::optional<std::int64_t>(invitation.id);
    nlohmann::json answers = nlohmann::json::array();
    for (const auto& [code, answer] : stored.answers) answers.push_back(nlohmann::json::array({code, answer}));
    SQLite::Statement insert(db_,
                             "INSERT INTO survey_responses (survey_id, organisation_type, region, role, answers, "
                             "invitation_id) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, stored.survey_id.value);
    bind_organisation_type(insert, 2, stored.organisation_type);
    insert.bind(3, stored.region);
    insert.bind(4, stored.role);
    insert.bind(5, answers.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    bind_optional(insert, 6, stored.invitation_id);
    insert.exec();
    stored.id = db_.getLastInsertRowid();

    SQLite::Statement use(db_, "UPDATE survey_invitations SET used = 1, used_at = ? WHERE id = ? AND used = 0");
    if (anonymous) {
      use.bind(1);
    } else {
      use.bind(1, utc_now_iso());
    }
    use.bind(2, invitation.id);
    if (use.exec() != 1) fail(ErrorCode::conflict, "this survey link has already been used to answer");

    const auto created = record_json(stored);
    log_change(actor, "create", "survey_response", std::to_string(stored.id), nullptr, &created);
    // For an anonymous survey the log does not record which invitation was used: an entry
    // beside the response's would tie the invitee to the answers.
    if (!anonymous) {
      const auto before = record_json(invitation);
      invitation.used = true;
      const auto after = record_json(invitation);
      log_change(actor, "update", "survey_invitation", std::to_string(invitation.id), &before, &after);
    }
    transaction.commit();
    return stored.id;
  });
}

}  // namespace clinaudit::storage::sqlite
