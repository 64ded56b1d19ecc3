#include "domain/survey_answers.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

using Answers = std::vector<std::pair<std::string, std::string>>;

Survey survey() {
  Survey out;
  out.title = "Audit staff";
  out.questions = {
      {0, "board", "Board interaction?", QuestionKind::likert, {"Poor", "Adequate", "Good"}},
      {0, "tools", "Which tools?", QuestionKind::multiple_choice, {"Spreadsheet", "Database", "Paper"}},
      {0, "staff", "Audit staff (WTE)?", QuestionKind::number, {}},
      {0, "notes", "Comments", QuestionKind::free_text, {}},
  };
  return out;
}

TEST(SurveyAnswers, GoodAnswersAreKeptInQuestionOrderAndSkippedOnesLeftOut) {
  const auto checked = check_answers(survey(), {{"notes", {"  Fine \n"}},
                                                {"tools", {"Paper", "Spreadsheet"}},
                                                {"board", {""}},
                                                {"staff", {" 2.5 "}},
                                                {"unknown", {"x"}}});
  EXPECT_TRUE(checked.problems.empty());
  EXPECT_EQ(checked.answers, (Answers{{"tools", "Spreadsheet;Paper"}, {"staff", "2.5"}, {"notes", "Fine"}}));
}

TEST(SurveyAnswers, BadAnswersAreReportedPerQuestion) {
  const auto checked = check_answers(survey(), {{"board", {"Excellent"}},
                                                {"tools", {"Database", "Abacus"}},
                                                {"staff", {"two"}},
                                                {"notes", {std::string(kMaxFreeTextAnswer + 1, 'a')}}});
  ASSERT_EQ(checked.problems.size(), 4U);
  EXPECT_EQ(checked.problems[0].code, "board");
  EXPECT_EQ(checked.problems[0].message, "'Excellent' is not one of the answers to choose from");
  EXPECT_EQ(checked.problems[1].message, "'Abacus' is not one of the answers to choose from");
  EXPECT_EQ(checked.problems[2].message, "'two' is not a number: write digits, for example 12 or 2.5");
  EXPECT_EQ(checked.problems[3].message, "the answer is too long: at most 4000 characters");
  EXPECT_TRUE(checked.answers.empty());
}

TEST(SurveyAnswers, OneChoiceOnlyAndTextMustBeUtf8) {
  auto checked = check_answers(survey(), {{"board", {"Poor", "Good"}}, {"notes", {"caf\xe9"}}, {"staff", {"inf"}}});
  ASSERT_EQ(checked.problems.size(), 3U);
  EXPECT_EQ(checked.problems[0].message, "choose one answer only");
  EXPECT_EQ(checked.problems[1].code, "staff");
  EXPECT_EQ(checked.problems[2].message, "the answer holds characters that are not valid text");
  checked = check_answers(survey(), {{"notes", {"caf\xc3\xa9"}}});
  EXPECT_TRUE(checked.problems.empty());
}

}  // namespace
}  // namespace clinaudit::domain
