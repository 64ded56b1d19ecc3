// Keeping accounts through the web application, on a real SQLite file: an administrator
// changes a user's name and role, deactivates them (their sessions end at once and signing in
// is refused with a plain message) and reactivates them, and makes a one-time password link
// that works once and not after it expires.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "http/testing/test_world.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::Caller;
using testing::TestWorld;

std::string location(const Response& response) { return response.header("Location"); }

std::string user_path(const Caller& caller, const std::string& suffix = "") {
  return "/users/" + std::to_string(caller.user.id.value) + suffix;
}

bool logged_by(domain::Store& store, const std::string& entity, const std::string& actor) {
  auto log = store.audit_log(entity, 50);
  return log && std::any_of(log->begin(), log->end(),
                            [&](const domain::AuditLogEntry& entry) { return entry.actor == actor; });
}

TEST(UserAccounts, AnAdministratorChangesANameAndRoleOfTheirOwnOrganisationOnly) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response page = world.call("GET", user_path(lead), &admin);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_TRUE(contains(page.body, "Change name and role"));

  const Response changed =
      world.call("POST", user_path(lead), &admin, {{"name", "Dr Lee Grant"}, {"role", "audit_manager"}});
  ASSERT_EQ(changed.status, 303) << changed.body.substr(0, 400);
  EXPECT_EQ(location(changed), user_path(lead, "?done=changed"));
  const auto stored = world.store().user(lead.user.id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->display_name, "Dr Lee Grant");
  EXPECT_EQ(stored->role, Role::audit_manager);
  EXPECT_TRUE(logged_by(world.store(), "user", admin.user.email));

  // The API does the same.
  const Response api =
      world.call("POST", "/api" + user_path(lead), &admin, {{"name", "Lee Grant"}, {"role", "read_only"}});
  EXPECT_EQ(api.status, 200) << api.body;
  EXPECT_EQ(world.store().user(lead.user.id)->role, Role::read_only);

  // Another trust's user is not found, as for an id that does not exist.
  const auto& theirs = world.other().callers.at(Role::clinical_lead);
  EXPECT_EQ(world.call("POST", user_path(theirs), &admin, {{"name", "X"}, {"role", "admin"}}).status, 404);
  EXPECT_EQ(world.call("GET", "/api" + user_path(theirs), &admin).status, 404);
  EXPECT_EQ(world.store().user(theirs.user.id)->display_name, theirs.user.display_name);

  // Administrators do not change their own role.
  const Response own = world.call("POST", user_path(admin), &admin, {{"name", "Me"}, {"role", "read_only"}});
  EXPECT_EQ(own.status, 400);
  EXPECT_TRUE(contains(own.body, "You cannot change your own role")) << own.body.substr(0, 2000);
  EXPECT_EQ(world.store().user(admin.user.id)->role, Role::admin);
}

TEST(UserAccounts, ARefusedChangeKeepsWhatWasTypedAndMarksTheField) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response refused = world.call("POST", user_path(lead), &admin, {{"name", "  "}, {"role", "board_member"}});
  ASSERT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "<a href=\"#name\">Enter the person&#39;s name</a>")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "id=\"name-error\""));
  EXPECT_TRUE(contains(refused.body, "aria-describedby=\"name-error\" aria-invalid=\"true\""));
  EXPECT_TRUE(contains(refused.body, "<option value=\"board_member\" selected>"));
  EXPECT_EQ(world.store().user(lead.user.id)->role, Role::clinical_lead);
}

TEST(UserAccounts, DeactivationEndsTheSessionsAtOnceAndSigningInIsRefusedPlainly) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& member = world.own().callers.at(Role::board_member);
  const Caller second = world.new_session(member);
  ASSERT_EQ(world.call("GET", "/", &member).status, 200);

  const Response done = world.call("POST", user_path(member, "/deactivate"), &admin);
  ASSERT_EQ(done.status, 303) << done.body.substr(0, 400);
  EXPECT_EQ(location(done), user_path(member, "?done=deactivated"));
  // Both sessions are gone from the store, not only refused.
  for (const Caller* session : {&member, &second}) {
    const auto stored = world.store().session(platform::sha256_hex(session->token));
    ASSERT_FALSE(stored.has_value());
    EXPECT_EQ(stored.error().code, ErrorCode::not_found);
  }
  EXPECT_EQ(world.call("GET", "/", &member).status, 303);
  EXPECT_EQ(world.call("GET", "/api/me", &second).status, 401);

  const std::map<std::string, std::string> credentials{{"email", member.user.email},
                                                       {"password", testing::kTestPassword}};
  const Response page = world.call("POST", "/login", nullptr, credentials);
  EXPECT_EQ(page.status, 403);
  EXPECT_TRUE(contains(page.body, "Your account has been deactivated")) << page.body.substr(0, 2000);
  const Response api = world.call("POST", "/api/session", nullptr, credentials);
  EXPECT_EQ(api.status, 403);
  EXPECT_TRUE(contains(api.body, "deactivated")) << api.body;
  // A wrong password says nothing of the account.
  const Response wrong =
      world.call("POST", "/api/session", nullptr, {{"email", member.user.email}, {"password", "not it"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_FALSE(contains(wrong.body, "deactivated"));

  // Reactivated, the person signs in again.
  const Response back = world.call("POST", "/api" + user_path(member, "/reactivate"), &admin);
  EXPECT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(world.call("POST", "/api/session", nullptr, credentials).status, 200);
  EXPECT_TRUE(logged_by(world.store(), "user", admin.user.email));

  // Administrators do not deactivate themselves.
  EXPECT_EQ(world.call("POST", user_path(admin, "/deactivate"), &admin).status, 400);
  EXPECT_TRUE(world.store().user(admin.user.id)->active);
}

TEST(UserAccounts, AResetLinkWorksOnceAndEndsTheSessions) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response made = world.call("POST", "/api" + user_path(lead, "/password-reset"), &admin);
  ASSERT_EQ(made.status, 201) << made.body;
  const auto body = json::parse(made.body);
  const std::string link = body["link"];
  EXPECT_EQ(body["expires_at"], "2026-01-16T10:00:00Z");  // 24 hours after the fixed clock's now
  const std::string token = link.substr(std::string("/password-reset/").size());
  ASSERT_EQ(token.size(), 64u);
  // Only the token's hash is stored.
  EXPECT_TRUE(world.store().password_reset(platform::sha256_hex(token)));
  EXPECT_FALSE(world.store().password_reset(token));
  EXPECT_TRUE(logged_by(world.store(), "password_reset", admin.user.email));

  const Response form = world.call("GET", link, nullptr);
  ASSERT_EQ(form.status, 200) << form.body.substr(0, 400);
  EXPECT_TRUE(contains(form.body, lead.user.email));

  const Response short_one = world.call("POST", link, nullptr, {{"password", "too short"}});
  EXPECT_EQ(short_one.status, 400);
  EXPECT_TRUE(contains(short_one.body, "<a href=\"#password\">Use at least 12 characters</a>")) << short_one.body;

  const Response set = world.call("POST", link, nullptr, {{"password", "a brand new passphrase"}});
  ASSERT_EQ(set.status, 200) << set.body.substr(0, 400);
  EXPECT_TRUE(contains(set.body, "Your password is set"));
  EXPECT_EQ(world.call("GET", "/", &lead).status, 303);  // the old session ended
  EXPECT_EQ(
      world.call("POST", "/api/session", nullptr, {{"email", lead.user.email}, {"password", "a brand new passphrase"}})
          .status,
      200);
  EXPECT_EQ(
      world.call("POST", "/api/session", nullptr, {{"email", lead.user.email}, {"password", testing::kTestPassword}})
          .status,
      401);

  // A second use is refused and changes nothing.
  const Response again = world.call("POST", link, nullptr, {{"password", "another new passphrase"}});
  EXPECT_EQ(again.status, 409);
  EXPECT_TRUE(contains(again.body, "used already")) << again.body.substr(0, 2000);
  EXPECT_EQ(world.call("GET", link, nullptr).status, 409);
  EXPECT_EQ(
      world.call("POST", "/api/session", nullptr, {{"email", lead.user.email}, {"password", "a brand new passphrase"}})
          .status,
      200);
}

TEST(UserAccounts, AnExpiredOrUnknownResetLinkIsRefused) {
  TestWorld world;
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const std::string token(64, 'a');
  // Issued a day ago, it stopped working one second before the fixed clock's now.
  ASSERT_TRUE(world.store().add_password_reset(
      {platform::sha256_hex(token), lead.user.id, "2026-01-14T09:59:59Z", "2026-01-15T09:59:59Z", std::nullopt},
      domain::Actor{std::nullopt, "test"}));
  const Response expired =
      world.call("POST", "/password-reset/" + token, nullptr, {{"password", "a brand new passphrase"}});
  EXPECT_EQ(expired.status, 409);
  EXPECT_TRUE(contains(expired.body, "expired")) << expired.body.substr(0, 2000);
  EXPECT_EQ(world.call("GET", "/password-reset/" + token, nullptr).status, 409);
  EXPECT_EQ(
      world.call("POST", "/api/session", nullptr, {{"email", lead.user.email}, {"password", "a brand new passphrase"}})
          .status,
      401);
  EXPECT_EQ(world.call("GET", "/password-reset/" + std::string(64, 'b'), nullptr).status, 404);
}

TEST(UserAccounts, AResetLinkIsTheAdministratorsOwnOrganisationsAndShownOnce) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const auto& theirs = world.other().callers.at(Role::clinical_lead);
  EXPECT_EQ(world.call("POST", user_path(theirs, "/password-reset"), &admin).status, 404);
  EXPECT_EQ(world.call("POST", user_path(theirs, "/password-reset"), &world.national_admin()).status, 404);
  const auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response page = world.call("POST", user_path(lead, "/password-reset"), &admin);
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 400);
  EXPECT_TRUE(contains(page.body, "One-time password link"));
  EXPECT_TRUE(contains(page.body, "/password-reset/"));
  // Without the CSRF token, nothing is made.
  EXPECT_EQ(world.call("POST", user_path(lead, "/password-reset"), &admin, {{"csrf", "wrong"}}).status, 403);
}

// The chief executive acknowledges a confirmed alarm in person: the administrator names them
// on the users page (recorded in the audit log); then only they complete that stage, and
// until someone is named nobody can, and the case page says why.
TEST(UserAccounts, TheNamedChiefExecutiveAloneAcknowledgesAnAlarm) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  auto& manager = world.own().callers.at(Role::audit_manager);
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& board = world.own().callers.at(Role::board_member);

  // Nobody named: the stage is nobody's, and the refusal says what to do.
  ASSERT_EQ(world.call("POST", "/users/chief-executive", &admin, {{"chief_executive", ""}}).status, 303);
  EXPECT_FALSE(world.store().organisation(world.own().id)->chief_executive);
  const auto first = world.new_outlier_case_at(world.own(), "chief_executive_acknowledged");
  const std::string stage = "/api/outliers/" + std::to_string(first.value) + "/stage";
  const Response unnamed = world.call("POST", stage, &board, {{"decision", "done"}, {"note", "Acknowledged"}});
  EXPECT_EQ(unnamed.status, 403);
  EXPECT_TRUE(contains(unnamed.body, "has named none")) << unnamed.body;

  // The administrator names the clinical lead; the page says who holds the duty.
  const Response named =
      world.call("POST", "/users/chief-executive", &admin, {{"chief_executive", std::to_string(lead.user.id.value)}});
  ASSERT_EQ(named.status, 303) << named.body.substr(0, 400);
  EXPECT_EQ(location(named), "/users?done=chief-executive#chief-executive");
  EXPECT_EQ(world.store().organisation(world.own().id)->chief_executive, lead.user.id);
  EXPECT_TRUE(logged_by(world.store(), "organisation chief executive", admin.user.email));
  const Response users = world.call("GET", "/users?done=chief-executive", &admin);
  EXPECT_TRUE(contains(users.body, "The chief executive was saved.")) << users.body.substr(0, 3000);
  EXPECT_TRUE(contains(users.body, "<option value=\"" + std::to_string(lead.user.id.value) + "\" selected>"));

  // Another trust's user, or an unknown one, is refused at the field and changes nothing.
  const auto& theirs = world.other().callers.at(Role::board_member);
  const Response elsewhere =
      world.call("POST", "/users/chief-executive", &admin, {{"chief_executive", std::to_string(theirs.user.id.value)}});
  EXPECT_EQ(elsewhere.status, 400);
  EXPECT_TRUE(contains(elsewhere.body, "The chief executive was not changed.")) << elsewhere.body.substr(0, 3000);
  EXPECT_TRUE(contains(elsewhere.body, "Choose a person from the list"));
  EXPECT_EQ(world.store().organisation(world.own().id)->chief_executive, lead.user.id);

  // Now the stage is the clinical lead's in person: not the board member's, nor the audit manager's.
  EXPECT_EQ(world.call("POST", stage, &board, {{"decision", "done"}, {"note", "Acknowledged"}}).status, 403);
  const Response team = world.call("POST", stage, &manager, {{"decision", "done"}, {"note", "Acknowledged"}});
  EXPECT_EQ(team.status, 403);
  EXPECT_TRUE(contains(team.body, "chief executive in person")) << team.body;
  const Response page = world.call("GET", "/outliers/" + std::to_string(first.value), &lead);
  EXPECT_TRUE(contains(page.body, "action=\"/outliers/" + std::to_string(first.value) + "/stage\""))
      << page.body.substr(0, 4000);
  const Response done =
      world.call("POST", stage, &lead, {{"decision", "done"}, {"note", "Acknowledged; review begun"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(world.store().outlier_case(first)->stage, "public_disclosure");
  // A deactivated person cannot be named.
  ASSERT_EQ(world.call("POST", user_path(board, "/deactivate"), &admin).status, 303);
  const Response inactive = world.call("POST", "/api/users/chief-executive", &admin,
                                       {{"chief_executive", std::to_string(board.user.id.value)}});
  EXPECT_EQ(inactive.status, 400);
  EXPECT_TRUE(contains(inactive.body, "deactivated")) << inactive.body;
}

}  // namespace
}  // namespace clinaudit::http
