#include "domain/survey_results.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Survey likert_survey() {
  Survey survey;
  survey.title = "Audit managers";
  survey.questions = {
      {1, "board", "Board interaction?", QuestionKind::likert, {"Poor", "Needs improvement", "Adequate", "Good"}},
      {2, "tools", "Which tools?", QuestionKind::multiple_choice, {"Spreadsheet", "Database", "Paper"}},
      {3, "staff", "Audit staff (WTE)?", QuestionKind::number, {}},
      {4, "notes", "Comments", QuestionKind::free_text, {}},
  };
  return survey;
}

SurveyResponse response(OrganisationType type, const char* board, const char* tools, const char* staff,
                        const char* notes = "") {
  SurveyResponse r;
  r.organisation_type = type;
  r.answers = {{"board", board}, {"tools", tools}, {"staff", staff}, {"notes", notes}};
  return r;
}

// 110 answers to the board question: 28 poor, 40 needs improvement, 26 adequate, 16 good.
std::vector<SurveyResponse> published_wave() {
  std::vector<SurveyResponse> out;
  const std::pair<const char*, int> counts[] = {
      {"Poor", 28}, {"Needs improvement", 40}, {"Adequate", 26}, {"Good", 16}};
  int i = 0;
  for (const auto& [answer, n] : counts) {
    for (int k = 0; k < n; ++k, ++i) {
      out.push_back(response(i % 2 == 0 ? OrganisationType::acute : OrganisationType::mental_health, answer, "", ""));
    }
  }
  return out;
}

TEST(SurveyResults, ReportsTheGroupedShareWithItsWilsonInterval) {
  const auto results = summarise_survey(likert_survey(), published_wave());
  ASSERT_TRUE(results) << results.error().message;
  const auto& board = results->questions[0];
  EXPECT_EQ(board.answered, 110);
  ASSERT_EQ(board.groups.size(), 2u);
  EXPECT_EQ(board.groups[0].label, "Poor or needs improvement");
  EXPECT_EQ(board.groups[0].count, 68);
  // R 4.2.2: prop.test(68, 110, correct = FALSE)$conf.int = 0.524859763225 0.703528033886
  EXPECT_NEAR(board.groups[0].share, 68.0 / 110.0, 1e-15);
  EXPECT_NEAR(board.groups[0].interval.lower, 0.524859763225, 1e-11);
  EXPECT_NEAR(board.groups[0].interval.upper, 0.703528033886, 1e-11);
  ASSERT_TRUE(board.by_type_test);
  EXPECT_EQ(board.counts_by_type.size(), 4u);
  EXPECT_EQ(board.counts_by_type[0][0] + board.counts_by_type[0][1], 28);
}

TEST(SurveyResults, CountsMultipleChoiceNumbersAndFreeText) {
  std::vector<SurveyResponse> responses = {
      response(OrganisationType::acute, "Good", "Spreadsheet;Database", "2.5", "More time for re-audit"),
      response(OrganisationType::acute, "Poor", "Spreadsheet", "1", ""),
      response(OrganisationType::primary_care, "", "Paper; Spreadsheet", "x", "")};
  const auto results = summarise_survey(likert_survey(), responses);
  ASSERT_TRUE(results);
  const auto& tools = results->questions[1];
  EXPECT_EQ(tools.answered, 3);
  EXPECT_EQ(tools.options[0].count, 3);  // Spreadsheet chosen by everyone
  EXPECT_EQ(tools.options[2].count, 1);
  const auto& staff = results->questions[2];
  EXPECT_EQ(staff.answered, 2);  // "x" is not a number
  EXPECT_DOUBLE_EQ(*staff.mean, 1.75);
  EXPECT_DOUBLE_EQ(*staff.median, 1.75);
  EXPECT_EQ(results->questions[3].texts, std::vector<std::string>{"More time for re-audit"});
  EXPECT_EQ(results->questions[0].answered, 2);  // the blank answer is not counted
}

TEST(SurveyResults, ComparesWavesWithNewcombeIntervals) {
  const auto first = summarise_survey(likert_survey(), published_wave());
  auto later_responses = published_wave();
  for (int i = 0; i < 20; ++i) later_responses[static_cast<std::size_t>(i)].answers[0].second = "Good";
  const auto second = summarise_survey(likert_survey(), later_responses);
  ASSERT_TRUE(first && second);
  const auto changes = compare_waves(*first, *second);
  ASSERT_TRUE(changes);
  const WaveChange* grouped = nullptr;
  for (const auto& change : *changes) {
    if (change.label == "Poor or needs improvement") grouped = &change;
  }
  ASSERT_NE(grouped, nullptr);
  EXPECT_EQ(grouped->later.count, 48);  // 20 of the 28 "poor" answers became "good"
  EXPECT_NEAR(grouped->change.difference, (48.0 - 68.0) / 110.0, 1e-15);
  EXPECT_LT(grouped->change.interval.upper, 0.0);  // a real fall
}

}  // namespace
}  // namespace clinaudit::domain
