// The regulator's view through App::handle on a real SQLite file: it signs in to the outlier
// cases it has been told of (confirmed alarms and escalations, of every trust) and reaches
// nothing else; the national body's administrator adds its account.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using testing::TestWorld;

TEST(RegulatorApp, ItsHomeIsTheConfirmedAlarmsAndEscalationsOfEveryTrust) {
  TestWorld world;
  const auto potential = world.new_outlier_case(world.own());
  const auto confirmed = world.new_outlier_case_at(world.other(), "chief_executive_informed");
  const auto escalated = world.new_outlier_case_at(world.own(), "provider_response");
  auto row = world.store().outlier_case(escalated).value();
  row.escalated_on = world.clock().today();
  world.record_stage(row, row, "Escalated to the regulator: the provider's response is late");

  testing::Caller& regulator = world.regulator();
  const Response home = world.call("GET", "/", &regulator);
  ASSERT_EQ(home.status, 303);
  EXPECT_EQ(home.header("Location"), "/outliers");

  const Response list = world.call("GET", "/outliers", &regulator);
  ASSERT_EQ(list.status, 200) << list.body.substr(0, 300);
  const auto link = [](OutlierCaseId id) { return "href=\"/outliers/" + std::to_string(id.value) + "\""; };
  EXPECT_TRUE(contains(list.body, link(confirmed))) << list.body;
  EXPECT_TRUE(contains(list.body, link(escalated))) << list.body;
  EXPECT_FALSE(contains(list.body, link(potential))) << list.body;
  // Its navigation offers what it may open, and nothing else.
  EXPECT_TRUE(contains(list.body, "<a href=\"/notifications\""));
  for (const char* elsewhere : {"href=\"/audits\"", "href=\"/actions\"", "href=\"/national\"", "href=\"/users\""}) {
    EXPECT_FALSE(contains(list.body, elsewhere)) << elsewhere;
  }

  const Response api = world.call("GET", "/api/outliers", &regulator);
  ASSERT_EQ(api.status, 200);
  EXPECT_FALSE(contains(api.body, "\"id\":" + std::to_string(potential.value) + ","));

  // The escalated case's page shows its record, and no form to act on it.
  const Response page = world.call("GET", "/outliers/" + std::to_string(escalated.value), &regulator);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Escalated to the regulator: the provider&#39;s response is late")) << page.body;
  EXPECT_FALSE(contains(page.body, "/stage\"")) << page.body;
  EXPECT_FALSE(contains(page.body, "/reopen\""));
  EXPECT_FALSE(contains(page.body, "/documents\" enctype"));
  EXPECT_EQ(world.call("GET", "/outliers/" + std::to_string(potential.value), &regulator).status, 404);
  EXPECT_EQ(world.call("GET", "/api/dashboard", &regulator).status, 403);
}

TEST(RegulatorApp, WithNothingConfirmedOrEscalatedItsListSaysHowCasesArrive) {
  TestWorld world;
  world.new_outlier_case(world.own());
  const Response list = world.call("GET", "/outliers", &world.regulator());
  ASSERT_EQ(list.status, 200);
  EXPECT_TRUE(contains(list.body, "No alarm has been confirmed or escalated to you.")) << list.body;
}

TEST(RegulatorApp, TheNationalBodyAloneAddsARegulator) {
  TestWorld world;
  const std::map<std::string, std::string> person{{"name", "Ruth Inspector"},
                                                  {"email", "ruth@regulator.example"},
                                                  {"role", "regulator"},
                                                  {"password", "a-long-enough-password"}};
  EXPECT_EQ(world.call("POST", "/api/users", &world.own().callers.at(domain::Role::admin), person).status, 403);
  const Response added = world.call("POST", "/api/users", &world.national_admin(), person);
  ASSERT_EQ(added.status, 201) << added.body;
  const auto user = world.store().user_by_email("ruth@regulator.example");
  ASSERT_TRUE(user);
  EXPECT_EQ(user->role, domain::Role::regulator);
  EXPECT_EQ(user->organisation_id, world.national_body());
  // The national body's users page offers the role; a trust's does not.
  EXPECT_TRUE(contains(world.call("GET", "/users", &world.national_admin()).body, "value=\"regulator\""));
  EXPECT_FALSE(
      contains(world.call("GET", "/users", &world.own().callers.at(domain::Role::admin)).body, "value=\"regulator\""));
}

}  // namespace
}  // namespace clinaudit::http
