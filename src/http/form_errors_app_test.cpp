// Forms that keep what was typed after a refusal (the GOV.UK error summary pattern of
// http/pages/layout.hpp), and the outcome form of a booked board meeting, through
// App::handle on a real SQLite file.
#include <gtest/gtest.h>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

const domain::Actor kTest{std::nullopt, "test"};

// A second national audit on this year's Quality Account list; returns its id as text.
std::string second_audit(TestWorld& world) {
  domain::Audit audit;
  audit.code = "NAT2-" + world.suffix();
  audit.title = "Second national audit";
  audit.kind = domain::AuditKind::national_clinical_audit;
  const auto id = world.store().add_audits({audit}, kTest).value()[0];
  const auto year = FinancialYear::containing(world.clock().today());
  EXPECT_TRUE(world.store().set_qa_list({{world.national_audit(), year, {domain::OrganisationType::acute}},
                                         {id, year, {domain::OrganisationType::acute}}},
                                        kTest));
  return std::to_string(id.value);
}

TEST(Forms, OneBadParticipationRowKeepsEveryRowAsTypedAndMarksItsField) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string a = std::to_string(world.national_audit().value);
  const std::string b = second_audit(world);
  const Response refused = world.call("POST", "/participation?year=2025/26", &manager,
                                      {{"eligible_" + a, "yes"},
                                       {"participating_" + a, "no"},
                                       {"reason_" + a, "No emergency laparotomy service"},
                                       {"submitted_" + a, "0"},
                                       {"required_" + a, "12"},
                                       {"eligible_" + b, "yes"},
                                       {"participating_" + b, "yes"},
                                       {"submitted_" + b, "lots"},
                                       {"required_" + b, "40"}});
  ASSERT_EQ(refused.status, 400);
  const std::string& page = refused.body;
  // Every row as typed, the good one too.
  EXPECT_TRUE(contains(page, "value=\"No emergency laparotomy service\"")) << page;
  EXPECT_TRUE(contains(page, "id=\"required_" + a + "\" name=\"required_" + a + "\" value=\"12\""));
  EXPECT_TRUE(contains(page, "id=\"submitted_" + b + "\" name=\"submitted_" + b + "\" value=\"lots\""));
  EXPECT_TRUE(contains(page, "id=\"required_" + b + "\" name=\"required_" + b + "\" value=\"40\""));
  // The summary, focused on load, links its message to the field, which carries it.
  EXPECT_TRUE(contains(page, "class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"));
  EXPECT_TRUE(contains(page, "There is a problem"));
  EXPECT_TRUE(contains(page, "<a href=\"#submitted_" + b + "\">Second national audit, cases submitted: enter a whole"));
  EXPECT_TRUE(contains(page, "id=\"submitted_" + b + "-error\""));
  EXPECT_TRUE(contains(page, "value=\"lots\" aria-describedby=\"submitted_" + b + "-error\" aria-invalid=\"true\""));
  EXPECT_FALSE(contains(page, "aria-describedby=\"submitted_" + a + "-error\""));
  // Nothing was saved.
  EXPECT_TRUE(world.store().participation_of(world.own().id, FinancialYear{2025})->empty());
}

TEST(Forms, AMissingReasonIsMarkedAtThatAuditsReason) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string a = std::to_string(world.national_audit().value);
  const std::string b = second_audit(world);
  const Response refused = world.call("POST", "/participation?year=2025/26", &manager,
                                      {{"eligible_" + a, "yes"},
                                       {"participating_" + a, "yes"},
                                       {"submitted_" + a, "30"},
                                       {"eligible_" + b, "yes"},
                                       {"participating_" + b, "no"},
                                       {"reason_" + b, ""}});
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "<a href=\"#reason_" + b + "\">Second national audit: give the reason"))
      << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"reason_" + b + "-error\""));
  EXPECT_TRUE(contains(refused.body, "id=\"submitted_" + a + "\" name=\"submitted_" + a + "\" value=\"30\""));
}

TEST(Forms, ADuplicateEmailKeepsTheNameEmailAndRoleButNotThePassword) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response refused = world.call("POST", "/users", &admin,
                                      {{"name", "Second Lead"},
                                       {"email", lead.user.email},
                                       {"role", "board_member"},
                                       {"password", "a secret passphrase"}});
  ASSERT_EQ(refused.status, 400);
  const std::string& page = refused.body;
  EXPECT_TRUE(
      contains(page, "id=\"name\" name=\"name\" autocomplete=\"off\" spellcheck=\"false\" value=\"Second Lead\""))
      << page;
  EXPECT_TRUE(
      contains(page, "value=\"" + lead.user.email + "\" aria-describedby=\"email-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(page, "<option value=\"board_member\" selected>"));
  EXPECT_TRUE(contains(page, "<a href=\"#email\">A user with email"));
  EXPECT_FALSE(contains(page, "a secret passphrase"));
  // A short password is marked at the password, with its hint.
  const Response short_password =
      world.call("POST", "/users", &admin,
                 {{"name", "New Person"}, {"email", "new@own.example"}, {"role", "read_only"}, {"password", "short"}});
  ASSERT_EQ(short_password.status, 400);
  EXPECT_TRUE(contains(short_password.body, "aria-describedby=\"pw-hint password-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(short_password.body, "value=\"new@own.example\""));
}

// A booked meeting of the own trust `days` from today, with nothing recorded.
std::string booked_meeting(TestWorld& world, int days) {
  const domain::BoardMeetingRecord record{
      {{}, world.own().id, "Trust Board", world.clock().today().plus_days(days)}, {}, {}, {}};
  return "/board-meetings/" + std::to_string(world.store().add_board_meeting(record, kTest).value().value);
}

TEST(Forms, ABookedMeetingsOutcomeIsRecordedOnItsPageOnceItHasBeenHeld) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string future = booked_meeting(world, 7);
  const Response waiting = world.call("GET", future, &manager);
  ASSERT_EQ(waiting.status, 200);
  EXPECT_TRUE(contains(waiting.body, "Its outcome can be recorded here from that day"));
  EXPECT_FALSE(contains(waiting.body, "/outcome\""));
  EXPECT_EQ(world
                .call("POST", future + "/outcome", &manager,
                      {{"item_0", "other"}, {"item_title_0", "Programme"}, {"item_decision_0", "Noted"}})
                .status,
            400);

  const std::string held = booked_meeting(world, -1);
  const Response form = world.call("GET", held, &manager);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "action=\"" + held + "/outcome\""));
  // A board member reads the meeting but does not record it.
  auto& member = world.own().callers.at(Role::board_member);
  EXPECT_FALSE(contains(world.call("GET", held, &member).body, "/outcome\""));
  EXPECT_EQ(world.call("POST", held + "/outcome", &member, {{"item_0", "other"}}).status, 403);

  // Nothing presented: refused, with the summary at the items.
  const Response empty = world.call("POST", held + "/outcome", &manager, {{"action_title_0", "Chase the report"}});
  ASSERT_EQ(empty.status, 400);
  EXPECT_TRUE(contains(empty.body, "The outcome was not recorded."));
  EXPECT_TRUE(contains(empty.body, "<a href=\"#items\">Items: record at least one item"));
  EXPECT_TRUE(contains(empty.body, "value=\"Chase the report\""));

  const auto lead = world.own().callers.at(Role::clinical_lead).user;
  const Response recorded = world.call("POST", held + "/outcome", &manager,
                                       {{"item_0", "other"},
                                        {"item_title_0", "Clinical audit programme"},
                                        {"item_decision_0", "Approved"},
                                        {"action_title_0", "Bring the re-audit to the March board"},
                                        {"action_owner_0", std::to_string(lead.id.value)},
                                        {"action_due_0", "2026-03-05"}});
  ASSERT_EQ(recorded.status, 303) << recorded.body.substr(0, 2000);
  EXPECT_EQ(recorded.header("Location"), held + "?recorded=outcome");
  const Response shown = world.call("GET", held + "?recorded=outcome", &manager);
  EXPECT_TRUE(contains(shown.body, "The outcome of the meeting was recorded."));
  EXPECT_TRUE(contains(shown.body, "Clinical audit programme"));
  EXPECT_TRUE(contains(shown.body, "Bring the re-audit to the March board"));
  EXPECT_FALSE(contains(shown.body, "/outcome\""));  // the form is gone
  // Once only.
  EXPECT_EQ(world
                .call("POST", held + "/outcome", &manager,
                      {{"item_0", "other"}, {"item_title_0", "Again"}, {"item_decision_0", "Noted"}})
                .status,
            409);
  // The audit log holds the change, by the manager.
  auto log = world.store().audit_log("board_meeting", 10);
  ASSERT_TRUE(log);
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(log->front().actor, manager.user.email);
  EXPECT_EQ(log->front().action, "update");
}

TEST(Forms, TheOutcomeApiRecordsJsonAndAnotherTrustsMeetingIsNotFound) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string held = booked_meeting(world, -3);
  const Response recorded =
      world.call_body("POST", "/api" + held + "/outcome", manager,
                      R"({"items": [{"kind": "other", "title": "Mortality review", "decision": "Assured"}]})");
  EXPECT_EQ(recorded.status, 200) << recorded.body;
  auto& theirs = world.other().callers.at(Role::audit_manager);
  const std::string other = booked_meeting(world, -3);
  EXPECT_EQ(world
                .call_body("POST", "/api" + other + "/outcome", theirs,
                           R"({"items": [{"kind": "other", "title": "X", "decision": "Y"}]})")
                .status,
            404);
}

}  // namespace
}  // namespace clinaudit::http
