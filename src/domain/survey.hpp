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
};

}  // namespace clinaudit::domain
