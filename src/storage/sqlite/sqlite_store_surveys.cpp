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
      insert_question.bind(6, nlohmann::json(question.options).dump());
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
      insert.bind(5, answers.dump());
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
                            "SELECT id, survey_id, organisation_type, region, role, answers FROM survey_responses "
                            "WHERE survey_id = ? ORDER BY id");
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
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

}  // namespace clinaudit::storage::sqlite
