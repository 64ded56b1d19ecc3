// The report tracker through App::handle on a real SQLite file: a national report recorded by
// the national body is assigned by the trust's audit manager, its recommendations assessed by
// the assigned lead (a refusal shown again with what was typed), an action raised from the
// one not compliant, and the committee's review closes it; the JSON twins say the same, and
// another trust sees none of it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

TEST(App, ANationalReportIsTrackedFromAssignmentToTheCommitteeReview) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& board = world.own().callers.at(Role::board_member);
  auto& elsewhere = world.other().callers.at(Role::audit_manager);
  const std::string published = world.clock().today().plus_days(-20).to_string();
  const Response recorded =
      world.call("POST", "/api/audits/" + std::to_string(world.national_audit().value) + "/reports", &world.analyst(),
                 {{"title", "National report 2026"},
                  {"published_on", published},
                  {"recommendations", "Weekend orthogeriatric cover\nOut of bed the day after surgery"}});
  ASSERT_EQ(recorded.status, 201) << recorded.body;
  const std::string id = std::to_string(json::parse(recorded.body)["id"].get<std::int64_t>());
  const std::string path = "/audit-reports/" + id + "/tracker";

  const Response fresh = world.call("GET", path, &manager);
  ASSERT_EQ(fresh.status, 200) << fresh.body;
  EXPECT_TRUE(contains(fresh.body, "Not yet assigned"));
  EXPECT_TRUE(contains(fresh.body, "Baseline assessed: 0 of 2 recommendations"));
  // The lead may not assess before the report is theirs.
  EXPECT_EQ(world
                .call("POST", "/audit-reports/" + id + "/recommendations/1/assessment", &lead,
                      {{"compliance", "compliant"}, {"evidence", "Seen"}})
                .status,
            403);

  const Response unreadable =
      world.call("POST", "/audit-reports/" + id + "/assignment", &manager,
                 {{"lead_id", std::to_string(lead.user.id.value)}, {"lead_name", ""}, {"deadline", "31/12/2026"}});
  ASSERT_EQ(unreadable.status, 400);
  EXPECT_TRUE(contains(unreadable.body, "There is a problem"));
  EXPECT_TRUE(contains(unreadable.body, "href=\"#deadline\""));
  EXPECT_TRUE(contains(unreadable.body, "value=\"31/12/2026\""));
  const Response assigned = world.call("POST", "/audit-reports/" + id + "/assignment", &manager,
                                       {{"lead_id", std::to_string(lead.user.id.value)}, {"deadline", ""}});
  ASSERT_EQ(assigned.status, 303) << assigned.body;
  EXPECT_EQ(assigned.header("Location"), path + "?done=assigned");

  const Response bare = world.call("POST", "/audit-reports/" + id + "/recommendations/1/assessment", &lead,
                                   {{"compliance", "not_compliant"}, {"evidence", ""}});
  ASSERT_EQ(bare.status, 400);
  EXPECT_TRUE(contains(bare.body, "href=\"#evidence-1\""));
  EXPECT_TRUE(
      contains(bare.body, "id=\"compliance-1-not_compliant\" name=\"compliance\" value=\"not_compliant\" checked"));
  ASSERT_EQ(world
                .call("POST", "/audit-reports/" + id + "/recommendations/1/assessment", &lead,
                      {{"compliance", "not_compliant"}, {"evidence", "No weekend orthogeriatrician"}})
                .status,
            303);
  ASSERT_EQ(world
                .call("POST", "/api/audit-reports/" + id + "/recommendations/2/assessment", &lead,
                      {{"compliance", "compliant"}, {"evidence", "Physiotherapy audit, 92% on day one"}})
                .status,
            201);
  // A compliant recommendation gets no action; the board member raises none.
  EXPECT_EQ(world
                .call("POST", "/audit-reports/" + id + "/recommendations/2/actions", &lead,
                      {{"title", "Nothing"}, {"due_on", "2026-06-30"}})
                .status,
            400);
  EXPECT_EQ(world
                .call("POST", "/audit-reports/" + id + "/recommendations/1/actions", &board,
                      {{"title", "Rota"}, {"due_on", "2026-06-30"}})
                .status,
            403);
  const Response raised = world.call("POST", "/audit-reports/" + id + "/recommendations/1/actions", &lead,
                                     {{"title", "Weekend orthogeriatric rota"}, {"due_on", "2026-06-30"}});
  ASSERT_EQ(raised.status, 303) << raised.body;
  EXPECT_EQ(raised.header("Location"), path + "?done=action#recommendation-1");

  const Response shown = world.call("GET", path + "?done=action", &board);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "The action was added to the action plan."));
  EXPECT_TRUE(contains(shown.body, "Weekend orthogeriatric rota"));
  EXPECT_TRUE(contains(shown.body, "Not compliant"));
  EXPECT_TRUE(contains(shown.body, "Actions raised"));
  EXPECT_FALSE(contains(shown.body, "Save the assessment"));  // the board reads, it does not assess

  auto api = json::parse(world.call("GET", "/api" + path, &manager).body);
  EXPECT_EQ(api["stage"], "actions_raised");
  EXPECT_EQ(api["assessed"], 2);
  EXPECT_EQ(api["assignment"]["lead_user_id"], lead.user.id.value);
  EXPECT_EQ(api["recommendation_assessments"][0]["assessment"]["compliance"], "not_compliant");
  ASSERT_EQ(api["recommendation_assessments"][0]["actions"].size(), 1U);
  EXPECT_EQ(api["recommendation_assessments"][0]["actions"][0]["status"], "open");

  // The report's own page shows the tracker's progress.
  const Response report = world.call("GET", "/audit-reports/" + id, &manager);
  EXPECT_TRUE(contains(report.body, "Open the report's tracker"));

  ASSERT_EQ(world
                .call("POST", "/audit-reports/" + id + "/review", &manager,
                      {{"reviewed_on", world.clock().today().to_string()},
                       {"committee", "Quality Committee"},
                       {"findings", "One of two met; weekend rota under way"}})
                .status,
            303);
  const auto list = json::parse(world.call("GET", "/api/report-tracker", &manager).body);
  bool found = false;
  for (const auto& row : list["reports"]) {
    if (std::to_string(row["report_id"].get<std::int64_t>()) != id) continue;
    found = true;
    EXPECT_EQ(row["stage"], "reviewed");
    EXPECT_EQ(row["committee"], "Quality Committee");
    EXPECT_EQ(row["overdue"], false);
  }
  EXPECT_TRUE(found) << list.dump();

  // Another trust sees the national report, and nothing of this trust's tracker.
  const auto theirs = json::parse(world.call("GET", "/api" + path, &elsewhere).body);
  EXPECT_TRUE(theirs["assignment"].is_null());
  EXPECT_TRUE(theirs["recommendation_assessments"][0]["assessment"].is_null());
  EXPECT_TRUE(theirs["recommendation_assessments"][0]["actions"].empty());
  EXPECT_EQ(world.call("GET", "/api/report-tracker", &world.analyst()).status, 403);
}

TEST(App, TheDefaultReviewWeeksAreTheAuditManagersToSet) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response refused = world.call("POST", "/report-tracker/settings", &manager, {{"review_weeks", "200"}});
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "href=\"#review_weeks\""));
  EXPECT_TRUE(contains(refused.body, "value=\"200\""));
  ASSERT_EQ(world.call("POST", "/report-tracker/settings", &manager, {{"review_weeks", "8"}}).status, 303);
  EXPECT_EQ(json::parse(world.call("GET", "/api/report-tracker", &manager).body)["review_weeks"], 8);
  EXPECT_EQ(world
                .call("POST", "/report-tracker/settings", &world.own().callers.at(Role::clinical_lead),
                      {{"review_weeks", "9"}})
                .status,
            403);
}

}  // namespace
}  // namespace clinaudit::http
