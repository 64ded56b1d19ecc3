// An audit's criteria and results per criterion through App::handle on a real SQLite file:
// criteria added, changed, reordered and removed on the audit's page; results entered all or
// nothing, a refusal naming the criterion and field with what was typed kept; a re-audit
// compared criterion by criterion; the JSON twins; and the board pack's re-audit outcomes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

std::string audit_path(AuditId audit) { return "/audits/" + std::to_string(audit.value); }

// The ids of the audit's criteria, in their order, from the API.
std::vector<std::string> criterion_ids(TestWorld& world, AuditId audit, const testing::Caller& who) {
  const auto view = json::parse(world.call("GET", "/api" + audit_path(audit) + "/criteria", &who).body);
  std::vector<std::string> ids;
  for (const auto& c : view["criteria"]) ids.push_back(std::to_string(c["id"].get<std::int64_t>()));
  return ids;
}

void add(TestWorld& world, AuditId audit, const testing::Caller& who, const std::string& statement,
         const std::string& target) {
  const Response added = world.call("POST", audit_path(audit) + "/criteria", &who,
                                    {{"statement", statement}, {"target_percent", target}, {"exceptions", ""}});
  ASSERT_EQ(added.status, 303) << added.body;
  EXPECT_EQ(added.header("Location"), audit_path(audit) + "?criteria=added#criteria");
}

TEST(CriteriaApp, AnAuditTeamSetsItsStandardsOnTheAuditPage) {
  TestWorld world;
  const auto& trust = world.own();
  const auto& lead = trust.callers.at(Role::clinical_lead);
  const auto audit = trust.local_audit;
  add(world, audit, lead, "Consent form signed before the day of surgery", "95");
  add(world, audit, lead, "Site marked before anaesthesia", "100");
  add(world, audit, lead, "Risks discussed and recorded", "90");

  auto ids = criterion_ids(world, audit, lead);
  ASSERT_EQ(ids.size(), 3u);
  // The third moves up; the first is changed; the second is removed.
  EXPECT_EQ(world.call("POST", audit_path(audit) + "/criteria/" + ids[2], &lead, {{"change", "up"}}).status, 303);
  EXPECT_EQ(world
                .call("POST", audit_path(audit) + "/criteria/" + ids[0], &lead,
                      {{"change", "save"},
                       {"statement", "Consent form signed before the day of surgery"},
                       {"target_percent", "97.5"},
                       {"exceptions", "Emergency operations"}})
                .status,
            303);
  EXPECT_EQ(world.call("POST", audit_path(audit) + "/criteria/" + ids[1], &lead, {{"change", "remove"}}).status, 303);

  const auto view = json::parse(world.call("GET", "/api" + audit_path(audit) + "/criteria", &lead).body);
  ASSERT_EQ(view["criteria"].size(), 2u);
  EXPECT_EQ(view["criteria"][0]["statement"], "Consent form signed before the day of surgery");
  EXPECT_EQ(view["criteria"][0]["target_percent"], 97.5);
  EXPECT_EQ(view["criteria"][0]["exceptions"], "Emergency operations");
  EXPECT_EQ(view["criteria"][1]["statement"], "Risks discussed and recorded");
  EXPECT_EQ(view["criteria"][1]["position"], 2);
  EXPECT_TRUE(view["may_change"].get<bool>());

  const Response page = world.call("GET", audit_path(audit) + "?criteria=saved", &lead);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Standards and results"));
  EXPECT_TRUE(contains(page.body, "The criterion was saved."));
  EXPECT_TRUE(contains(page.body, "97.5%"));
  EXPECT_TRUE(contains(page.body, "Exceptions: Emergency operations"));
  EXPECT_TRUE(contains(page.body, "id=\"new-criterion\""));

  // A board member reads the criteria, without the forms.
  const Response read = world.call("GET", audit_path(audit), &trust.callers.at(Role::board_member));
  EXPECT_TRUE(contains(read.body, "Risks discussed and recorded"));
  EXPECT_FALSE(contains(read.body, "id=\"new-criterion\""));
  EXPECT_FALSE(contains(read.body, "Move up"));
}

TEST(CriteriaApp, ARefusedCriterionIsShownAgainWithWhatWasTyped) {
  TestWorld world;
  const auto& manager = world.own().callers.at(Role::audit_manager);
  const auto audit = world.own().local_audit;
  const Response refused = world.call(
      "POST", audit_path(audit) + "/criteria", &manager,
      {{"statement", "Antibiotics within one hour"}, {"target_percent", "150"}, {"exceptions", "Transfers"}});
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "There is a problem"));
  EXPECT_TRUE(contains(refused.body, "The target is a percentage from 0 to 100"));
  EXPECT_TRUE(contains(refused.body, "href=\"#target_percent\""));
  EXPECT_TRUE(contains(refused.body, "value=\"150\""));
  EXPECT_TRUE(contains(refused.body, ">Antibiotics within one hour</textarea>"));
  EXPECT_TRUE(contains(refused.body, ">Transfers</textarea>"));
  EXPECT_TRUE(criterion_ids(world, audit, manager).empty());
}

TEST(CriteriaApp, ResultsAreEnteredAllOrNothingAndNameTheCriterionAndField) {
  TestWorld world;
  const auto& manager = world.own().callers.at(Role::audit_manager);
  const auto audit = world.own().local_audit;
  add(world, audit, manager, "Antibiotics within one hour", "95");
  add(world, audit, manager, "Lactate measured", "90");
  const auto ids = criterion_ids(world, audit, manager);
  const std::string results = audit_path(audit) + "/criteria/results";
  ASSERT_EQ(world.call("GET", results, &manager).status, 200);

  // The first row is good, the second has more met than applicable: nothing is saved.
  const Response refused = world.call("POST", results, &manager,
                                      {{"met_" + ids[0], "45"},
                                       {"applicable_" + ids[0], "50"},
                                       {"met_" + ids[1], "12"},
                                       {"applicable_" + ids[1], "10"}});
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "Criterion 2, cases met: 12 cases met the standard but it applied to only 10"));
  EXPECT_TRUE(contains(refused.body, "href=\"#met_" + ids[1] + "\""));
  EXPECT_TRUE(contains(refused.body, "value=\"45\""));
  EXPECT_TRUE(contains(refused.body, "value=\"12\""));
  auto view = json::parse(world.call("GET", "/api" + audit_path(audit) + "/criteria", &manager).body);
  EXPECT_TRUE(view["criteria"][0]["met"].is_null());

  const Response words =
      world.call("POST", results, &manager, {{"met_" + ids[0], "many"}, {"applicable_" + ids[0], "50"}});
  ASSERT_EQ(words.status, 400);
  EXPECT_TRUE(contains(words.body, "Criterion 1, cases met: write a whole number of cases, not &#39;many&#39;"));

  const Response saved = world.call("POST", results, &manager,
                                    {{"met_" + ids[0], "45"},
                                     {"applicable_" + ids[0], "50"},
                                     {"met_" + ids[1], "30"},
                                     {"applicable_" + ids[1], "50"}});
  ASSERT_EQ(saved.status, 303) << saved.body;
  view = json::parse(world.call("GET", "/api" + audit_path(audit) + "/criteria", &manager).body);
  EXPECT_EQ(view["criteria"][0]["verdict"], "short_within_interval");
  EXPECT_EQ(view["criteria"][1]["verdict"], "below_target");
  // 45/50: the Wilson interval from R (domain/criteria_results_test.cpp).
  EXPECT_NEAR(view["criteria"][0]["interval"]["lower"].get<double>(), 0.786397685625204, 1e-9);
  const Response page = world.call("GET", audit_path(audit), &manager);
  EXPECT_TRUE(contains(page.body, "45 of 50"));
  EXPECT_TRUE(contains(page.body, "78.6% to 95.7%"));
  EXPECT_TRUE(contains(page.body, "short of the target, but the interval includes it"));
}

TEST(CriteriaApp, AReAuditIsComparedCriterionByCriterionOnItsPageTheApiAndTheBoardPack) {
  TestWorld world;
  const auto& trust = world.own();
  const auto& manager = trust.callers.at(Role::audit_manager);
  const auto original = trust.local_audit;
  domain::Audit repeat = world.store().audit(original).value();
  repeat.id = {};
  repeat.code += "-R";
  repeat.title = "Sepsis re-audit";
  repeat.reaudit_of = original;
  const auto reaudit = world.store().add_audits({repeat}, domain::Actor{std::nullopt, "test"}).value().at(0);

  add(world, original, manager, "Antibiotics within one hour", "95");
  add(world, original, manager, "Lactate measured", "90");
  add(world, reaudit, manager, "Lactate  measured", "90");
  add(world, reaudit, manager, "Antibiotics within one hour", "95");
  const auto before = criterion_ids(world, original, manager);
  const auto after = criterion_ids(world, reaudit, manager);
  const auto put = [&](AuditId audit, const std::string& body) {
    const Response r = world.call_body("PUT", "/api" + audit_path(audit) + "/criteria/results", manager, body);
    EXPECT_EQ(r.status, 200) << r.body;
  };
  put(original, R"({"results":[{"criterion_id":)" + before[0] + R"(,"met":30,"applicable":50},{"criterion_id":)" +
                    before[1] + R"(,"met":40,"applicable":50}]})");
  put(reaudit, R"({"results":[{"criterion_id":)" + after[0] + R"(,"met":42,"applicable":50},{"criterion_id":)" +
                   after[1] + R"(,"met":45,"applicable":50}]})");

  const auto view = json::parse(world.call("GET", "/api" + audit_path(reaudit) + "/criteria", &manager).body);
  EXPECT_EQ(view["repeats"]["audit_id"], original.value);
  ASSERT_EQ(view["comparison"].size(), 2u);
  EXPECT_EQ(view["comparison"][0]["verdict"], "no_clear_change");
  EXPECT_EQ(view["comparison"][1]["verdict"], "improved");
  // Newcombe's interval from R (domain/criteria_results_test.cpp).
  EXPECT_NEAR(view["comparison"][1]["change"]["lower"].get<double>(), 0.131890849924725, 1e-9);
  EXPECT_NEAR(view["comparison"][1]["change"]["upper"].get<double>(), 0.449299214406539, 1e-9);

  const Response page = world.call("GET", audit_path(reaudit), &manager);
  EXPECT_TRUE(contains(page.body, "Compared with the audit it repeats"));
  EXPECT_TRUE(contains(page.body, "30 of 50 (60.0%)"));
  EXPECT_TRUE(contains(page.body, "+30.0"));
  EXPECT_TRUE(contains(page.body, "+13.2 to +44.9"));
  EXPECT_TRUE(contains(page.body, "<strong>improvement</strong>"));
  EXPECT_TRUE(contains(page.body, "<strong>no clear change</strong>"));

  const auto dashboard = json::parse(world.call("GET", "/api/dashboard", &manager).body);
  std::vector<std::string> criteria;
  for (const auto& r : dashboard["reaudits"]) {
    if (r["audit_id"] == reaudit.value)
      criteria.push_back(r["criterion"].get<std::string>() + ": " + r["verdict"].get<std::string>());
  }
  EXPECT_EQ(criteria,
            (std::vector<std::string>{"Lactate  measured: no clear change", "Antibiotics within one hour: improved"}));
}

TEST(CriteriaApp, AnotherTrustsAuditsCriteriaAreNotFoundAndReadersCannotChangeThem) {
  TestWorld world;
  const auto& manager = world.own().callers.at(Role::audit_manager);
  const auto theirs = world.other().local_audit;
  EXPECT_EQ(world.call("GET", "/api" + audit_path(theirs) + "/criteria", &manager).status, 404);
  EXPECT_EQ(world
                .call("POST", audit_path(theirs) + "/criteria", &manager,
                      {{"statement", "Consent recorded"}, {"target_percent", "95"}})
                .status,
            404);
  const Response national =
      world.call("POST", "/api/audits/" + std::to_string(world.national_audit().value) + "/criteria", &manager,
                 {{"statement", "Consent recorded"}, {"target_percent", "95"}});
  EXPECT_EQ(national.status, 403);
  EXPECT_EQ(
      world
          .call("POST", "/api" + audit_path(world.own().local_audit) + "/criteria",
                &world.own().callers.at(Role::read_only), {{"statement", "Consent recorded"}, {"target_percent", "95"}})
          .status,
      403);
}

}  // namespace
}  // namespace clinaudit::http
