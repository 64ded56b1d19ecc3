#include "domain/survey_definition.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

using ::testing::ElementsAre;

Survey good_survey() {
  Survey survey;
  survey.title = "Audit staff 2026";
  survey.questions = {
      {0, "board", "Board interaction?", QuestionKind::likert, {"Poor", "Adequate", "Good"}},
      {0, "tools", "Which tools?", QuestionKind::multiple_choice, {"Spreadsheet", "Database"}},
      {0, "staff", "Audit staff (WTE)?", QuestionKind::number, {}},
      {0, "notes", "Comments", QuestionKind::free_text, {}},
  };
  return survey;
}

TEST(SurveyDefinition, AGoodSurveyHasNoProblems) { EXPECT_TRUE(survey_definition_problems(good_survey()).empty()); }

TEST(SurveyDefinition, ProblemsNameTheQuestionAndTheField) {
  Survey survey = good_survey();
  survey.title = " ";
  survey.questions[1].code = "Board";
  survey.questions[1].options = {"Paper; pen", "Database", "database"};
  survey.questions[2].options = {"1"};
  survey.questions[3].code = "two words";
  survey.questions[3].text = "";
  EXPECT_THAT(survey_definition_problems(survey),
              ElementsAre("field 'title' is empty: a survey needs a title",
                          "question 2 ('Board'): field 'code' is also the code of question 1 (codes must differ)",
                          "question 2 ('Board'): field 'options' has ';' in option 1 ('Paper; pen'): answers are "
                          "stored separated by ';'",
                          "question 2 ('Board'): field 'options' has 'database' twice (options 2 and 3)",
                          "question 3 ('staff'): field 'options' must be empty for a number question",
                          "question 4 ('two words'): field 'code' may hold only letters, digits and '_', and must "
                          "start with a letter",
                          "question 4 ('two words'): field 'text' is empty"));
}

TEST(SurveyDefinition, ChoicesNeedTwoOptionsAndASurveyNeedsQuestions) {
  Survey survey = good_survey();
  survey.questions = {{0, "", "Pick", QuestionKind::single_choice, {"Only"}}};
  EXPECT_THAT(survey_definition_problems(survey),
              ElementsAre("question 1: field 'code' is empty",
                          "question 1: field 'options' needs at least two options for a single_choice question"));
  survey.questions.clear();
  EXPECT_THAT(survey_definition_problems(survey),
              ElementsAre("field 'questions' is empty: a survey needs at least one question"));
}

}  // namespace
}  // namespace clinaudit::domain
