#include "report/survey_document.hpp"

#include <gtest/gtest.h>

namespace clinaudit::report {
namespace {

domain::SurveyResults board_question() {
  domain::Survey survey;
  survey.title = "Survey of clinical audit managers";
  survey.wave = "2025";
  survey.questions = {{1,
                       "board",
                       "How would you describe the board's interaction with clinical audit?",
                       domain::QuestionKind::likert,
                       {"Poor", "Needs improvement", "Adequate", "Good"}}};
  std::vector<domain::SurveyResponse> responses;
  const std::pair<const char*, int> counts[] = {
      {"Poor", 28}, {"Needs improvement", 40}, {"Adequate", 26}, {"Good", 16}};
  int i = 0;
  for (const auto& [answer, n] : counts) {
    for (int k = 0; k < n; ++k, ++i) {
      domain::SurveyResponse r;
      r.organisation_type = i % 3 == 0 ? domain::OrganisationType::acute : domain::OrganisationType::mental_health;
      r.answers = {{"board", answer}};
      responses.push_back(r);
    }
  }
  return *domain::summarise_survey(survey, responses);
}

TEST(SurveyDocument, ShowsTheHeadlineShareWithItsInterval) {
  const auto html = survey_html(board_question(), {}).str();
  // 68 of 110 = 61.8%; Wilson 95% CI 52.5% to 70.4% (R: prop.test(68, 110, correct = FALSE)).
  EXPECT_NE(html.find("<strong>62%</strong> Poor or needs improvement (68 of 110 = 61.8%; 95% CI 52.5% to 70.4%)"),
            std::string::npos)
      << html.substr(0, 600);
  EXPECT_NE(html.find("By organisation type"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html, survey_html(board_question(), {}).str());
}

TEST(SurveyDocument, WritesMarkdownAndCsv) {
  const auto md = survey_markdown(board_question(), {});
  EXPECT_NE(md.find("| Needs improvement | 40 | 36.4% |"), std::string::npos) << md;
  const auto csv = survey_csv(board_question());
  EXPECT_NE(csv.find("board,Poor or needs improvement,68,110,"), std::string::npos) << csv;
}

}  // namespace
}  // namespace clinaudit::report
