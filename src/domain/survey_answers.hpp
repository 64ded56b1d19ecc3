#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "domain/survey.hpp"

namespace clinaudit::domain {

// What a respondent sent for each question, by question code: every value given (one
// for a radio button, a number or a text box, any number for checkboxes).
using SubmittedAnswers = std::map<std::string, std::vector<std::string>>;

// The longest free-text answer kept, in bytes.
inline constexpr std::size_t kMaxFreeTextAnswer = 4000;

struct AnswerProblem {
  std::string code;     // the question's code
  std::string message;  // e.g. "'abc' is not a number", for the respondent
};

struct CheckedAnswers {
  // The answers to store, in the survey's question order; skipped questions are absent.
  std::vector<std::pair<std::string, std::string>> answers;
  std::vector<AnswerProblem> problems;  // in question order; empty when the answers can be saved
};

// Checks a respondent's answers against the survey's questions (docs/surveys.md,
// "Answering"). Every question may be skipped (no value, or only blank values). Otherwise:
// a single-choice or Likert answer is exactly one of the question's options; a
// multiple-choice answer is one or more of them (stored in the options' order, separated by
// ';'); a number is a finite decimal number; free text is valid UTF-8 of at most
// kMaxFreeTextAnswer bytes, stored trimmed. Values for codes that are not questions of the
// survey are ignored. Pure; thread-safe.
CheckedAnswers check_answers(const Survey& survey, const SubmittedAnswers& submitted);

// A one-time survey link as its respondent sees it: the survey to answer.
struct SurveyLink {
  SurveyInvitation invitation;
  Survey survey;
};

// The survey behind the link whose token hashes to `token_hash`.
// Errors: not_found for an unknown link; conflict when the link has been used already.
Result<SurveyLink> open_survey_link(Store& store, std::string_view token_hash);

// The result of answering through a link: saved (response_id set) when checked.problems is
// empty; otherwise nothing was written and the problems say why.
struct SurveyAnswerOutcome {
  Survey survey;
  CheckedAnswers checked;
  std::int64_t response_id = 0;
};

// Answers the survey behind a one-time link: checks the answers and, when they are all
// acceptable, stores the response and uses up the link in one transaction
// (Store::submit_survey_response). Errors: not_found for an unknown link; conflict when
// the link has been used (by an earlier or a concurrent submission); the store's errors.
Result<SurveyAnswerOutcome> answer_survey(Store& store, std::string_view token_hash, const SubmittedAnswers& submitted,
                                          const Actor& actor);

}  // namespace clinaudit::domain
