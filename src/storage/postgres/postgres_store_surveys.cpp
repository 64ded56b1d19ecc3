// PostgresStore: surveys, their questions and responses.
#include <nlohmann/json.hpp>

#include <utility>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_record_json.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"
#include "storage/postgres/postgres_store.hpp"

namespace clinaudit::storage::postgres {
namespace {

using domain::Actor;

std::string answers_json(const std::vector<std::pair<std::string, std::string>>& answers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [code, answer] : answers) out.push_back(nlohmann::json::array({code, answer}));
  return out.dump();
}

std::vector<std::pair<std::string, std::string>> parse_answers(const char* text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& pair : nlohmann::json::parse(text)) {
    out.emplace_back(pair.at(0).get<std::string>(), pair.at(1).get<std::string>());
  }
  return out;
}

domain::Survey read_survey(pqxx::transaction_base& tx, const pqxx::row& row) {
  domain::Survey out;
  out.id = SurveyId{row[0].as<std::int64_t>()};
  out.title = row[1].as<std::string>();
  out.wave = row[2].as<std::string>();
  out.anonymous = row[3].as<bool>();
  for (const auto& question : tx.exec_params(
           "SELECT id, code, text, kind, options::text FROM survey_questions WHERE survey_id = $1 ORDER BY position",
           out.id.value)) {
    domain::SurveyQuestion q;
    q.id = question[0].as<std::int64_t>();
    q.code = question[1].as<std::string>();
    q.text = question[2].as<std::string>();
    q.kind = domain::parse_question_kind(question[3].c_str()).value_or(domain::QuestionKind::free_text);
    q.options = nlohmann::json::parse(question[4].c_str()).get<std::vector<std::string>>();
    out.questions.push_back(std::move(q));
  }
  return out;
}

}  // namespace

Result<SurveyId> PostgresStore::add_survey(const domain::Survey& survey, const Actor& actor) {
  return pg_transact(
      *pool_, "adding surveys", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<SurveyId> {
        subject = "survey \"" + survey.title + "\"";
        const auto id = tx.exec_params1("INSERT INTO surveys (title, wave, anonymous) VALUES ($1, $2, $3) RETURNING id",
                                        survey.title, survey.wave, survey.anonymous)[0]
                            .as<std::int64_t>();
        int position = 0;
        for (const auto& question : survey.questions) {
          subject = "survey \"" + survey.title + "\", question " + question.code;
          tx.exec_params(
              "INSERT INTO survey_questions (survey_id, position, code, text, kind, options) "
              "VALUES ($1, $2, $3, $4, $5, $6::jsonb)",
              id, position++, question.code, question.text, text(domain::to_string(question.kind)),
              json_string_array(question.options));
        }
        auto stored = survey;
        stored.id = SurveyId{id};
        append_audit_log(tx, actor, "create", "survey", std::to_string(id), "", record_json(stored));
        return stored.id;
      });
}

Result<domain::Survey> PostgresStore::survey(SurveyId id) {
  return pg_read(*pool_, "reading surveys", [&](pqxx::transaction_base& tx) -> Result<domain::Survey> {
    const auto rows = tx.exec_params("SELECT id, title, wave, anonymous FROM surveys WHERE id = $1", id.value);
    if (rows.empty()) {
      return Error{ErrorCode::not_found, "reading surveys: survey " + std::to_string(id.value) + " does not exist"};
    }
    return read_survey(tx, rows[0]);
  });
}

Result<std::vector<domain::Survey>> PostgresStore::surveys() {
  return pg_read(*pool_, "reading surveys", [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::Survey>> {
    std::vector<domain::Survey> out;
    for (const auto& row : tx.exec("SELECT id, title, wave, anonymous FROM surveys ORDER BY id")) {
      out.push_back(read_survey(tx, row));
    }
    return out;
  });
}

Result<void> PostgresStore::add_survey_responses(const std::vector<domain::SurveyResponse>& rows, const Actor& actor) {
  return pg_transact(
      *pool_, "adding survey responses", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<void> {
        std::size_t number = 0;
        for (const auto& row : rows) {
          subject = "response " + std::to_string(++number) + " to survey " + std::to_string(row.survey_id.value);
          const std::optional<std::string> type =
              row.organisation_type ? std::optional(text(domain::to_string(*row.organisation_type))) : std::nullopt;
          const auto id = tx.exec_params1(
                                "INSERT INTO survey_responses (survey_id, organisation_type, region, role, answers) "
                                "VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id",
                                row.survey_id.value, type, row.region, row.role, answers_json(row.answers))[0]
                              .as<std::int64_t>();
          auto stored = row;
          stored.id = id;
          append_audit_log(tx, actor, "create", "survey_response", std::to_string(id), "", record_json(stored));
        }
        return {};
      });
}

Result<std::vector<domain::SurveyResponse>> PostgresStore::survey_responses(SurveyId survey) {
  return pg_read(
      *pool_, "reading survey responses",
      [&](pqxx::transaction_base& tx) -> Result<std::vector<domain::SurveyResponse>> {
        std::vector<domain::SurveyResponse> out;
        for (const auto& row : tx.exec_params("SELECT id, survey_id, organisation_type, region, role, answers::text "
                                              "FROM survey_responses WHERE survey_id = $1 ORDER BY id",
                                              survey.value)) {
          domain::SurveyResponse response;
          response.id = row[0].as<std::int64_t>();
          response.survey_id = SurveyId{row[1].as<std::int64_t>()};
          if (!row[2].is_null()) response.organisation_type = domain::parse_organisation_type(row[2].c_str());
          response.region = row[3].as<std::string>();
          response.role = row[4].as<std::string>();
          response.answers = parse_answers(row[5].c_str());
          out.push_back(std::move(response));
        }
        return out;
      });
}

}  // namespace clinaudit::storage::postgres
