// The web application below HTTP: App::handle on a real SQLite file.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>

#include "domain/cusum_monitoring.hpp"
#include "domain/stored_provider_cusum.hpp"
#include "http/testing/test_world.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

TEST(App, SignsInWithTheFormAndSetsAStrictHttpOnlyCookie) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::audit_manager).user;
  const Response ok = world.call("POST", "/login", nullptr,
                                 {{"email", user.email}, {"password", testing::kTestPassword}, {"next", "/actions"}});
  EXPECT_EQ(ok.status, 303);
  EXPECT_EQ(ok.header("Location"), "/actions");
  const std::string cookie = ok.header("Set-Cookie");
  EXPECT_TRUE(contains(cookie, "HttpOnly")) << cookie;
  EXPECT_TRUE(contains(cookie, "SameSite=Strict")) << cookie;
  EXPECT_FALSE(contains(cookie, "Secure")) << cookie;
  // The cookie's token opens a session.
  const std::string token = cookie.substr(cookie.find('=') + 1, 64);
  testing::Caller fresh{token, "", user};
  EXPECT_EQ(world.call("GET", "/api/me", &fresh).status, 200);
}

TEST(App, RefusesAnOffSiteRedirectAfterSignIn) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::audit_manager).user;
  const Response ok =
      world.call("POST", "/login", nullptr,
                 {{"email", user.email}, {"password", testing::kTestPassword}, {"next", "//evil.example/"}});
  EXPECT_EQ(ok.header("Location"), "/");
}

// The request parser decodes the form once, so "next=/%09/evil.example/phish" arrives with a
// tab, which browsers drop: the Location would be //evil.example/phish, another host.
TEST(App, SignInNeverRedirectsToAnotherHost) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::audit_manager).user;
  for (const char* next :
       {"/\t/evil.example/phish", "/\n/evil.example", "//evil.example", "/\\evil.example", "/%5Cevil.example",
        "%2F%2Fevil.example", "/%2F%2Fevil.example", "http://evil.example", "/\r\nSet-Cookie: x=y"}) {
    const Response signed_in = world.call(
        "POST", "/login", nullptr, {{"email", user.email}, {"password", testing::kTestPassword}, {"next", next}});
    EXPECT_EQ(signed_in.status, 303);
    EXPECT_EQ(signed_in.header("Location"), "/") << "next: " << next;
  }
  // The sign-in page carries the same decision in its form.
  Request page;
  page.method = "GET";
  page.path = "/login";
  page.query.emplace("next", "/\t/evil.example/phish");
  const Response form = world.app().handle(page);
  EXPECT_FALSE(contains(form.body, "evil.example")) << form.body;
}

TEST(App, AWrongPasswordIs401AndRepeatedFailuresAreThrottled) {
  TestWorld world;
  const auto& user = world.own().callers.at(Role::board_member).user;
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(world.call("POST", "/login", nullptr, {{"email", user.email}, {"password", "wrong"}}).status, 401);
  }
  // Even the right password is refused now, for this account.
  EXPECT_EQ(world.call("POST", "/login", nullptr, {{"email", user.email}, {"password", testing::kTestPassword}}).status,
            429);
  const Response api = world.call("POST", "/api/session", nullptr, {{"email", user.email}, {"password", "x"}});
  EXPECT_EQ(api.status, 429);
  EXPECT_EQ(json::parse(api.body)["error"]["code"], "forbidden");
  // Another account from the same address still may.
  const auto& other = world.own().callers.at(Role::read_only).user;
  EXPECT_EQ(world.call("POST", "/api/session", nullptr, {{"email", other.email}, {"password", testing::kTestPassword}})
                .status,
            200);
}

TEST(App, SignOutEndsTheSession) {
  TestWorld world;
  auto& caller = world.own().callers.at(Role::clinical_lead);
  EXPECT_EQ(world.call("GET", "/api/me", &caller).status, 200);
  EXPECT_EQ(world.call("DELETE", "/api/session", &caller).status, 200);
  EXPECT_EQ(world.call("GET", "/api/me", &caller).status, 401);
}

TEST(App, TheSignOutFormEndsTheSessionAndTheOldCookieNoLongerWorks) {
  TestWorld world;
  auto& lead = world.own().callers.at(Role::clinical_lead);
  auto& manager = world.own().callers.at(Role::audit_manager);
  ASSERT_EQ(world.call("GET", "/", &lead).status, 200);
  // Without the session's CSRF token a forged form cannot sign anyone out.
  EXPECT_EQ(world.call("POST", "/logout", &lead, {{"csrf", manager.csrf}}).status, 403);
  ASSERT_EQ(world.call("GET", "/api/me", &lead).status, 200);

  const Response out = world.call("POST", "/logout", &lead);
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(out.header("Location"), "/login");
  EXPECT_TRUE(contains(out.header("Set-Cookie"), std::string(kSessionCookie) + "=;")) << out.header("Set-Cookie");
  // The old cookie opens nothing now, page or API, and a second sign-out changes nothing.
  const Response page = world.call("GET", "/", &lead);
  EXPECT_EQ(page.status, 303);
  EXPECT_EQ(page.header("Location").rfind("/login", 0), 0u);
  EXPECT_EQ(world.call("GET", "/api/me", &lead).status, 401);
  EXPECT_EQ(world.call("POST", "/api/actions", &lead, {{"title", "t"}, {"due_on", "2026-02-01"}}).status, 401);
  // Another user's session is untouched; the sign-out is in the audit log.
  EXPECT_EQ(world.call("GET", "/api/me", &manager).status, 200);
  auto log = world.store().audit_log("session", 10);
  ASSERT_TRUE(log) << log.error().message;
  EXPECT_TRUE(std::any_of(log->begin(), log->end(), [&](const domain::AuditLogEntry& entry) {
    return entry.action == "logout" && entry.actor == lead.user.email;
  }));
}

TEST(App, StateChangesNeedTheCsrfToken) {
  TestWorld world;
  auto& caller = world.own().callers.at(Role::audit_manager);
  const Response api = world.call("POST", "/api/actions", &caller, {{"title", "t"}, {"due_on", "2026-02-01"}}, false);
  EXPECT_EQ(api.status, 403);
  EXPECT_TRUE(contains(api.body, "did not come from this site"));
  const Response form =
      world.call("POST", "/actions", &caller, {{"title", "t"}, {"due_on", "2026-02-01"}, {"csrf", "nope"}});
  EXPECT_EQ(form.status, 403);
  // Another session's token does not work either.
  const auto& someone_else = world.own().callers.at(Role::admin);
  const Response borrowed =
      world.call("POST", "/actions", &caller, {{"title", "t"}, {"due_on", "2026-02-01"}, {"csrf", someone_else.csrf}});
  EXPECT_EQ(borrowed.status, 403);
}

TEST(App, EveryResponseCarriesTheSecurityHeaders) {
  TestWorld world;
  for (const auto& response : {world.call("GET", "/login", nullptr), world.call("GET", "/api/nothing", nullptr),
                               world.call("GET", "/", &world.own().callers.at(Role::board_member))}) {
    const std::string csp = response.header("Content-Security-Policy");
    EXPECT_TRUE(contains(csp, "default-src 'none'")) << csp;
    EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << csp;
    EXPECT_FALSE(contains(csp, "unsafe-inline")) << csp;
    EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
    EXPECT_EQ(response.header("Referrer-Policy"), "same-origin");
  }
}

TEST(App, ErrorsHaveOneJsonFormat) {
  TestWorld world;
  const Response missing = world.call("GET", "/api/nothing", nullptr);
  EXPECT_EQ(missing.status, 404);
  const auto body = json::parse(missing.body);
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_TRUE(body["error"].contains("message"));
  EXPECT_TRUE(body["error"].contains("details"));
  auto& caller = world.own().callers.at(Role::audit_manager);
  const Response bad = world.call("POST", "/api/actions", &caller, {{"title", "t"}, {"due_on", "31/01/2026"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json::parse(bad.body)["error"]["code"], "invalid_input");
}

TEST(App, AnOrganisationNeverSeesAnothersUnpublishedResults) {
  TestWorld world;
  const std::string other_name = "Trust " + world.other().code;
  const std::string own_name = "Trust " + world.own().code;
  const std::string audit = std::to_string(world.national_audit().value);
  const Response trust = world.call("GET", "/audits/" + audit, &world.own().callers.at(Role::board_member));
  EXPECT_EQ(trust.status, 200);
  EXPECT_FALSE(contains(trust.body, other_name));
  const Response api = world.call("GET", "/api/audits/" + audit, &world.own().callers.at(Role::board_member));
  EXPECT_FALSE(contains(api.body, other_name));
  const auto measures = json::parse(api.body)["measures"];
  ASSERT_EQ(measures.size(), 1u);
  ASSERT_EQ(measures[0]["results"].size(), 1u);  // its own result only
  EXPECT_EQ(measures[0]["results"][0]["numerator"], 12.0);
  // Both trusts take part, so the national view lists both.
  for (const auto& provider : {world.own().id, world.other().id}) {
    domain::Participation p;
    p.organisation_id = provider;
    p.audit_id = world.national_audit();
    p.year = FinancialYear{2025};
    p.participating = true;
    ASSERT_TRUE(world.store().upsert_participation({p}, domain::Actor{std::nullopt, "test"}));
  }
  // The national analyst sees every provider.
  const Response national = world.call("GET", "/national/audits/" + audit, &world.analyst());
  EXPECT_EQ(national.status, 200);
  EXPECT_TRUE(contains(national.body, other_name));
  EXPECT_TRUE(contains(national.body, own_name));
}

TEST(App, ActionsAreCreatedAndClosedOnceWithEvidence) {
  TestWorld world;
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const Response created = world.call("POST", "/api/actions", &lead,
                                      {{"title", "Audit the audit"},
                                       {"due_on", "2026-03-31"},
                                       {"audit_id", std::to_string(world.national_audit().value)}});
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = json::parse(created.body)["id"].get<std::int64_t>();
  const std::string close = "/api/actions/" + std::to_string(id) + "/close";
  EXPECT_EQ(world.call("POST", close, &lead, {}).status, 400);  // evidence is required
  EXPECT_EQ(world.call("POST", close, &lead, {{"evidence", "Minutes of 1 Feb"}}).status, 200);
  EXPECT_EQ(world.call("POST", close, &lead, {{"evidence", "again"}}).status, 409);
  const auto list = json::parse(world.call("GET", "/api/actions", &lead).body)["actions"];
  bool found = false;
  for (const auto& action : list) {
    if (action["id"] == id) {
      found = true;
      EXPECT_EQ(action["status"], "completed");
      EXPECT_EQ(action["evidence"], "Minutes of 1 Feb");
      EXPECT_EQ(action["completed_on"], "2026-01-15");
    }
  }
  EXPECT_TRUE(found);
  // The other trust's list does not show it.
  const auto theirs = world.call("GET", "/api/actions", &world.other().callers.at(Role::admin)).body;
  EXPECT_FALSE(contains(theirs, "Audit the audit"));
  // And the change is in the audit log, with who made it.
  auto log = world.store().audit_log("action", 20);
  ASSERT_TRUE(log);
  bool logged = false;
  for (const auto& entry : *log) logged = logged || entry.actor == lead.user.email;
  EXPECT_TRUE(logged);
}

TEST(App, ParticipationFormReportsABadCountAndSavesAGoodOne) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string n = std::to_string(world.national_audit().value);
  const Response bad =
      world.call("POST", "/participation?year=2025/26", &manager,
                 {{"eligible_" + n, "yes"}, {"participating_" + n, "yes"}, {"submitted_" + n, "lots"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(contains(bad.body, "submitted_" + n)) << bad.body.substr(0, 2000);
  EXPECT_TRUE(contains(bad.body, "error-summary"));
  const Response good = world.call(
      "POST", "/participation?year=2025/26", &manager,
      {{"eligible_" + n, "yes"}, {"participating_" + n, "yes"}, {"submitted_" + n, "45"}, {"required_" + n, "50"}});
  EXPECT_EQ(good.status, 200);
  const auto saved = json::parse(world.call("GET", "/api/participation?year=2025/26", &manager).body);
  ASSERT_EQ(saved["audits"].size(), 1u);
  EXPECT_EQ(saved["audits"][0]["participation"]["cases_submitted"], 45);
  EXPECT_DOUBLE_EQ(saved["audits"][0]["participation"]["case_ascertainment"].get<double>(), 0.9);
}

TEST(App, ImportShowsEveryProblemAndWritesNothingUntilTheFileIsClean) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string audit_code = "NAT-" + world.suffix();
  const std::string bad_csv =
      "organisation_code,audit_code,year,eligible,participating,cases_submitted,cases_required\n" + world.own().code +
      "," + audit_code + ",2025/26,yes,maybe,10,20\n" + "NOPE," + audit_code + ",2025/26,yes,yes,10,20\n";
  const Response bad = world.call_body("POST", "/api/imports/participation", manager, bad_csv);
  EXPECT_EQ(bad.status, 422);
  const auto problems = json::parse(bad.body)["error"]["details"]["problems"];
  ASSERT_GE(problems.size(), 2u) << bad.body;
  EXPECT_EQ(problems[0]["row"], 2);
  EXPECT_EQ(problems[0]["column"], "participating");
  EXPECT_EQ(problems[1]["row"], 3);
  auto none = world.store().participation_of(world.own().id, FinancialYear{2025});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  // Rows for another organisation are refused for a trust user.
  const std::string theirs =
      "organisation_code,audit_code,year,eligible\n" + world.other().code + "," + audit_code + ",2025/26,yes\n";
  EXPECT_EQ(world.call_body("POST", "/api/imports/participation", manager, theirs).status, 422);
  const std::string good = "organisation_code,audit_code,year,eligible,participating\n" + world.own().code + "," +
                           audit_code + ",2025/26,yes,yes\n";
  const Response done = world.call_body("POST", "/api/imports/participation", manager, good);
  EXPECT_EQ(done.status, 201) << done.body;
  auto one = world.store().participation_of(world.own().id, FinancialYear{2025});
  ASSERT_TRUE(one);
  EXPECT_EQ(one->size(), 1u);
}

TEST(App, ImportPageChecksThenConfirms) {
  TestWorld world;
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const std::string good =
      "organisation_code,audit_code,year,eligible\n" + world.own().code + ",NAT-" + world.suffix() + ",2025/26,no\n";
  Request upload;
  upload.method = "POST";
  upload.path = "/import";
  upload.headers["cookie"] = std::string(kSessionCookie) + "=" + lead.token;
  upload.fields = {{"csrf", lead.csrf}, {"kind", "participation"}};
  upload.files["file"] = UploadedFile{"p.csv", "text/csv", good};
  const Response checked = world.app().handle(upload);
  ASSERT_EQ(checked.status, 200) << checked.body;
  const auto at = checked.body.find("name=\"token\" value=\"");
  ASSERT_NE(at, std::string::npos);
  const std::string token = checked.body.substr(at + 20, 32);
  EXPECT_TRUE(world.store().participation_of(world.own().id, FinancialYear{2025})->empty());
  // Someone else cannot confirm it.
  auto& manager = world.own().callers.at(Role::audit_manager);
  EXPECT_EQ(world.call("POST", "/import/confirm", &manager, {{"token", token}}).status, 404);
  EXPECT_EQ(world.call("POST", "/import/confirm", &lead, {{"token", token}}).status, 200);
  EXPECT_EQ(world.store().participation_of(world.own().id, FinancialYear{2025})->size(), 1u);
}

TEST(App, AdminsAddUsersButNotNationalAnalystsOutsideTheNationalBody) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const std::map<std::string, std::string> person{{"email", "New.Person@Own.example"},
                                                  {"name", "New Person"},
                                                  {"role", "audit_manager"},
                                                  {"password", "long enough password"}};
  EXPECT_EQ(world.call("POST", "/api/users", &admin, person).status, 201);
  EXPECT_EQ(world.call("POST", "/api/users", &admin, person).status, 409);
  auto analyst = person;
  analyst["email"] = "analyst2@own.example";
  analyst["role"] = "national_analyst";
  EXPECT_EQ(world.call("POST", "/api/users", &admin, analyst).status, 403);
  const auto added = world.store().user_by_email("new.person@own.example");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->organisation_id, world.own().id);
  EXPECT_TRUE(added->password_hash.rfind("$argon2id$", 0) == 0);
  const auto listed = world.call("GET", "/api/users", &admin).body;
  EXPECT_FALSE(contains(listed, "argon2"));
}

TEST(App, TheUsersFormAddsAUserToTheAdminsOwnOrganisationOnly) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  const std::map<std::string, std::string> person{{"email", "Form.Person@Own.example"},
                                                  {"name", "Form Person"},
                                                  {"role", "clinical_lead"},
                                                  {"password", "long enough password"},
                                                  {"organisation_id", std::to_string(world.other().id.value)}};
  const Response added = world.call("POST", "/users", &admin, person);
  EXPECT_EQ(added.status, 200) << added.body.substr(0, 300);
  EXPECT_TRUE(contains(added.body, "User added.")) << added.body.substr(0, 300);
  EXPECT_TRUE(contains(added.body, "form.person@own.example"));
  // Added to the admin's organisation, whatever the form says.
  const auto stored = world.store().user_by_email("form.person@own.example");
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->organisation_id, world.own().id);
  EXPECT_EQ(stored->role, Role::clinical_lead);
  // The new user signs in and sees their own organisation.
  const Response signed_in = world.call("POST", "/api/session", nullptr,
                                        {{"email", "form.person@own.example"}, {"password", "long enough password"}});
  EXPECT_EQ(signed_in.status, 200) << signed_in.body;
  // The change is in the audit log, by the admin.
  auto log = world.store().audit_log("user", 20);
  ASSERT_TRUE(log);
  EXPECT_TRUE(std::any_of(log->begin(), log->end(),
                          [&](const domain::AuditLogEntry& entry) { return entry.actor == admin.user.email; }));
}

TEST(App, OnlyAdminsAddUsersAndNoTrustUserBecomesANationalAnalyst) {
  TestWorld world;
  const std::map<std::string, std::string> person{
      {"email", "someone@own.example"}, {"name", "Someone"}, {"role", "admin"}, {"password", "long enough password"}};
  for (const Role role : {Role::audit_manager, Role::clinical_lead, Role::board_member, Role::read_only}) {
    EXPECT_EQ(world.call("POST", "/users", &world.own().callers.at(role), person).status, 403) << to_string(role);
  }
  EXPECT_EQ(world.call("POST", "/users", &world.analyst(), person).status, 403);
  EXPECT_EQ(world.call("POST", "/users", nullptr, person).status, 303);  // to the sign-in page
  EXPECT_FALSE(world.store().user_by_email("someone@own.example"));

  auto analyst = person;
  analyst["role"] = "national_analyst";
  const Response refused = world.call("POST", "/users", &world.own().callers.at(Role::admin), analyst);
  EXPECT_EQ(refused.status, 400);
  EXPECT_TRUE(contains(refused.body, "Only users of the national body can be national audit analysts"))
      << refused.body.substr(0, 300);
  EXPECT_FALSE(world.store().user_by_email("someone@own.example"));
  // The national body's administrator may add one.
  EXPECT_EQ(world.call("POST", "/users", &world.national_admin(), analyst).status, 200);
  const auto added = world.store().user_by_email("someone@own.example");
  ASSERT_TRUE(added);
  EXPECT_EQ(added->organisation_id, world.national_body());
}

// A trust's results import sees only the audits the trust may see: another trust's local
// audit is answered exactly like a code that exists nowhere, and nothing is written to it.
TEST(App, AResultsImportCannotReachAnotherTrustsLocalAudit) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const auto local_measure = [&](const testing::Trust& trust) {
    domain::Measure measure;
    measure.audit_id = trust.local_audit;
    measure.code = "consent";
    measure.name = "Consent recorded";
    measure.type = domain::MeasureType::proportion;
    return world.store().add_measure(measure, domain::Actor{std::nullopt, "test"}).value();
  };
  const auto theirs = local_measure(world.other());
  local_measure(world.own());
  const auto upload = [&](const std::string& audit_code) {
    return world.call_body("POST", "/api/imports/results", manager,
                           "audit_code,measure_code,organisation_code,period,numerator,denominator\n" + audit_code +
                               ",consent," + world.own().code + ",2025/26,8,10\n");
  };
  const Response other = upload("LA-" + world.other().code);
  ASSERT_EQ(other.status, 422) << other.body;
  const Response nowhere = upload("LA-NOWHERE");
  ASSERT_EQ(nowhere.status, 422) << nowhere.body;
  const auto problem = [](const Response& response) {
    return json::parse(response.body)["error"]["details"]["problems"].at(0);
  };
  EXPECT_EQ(problem(other)["column"], "audit_code");
  EXPECT_EQ(problem(other)["message"], "is not a known audit");
  EXPECT_EQ(problem(other)["message"], problem(nowhere)["message"]);
  EXPECT_TRUE(world.store().results_of(theirs, std::nullopt)->empty());
  // Participation names the same audit as unknown too, not as "a local audit".
  const Response participation = world.call_body(
      "POST", "/api/imports/participation", manager,
      "organisation_code,audit_code,year\n" + world.own().code + ",LA-" + world.other().code + ",2025/26\n");
  ASSERT_EQ(participation.status, 422) << participation.body;
  EXPECT_EQ(problem(participation)["message"], "is not a known audit");
  // The trust's own local audit takes its results.
  const Response own = upload("LA-" + world.own().code);
  EXPECT_EQ(own.status, 201) << own.body;
}

TEST(App, OnlyNationalAnalystsImportPublishedResults) {
  TestWorld world;
  const std::string header = "audit_code,measure_code,organisation_code,period,numerator,expected,published\n";
  const std::string row = "NAT-" + world.suffix() + ",m1," + world.own().code + ",2024/25,12,20,yes\n";
  const Response trust = world.call_body("POST", "/api/imports/results?dry_run=true",
                                         world.own().callers.at(Role::audit_manager), header + row);
  ASSERT_EQ(trust.status, 422) << trust.body;
  const auto problem = json::parse(trust.body)["error"]["details"]["problems"].at(0);
  EXPECT_EQ(problem["row"], 2);
  EXPECT_EQ(problem["column"], "published");
  const Response national = world.call_body("POST", "/api/imports/results", world.analyst(), header + row);
  EXPECT_EQ(national.status, 201) << national.body;
  // The national body's import of a year that has ended (2024/25, on 15 January 2026) is
  // checked for outliers at once; one provider is no funnel, and the answer says so.
  const auto checks = json::parse(national.body)["outlier_checks"];
  ASSERT_EQ(checks.size(), 1u) << national.body;
  EXPECT_EQ(checks[0]["measure"], "m1");
  EXPECT_EQ(checks[0]["period"], "2024/25");
  EXPECT_EQ(checks[0]["providers"], 1);
  EXPECT_EQ(checks[0]["cases_opened"], 0);
  EXPECT_TRUE(contains(checks[0]["findings"].get<std::string>(), "fewer than three providers")) << national.body;
}

// The page after an import of yearly results says what their outlier check found, to the
// supplier who runs the outlier process; a trust's own results are checked by the daily job.
TEST(App, TheImportPageShowsTheOutlierCheckOfAnEndedYearsResults) {
  TestWorld world;
  const auto import_and_confirm = [&](testing::Caller& who, const std::string& rows) {
    Request upload;
    upload.method = "POST";
    upload.path = "/import";
    upload.headers["cookie"] = std::string(kSessionCookie) + "=" + who.token;
    upload.fields = {{"csrf", who.csrf}, {"kind", "results"}};
    upload.files["file"] = UploadedFile{"r.csv", "text/csv",
                                        "audit_code,measure_code,organisation_code,period,numerator,expected\n" + rows};
    const Response checked = world.app().handle(upload);
    EXPECT_EQ(checked.status, 200) << checked.body;
    const auto at = checked.body.find("name=\"token\" value=\"");
    EXPECT_NE(at, std::string::npos) << checked.body;
    if (at == std::string::npos) return Response{};
    return world.call("POST", "/import/confirm", &who, {{"token", checked.body.substr(at + 20, 32)}});
  };
  const std::string audit = "NAT-" + world.suffix();
  const Response trust = import_and_confirm(world.own().callers.at(Role::audit_manager),
                                            audit + ",m1," + world.own().code + ",2024/25,12,20\n");
  ASSERT_EQ(trust.status, 200) << trust.body;
  EXPECT_FALSE(contains(trust.body, "Outlier check")) << trust.body;
  const Response national =
      import_and_confirm(world.analyst(), audit + ",m1," + world.other().code + ",2024/25,30,20\n");
  ASSERT_EQ(national.status, 200) << national.body;
  EXPECT_TRUE(contains(national.body, "<h2>Outlier check of the yearly results</h2>")) << national.body;
  EXPECT_TRUE(contains(national.body, "<li>Mortality, 2024/25: fewer than three providers have results for the year"))
      << national.body;
  EXPECT_FALSE(contains(national.body, "See the outlier cases")) << national.body;
}

TEST(App, PagesHaveASkipLinkOneHeadingAndNoScript) {
  TestWorld world;
  auto& manager = world.own().callers.at(Role::audit_manager);
  const std::string survey = "/surveys/" + std::to_string(world.survey().value);
  for (const std::string& path : {std::string("/"), std::string("/audits"), std::string("/actions"),
                                  std::string("/participation"), std::string("/outliers"), std::string("/import"),
                                  std::string("/reports"), std::string("/reports/quality-account"), survey}) {
    const Response page = world.call("GET", path, &manager);
    ASSERT_EQ(page.status, 200) << path;
    EXPECT_TRUE(contains(page.body, "href=\"#main\"")) << path;
    EXPECT_TRUE(contains(page.body, "<main id=\"main\"")) << path;
    EXPECT_EQ(page.body.find("<h1"), page.body.rfind("<h1")) << path << ": more than one h1";
    EXPECT_FALSE(contains(page.body, "<script")) << path;
    EXPECT_FALSE(contains(page.body, "style=\"")) << path;
    EXPECT_FALSE(contains(page.body, "<style")) << path;
  }
}

TEST(App, ReportsAreTheOrganisationsOwnDocuments) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);
  const Response qa = world.call("GET", "/reports/quality-account?year=2025/26", &board);
  ASSERT_EQ(qa.status, 200) << qa.body.substr(0, 300);
  EXPECT_TRUE(contains(qa.body, "Trust " + world.own().code));
  EXPECT_FALSE(contains(qa.body, "Trust " + world.other().code));
  // The seeded national audit is on the 2025/26 list for acute trusts, and nobody recorded
  // whether this trust is eligible: the statement lists that gap instead of counting it.
  EXPECT_TRUE(contains(qa.body, "National audit " + world.suffix())) << qa.body;
  EXPECT_TRUE(contains(qa.body, "Before publishing"));

  const Response markdown = world.call("GET", "/reports/quality-account.md?year=2025/26", &board);
  ASSERT_EQ(markdown.status, 200);
  EXPECT_EQ(markdown.content_type, "text/markdown; charset=utf-8");
  EXPECT_TRUE(contains(markdown.header("Content-Disposition"), "quality-account-" + world.own().code + "-2025-26.md"));

  const Response pack = world.call("GET", "/reports/board-pack?meeting=2026-01-20", &board);
  ASSERT_EQ(pack.status, 200) << pack.body.substr(0, 300);
  EXPECT_TRUE(contains(pack.body, "<!DOCTYPE html>"));
  EXPECT_TRUE(contains(pack.body, "Trust " + world.own().code));
  EXPECT_FALSE(contains(pack.body, "<script"));
  const std::string policy = pack.header("Content-Security-Policy");
  EXPECT_TRUE(contains(policy, "default-src 'none'")) << policy;
  EXPECT_FALSE(contains(policy, "script-src")) << policy;
  EXPECT_EQ(world.call("GET", "/reports/board-pack?meeting=20-01-2026", &board).status, 400);

  const Response workbook = world.call("GET", "/reports/board-pack.xlsx?meeting=2026-01-20", &board);
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");  // a zip container, as every XLSX is
}

TEST(App, AnAlarmMovesThroughItsStagesByWhoseTurnItIs) {
  TestWorld world;
  const auto id = world.new_outlier_case(world.own());
  const std::string path = "/api/outliers/" + std::to_string(id.value);
  auto& analyst = world.analyst();
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const auto stage_of = [&] { return json::parse(world.call("GET", path, &lead).body)["outlier_case"]["stage"]; };
  ASSERT_EQ(stage_of(), "data_check");
  // Opened on Thursday 15 January 2026; 10 working days for the data check: due Thursday 29 January.
  EXPECT_EQ(json::parse(world.call("GET", path, &lead).body)["outlier_case"]["stage_due_on"], "2026-01-29");
  // The data check is the audit provider's: the trust cannot complete it.
  EXPECT_EQ(world.call("POST", path + "/stage", &lead, {{"decision", "done"}}).status, 403);
  EXPECT_EQ(world.call("POST", path + "/stage", &analyst, {{"decision", "done"}, {"note", "Data verified"}}).status,
            200);
  EXPECT_EQ(stage_of(), "lead_clinician_informed");
  // A stage is not completed without a note of what was done.
  const Response no_note = world.call("POST", path + "/stage", &analyst, {{"decision", "done"}, {"note", " "}});
  EXPECT_EQ(no_note.status, 400);
  EXPECT_TRUE(contains(no_note.body, "note: enter what was done")) << no_note.body;
  EXPECT_EQ(stage_of(), "lead_clinician_informed");
  EXPECT_EQ(world.call("POST", path + "/stage", &analyst, {{"decision", "done"}, {"note", "Letter sent"}}).status, 200);
  // Now the provider's lead clinician must respond; the analyst cannot do it for them.
  EXPECT_EQ(stage_of(), "provider_response");
  EXPECT_EQ(world.call("POST", path + "/stage", &analyst, {{"decision", "done"}, {"note", "x"}}).status, 403);
  EXPECT_EQ(world.call("POST", path + "/stage", &lead, {{"decision", "withdraw"}, {"note", "x"}}).status, 400);
  EXPECT_EQ(world.call("POST", path + "/stage", &lead, {{"decision", "perhaps"}, {"note", "x"}}).status, 400);
  EXPECT_EQ(world.call("POST", path + "/stage", &lead, {{"decision", "done"}, {"note", "Case notes reviewed"}}).status,
            200);
  EXPECT_EQ(stage_of(), "review");
  const auto view = json::parse(world.call("GET", path, &analyst).body);
  ASSERT_EQ(view["events"].size(), 3u);
  EXPECT_EQ(view["events"][0]["by"], analyst.user.email);
  EXPECT_NE(view["events"][0]["what"].get<std::string>().find("Data verified"), std::string::npos);
  EXPECT_EQ(view["events"][2]["by"], lead.user.email);
  // Withdrawn at review by the audit provider: the case closes and nobody can act on it.
  EXPECT_EQ(world.call("POST", path + "/stage", &analyst, {{"decision", "withdraw"}, {"note", "Explanation accepted"}})
                .status,
            200);
  EXPECT_EQ(json::parse(world.call("GET", path, &lead).body)["outlier_case"]["status"], "withdrawn");
  EXPECT_EQ(world.call("POST", path + "/stage", &analyst, {{"decision", "done"}}).status, 409);
  const Response page = world.call("GET", "/outliers/" + std::to_string(id.value), &lead);
  EXPECT_TRUE(contains(page.body, "Case notes reviewed"));
  EXPECT_FALSE(contains(page.body, "Complete the current stage"));
}

// The form asks for confirmation before a stage is completed: a POST without confirm=yes
// answers with "Complete stage '...'?" restating the note, and changes nothing; Go back shows
// the form again with what was typed; an empty note is refused with the error summary.
TEST(App, CompletingAStageOnThePageAsksForConfirmationFirst) {
  TestWorld world;
  const auto id = world.new_outlier_case(world.own());
  const std::string page_path = "/outliers/" + std::to_string(id.value);
  auto& analyst = world.analyst();
  const auto stage_of = [&] {
    return json::parse(world.call("GET", "/api" + page_path, &analyst).body)["outlier_case"]["stage"];
  };

  const Response empty = world.call("POST", page_path + "/stage", &analyst, {{"decision", "done"}, {"note", ""}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(contains(empty.body, "There is a problem")) << empty.body;
  EXPECT_TRUE(contains(empty.body, "<a href=\"#note\">Enter what was done")) << empty.body;
  EXPECT_TRUE(contains(empty.body, "aria-invalid=\"true\"")) << empty.body;
  // Confirming with an empty note is refused just the same.
  EXPECT_EQ(world.call("POST", page_path + "/stage", &analyst, {{"decision", "done"}, {"note", ""}, {"confirm", "yes"}})
                .status,
            400);
  EXPECT_EQ(stage_of(), "data_check");

  const Response ask =
      world.call("POST", page_path + "/stage", &analyst, {{"decision", "done"}, {"note", "Model re-run <ok>"}});
  ASSERT_EQ(ask.status, 200) << ask.body;
  EXPECT_TRUE(contains(ask.body, "<h1>Complete stage 'The audit provider checks the data and the analysis'?</h1>"))
      << ask.body;
  EXPECT_TRUE(contains(ask.body, "Model re-run &lt;ok&gt;")) << ask.body;
  EXPECT_TRUE(contains(ask.body, "name=\"confirm\" value=\"yes\">Confirm</button>")) << ask.body;
  EXPECT_TRUE(contains(ask.body, "name=\"confirm\" value=\"back\">Go back</button>")) << ask.body;
  EXPECT_EQ(stage_of(), "data_check");

  const Response back = world.call("POST", page_path + "/stage", &analyst,
                                   {{"decision", "done"}, {"note", "Model re-run <ok>"}, {"confirm", "back"}});
  EXPECT_EQ(back.status, 200);
  EXPECT_TRUE(contains(back.body, ">Model re-run &lt;ok&gt;</textarea>")) << back.body;
  EXPECT_EQ(stage_of(), "data_check");

  const Response done = world.call("POST", page_path + "/stage", &analyst,
                                   {{"decision", "done"}, {"note", "Model re-run <ok>"}, {"confirm", "yes"}});
  EXPECT_EQ(done.status, 303);
  EXPECT_EQ(done.header("Location"), page_path);
  EXPECT_EQ(stage_of(), "lead_clinician_informed");
  // Someone else's stage: refused before any confirmation is asked.
  EXPECT_EQ(world
                .call("POST", page_path + "/stage", &world.own().callers.at(Role::clinical_lead),
                      {{"decision", "done"}, {"note", "x"}})
                .status,
            403);
}

// The party that owns the stage completed last reopens it with a reason, recorded in the
// case's record; the other party is refused, and an empty reason is refused on the page
// with what was typed kept.
TEST(App, TheOwnerReopensAStageCompletedByMistake) {
  TestWorld world;
  const auto id = world.new_outlier_case(world.own());
  const std::string page_path = "/outliers/" + std::to_string(id.value);
  auto& analyst = world.analyst();
  auto& lead = world.own().callers.at(Role::clinical_lead);
  ASSERT_EQ(
      world.call("POST", "/api" + page_path + "/stage", &analyst, {{"decision", "done"}, {"note", "Checked"}}).status,
      200);
  EXPECT_TRUE(contains(world.call("GET", page_path, &analyst).body, "Reopen the stage completed last"));
  EXPECT_FALSE(contains(world.call("GET", page_path, &lead).body, "Reopen the stage completed last"));
  EXPECT_EQ(world.call("POST", page_path + "/reopen", &lead, {{"reason", "Not ours"}}).status, 403);
  EXPECT_EQ(world.call("POST", "/api" + page_path + "/reopen", &lead, {{"reason", "Not ours"}}).status, 403);

  const Response empty = world.call("POST", page_path + "/reopen", &analyst, {{"reason", "  "}});
  EXPECT_EQ(empty.status, 400);
  EXPECT_TRUE(contains(empty.body, "The stage was not reopened.")) << empty.body;
  EXPECT_TRUE(contains(empty.body, "<a href=\"#reason\">Enter why the stage is reopened")) << empty.body;

  const Response reopened = world.call("POST", page_path + "/reopen", &analyst, {{"reason", "Wrong case"}});
  EXPECT_EQ(reopened.status, 303);
  const auto view = json::parse(world.call("GET", "/api" + page_path, &analyst).body);
  EXPECT_EQ(view["outlier_case"]["stage"], "data_check");
  // Reopened on Thursday 15 January: 10 working days on.
  EXPECT_EQ(view["outlier_case"]["stage_due_on"], "2026-01-29");
  ASSERT_EQ(view["events"].size(), 2u);
  EXPECT_EQ(view["events"][1]["what"], "The audit provider checks the data and the analysis: reopened. Wrong case");
  EXPECT_EQ(view["events"][1]["by"], analyst.user.email);
  // Nothing is left to reopen at the first stage.
  EXPECT_EQ(world.call("POST", "/api" + page_path + "/reopen", &analyst, {{"reason", "Again"}}).status, 409);
}

TEST(App, SurveyPageShowsSharesWithWilsonIntervals) {
  TestWorld world;
  const Response page =
      world.call("GET", "/surveys/" + std::to_string(world.survey().value), &world.own().callers.at(Role::read_only));
  ASSERT_EQ(page.status, 200) << page.body.substr(0, 300);
  // 2 of 3 answered "Poor": 66.7%, Wilson 95% interval 20.8% to 93.9% (binom::binom.wilson(2, 3):
  // 0.2077 to 0.9385).
  EXPECT_TRUE(contains(page.body, "66.7%")) << page.body;
  EXPECT_TRUE(contains(page.body, "20.8%")) << page.body;
  EXPECT_TRUE(contains(page.body, "93.9%")) << page.body;
  EXPECT_TRUE(contains(page.body, "<svg"));
  const Response csv = world.call("GET", "/surveys/" + std::to_string(world.survey().value) + ".csv",
                                  &world.own().callers.at(Role::read_only));
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(contains(csv.body, "Poor")) << csv.body;
  const Response workbook = world.call("GET", "/surveys/" + std::to_string(world.survey().value) + ".xlsx",
                                       &world.own().callers.at(Role::read_only));
  ASSERT_EQ(workbook.status, 200);
  EXPECT_EQ(workbook.body.substr(0, 2), "PK");
  EXPECT_EQ(world.call("GET", "/surveys/999999", &world.own().callers.at(Role::read_only)).status, 404);
}

// Each trust's seeded action, unowned, was due on Saturday 10 January 2026; on Thursday the
// 15th it is 4 working days overdue, which its audit managers hear about in the app.
TEST(App, NotificationsListTheCallersOwnMessagesOnly) {
  TestWorld world;
  const Response manager = world.call("GET", "/api/notifications", &world.own().callers.at(Role::audit_manager));
  ASSERT_EQ(manager.status, 200) << manager.body;
  const auto body = json::parse(manager.body);
  ASSERT_EQ(body["notifications"].size(), 1u) << manager.body;
  const auto& notification = body["notifications"][0];
  EXPECT_EQ(notification["kind"], "action_overdue");
  EXPECT_EQ(notification["key"], "action:" + std::to_string(world.own().action.value) + ":overdue:2026-01-10");
  EXPECT_EQ(notification["subject"],
            "Action overdue: Action of " + world.own().code + " (due 2026-01-10, 4 working days overdue)");
  EXPECT_FALSE(notification.contains("recipients"));
  EXPECT_FALSE(contains(manager.body, "Action of " + world.other().code));
  // It links to the action's own page.
  const std::string action = std::to_string(world.own().action.value);
  EXPECT_EQ(notification["link"], "/actions/" + action);
  const Response action_page = world.call("GET", "/actions/" + action, &world.own().callers.at(Role::audit_manager));
  EXPECT_EQ(action_page.status, 200);
  EXPECT_TRUE(contains(action_page.body, "Action of " + world.own().code)) << action_page.body;

  const Response reader = world.call("GET", "/api/notifications", &world.own().callers.at(Role::read_only));
  ASSERT_EQ(reader.status, 200);
  EXPECT_TRUE(json::parse(reader.body)["notifications"].empty()) << reader.body;
  // The page shows the same message; the reader is told nothing needs them.
  const Response page = world.call("GET", "/notifications", &world.own().callers.at(Role::audit_manager));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "Action overdue: Action of " + world.own().code)) << page.body;
  EXPECT_TRUE(contains(page.body, "<a href=\"/actions/" + action + "\">Open action " + action + "</a>")) << page.body;
  EXPECT_TRUE(contains(world.call("GET", "/notifications", &world.own().callers.at(Role::read_only)).body,
                       "Nothing needs you today"));
}

// 100 episodes from 1 April 2025, one a day: every 5th is the own trust's and dies, the
// other trust's all survive (national rate 0.2). cusum_story_episodes gives them as a CSV.
domain::EpisodeColumns story_episodes(TestWorld& world) {
  domain::EpisodeColumns episodes;
  episodes.audit_id = world.national_audit();
  auto& outcome = episodes.add_column("outcome", domain::ValueType::yes_no).numbers;
  const Date first = Date::parse("2025-04-01").value();
  for (int i = 0; i < 100; ++i) {
    const bool own = i % 5 == 0;
    episodes.provider.push_back(own ? world.own().id : world.other().id);
    episodes.admission_date.push_back(first.plus_days(i));
    outcome.push_back(own ? 1 : 0);
  }
  return episodes;
}

TEST(App, TheNationalProviderPageDrawsTheProvidersRiskAdjustedCusum) {
  TestWorld world;
  // Intercept-only model: every episode's expected risk is the national rate, 20 / 100 = 0.2.
  // The own trust's 20 patients all die; the upper chart (odds ratio 2) adds
  // ln 2 - ln(1 + 0.2) = 0.5108 per death, so it crosses 4.5 at the 9th death (4.597),
  // resets, and crosses again at the 18th: two signals. Deaths never move the lower chart.
  const domain::EpisodeColumns episodes = story_episodes(world);
  auto writer = world.store().begin_episodes(world.national_audit(), {"outcome"}, domain::Actor{std::nullopt, "test"});
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->append(episodes));
  ASSERT_TRUE((*writer)->commit());

  // Written behind the use cases' back: the page fits nothing, so it has no CUSUM to show yet.
  const std::string base = "/national/audits/" + std::to_string(world.national_audit().value) + "/providers/";
  const std::string own_page = base + std::to_string(world.own().id.value) + "?year=2025/26";
  EXPECT_TRUE(contains(world.call("GET", own_page, &world.analyst()).body, "No CUSUM has been computed for 2025/26"));
  // The daily job computes it and the page reads what it stored.
  ASSERT_TRUE(domain::refresh_all_provider_cusum(world.store(), *Date::parse("2026-01-15"), "test",
                                                 domain::Actor{std::nullopt, "test"}));
  const Response page = world.call("GET", own_page, &world.analyst());
  ASSERT_EQ(page.status, 200) << page.body;
  EXPECT_TRUE(contains(page.body, "20 episodes in order of admission")) << page.body;
  EXPECT_TRUE(contains(page.body, "2 signal(s)")) << page.body;
  EXPECT_TRUE(contains(page.body, "Computed from the year's episodes at 20")) << page.body;
  EXPECT_TRUE(contains(page.body, "<figure class=\"chart cusum\"><svg"));
  EXPECT_TRUE(contains(page.body, "admitted 2025-05-11: upper CUSUM 4.597")) << page.body;
  // The other trust's 80 survivors each take ln(1 - 0.2 + 0.5 * 0.2) = -0.1054 from the lower
  // chart (odds ratio 0.5), which crosses -4 at the 38th survivor (-4.004) and the 76th.
  const Response other =
      world.call("GET", base + std::to_string(world.other().id.value) + "?year=2025/26", &world.analyst());
  EXPECT_TRUE(contains(other.body, "80 episodes in order of admission")) << other.body;
  EXPECT_TRUE(contains(other.body, "2 signal(s)"));
  // No episodes in another year: nothing computed; an unknown provider is not found.
  EXPECT_TRUE(
      contains(world.call("GET", base + std::to_string(world.own().id.value) + "?year=2024/25", &world.analyst()).body,
               "No CUSUM has been computed for 2024/25"));
  EXPECT_EQ(world.call("GET", base + "999999?year=2025/26", &world.analyst()).status, 404);
}

TEST(App, NationalAnalystsImportEpisodesWholeOrNotAtAll) {
  TestWorld world;
  const std::string audit = "NAT-" + world.suffix();
  const std::string header = "organisation_code,admission_date,outcome,age\n";
  const std::string good = header + world.own().code + ",2025-05-01,0,71\n" + world.other().code +
                           ",2025-05-02,1,84\n" + world.own().code + ",2025-05-03,0,66\n";
  const auto stored = [&] {
    return world.store()
        .episodes(world.national_audit(), Date::parse("2025-04-01").value(), Date::parse("2026-03-31").value())
        ->size();
  };
  // A trust cannot load national patient-level data.
  auto& manager = world.own().callers.at(Role::audit_manager);
  EXPECT_EQ(world.call_body("POST", "/api/imports/episodes?audit=" + audit, manager, good).status, 403);
  // A bad row: the problem by row and column, and nothing saved.
  const std::string bad = good + world.own().code + ",2025-02-30,0,70\n";
  const Response refused = world.call_body("POST", "/api/imports/episodes?audit=" + audit, world.analyst(), bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  const auto problems = json::parse(refused.body)["error"]["details"]["problems"];
  ASSERT_EQ(problems.size(), 1u) << refused.body;
  EXPECT_EQ(problems[0]["row"], 5);
  EXPECT_EQ(problems[0]["column"], "admission_date");
  EXPECT_EQ(stored(), 0u);
  EXPECT_EQ(world.call_body("POST", "/api/imports/episodes?audit=NOPE", world.analyst(), good).status, 404);

  // Through the page: check, then confirm; the three episodes land together.
  Request upload;
  upload.method = "POST";
  upload.path = "/import";
  upload.headers["cookie"] = std::string(kSessionCookie) + "=" + world.analyst().token;
  upload.fields = {{"csrf", world.analyst().csrf}, {"kind", "episodes"}, {"audit", audit}};
  upload.files["file"] = UploadedFile{"episodes.csv", "text/csv", good};
  const Response checked = world.app().handle(upload);
  ASSERT_EQ(checked.status, 200) << checked.body;
  EXPECT_TRUE(contains(checked.body, "3 rows of episodes for " + audit + " (columns: outcome, age)")) << checked.body;
  const auto at = checked.body.find("name=\"token\" value=\"");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(stored(), 0u);
  const Response confirmed =
      world.call("POST", "/import/confirm", &world.analyst(), {{"token", checked.body.substr(at + 20, 32)}});
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_TRUE(contains(confirmed.body, "Imported 3 rows."));
  EXPECT_EQ(stored(), 3u);
}

std::string results_csv(TestWorld& world, SurveyId survey) {
  return world
      .call("GET", "/surveys/" + std::to_string(survey.value) + ".csv", &world.own().callers.at(Role::read_only))
      .body;
}

TEST(App, ASurveyLinkIsAnsweredOnceAndTheAnswerCountsInTheResults) {
  TestWorld world;
  const std::string link = "/respond/" + world.new_survey_link();
  EXPECT_TRUE(contains(results_csv(world, world.survey()), "board,Good,1,3,")) << results_csv(world, world.survey());

  // No session needed: the token in the link is the credential.
  const Response form = world.call("GET", link, nullptr);
  ASSERT_EQ(form.status, 200) << form.body;
  EXPECT_TRUE(contains(form.body, "<fieldset id=\"q-board\"><legend>1. How does the board engage with audit?"))
      << form.body;
  EXPECT_TRUE(contains(form.body,
                       "<input type=\"radio\" id=\"q-board-1\" name=\"q.board\" value=\"Good\">"
                       "<label for=\"q-board-1\">Good</label>"))
      << form.body;
  EXPECT_TRUE(contains(form.body, "action=\"" + link + "\""));
  EXPECT_TRUE(contains(form.body, "href=\"#main\""));
  EXPECT_EQ(form.body.find("<h1"), form.body.rfind("<h1"));
  EXPECT_FALSE(contains(form.body, "<script"));
  EXPECT_FALSE(contains(form.body, "style=\""));

  const Response saved = world.call("POST", link, nullptr, {{"q.board", "Good"}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_TRUE(contains(saved.body, "Thank you"));
  const std::string after = results_csv(world, world.survey());
  EXPECT_TRUE(contains(after, "board,Good,2,4,")) << after;
  const Response page =
      world.call("GET", "/surveys/" + std::to_string(world.survey().value), &world.own().callers.at(Role::read_only));
  EXPECT_TRUE(contains(page.body, "4 respondents")) << page.body;
  // Tagged from the invitation; anonymous, so nothing links it to the invitee.
  const auto responses = world.store().survey_responses(world.survey());
  ASSERT_TRUE(responses.has_value());
  ASSERT_EQ(responses->size(), 4U);
  EXPECT_EQ(responses->back().region, "North West");
  EXPECT_EQ(responses->back().role, "audit manager");
  EXPECT_EQ(responses->back().organisation_type, domain::OrganisationType::acute);
  EXPECT_FALSE(responses->back().invitation_id);

  // The link works once: a second answer is refused and changes nothing.
  const Response again = world.call("POST", link, nullptr, {{"q.board", "Poor"}});
  EXPECT_EQ(again.status, 410) << again.body;
  EXPECT_TRUE(contains(again.body, "already been answered")) << again.body;
  EXPECT_EQ(results_csv(world, world.survey()), after);
  EXPECT_EQ(world.call("GET", link, nullptr).status, 410);

  EXPECT_EQ(world.call("GET", "/respond/" + std::string(64, 'a'), nullptr).status, 404);
  EXPECT_EQ(world.call("POST", "/respond/" + std::string(64, 'a'), nullptr, {{"q.board", "Good"}}).status, 404);
  EXPECT_EQ(world.call("GET", "/respond/short", nullptr).status, 404);
}

SurveyId staff_survey(TestWorld& world, bool anonymous) {
  domain::Survey survey;
  survey.title = "Audit staffing " + world.suffix();
  survey.wave = "2026";
  survey.anonymous = anonymous;
  survey.questions = {
      {0, "board", "Board engagement?", domain::QuestionKind::likert, {"Poor", "Adequate", "Good"}},
      {0, "tools", "Which tools do you use?", domain::QuestionKind::multiple_choice, {"Spreadsheet", "Database"}},
      {0, "staff", "Audit staff (WTE)?", domain::QuestionKind::number, {}},
      {0, "notes", "Anything else?", domain::QuestionKind::free_text, {}},
  };
  return world.store().add_survey(survey, domain::Actor{std::nullopt, "test"}).value();
}

TEST(App, ABadAnswerIsShownAtItsQuestionWithTheAnswersKeptAndNothingSaved) {
  TestWorld world;
  const auto survey = staff_survey(world, true);
  const std::string token = world.new_survey_link(survey);
  const std::string link = "/respond/" + token;
  const Response form = world.call("GET", link, nullptr);
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "type=\"checkbox\" id=\"q-tools-1\" name=\"q.tools.1\" value=\"Database\""));
  EXPECT_TRUE(contains(form.body, "<label for=\"q-staff\">3. Audit staff (WTE)?</label>"));
  EXPECT_TRUE(contains(form.body, "<textarea id=\"q-notes\" name=\"q.notes\""));

  const Response bad = world.call("POST", link, nullptr,
                                  {{"q.board", "Excellent"},
                                   {"q.tools.0", "Spreadsheet"},
                                   {"q.staff", "two"},
                                   {"q.notes", "<b>Short</b> staffed"}});
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_TRUE(contains(bad.body, "Question 1: &#39;Excellent&#39; is not one of the answers to choose from"))
      << bad.body;
  EXPECT_TRUE(contains(bad.body, "<a href=\"#q-staff\">Question 3:")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "id=\"q-staff-error\"")) << bad.body;
  // What was typed comes back, escaped.
  EXPECT_TRUE(contains(bad.body, "value=\"two\"")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "&lt;b&gt;Short&lt;/b&gt; staffed</textarea>")) << bad.body;
  EXPECT_TRUE(contains(bad.body, "value=\"Spreadsheet\" checked>")) << bad.body;
  EXPECT_FALSE(contains(bad.body, "<b>Short"));
  EXPECT_TRUE(world.store().survey_responses(survey)->empty());
  EXPECT_FALSE(world.store().survey_invitation(survey_link_hash(token))->used);

  // Corrected (and one question skipped), it is saved.
  const Response good = world.call("POST", link, nullptr,
                                   {{"q.board", "Good"},
                                    {"q.tools.0", "Spreadsheet"},
                                    {"q.tools.1", "Database"},
                                    {"q.staff", ""},
                                    {"q.notes", "Short staffed"}});
  ASSERT_EQ(good.status, 200) << good.body;
  const auto responses = world.store().survey_responses(survey);
  ASSERT_EQ(responses->size(), 1U);
  EXPECT_EQ(responses->front().answers,
            (std::vector<std::pair<std::string, std::string>>{
                {"board", "Good"}, {"tools", "Spreadsheet;Database"}, {"notes", "Short staffed"}}));
}

TEST(App, OnlyANamedSurveyLinksAResponseToItsInvitation) {
  TestWorld world;
  const auto anonymous = staff_survey(world, true);
  const auto named = staff_survey(world, false);
  const std::string anonymous_token = world.new_survey_link(anonymous);
  const std::string named_token = world.new_survey_link(named);
  ASSERT_EQ(world.call("POST", "/respond/" + anonymous_token, nullptr, {{"q.board", "Poor"}}).status, 200);
  ASSERT_EQ(world.call("POST", "/respond/" + named_token, nullptr, {{"q.board", "Poor"}}).status, 200);
  EXPECT_FALSE(world.store().survey_responses(anonymous)->front().invitation_id);
  EXPECT_EQ(world.store().survey_responses(named)->front().invitation_id,
            world.store().survey_invitation(survey_link_hash(named_token))->id);
  // The anonymous response's log entry says nothing of the invitee either.
  const auto log = world.store().audit_log("survey_response", 10);
  ASSERT_TRUE(log.has_value());
  for (const auto& entry : *log) EXPECT_FALSE(contains(entry.after, "invitee@example.nhs.uk")) << entry.after;
}

TEST(App, AnOversizedSurveyAnswerIsRefusedUnread) {
  TestWorld world;
  const std::string link = "/respond/" + world.new_survey_link();
  const Response response = world.call("POST", link, nullptr, {{"q.board", std::string(300 * 1024, 'x')}});
  EXPECT_EQ(response.status, 413);
  EXPECT_FALSE(world.store().survey_invitation(survey_link_hash(link.substr(9)))->used);
}

// 100 episodes from 1 April 2025, one a day: every 5th is the own trust's and dies, the
// other trust's all survive (national rate 0.2).
std::string cusum_story_episodes(TestWorld& world) {
  std::string csv = "organisation_code,admission_date,outcome\n";
  const Date first = Date::parse("2025-04-01").value();
  for (int i = 0; i < 100; ++i) {
    const bool own = i % 5 == 0;
    csv += (own ? world.own().code : world.other().code) + "," + first.plus_days(i).to_string() + "," +
           (own ? "1" : "0") + "\n";
  }
  return csv;
}

// Two servers on one database, as behind a load balancer: an import through one stores the
// audit's CUSUM monitoring, and the other's dashboard reads it from the database.
TEST(App, AnImportThroughOneServerChangesTheCusumSignalsAnotherServes) {
  TestWorld world;
  auto second_store = storage::open_store(world.database_url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  App second(**second_store, world.clock(), AppConfig{});
  auto& board = world.own().callers.at(Role::board_member);
  const auto dashboard = [&](App& app, testing::Caller& caller) {
    const Response response = world.call_on(app, "GET", "/api/dashboard", &caller);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body);
  };
  EXPECT_TRUE(dashboard(second, board)["cusum_signals"].empty());  // no episodes yet
  EXPECT_TRUE(dashboard(second, board)["cusum_monitoring"].empty());
  EXPECT_TRUE(contains(world.call_on(second, "GET", "/", &board).body, "Not computed yet"));

  // As in the provider page's test: the national rate is 0.2, the own trust's 20 patients
  // all die and its upper chart signals at the 9th and 18th deaths; the other trust's 80
  // survivors signal twice on the lower chart. Imported through the first server.
  const std::string csv = cusum_story_episodes(world);
  const Response imported =
      world.call_body("POST", "/api/imports/episodes?audit=NAT-" + world.suffix(), world.analyst(), csv);
  ASSERT_EQ(imported.status, 201) << imported.body;

  const auto seen = dashboard(second, board);
  const auto& own = seen["cusum_signals"];
  ASSERT_EQ(own.size(), 2u) << own;
  EXPECT_EQ(own[0]["side"], "upper");
  EXPECT_EQ(own[0]["episodes_monitored"], 9);
  EXPECT_EQ(own[1]["episodes_monitored"], 18);
  ASSERT_EQ(seen["cusum_monitoring"].size(), 1u);
  EXPECT_EQ(seen["cusum_monitoring"][0]["episodes"], 100);
  EXPECT_EQ(seen["cusum_monitoring"][0]["window_to"], world.clock().today().to_string());
  EXPECT_EQ(dashboard(world.app(), board), seen);  // the two servers agree
  const auto other = dashboard(second, world.other().callers.at(Role::board_member))["cusum_signals"];
  ASSERT_EQ(other.size(), 2u) << other;
  EXPECT_EQ(other[0]["side"], "lower");
  const Response page = world.call_on(second, "GET", "/", &board);
  EXPECT_TRUE(contains(page.body, "Mortality rising")) << page.body;
  EXPECT_TRUE(contains(page.body, "computed on 2026-01-15 from 100 episodes admitted 2024-01-16 to 2026-01-15"))
      << page.body;
}

// No page fits a case-mix model: episodes that arrive without an import (written to the
// database directly) show no signal until the daily job computes the monitoring.
TEST(App, TheDashboardShowsNoCusumSignalUntilTheMonitoringIsComputed) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);
  const auto signals = [&] {
    const Response response = world.call("GET", "/api/dashboard", &board);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body)["cusum_signals"];
  };
  const domain::EpisodeColumns episodes = story_episodes(world);
  const domain::Actor loader{std::nullopt, "test loader"};
  auto writer = world.store().begin_episodes(world.national_audit(), {"outcome"}, loader);
  ASSERT_TRUE(writer);
  ASSERT_TRUE((*writer)->append(episodes));
  ASSERT_TRUE((*writer)->commit());
  EXPECT_TRUE(signals().empty());

  const auto computed =
      domain::refresh_all_cusum_monitoring(world.store(), world.clock().today(), CLINAUDIT_VERSION, loader);
  ASSERT_TRUE(computed);
  EXPECT_EQ(*computed, 1);
  EXPECT_EQ(signals().size(), 2u);
}

// A national analyst's run is stored with its CUSUM signals, and the national page lists both.
// The episodes are the dashboard test's: the national rate is 0.2, the own trust's 20 patients
// (every 5th admission from 1 April 2025) all die, so its upper chart signals at its 9th death
// (admitted 11 May 2025) and 18th (25 June); the other trust's 80 survivors signal twice on the
// lower chart. Running again on the same data stores a second run and no new signal.
TEST(App, ANationalRunIsStoredWithItsCusumSignalsAndListedOnTheNationalPage) {
  TestWorld world;
  auto& analyst = world.analyst();
  const std::string csv = cusum_story_episodes(world);
  ASSERT_EQ(world.call_body("POST", "/api/imports/episodes?audit=NAT-" + world.suffix(), analyst, csv).status, 201);
  const std::string audit = std::to_string(world.national_audit().value);
  const Response ran = world.call("POST", "/national/audits/" + audit + "/analyse?year=2025/26", &analyst);
  ASSERT_EQ(ran.status, 200) << ran.body;
  EXPECT_TRUE(contains(ran.body, "4 new CUSUM signal(s) recorded")) << ran.body;

  const auto national = [&] {
    const Response page = world.call("GET", "/api/national/audits/" + audit + "?year=2025/26", &analyst);
    EXPECT_EQ(page.status, 200) << page.body;
    return json::parse(page.body);
  };
  auto view = national();
  ASSERT_EQ(view["analysis_runs"].size(), 1u) << view.dump().substr(0, 3000);
  EXPECT_EQ(view["analysis_runs"][0]["episodes"], 100);
  EXPECT_EQ(view["analysis_runs"][0]["input_checksum"].get<std::string>().size(), 16u);
  EXPECT_EQ(view["analysis_runs"][0]["parameters"]["cusum"]["upper_limit"], 4.5);
  EXPECT_EQ(view["analysis_runs"][0]["created_by"], analyst.user.email);
  const auto& alerts = view["cusum_alerts"];
  ASSERT_EQ(alerts.size(), 4u) << alerts;
  std::vector<std::string> own_upper;
  for (const auto& alert : alerts) {
    if (alert["organisation_id"] == world.own().id.value) {
      EXPECT_EQ(alert["side"], "upper");
      own_upper.push_back(alert["signalled_on"].get<std::string>());
    } else {
      EXPECT_EQ(alert["side"], "lower");
    }
  }
  EXPECT_EQ(own_upper, (std::vector<std::string>{"2025-05-11", "2025-06-25"}));
  const Response page = world.call("GET", "/national/audits/" + audit + "?year=2025/26", &analyst);
  EXPECT_TRUE(contains(page.body, "Worse than expected")) << page.body;
  EXPECT_TRUE(contains(page.body, view["analysis_runs"][0]["input_checksum"].get<std::string>())) << page.body;

  const Response again = world.call("POST", "/national/audits/" + audit + "/analyse?year=2025/26", &analyst);
  EXPECT_TRUE(contains(again.body, "0 new CUSUM signal(s) recorded")) << again.body;
  view = national();
  EXPECT_EQ(view["analysis_runs"].size(), 2u);
  EXPECT_EQ(view["analysis_runs"][0]["input_checksum"], view["analysis_runs"][1]["input_checksum"]);
  EXPECT_EQ(view["cusum_alerts"].size(), 4u);
}

// The default table with the data check lengthened to 15 working days and the lead
// clinician's notice to 8, as a revision of the guidance might.
std::string revised_timetable() {
  std::string csv = domain::OutlierTimetable::default_timetable().to_csv();
  const auto replace = [&csv](const std::string& from, const std::string& to) {
    const auto at = csv.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    csv.replace(at, from.size(), to);
  };
  replace("the analysis,audit_provider,10\n", "the analysis,audit_provider,15\n");
  replace("check the data and explain,audit_provider,5\n", "check the data and explain,audit_provider,8\n");
  return csv;
}

TEST(App, TheNationalBodysNewTimetableSetsTheDeadlinesOfNewCasesAndStages) {
  TestWorld world;
  auto& admin = world.national_admin();
  auto& analyst = world.analyst();
  auto& lead = world.own().callers.at(Role::clinical_lead);
  const auto before = world.new_outlier_case(world.own());
  const std::string before_path = "/api/outliers/" + std::to_string(before.value);
  const auto case_of = [&](const std::string& path) {
    return json::parse(world.call("GET", path, &lead).body)["outlier_case"];
  };
  ASSERT_EQ(case_of(before_path)["stage_due_on"], "2026-01-29");  // 10 working days from Thursday 15 January

  const Response stored = world.call("POST", "/admin/outlier-timetable", &admin,
                                     {{"name", "HQIP 2026 guidance"}, {"csv", revised_timetable()}});
  ASSERT_EQ(stored.status, 303) << stored.body;
  const Response page = world.call("GET", stored.header("Location"), &admin);
  EXPECT_TRUE(contains(page.body, "HQIP 2026 guidance")) << page.body;
  EXPECT_TRUE(contains(page.body, "The new stage table is in force.")) << page.body;

  // Everyone reads the table in force.
  const auto table = json::parse(world.call("GET", "/api/outlier-timetable", &lead).body);
  EXPECT_EQ(table["in_force"]["name"], "HQIP 2026 guidance");
  EXPECT_EQ(table["stages"][0]["key"], "data_check");
  EXPECT_EQ(table["stages"][0]["working_days"], 15);
  ASSERT_EQ(table["versions"].size(), 1u);

  // The open case keeps the deadline it was given...
  EXPECT_EQ(case_of(before_path)["stage_due_on"], "2026-01-29");
  // ...and the stage it enters next takes the new one: 8 working days from 15 January.
  ASSERT_EQ(world.call("POST", before_path + "/stage", &analyst, {{"decision", "done"}, {"note", "Checked"}}).status,
            200);
  EXPECT_EQ(case_of(before_path)["stage"], "lead_clinician_informed");
  EXPECT_EQ(case_of(before_path)["stage_due_on"], "2026-01-27");
  // A case opened now: 15 working days for the data check, due Thursday 5 February.
  const auto after = world.new_outlier_case(world.own());
  EXPECT_EQ(case_of("/api/outliers/" + std::to_string(after.value))["stage_due_on"], "2026-02-05");

  // The change is in the audit log, by the administrator.
  auto log = world.store().audit_log("outlier_timetable", 5);
  ASSERT_TRUE(log) << log.error().message;
  ASSERT_EQ(log->size(), 1u);
  EXPECT_TRUE(contains((*log)[0].actor, admin.user.email)) << (*log)[0].actor;
}

TEST(App, ABadTimetableIsRefusedWithItsLineAndColumnAndNothingStored) {
  TestWorld world;
  auto& admin = world.national_admin();
  std::string csv = revised_timetable();
  csv += "alarm,extra_step,An extra step,trust,ten\nsevere,odd,Odd,provider,1\n";
  const Response refused =
      world.call("POST", "/admin/outlier-timetable", &admin, {{"name", "HQIP 2026 guidance"}, {"csv", csv}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(contains(refused.body, "line 12, column 4 (owner)")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "line 12, column 5 (working_days)")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "line 13, column 1 (level)")) << refused.body;
  EXPECT_TRUE(contains(refused.body, "extra_step")) << "the text is kept for correction";

  std::string no_review = domain::OutlierTimetable::default_timetable().to_csv();
  no_review.replace(no_review.find("alarm,review,"), 13, "alarm,reviewed,");
  const Response api =
      world.call("POST", "/api/outlier-timetable", &admin, {{"name", "HQIP 2026 guidance"}, {"csv", no_review}});
  ASSERT_EQ(api.status, 422) << api.body;
  EXPECT_TRUE(contains(json::parse(api.body)["error"]["message"].get<std::string>(), "key 'review'")) << api.body;

  EXPECT_EQ(world.call("POST", "/api/outlier-timetable", &admin, {{"name", ""}, {"csv", revised_timetable()}}).status,
            422);
  EXPECT_TRUE(world.store().outlier_timetables()->empty());
  EXPECT_TRUE(world.store().audit_log("outlier_timetable", 5)->empty());
  EXPECT_FALSE(json::parse(world.call("GET", "/api/outlier-timetable", &admin).body)["in_force"].is_object());
}

// An open case at the data check: a table without that stage would strand it, so the upload
// is refused, naming the case, and nothing is stored.
TEST(App, ATimetableWithoutTheStageAnOpenCaseIsAtIsRefused) {
  TestWorld world;
  auto& admin = world.national_admin();
  const auto open = world.new_outlier_case(world.own());
  std::string csv = revised_timetable();
  csv.replace(csv.find("alarm,data_check,"), 17, "alarm,provider_check,");
  const Response refused =
      world.call("POST", "/api/outlier-timetable", &admin, {{"name", "HQIP 2026 guidance"}, {"csv", csv}});
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_TRUE(contains(refused.body,
                       "outlier case " + std::to_string(open.value) + " is at stage 'data_check' of the alarm level"))
      << refused.body;
  EXPECT_TRUE(world.store().outlier_timetables()->empty());
  // Kept under its key, the stage may change its days.
  EXPECT_EQ(world.call("POST", "/api/outlier-timetable", &admin, {{"name", "HQIP 2026"}, {"csv", revised_timetable()}})
                .status,
            201);
}

TEST(App, OnlyTheNationalBodysAdministratorsReplaceTheTimetable) {
  TestWorld world;
  for (const Role role : {Role::admin, Role::audit_manager, Role::clinical_lead, Role::board_member, Role::read_only}) {
    auto& caller = world.own().callers.at(role);
    EXPECT_EQ(world.call("GET", "/admin/outlier-timetable", &caller).status, 403);
    EXPECT_EQ(world.call("POST", "/admin/outlier-timetable", &caller, {{"name", "Mine"}, {"csv", revised_timetable()}})
                  .status,
              403);
    EXPECT_EQ(
        world.call("POST", "/api/outlier-timetable", &caller, {{"name", "Mine"}, {"csv", revised_timetable()}}).status,
        403);
  }
  EXPECT_EQ(
      world.call("POST", "/api/outlier-timetable", &world.analyst(), {{"name", "Mine"}, {"csv", revised_timetable()}})
          .status,
      403);
  EXPECT_TRUE(world.store().outlier_timetables()->empty());
}

// The attack the rule exists for: a trust's administrator hands every stage to the provider,
// so that the trust's own staff could complete the national body's stages and withdraw its
// own alarm. The table applies to every trust; it is refused and nothing changes.
TEST(App, ATrustAdministratorCannotHandTheNationalStagesToTheTrust) {
  TestWorld world;
  auto& admin = world.own().callers.at(Role::admin);
  std::string csv = domain::OutlierTimetable::default_timetable().to_csv();
  for (auto at = csv.find(",audit_provider,"); at != std::string::npos; at = csv.find(",audit_provider,")) {
    csv.replace(at, 16, ",provider,");
  }
  const Response form = world.call("POST", "/admin/outlier-timetable", &admin, {{"name", "Ours"}, {"csv", csv}});
  EXPECT_EQ(form.status, 403) << form.body.substr(0, 300);
  const Response api = world.call("POST", "/api/outlier-timetable", &admin, {{"name", "Ours"}, {"csv", csv}});
  EXPECT_EQ(api.status, 403) << api.body;
  EXPECT_EQ(world.call("GET", "/admin/outlier-timetable", &admin).status, 403);
  EXPECT_TRUE(world.store().outlier_timetables()->empty());
  EXPECT_TRUE(world.store().audit_log("outlier_timetable", 5)->empty());
  // The first stage of a new alarm is still the national body's: the trust cannot complete it.
  const auto id = world.new_outlier_case(world.own());
  EXPECT_EQ(world
                .call("POST", "/api/outliers/" + std::to_string(id.value) + "/stage",
                      &world.own().callers.at(Role::clinical_lead), {{"decision", "done"}, {"note", "Checked"}})
                .status,
            403);
  // The navigation offers the timetable to the national body's admin only.
  EXPECT_FALSE(contains(world.call("GET", "/", &admin).body, "/admin/outlier-timetable"));
  EXPECT_TRUE(contains(world.call("GET", "/", &world.national_admin()).body, "/admin/outlier-timetable"));
}

}  // namespace
}  // namespace clinaudit::http
