// The NICE guidance register through App::handle on a real SQLite file: the audit manager adds
// guidance (a refused form shown again with what was typed), makes a clinical lead its lead,
// adds its recommendations; the lead assesses them and raises an action from the one not met;
// the manager links an audit and records a review; the register's filter, the JSON twins and
// the audit log say the same, and another trust sees none of it.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

TEST(App, NiceGuidanceIsAddedAssessedActedOnLinkedAndReviewed) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& board = world.own().callers.at(Role::board_member);
  auto& elsewhere = world.other().callers.at(Role::audit_manager);
  const std::string lead_id = std::to_string(lead.user.id.value);

  const Response unreadable = world.call("POST", "/nice", &manager,
                                         {{"reference", "NG 136"},
                                          {"title", "Hypertension in adults"},
                                          {"published_on", "2019-08-28"},
                                          {"applicability", "applicable"}});
  ASSERT_EQ(unreadable.status, 400);
  EXPECT_TRUE(contains(unreadable.body, "There is a problem"));
  EXPECT_TRUE(contains(unreadable.body, "href=\"#reference\""));
  EXPECT_TRUE(contains(unreadable.body, "value=\"NG 136\""));
  EXPECT_TRUE(contains(unreadable.body, "value=\"Hypertension in adults\""));
  const Response added = world.call("POST", "/nice", &manager,
                                    {{"reference", "ng136"},
                                     {"title", "Hypertension in adults"},
                                     {"published_on", "2019-08-28"},
                                     {"applicability", "applicable"},
                                     {"lead_id", lead_id},
                                     {"review_due", world.clock().today().plus_days(-1).to_string()}});
  ASSERT_EQ(added.status, 303) << added.body;
  const std::string path = added.header("Location").substr(0, added.header("Location").find('?'));
  EXPECT_EQ(added.header("Location"), path + "?done=added");
  const std::string id = path.substr(path.rfind('/') + 1);

  ASSERT_EQ(
      world.call("POST", path + "/recommendations", &manager, {{"label", "1.4.1"}, {"text", "Offer ABPM"}}).status,
      303);
  ASSERT_EQ(
      world.call("POST", path + "/recommendations", &manager, {{"label", "1.4.2"}, {"text", "Treat to target"}}).status,
      303);
  const Response repeated =
      world.call("POST", path + "/recommendations", &manager, {{"label", "1.4.1"}, {"text", "Twice"}});
  EXPECT_EQ(repeated.status, 400);
  EXPECT_TRUE(contains(repeated.body, "already has a recommendation 1.4.1"));
  const auto details = json::parse(world.call("GET", "/api" + path, &lead).body);
  ASSERT_EQ(details["recommendation_assessments"].size(), 2U);
  const std::string first = std::to_string(details["recommendation_assessments"][0]["id"].get<std::int64_t>());
  const std::string second = std::to_string(details["recommendation_assessments"][1]["id"].get<std::int64_t>());
  EXPECT_EQ(details["reference"], "NG136");
  EXPECT_EQ(details["status"], "baseline_incomplete");
  EXPECT_TRUE(details["review_overdue"].get<bool>());

  // The lead assesses; a refusal is shown at its recommendation's control.
  const Response bare = world.call("POST", path + "/recommendations/" + first + "/assessment", &lead,
                                   {{"compliance", "not_compliant"}, {"evidence", ""}});
  ASSERT_EQ(bare.status, 400);
  EXPECT_TRUE(contains(bare.body, "href=\"#evidence-" + first + "\""));
  EXPECT_TRUE(contains(bare.body, "value=\"not_compliant\" checked"));
  ASSERT_EQ(world
                .call("POST", path + "/recommendations/" + first + "/assessment", &lead,
                      {{"compliance", "not_compliant"}, {"evidence", "ABPM not offered in clinic"}})
                .status,
            303);
  ASSERT_EQ(world
                .call("POST", path + "/recommendations/" + second + "/assessment", &lead,
                      {{"compliance", "compliant"}, {"evidence", "Audit of 40 notes"}})
                .status,
            303);
  EXPECT_EQ(world
                .call("POST", path + "/recommendations/" + first + "/assessment", &board,
                      {{"compliance", "compliant"}, {"evidence", "x"}})
                .status,
            403);
  const Response not_met = world.call("GET", path, &board);
  ASSERT_EQ(not_met.status, 200);
  EXPECT_TRUE(contains(not_met.body, "Not compliant"));
  EXPECT_TRUE(contains(not_met.body, "No action raised"));
  EXPECT_FALSE(contains(not_met.body, "Save the assessment"));  // the board member reads only
  EXPECT_TRUE(contains(not_met.body, "Review overdue"));

  const Response action = world.call("POST", path + "/recommendations/" + first + "/actions", &lead,
                                     {{"title", "Buy ABPM monitors"}, {"due_on", "2026-09-30"}});
  ASSERT_EQ(action.status, 303) << action.body;
  EXPECT_EQ(action.header("Location"), path + "?done=action#recommendation-" + first);
  const Response audits = world.call("POST", path + "/audits", &manager,
                                     {{"audit_id", std::to_string(world.national_audit().value)}, {"linked", "yes"}});
  ASSERT_EQ(audits.status, 303) << audits.body;
  const Response reviewed = world.call("POST", path + "/review", &manager,
                                       {{"reviewed_on", world.clock().today().to_string()},
                                        {"next_review_due", world.clock().today().plus_days(365).to_string()}});
  ASSERT_EQ(reviewed.status, 303) << reviewed.body;

  const Response page = world.call("GET", path, &board);
  EXPECT_TRUE(contains(page.body, "Buy ABPM monitors"));
  EXPECT_FALSE(contains(page.body, "No action raised"));
  EXPECT_FALSE(contains(page.body, "Review overdue"));
  EXPECT_TRUE(contains(page.body, "Audits that check it"));
  const auto register_json = json::parse(world.call("GET", "/api/nice?status=not_compliant", &board).body);
  ASSERT_EQ(register_json["guidance"].size(), 1U);
  EXPECT_EQ(register_json["guidance"][0]["open_actions"], 1);
  EXPECT_EQ(register_json["guidance"][0]["audit_ids"].size(), 1U);
  EXPECT_EQ(register_json["summary"]["not_compliant"], 1);
  EXPECT_EQ(json::parse(world.call("GET", "/api/nice?status=compliant", &board).body)["guidance"].size(), 0U);
  const Response list = world.call("GET", "/nice", &board);
  EXPECT_TRUE(contains(list.body, "NG136: Hypertension in adults"));
  EXPECT_FALSE(contains(list.body, "Add the guidance"));

  // Another trust's manager finds nothing; its register is empty.
  EXPECT_EQ(world.call("GET", path, &elsewhere).status, 404);
  EXPECT_EQ(json::parse(world.call("GET", "/api/nice", &elsewhere).body)["guidance"].size(), 0U);
  EXPECT_FALSE(id.empty());
}

}  // namespace
}  // namespace clinaudit::http
