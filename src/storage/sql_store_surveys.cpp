// Surveys, their questions, responses and one-time invitations in the SQL store.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr const char* kInvitationColumns =
    "SELECT id, survey_id, token_hash, label, organisation_type, region, role, used FROM survey_invitations ";

domain::SurveyInvitation read_invitation(const SqlRow& row) {
  return domain::SurveyInvitation{.id = row.int64(0),
                                  .survey_id = id_of<SurveyId>(row, 1),
                                  .token_hash = row.text(2),
                                  .label = row.text(3),
                                  .organisation_type = optional_enum(row, 4, domain::parse_organisation_type),
                                  .region = row.text(5),
                                  .role = row.text(6),
                                  .used = row.boolean(7)};
}

// Answers are stored as a JSON array of [question code, answer] pairs, in the order given.
SqlJson answers_json(const std::vector<std::pair<std::string, std::string>>& answers) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& [code, answer] : answers) out.push_back(nlohmann::json::array({code, answer}));
  return SqlJson{json_text(out)};
}

std::vector<std::pair<std::string, std::string>> parse_answers(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> answers;
  for (const auto& pair : nlohmann::json::parse(text)) answers.emplace_back(pair.at(0), pair.at(1));
  return answers;
}

domain::SurveyResponse read_response(const SqlRow& row) {
  return domain::SurveyResponse{.id = row.int64(0),
                                .survey_id = id_of<SurveyId>(row, 1),
                                .organisation_type = optional_enum(row, 2, domain::parse_organisation_type),
                                .region = row.text(3),
                                .role = row.text(4),
                                .answers = parse_answers(row.text(5)),
                                .invitation_id = optional_int64(row, 6)};
}

domain::Survey load_survey(SqlSession& session, SurveyId id) {
  auto survey = only_row(
      session, "survey id " + std::to_string(id.value) + " does not exist",
      "SELECT id, title, wave, anonymous FROM surveys WHERE id = ?",
      [](const SqlRow& row) {
        return domain::Survey{
            .id = id_of<SurveyId>(row, 0), .title = row.text(1), .wave = row.text(2), .anonymous = row.boolean(3)};
      },
      id);
  survey.questions = all_rows(
      session, "SELECT id, code, text, kind, options FROM survey_questions WHERE survey_id = ? ORDER BY position",
      [](const SqlRow& row) {
        return domain::SurveyQuestion{.id = row.int64(0),
                                      .code = row.text(1),
                                      .text = row.text(2),
                                      .kind = enum_of(row, 3, domain::parse_question_kind),
                                      .options = nlohmann::json::parse(row.text(4)).get<std::vector<std::string>>()};
      },
      id);
  return survey;
}

std::int64_t insert_response(SqlSession& session, const domain::SurveyResponse& row) {
  return insert(session,
                "INSERT INTO survey_responses (survey_id, organisation_type, region, role, answers, invitation_id) "
                "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                row.survey_id, optional_name(row.organisation_type), row.region, row.role, answers_json(row.answers),
                row.invitation_id);
}

}  // namespace

Result<SurveyId> SqlStore::add_survey(const domain::Survey& survey, const domain::Actor& actor) {
  return write("adding survey '" + survey.title + "'", [&](SqlSession& session) {
    ensure(domain::check(survey));
    domain::Survey stored = survey;
    stored.id = SurveyId{insert(session, "INSERT INTO surveys (title, wave, anonymous) VALUES (?, ?, ?) RETURNING id",
                                survey.title, survey.wave, survey.anonymous)};
    int position = 0;
    for (auto& question : stored.questions) {
      question.id =
          unique("survey '" + survey.title + "' has question code '" + question.code + "' more than once", [&] {
            return insert(session,
                          "INSERT INTO survey_questions (survey_id, position, code, text, kind, options) "
                          "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          stored.id, position++, question.code, question.text, domain::to_string(question.kind),
                          SqlJson{json_text(nlohmann::json(question.options))});
          });
    }
    const auto after = record_json(stored);
    append_audit_log(session, actor, "create", "survey", std::to_string(stored.id.value), nullptr, &after);
    return stored.id;
  });
}

Result<domain::Survey> SqlStore::survey(SurveyId id) {
  return read("reading a survey", [&](SqlSession& session) { return load_survey(session, id); });
}

Result<std::vector<domain::Survey>> SqlStore::surveys() {
  return read("reading surveys", [&](SqlSession& session) {
    const auto ids = all_rows(session, "SELECT id FROM surveys ORDER BY id",
                              [](const SqlRow& row) { return id_of<SurveyId>(row, 0); });
    std::vector<domain::Survey> rows;
    rows.reserve(ids.size());
    for (const auto id : ids) rows.push_back(load_survey(session, id));
    return rows;
  });
}

Result<void> SqlStore::add_survey_responses(const std::vector<domain::SurveyResponse>& rows,
                                            const domain::Actor& actor) {
  return write("adding survey responses", [&](SqlSession& session) {
    for (const auto& row : rows) {
      require_row(session, "surveys", row.survey_id.value, "survey response: survey");
      domain::SurveyResponse stored = row;
      stored.invitation_id = std::nullopt;  // only an answer through a link names one
      stored.id = insert_response(session, stored);
      const auto after = record_json(stored);
      append_audit_log(session, actor, "create", "survey_response", std::to_string(stored.id), nullptr, &after);
    }
  });
}

Result<std::vector<domain::SurveyResponse>> SqlStore::survey_responses(SurveyId survey) {
  return read("reading survey responses", [&](SqlSession& session) {
    return all_rows(session,
                    "SELECT id, survey_id, organisation_type, region, role, answers, invitation_id "
                    "FROM survey_responses WHERE survey_id = ? ORDER BY id",
                    read_response, survey);
  });
}

Result<std::vector<std::int64_t>> SqlStore::add_survey_invitations(const std::vector<domain::SurveyInvitation>& rows,
                                                                   const domain::Actor& actor) {
  return write("adding survey invitations", [&](SqlSession& session) {
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows) {
      require_row(session, "surveys", row.survey_id.value, "survey invitation: survey");
      domain::SurveyInvitation stored = row;
      stored.used = false;
      stored.id = unique("survey invitation '" + row.label + "': its link's token is already stored", [&] {
        return insert(session,
                      "INSERT INTO survey_invitations (survey_id, token_hash, label, organisation_type, region, role) "
                      "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                      row.survey_id, row.token_hash, row.label, optional_name(row.organisation_type), row.region,
                      row.role);
      });
      ids.push_back(stored.id);
      const auto after = record_json(stored);
      append_audit_log(session, actor, "create", "survey_invitation", std::to_string(stored.id), nullptr, &after);
    }
    return ids;
  });
}

Result<domain::SurveyInvitation> SqlStore::survey_invitation(std::string_view token_hash) {
  return read("reading a survey invitation", [&](SqlSession& session) {
    return only_row(session, "this survey link is not known", std::string(kInvitationColumns) + "WHERE token_hash = ?",
                    read_invitation, token_hash);
  });
}

Result<std::int64_t> SqlStore::submit_survey_response(std::string_view token_hash,
                                                      const domain::SurveyResponse& response,
                                                      const domain::Actor& actor) {
  return write("answering a survey", [&](SqlSession& session) {
    // Claim the link first, so that a concurrent answer through it waits for our row lock
    // and then finds it used (on PostgreSQL: fails, is run again, and finds it used).
    if (execute(session, "UPDATE survey_invitations SET used = ? WHERE token_hash = ? AND used = ?", true, token_hash,
                false) != 1) {
      only_row(
          session, "this survey link is not known", "SELECT 1 FROM survey_invitations WHERE token_hash = ?",
          [](const SqlRow&) { return 1; }, token_hash);
      fail(ErrorCode::conflict, "this survey link has already been used to answer");
    }
    auto invitation = only_row(session, "this survey link is not known",
                               std::string(kInvitationColumns) + "WHERE token_hash = ?", read_invitation, token_hash);
    const bool anonymous = load_survey(session, invitation.survey_id).anonymous;
    // No time is kept for an anonymous survey: it could tie the invitee to the response.
    if (!anonymous) {
      execute(session, "UPDATE survey_invitations SET used_at = ? WHERE id = ?", utc_now_iso(), invitation.id);
    }
    domain::SurveyResponse stored = response;
    stored.survey_id = invitation.survey_id;
    stored.organisation_type = invitation.organisation_type;
    stored.region = invitation.region;
    stored.role = invitation.role;
    stored.invitation_id = anonymous ? std::nullopt : std::optional<std::int64_t>(invitation.id);
    stored.id = insert_response(session, stored);

    const auto created = record_json(stored);
    append_audit_log(session, actor, "create", "survey_response", std::to_string(stored.id), nullptr, &created);
    // For an anonymous survey the log does not record which invitation was used: an entry
    // beside the response's would tie the invitee to the answers.
    if (!anonymous) {
      auto before = record_json(invitation);
      before["used"] = false;
      const auto after = record_json(invitation);
      append_audit_log(session, actor, "update", "survey_invitation", std::to_string(invitation.id), &before, &after);
    }
    return stored.id;
  });
}

}  // namespace clinaudit::storage
