// A new trust's first user, added by the national body from the organisation's page under
// /admin/organisations (and POST /api/organisations/{id}/users), through App::handle on a
// real SQLite file: who may add one, what the page shows, and what is written.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>

#include "domain/user_admin.hpp"
#include "http/testing/test_world.hpp"
#include "platform/password.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::TestWorld;

using Fields = std::map<std::string, std::string>;

// A trust added by the national body, with nobody able to sign in for it yet.
OrganisationId new_trust(TestWorld& world) {
  const Response added = world.call("POST", "/api/organisations", &world.national_admin(),
                                    {{"code", "RXN"}, {"name", "Newtown Hospitals NHS Trust"}, {"type", "acute"}});
  EXPECT_EQ(added.status, 201) << added.body;
  const auto organisations = world.store().organisations().value();
  const auto found = std::find_if(organisations.begin(), organisations.end(),
                                  [](const domain::Organisation& o) { return o.code == "RXN"; });
  EXPECT_NE(found, organisations.end());
  return found->id;
}

Fields first_admin() {
  return {{"name", "Nia Newtown"},
          {"email", "Nia.Admin@Newtown.example"},
          {"role", "admin"},
          {"password", "a-long-enough-password"}};
}

TEST(OrganisationUsersApp, TheNationalBodyAddsANewTrustsFirstAdministratorFromItsPage) {
  TestWorld world;
  const auto trust = new_trust(world);
  const std::string page = "/admin/organisations/" + std::to_string(trust.value);

  const Response before = world.call("GET", page, &world.national_admin());
  ASSERT_EQ(before.status, 200) << before.body.substr(0, 300);
  EXPECT_TRUE(contains(before.body, "Nobody can sign in for this organisation yet")) << before.body;
  EXPECT_TRUE(contains(before.body, "Add a user to this organisation"));
  EXPECT_TRUE(contains(before.body, "action=\"" + page + "/users\""));
  // A trust cannot hold the national analyst's role, so the form does not offer it.
  EXPECT_FALSE(contains(before.body, "value=\"national_analyst\""));
  // The register's row leads to the form.
  EXPECT_TRUE(contains(world.call("GET", "/admin/organisations", &world.national_admin()).body, page + "#add-user"));

  const Response added = world.call("POST", page + "/users", &world.national_admin(), first_admin());
  ASSERT_EQ(added.status, 303) << added.body.substr(0, 500);
  EXPECT_EQ(added.header("Location"), page + "?done=user#users");
  const auto stored = world.store().user_by_email("nia.admin@newtown.example");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->organisation_id, trust);
  EXPECT_EQ(stored->role, Role::admin);
  EXPECT_EQ(stored->display_name, "Nia Newtown");

  const Response after = world.call("GET", page + "?done=user", &world.national_admin());
  EXPECT_TRUE(contains(after.body, "User added. They can sign in now.")) << after.body;
  EXPECT_TRUE(contains(after.body, "<td>Nia Newtown</td><td>nia.admin@newtown.example</td><td>Administrator</td>"))
      << after.body;
  EXPECT_FALSE(contains(after.body, "argon2"));

  // They sign in.
  const Response signed_in =
      world.call("POST", "/api/session", nullptr,
                 {{"email", "nia.admin@newtown.example"}, {"password", "a-long-enough-password"}});
  EXPECT_EQ(signed_in.status, 200) << signed_in.body;

  // The change is in the audit log, by the national body's administrator.
  const auto log = world.store().audit_log("user", 20).value();
  EXPECT_TRUE(std::any_of(log.begin(), log.end(), [&](const domain::AuditLogEntry& entry) {
    return entry.actor == world.national_admin().user.email && entry.action == "create" &&
           contains(entry.after, "nia.admin@newtown.example");
  }));

  // The API adds one too.
  Fields second = first_admin();
  second["email"] = "lead@newtown.example";
  second["role"] = "clinical_lead";
  const Response api = world.call("POST", "/api/organisations/" + std::to_string(trust.value) + "/users",
                                  &world.national_admin(), second);
  EXPECT_EQ(api.status, 201) << api.body;
  ASSERT_TRUE(world.store().user_by_email("lead@newtown.example"));
  EXPECT_EQ(world.store().user_by_email("lead@newtown.example")->organisation_id, trust);
}

TEST(OrganisationUsersApp, ARefusedUserShowsOnTheFormWithoutThePassword) {
  TestWorld world;
  const auto trust = new_trust(world);
  const std::string page = "/admin/organisations/" + std::to_string(trust.value);
  Fields person = first_admin();
  person["password"] = "too-short";
  const Response refused = world.call("POST", page + "/users", &world.national_admin(), person);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "password: use at least 12 characters")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "value=\"Nia.Admin@Newtown.example\""));  // what was typed is kept
  EXPECT_FALSE(contains(refused.body, "too-short"));                           // but never the password
  person = first_admin();
  person["role"] = "national_analyst";
  const Response analyst = world.call("POST", page + "/users", &world.national_admin(), person);
  EXPECT_EQ(analyst.status, 400);
  EXPECT_TRUE(contains(analyst.body, "Only users of the national body can be national audit analysts"));
  // An address already in use.
  person = first_admin();
  person["email"] = world.own().callers.at(Role::admin).user.email;
  EXPECT_EQ(world.call("POST", page + "/users", &world.national_admin(), person).status, 400);
  EXPECT_TRUE(world.store().users(trust).value().empty());
}

TEST(OrganisationUsersApp, ATrustAdministratorCannotAddUsersToAnotherOrganisation) {
  TestWorld world;
  const auto trust = new_trust(world);
  auto& trust_admin = world.own().callers.at(Role::admin);
  for (const OrganisationId target : {trust, world.other().id, world.national_body(), world.own().id}) {
    const std::string id = std::to_string(target.value);
    Fields person = first_admin();
    person["email"] = "intruder" + id + "@own.example";
    EXPECT_EQ(world.call("POST", "/admin/organisations/" + id + "/users", &trust_admin, person).status, 403) << id;
    EXPECT_EQ(world.call("POST", "/api/organisations/" + id + "/users", &trust_admin, person).status, 403) << id;
    EXPECT_FALSE(world.store().user_by_email(person["email"])) << id;
  }
  // The national analyst neither: adding users is the register managers' and administrators'.
  EXPECT_EQ(world
                .call("POST", "/admin/organisations/" + std::to_string(trust.value) + "/users", &world.analyst(),
                      first_admin())
                .status,
            403);
  EXPECT_TRUE(world.store().users(trust).value().empty());

  // The use case refuses it too, whoever calls it: a trust administrator adds only to their own.
  const domain::Principal principal{trust_admin.user.id, trust_admin.user.email, Role::admin, world.own().id,
                                    domain::OrganisationType::acute};
  const auto hash = [](std::string_view password) { return platform::hash_password(password); };
  const domain::Actor actor{trust_admin.user.id, trust_admin.user.email};
  const auto other = domain::add_user_to_organisation(
      world.store(), principal, actor, world.other().id,
      {"someone@other.example", "Some One", Role::admin, "a-long-enough-password"}, hash);
  ASSERT_FALSE(other);
  EXPECT_EQ(other.error().code, ErrorCode::forbidden);
  EXPECT_FALSE(world.store().user_by_email("someone@other.example"));
  const auto users = domain::organisation_users(world.store(), principal, world.other().id);
  ASSERT_FALSE(users);
  EXPECT_EQ(users.error().code, ErrorCode::forbidden);
  const auto own = domain::add_user_to_organisation(
      world.store(), principal, actor, world.own().id,
      {"someone@own.example", "Some One", Role::read_only, "a-long-enough-password"}, hash);
  EXPECT_TRUE(own) << own.error().message;
}

}  // namespace
}  // namespace clinaudit::http
