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
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
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

constexpr const char* kInvitationColumns =
    "SELECT id, survey_id, token_hash, label, organisation_type, region, role, used FROM survey_invitations ";

domain::SurveyInvitation read_invitation(const pqxx::row& row) {
  domain::SurveyInvitation out;
  out.id = row[0].as<std::int64_t>();
  out.survey_id = SurveyId{row[1].as<std::int64_t>()};
  out.token_hash = row[2].as<std::string>();
  out.label = row[3].as<std::string>();
  if (!row[4].is_null()) out.organisation_type = domain::parse_organisation_type(row[4].c_str());
  out.region = row[5].as<std::string>();
  out.role = row[6].as<std::string>();
  out.used = row[7].as<bool>();
  return out;
}

std::optional<std::string> type_param(const std::optional<domain::OrganisationType>& type) {
  return type ? std::optional(text(domain::to_string(*type))) : std::nullopt;
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
        for (const auto& row : tx.exec_params("SELECT id, survey_id, organisation_type, region, role, answers::text, "
                                              "invitation_id FROM survey_responses WHERE survey_id = $1 ORDER BY id",
                                              survey.value)) {
          domain::SurveyResponse response;
          response.id = row[0].as<std::int64_t>();
          response.survey_id = SurveyId{row[1].as<std::int64_t>()};
          if (!row[2].is_null()) response.organisation_type = domain::parse_organisation_type(row[2].c_str());
          response.region = row[3].as<std::string>();
          response.role = row[4].as<std::string>();
          response.answers = parse_answers(row[5].c_str());
          if (!row[6].is_null()) response.invitation_id = row[6].as<std::int64_t>();
          out.push_back(std::move(response));
        }
        return out;
      });
}

Result<std::vector<std::int64_t>> PostgresStore::add_survey_invitations(
    const std::vector<domain::SurveyInvitation>& rows, const Actor& actor) {
  return pg_transact(
      *pool_, "adding survey invitations",
      [&](pqxx::transaction_base& tx, std::string& subject) -> Result<std::vector<std::int64_t>> {
        std::vector<std::int64_t> ids;
        ids.reserve(rows.size());
        for (const auto& row : rows) {
          subject = "survey invitation '" + row.label + "' to survey " + std::to_string(row.survey_id.value);
          const auto id = tx.exec_params1(
                                "INSERT INTO survey_invitations (survey_id, token_hash, label, organisation_type, "
                                "region, role) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                                row.survey_id.value, row.token_hash, row.label, type_param(row.organisation_type),
                                row.region, row.role)[0]
                              .as<std::int64_t>();
          auto stored = row;
          stored.id = id;
          stored.used = false;
          ids.push_back(id);
          append_audit_log(tx, actor, "create", "survey_invitation", std::to_string(id), "", record_json(stored));
        }
        return ids;
      });
}

Result<domain::SurveyInvitation> PostgresStore::survey_invitation(std::string_view token_hash) {
  return pg_read(
      *pool_, "reading a survey invitation", [&](pqxx::transaction_base& tx) -> Result<domain::SurveyInvitation> {
        const auto rows = tx.exec_params(std::string(kInvitationColumns) + "WHERE token_hash = $1", text(token_hash));
        if (rows.empty()) return Error{ErrorCode::not_found, "this survey link is not known"};
        return read_invitation(rows[0]);
      });
}

Result<std::int64_t> PostgresStore::submit_survey_response(std::string_view token_hash,
                                                           const domain::SurveyResponse& response, const Actor& actor) {
  return pg_transact(
      *pool_, "answering a survey", [&](pqxx::transaction_base& tx, std::string& subject) -> Result<std::int64_t> {
        subject = "a survey link";
        // Claims the link first: the row lock makes a concurrent submission wait, and after our
        // commit its WHERE no longer matches, so exactly one of them inserts a response.
        const auto claimed = tx.exec_params(
            "UPDATE survey_invitations i SET used = true, "
            "used_at = CASE WHEN s.anonymous THEN NULL ELSE now() END FROM surveys s "
            "WHERE i.token_hash = $1 AND NOT i.used AND s.id = i.survey_id "
            "RETURNING i.id, i.survey_id, i.token_hash, i.label, i.organisation_type, i.region, i.role, i.used, "
            "s.anonymous",
            text(token_hash));
        if (claimed.empty()) {
          const auto known = tx.exec_params("SELECT 1 FROM survey_invitations WHERE token_hash = $1", text(token_hash));
          if (known.empty()) return Error{ErrorCode::not_found, "this survey link is not known"};
          return Error{ErrorCode::conflict, "this survey link has already been used to answer"};
        }
        auto invitation = read_invitation(claimed[0]);
        const bool anonymous = claimed[0][8].as<bool>();
        auto stored = response;
        stored.survey_id = invitation.survey_id;
        stored.organisation_type = invitation.organisation_type;
        stored.region = invitation.region;
        stored.role = invitation.role;
        stored.invitation_id = anonymous ? std::nullopt : std::optional<std::int64_t>(invitation.id);
        stored.id = tx.exec_params1(
                          "INSERT INTO survey_responses (survey_id, organisation_type, region, role, answers, "
                          "invitation_id) VALUES ($1, $2, $3, $4, $5::jsonb, $6) RETURNING id",
                          stored.survey_id.value, type_param(stored.organisation_type), stored.region, stored.role,
                          answers_json(stored.answers), stored.invitation_id)[0]
                        .as<std::int64_t>();
        append_audit_log(tx, actor, "create", "survey_response", std::to_string(stored.id), "", record_json(stored));
        // For an anonymous survey the log does not record which invitation was used: an entry
        // beside the response's would tie the invitee to the answers.
        if (!anonymous) {
          auto before = invitation;
          before.used = false;
          append_audit_log(tx, actor, "update", "survey_invitation", std::to_string(invitation.id), record_json(before),
                           record_json(invitation));
        }
        return stored.id;
      });
}

}  // namespace clinaudit::storage::postgres
