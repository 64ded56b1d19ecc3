#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::domain {

enum class QuestionKind { single_choice, multiple_choice, likert, number, free_text };
std::string_view to_string(QuestionKind kind);
std::optional<QuestionKind> parse_question_kind(std::string_view text);

struct SurveyQuestion {
  std::int64_t id = 0;
  std::string code;  // unique within the survey, the CSV column name, e.g. "board_interaction"
  std::string text;
  QuestionKind kind = QuestionKind::single_choice;
  std::vector<std::string> options;  // choices, or the Likert scale from worst to best
};

// A questionnaire sent in one wave (e.g. the 2025 survey of audit managers).
struct Survey {
  SurveyId id;
  std::string title;
  std::string wave;  // e.g. "2025"
  bool anonymous = true;
  std::vector<SurveyQuestion> questions;
};

// One respondent's answers, keyed by question code; a multiple-choice answer holds the
// chosen options separated by ';'.
struct SurveyResponse {
  std::int64_t id = 0;
  SurveyId survey_id;
  std::optional<OrganisationType> organisation_type;
  std::string region;
  std::string role;
  std::vector<std::pair<std::string, std::string>> answers;
  // The invitation answered through its one-time link, for surveys that are not anonymous;
  // always empty for an anonymous survey and for imported responses.
  std::optional<std::int64_t> invitation_id;
};

// One invitee's one-time link to answer a survey (docs/surveys.md, "Invitations").
// Only a hash of the link's token is stored, never the token: a copy of the database
// holds no usable links. The respondent tags (organisation type, region, role) are
// copied onto the response when the link is used; `label` (an email address or a
// name) is never copied onto a response.
struct SurveyInvitation {
  std::int64_t id = 0;
  SurveyId survey_id;
  std::string token_hash;  // SHA-256 of the token, 64 lower-case hex digits
  std::string label;
  std::optional<OrganisationType> organisation_type;
  std::string region;
  std::string role;
  bool used = false;
};

}  // namespace clinaudit::domain
