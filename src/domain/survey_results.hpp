#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/survey.hpp"
#include "stats/contingency.hpp"
#include "stats/intervals.hpp"
#include "stats/proportion_difference.hpp"

namespace clinaudit::domain {

// One option of a question, or a group of options ("Poor or needs improvement"), with the
// share of respondents who answered the question and its Wilson interval.
struct ShareResult {
  std::string label;
  std::int64_t count = 0;
  double share = 0;  // in [0, 1]
  stats::Interval interval;
};

struct QuestionResult {
  SurveyQuestion question;
  std::int64_t answered = 0;  // respondents who answered this question
  std::vector<ShareResult> options;
  // Likert questions with four or more points: the lower half and the upper half of the
  // scale, so that "poor or needs improvement" is reported as one figure.
  std::vector<ShareResult> groups;
  // By organisation type: counts[option][type] for choice questions, and a test of
  // independence (chi-square and Fisher's exact) with a warning when cells are small.
  std::vector<OrganisationType> types;
  std::vector<std::vector<std::int64_t>> counts_by_type;
  std::optional<stats::IndependenceTest> by_type_test;
  // Number questions.
  std::optional<double> mean;
  std::optional<double> median;
  // Free-text questions: the answers, in response order.
  std::vector<std::string> texts;
};

struct SurveyResults {
  Survey survey;
  std::int64_t respondents = 0;
  std::vector<QuestionResult> questions;  // in the survey's order
};

// Counts, percentages with Wilson intervals at `level`, breakdowns by organisation type,
// number summaries and free text for every question. Answers that are not one of a
// choice question's options are ignored (the import validates them). Pure.
// Errors: invalid_input for a level outside (0, 1).
Result<SurveyResults> summarise_survey(const Survey& survey, const std::vector<SurveyResponse>& responses,
                                       double level = 0.95);

// The change from one wave to the next for every option and group that both waves share,
// as a difference in proportions (later minus earlier) with Newcombe's interval.
struct WaveChange {
  std::string question_code;
  std::string label;
  ShareResult earlier;
  ShareResult later;
  stats::ProportionDifference change;
};
Result<std::vector<WaveChange>> compare_waves(const SurveyResults& earlier, const SurveyResults& later,
                                              double level = 0.95);

}  // namespace clinaudit::domain
