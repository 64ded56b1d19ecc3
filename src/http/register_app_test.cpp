// The local audit register through App::handle on a real SQLite file: the audit team sets up
// a division, a clinical lead proposes an audit through the form (a refused proposal is shown
// again with what was typed), the audit manager asks for changes, the lead resubmits, the
// manager approves, the lead moves it on and abandons it; the JSON twins answer the same.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

std::map<std::string, std::string> proposal(const std::string& division) {
  return {{"title", "Consent in day surgery"},
          {"topic", "Consent"},
          {"division_id", division},
          {"lead_name", "Dr Visiting"},
          {"standards", "GMC Decision making and consent"},
          {"reason", "incident_or_complaint"},
          {"sample_method", "40 consecutive cases"},
          {"data_protection_confirmed", "yes"},
          {"start_date", "2026-03-01"},
          {"end_date", "2026-06-30"}};
}

TEST(App, ALocalAuditIsProposedDecidedAndMovedOnThroughItsPages) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);

  // The audit team adds a division; a clinical lead may not.
  EXPECT_EQ(world.call("POST", "/structure/units", &lead, {{"name", "Medicine"}}).status, 403);
  const Response added = world.call("POST", "/api/structure/units", &manager, {{"name", "Surgery"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string division = std::to_string(json::parse(added.body)["id"].get<std::int64_t>());
  EXPECT_TRUE(contains(world.call("GET", "/structure", &lead).body, "Surgery"));

  // A refused proposal keeps what was typed and names the field.
  auto missing = proposal(division);
  missing.erase("standards");
  const Response refused = world.call("POST", "/register/propose", &lead, missing);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "Name the standards or guidance audited against"));
  EXPECT_TRUE(contains(refused.body, "value=\"Consent in day surgery\""));
  EXPECT_TRUE(contains(refused.body, "href=\"#standards\""));

  const Response proposed = world.call("POST", "/register/propose", &lead, proposal(division));
  ASSERT_EQ(proposed.status, 303) << proposed.body;
  const std::string path = proposed.header("Location").substr(0, proposed.header("Location").find('?'));
  const std::string id = path.substr(std::string("/register/").size());
  EXPECT_TRUE(contains(world.call("GET", path + "?done=proposed", &lead).body, "Awaiting a decision"));

  // The lead may not decide; the manager asks for changes with a reason.
  EXPECT_EQ(world.call("POST", path + "/decision", &lead, {{"decision", "approve"}, {"reason", "Fine"}}).status, 403);
  const Response no_reason = world.call("POST", path + "/decision", &manager, {{"decision", "decline"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "Give the reason for the decision"));
  EXPECT_EQ(world
                .call("POST", path + "/decision", &manager,
                      {{"decision", "ask_for_changes"}, {"reason", "Say how the cases are chosen"}})
                .status,
            303);
  const Response sent_back = world.call("GET", path, &lead);
  EXPECT_TRUE(contains(sent_back.body, "Changes asked for"));
  EXPECT_TRUE(contains(sent_back.body, "Say how the cases are chosen"));
  EXPECT_TRUE(contains(sent_back.body, "Edit and resubmit the proposal"));

  auto revised = proposal(division);
  revised["sample_method"] = "40 consecutive cases from the theatre list";
  EXPECT_EQ(world.call("POST", path + "/revise", &lead, revised).status, 303);
  EXPECT_EQ(world
                .call("POST", "/api/register/" + id + "/decision", &manager,
                      {{"decision", "approve"}, {"reason", "Meets the trust's priorities"}})
                .status,
            200);
  EXPECT_EQ(world.call("POST", path + "/next", &lead, {{"note", "Started on ward 7"}}).status, 303);

  const auto record = json::parse(world.call("GET", "/api/register/" + id, &manager).body);
  EXPECT_EQ(record["stage"], "data_collection");
  EXPECT_EQ(record["status"], "in_progress");
  EXPECT_EQ(record["division"], "Surgery");
  EXPECT_EQ(record["lead"], "Dr Visiting");
  EXPECT_EQ(record["next_stage"], "analysis");
  ASSERT_EQ(record["history"].size(), 5U);
  EXPECT_EQ(record["history"][1]["kind"], "changes_requested");
  EXPECT_EQ(record["history"][4]["note"], "Started on ward 7");

  const Response without = world.call("POST", path + "/abandon", &lead, {{"rationale", ""}});
  EXPECT_EQ(without.status, 400);
  EXPECT_TRUE(contains(without.body, "Say why the audit is abandoned"));
  EXPECT_EQ(world.call("POST", path + "/abandon", &lead, {{"rationale", "The lead left the trust"}}).status, 303);

  // The register filters by stage and division; another trust sees none of it.
  const auto abandoned = json::parse(world.call("GET", "/api/register?stage=abandoned", &manager).body)["audits"];
  ASSERT_EQ(abandoned.size(), 1U);
  EXPECT_EQ(abandoned[0]["title"], "Consent in day surgery");
  EXPECT_EQ(json::parse(world.call("GET", "/api/register?division=" + division, &manager).body)["audits"].size(), 1U);
  EXPECT_EQ(world.call("GET", "/api/register?stage=unknown", &manager).status, 400);
  auto& stranger = world.other().callers.at(Role::audit_manager);
  EXPECT_EQ(world.call("GET", path, &stranger).status, 404);
  const auto theirs = json::parse(world.call("GET", "/api/register", &stranger).body)["audits"];
  for (const auto& row : theirs) {
    EXPECT_NE(row["title"], "Consent in day surgery");
  }
}

// The register is a trust's own: its administrators and audit team find it in the navigation;
// the national body, which keeps none, does not (its administrator holds the same role).
TEST(App, OnlyATrustsPagesLinkToTheLocalAuditRegister) {
  TestWorld world;
  for (const Role role : {Role::admin, Role::audit_manager, Role::clinical_lead}) {
    const Response home = world.call("GET", "/", &world.own().callers.at(role));
    ASSERT_EQ(home.status, 200);
    EXPECT_TRUE(contains(home.body, "<a href=\"/register\">Local audits</a>")) << domain::to_string(role);
  }
  const std::pair<const testing::Caller*, const char*> national[] = {{&world.national_admin(), "/users"},
                                                                     {&world.analyst(), "/national"}};
  for (const auto& [caller, path] : national) {
    const Response page = world.call("GET", path, caller);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_TRUE(contains(page.body, "<nav class=\"nav\"")) << path;
    EXPECT_FALSE(contains(page.body, "href=\"/register\"")) << path;
  }
}

// The forward programme through its pages: a proposal's chosen tier, the audit team's
// carry-over (refused without a reason, shown again with the problem), the programme page
// and its JSON, printable page and workbook, all reading the same year.
TEST(App, TheForwardProgrammeShowsAnApprovedAuditByTierWithItsCarryOverReason) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& board = world.own().callers.at(Role::board_member);
  const Response added = world.call("POST", "/api/structure/units", &manager, {{"name", "Surgery"}});
  ASSERT_EQ(added.status, 201) << added.body;
  const std::string division = std::to_string(json::parse(added.body)["id"].get<std::int64_t>());
  auto fields = proposal(division);  // an incident or complaint, which would be divisional
  fields["programme_tier"] = "trust_priority";
  const Response proposed = world.call("POST", "/register/propose", &lead, fields);
  ASSERT_EQ(proposed.status, 303) << proposed.body;
  const std::string path = proposed.header("Location").substr(0, proposed.header("Location").find('?'));
  EXPECT_EQ(world.call("POST", path + "/decision", &manager, {{"decision", "approve"}, {"reason", "Agreed"}}).status,
            303);
  EXPECT_TRUE(contains(world.call("GET", path, &manager).body, "Carry over to the next year"));
  EXPECT_FALSE(contains(world.call("GET", path, &lead).body, "Carry over to the next year"));

  const Response no_reason = world.call("POST", path + "/carry-over", &manager, {{"end_date", "2026-09-30"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "Say why the audit is carried over"));
  EXPECT_TRUE(contains(no_reason.body, "value=\"2026-09-30\""));
  const Response carried = world.call("POST", path + "/carry-over", &manager,
                                      {{"reason", "The audit lead is on leave until May"}, {"end_date", "2026-09-30"}});
  ASSERT_EQ(carried.status, 303) << carried.body;
  EXPECT_TRUE(contains(world.call("GET", path + "?done=carried-over", &lead).body, "The carry-over was recorded."));

  // The test's today is 15 January 2026: the programme of 2025/26.
  const Response page = world.call("GET", "/programme", &board);
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "Forward programme 2025/26"));
  EXPECT_TRUE(contains(page.body, "Trust priority: 1 audit"));
  EXPECT_TRUE(contains(page.body,
                       "Carrying over to the next year: The audit lead is on leave until May (planned end "
                       "now 2026-09-30)."));
  // The world's own seeded local audit is in the plan too; this one is found by its title.
  const auto find = [](const json& programme) {
    for (const auto& item : programme["items"]) {
      if (item["title"] == "Consent in day surgery") return item;
    }
    return json();
  };
  const auto programme = json::parse(world.call("GET", "/api/programme?year=2025/26", &board).body);
  const auto item = find(programme);
  ASSERT_TRUE(item.is_object()) << programme.dump();
  EXPECT_EQ(item["tier"], "trust_priority");
  EXPECT_EQ(item["end_date"], "2026-09-30");
  EXPECT_TRUE(item["carries_over"].get<bool>());
  EXPECT_EQ(programme["total"]["carrying_over"], 1);
  // Next year's programme holds it as carried in, with the same reason.
  const auto next = find(json::parse(world.call("GET", "/api/programme?year=2026/27", &board).body));
  ASSERT_TRUE(next.is_object());
  EXPECT_TRUE(next["carried_in"].get<bool>());
  EXPECT_EQ(next["carried_in_reason"], "The audit lead is on leave until May (planned end now 2026-09-30)");
  EXPECT_EQ(world.call("GET", "/api/programme?year=spring", &board).status, 400);

  const Response print = world.call("GET", "/programme/print?year=2025-26", &board);
  ASSERT_EQ(print.status, 200);
  EXPECT_TRUE(contains(print.body, "<h1>Clinical audit forward programme 2025/26</h1>"));
  EXPECT_TRUE(contains(print.body, "The audit lead is on leave until May"));
  const Response workbook = world.call("GET", "/programme.xlsx?year=2025-26", &board);
  ASSERT_EQ(workbook.status, 200);
  EXPECT_TRUE(workbook.body.starts_with("PK"));
  EXPECT_TRUE(contains(workbook.header("Content-Disposition"), "forward-programme-"));

  // Another trust's programme holds none of it.
  auto& stranger = world.other().callers.at(Role::audit_manager);
  EXPECT_TRUE(find(json::parse(world.call("GET", "/api/programme", &stranger).body)).is_null());
}

}  // namespace
}  // namespace clinaudit::http
