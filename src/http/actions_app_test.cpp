// Working with an action until it is done, through App::handle on a real SQLite file: an
// action's page and its JSON twin with the history, the forms that change it (each refusal
// shown again with what was typed), a free-text owner when raising, and "My actions".
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

// Raises an action through the form as `who`, with `fields` added; returns its id.
std::string raise(TestWorld& world, const testing::Caller& who, std::map<std::string, std::string> fields) {
  fields.emplace("title", "Re-audit consent in theatre");
  fields.emplace("due_on", "2026-03-31");
  const Response created = world.call("POST", "/api/actions", &who, fields);
  EXPECT_EQ(created.status, 201) << created.body;
  return std::to_string(json::parse(created.body)["id"].get<std::int64_t>());
}

TEST(App, AnActionRaisedForSomeoneWithoutAnAccountIsWorkedThroughOnItsPage) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const Response raised = world.call("POST", "/actions", &manager,
                                     {{"title", "Re-audit consent in theatre"},
                                      {"due_on", "2026-03-31"},
                                      {"owner_id", ""},
                                      {"owner_name", "Ward 7 manager"}});
  ASSERT_EQ(raised.status, 303) << raised.body;
  const auto list = json::parse(world.call("GET", "/api/actions", &manager).body)["actions"];
  std::string id;
  for (const auto& a : list) {
    if (a["title"] == "Re-audit consent in theatre") id = std::to_string(a["id"].get<std::int64_t>());
  }
  ASSERT_FALSE(id.empty());
  const std::string path = "/actions/" + id;

  const Response note = world.call("POST", path + "/notes", &manager, {{"note", "Forms collected from theatre 3"}});
  EXPECT_EQ(note.status, 303);
  EXPECT_EQ(note.header("Location"), path + "?done=note#history");
  EXPECT_EQ(
      world.call("POST", path + "/due-date", &manager, {{"due_on", "2026-05-29"}, {"reason", "Theatre closed"}}).status,
      303);
  // Raised today: it cannot have been done yesterday.
  const Response early =
      world.call("POST", path + "/close", &manager, {{"completed_on", "2026-01-14"}, {"evidence", "Re-audit report"}});
  EXPECT_EQ(early.status, 400);
  EXPECT_TRUE(contains(early.body, "cannot be before it was raised (2026-01-15)"));
  EXPECT_EQ(
      world.call("POST", path + "/close", &manager, {{"completed_on", "2026-01-15"}, {"evidence", "Re-audit report"}})
          .status,
      303);

  const Response shown = world.call("GET", path + "?done=completed", &manager);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "The action was marked as completed."));
  EXPECT_TRUE(contains(shown.body, "Ward 7 manager"));
  EXPECT_TRUE(contains(shown.body, "Raised on</dt><dd>2026-01-15"));
  EXPECT_TRUE(contains(shown.body, "(originally 2026-03-31)"));
  EXPECT_TRUE(contains(shown.body, "From 2026-03-31 to 2026-05-29. Reason: Theatre closed"));
  EXPECT_TRUE(contains(shown.body, "Done on 2026-01-15. Evidence: Re-audit report"));
  EXPECT_TRUE(contains(shown.body, "Forms collected from theatre 3"));
  EXPECT_TRUE(contains(shown.body, "action=\"/actions/" + id + "/reopen\""));

  const auto api = json::parse(world.call("GET", "/api" + path, &manager).body);
  EXPECT_EQ(api["action"]["owner"], "Ward 7 manager");
  EXPECT_EQ(api["action"]["status"], "completed");
  EXPECT_EQ(api["action"]["completed_on"], "2026-01-15");
  EXPECT_EQ(api["action"]["original_due_on"], "2026-03-31");
  ASSERT_EQ(api["history"].size(), 3u);
  EXPECT_EQ(api["history"][1]["kind"], "due_date_changed");
  EXPECT_EQ(api["history"][1]["by"], manager.user.display_name);
  EXPECT_EQ(api["history"][1]["at"], "2026-01-15T10:00:00Z");

  EXPECT_EQ(world.call("POST", "/api" + path + "/reopen", &manager, {{"reason", "Gaps found"}}).status, 200);
  const auto reopened = json::parse(world.call("GET", "/api" + path, &manager).body);
  EXPECT_EQ(reopened["action"]["status"], "open");
  EXPECT_EQ(reopened["history"][3]["kind"], "reopened");
  // Another trust's people do not find it.
  EXPECT_EQ(world.call("GET", path, &world.other().callers.at(Role::admin)).status, 404);
}

TEST(App, ARefusedChangeOfAnActionKeepsWhatWasTypedAtItsField) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string path = "/actions/" + raise(world, manager, {});
  const Response no_reason =
      world.call("POST", path + "/due-date", &manager, {{"due_on", "2026-06-30"}, {"reason", ""}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(contains(no_reason.body, "There is a problem"));
  EXPECT_TRUE(contains(no_reason.body, "href=\"#reason\">Say why the due date changes"));
  EXPECT_TRUE(contains(no_reason.body, "name=\"due_on\" value=\"2026-06-30\""));

  const Response future =
      world.call("POST", path + "/close", &manager, {{"completed_on", "2026-01-16"}, {"evidence", "Typed <evidence>"}});
  EXPECT_EQ(future.status, 400);
  EXPECT_TRUE(contains(future.body, "cannot be after today (2026-01-15)"));
  EXPECT_TRUE(contains(future.body, "Typed &lt;evidence&gt;</textarea>"));
  EXPECT_TRUE(contains(future.body, "name=\"completed_on\" value=\"2026-01-16\""));

  const Response not_a_date =
      world.call("POST", path + "/close", &manager, {{"completed_on", "yesterday"}, {"evidence", "Report"}});
  EXPECT_EQ(not_a_date.status, 400);
  EXPECT_TRUE(contains(not_a_date.body, "href=\"#completed_on\""));
  const auto api = json::parse(world.call("GET", "/api" + path, &manager).body);
  EXPECT_EQ(api["action"]["status"], "open");
  EXPECT_TRUE(api["history"].empty());
}

TEST(App, MyActionsListsTheCallersOwnAndEveryListPutsTheOverdueFirst) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  raise(world, manager, {{"title", "Due later"}, {"due_on", "2026-02-20"}});
  raise(world, manager, {{"title", "Overdue one"}, {"due_on", "2026-01-10"}});
  raise(world, manager, {{"title", "The lead's"}, {"owner_id", std::to_string(lead.user.id.value)}});
  const auto all = json::parse(world.call("GET", "/api/actions", &manager).body)["actions"];
  // Every overdue action before the others; "Overdue one" (due later than the others due
  // before today) still before "Due later".
  std::size_t overdue_one = all.size(), due_later = all.size(), first_in_time = all.size();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i]["title"] == "Overdue one") overdue_one = i;
    if (all[i]["title"] == "Due later") due_later = i;
    if (!all[i]["overdue"].get<bool>() && first_in_time == all.size()) first_in_time = i;
    if (first_in_time < i) EXPECT_FALSE(all[i]["overdue"].get<bool>()) << all[i]["title"];
  }
  EXPECT_LT(overdue_one, due_later);
  EXPECT_LT(overdue_one, first_in_time);
  const auto mine = json::parse(world.call("GET", "/api/actions?view=mine", &lead).body)["actions"];
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0]["title"], "The lead's");
  const Response page = world.call("GET", "/actions?view=mine", &lead);
  EXPECT_TRUE(contains(page.body, "<a href=\"/actions?view=mine\" aria-current=\"page\">My actions</a>"));
  // A raise refused for want of a date keeps the free-text owner typed.
  const Response refused = world.call(
      "POST", "/actions", &manager, {{"title", "Check"}, {"due_on", "soon"}, {"owner_id", ""}, {"owner_name", "Dr A"}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "name=\"owner_name\" value=\"Dr A\""));
  EXPECT_TRUE(contains(refused.body, "href=\"#due_on\""));
}

}  // namespace
}  // namespace clinaudit::http
