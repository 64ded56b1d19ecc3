// Every route × every role × own/other organisation → the expected status, written out
// by hand here (not derived from the route table), on SQLite and, when
// CLINAUDIT_TEST_PG_URL is set, on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using testing::Caller;
using testing::TestWorld;

enum class Whose { own, other };

// The six roles, in the order of the expectation strings below:
// admin, audit_manager, clinical_lead, board_member, national_analyst, read_only.
constexpr Role kRoles[] = {Role::admin,        Role::audit_manager,    Role::clinical_lead,
                           Role::board_member, Role::national_analyst, Role::read_only};

struct Case {
  std::string name;
  std::string method;
  // Builds the target for a caller from `whose` organisation's records.
  std::function<std::string(TestWorld&, Whose)> target;
  std::map<std::string, std::string> fields;
  std::array<int, 6> own;    // status per role, resources of the caller's organisation
  std::array<int, 6> other;  // status per role, resources of another organisation (0: same as own)
};

std::string fixed(const char* path) { return path; }

std::vector<Case> cases() {
  const auto same = [](const char* p) { return [p](TestWorld&, Whose) { return fixed(p); }; };
  std::vector<Case> all;
  //                                                           adm  mgr  lead board nat  ro
  all.push_back({"dashboard page", "GET", same("/"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"dashboard api", "GET", same("/api/dashboard"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"register page", "GET", same("/audits"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"register api", "GET", same("/api/audits?kind=local"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"local audit page",
                 "GET",
                 [](TestWorld& w, Whose whose) {
                   return "/audits/" + std::to_string((whose == Whose::own ? w.own() : w.other()).local_audit.value);
                 },
                 {},
                 {200, 200, 200, 200, 404, 200},
                 {404, 404, 404, 404, 404, 404}});
  all.push_back({"local audit api",
                 "GET",
                 [](TestWorld& w, Whose whose) {
                   return "/api/audits/" +
                          std::to_string((whose == Whose::own ? w.own() : w.other()).local_audit.value);
                 },
                 {},
                 {200, 200, 200, 200, 404, 200},
                 {404, 404, 404, 404, 404, 404}});
  all.push_back({"national audit api",
                 "GET",
                 [](TestWorld& w, Whose) { return "/api/audits/" + std::to_string(w.national_audit().value); },
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"outliers page", "GET", same("/outliers"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"outliers api", "GET", same("/api/outliers"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"actions page", "GET", same("/actions?view=overdue"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"actions api", "GET", same("/api/actions?view=mine"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"notifications api", "GET", same("/api/notifications"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"participation page", "GET", same("/participation"), {}, {200, 200, 403, 403, 403, 403}, {}});
  all.push_back({"participation api", "GET", same("/api/participation"), {}, {200, 200, 403, 403, 403, 403}, {}});
  all.push_back({"participation save",
                 "POST",
                 [](TestWorld&, Whose) { return std::string("/api/participation?year=2025/26"); },
                 {},
                 {200, 200, 403, 403, 403, 403},
                 {}});
  all.push_back({"action create",
                 "POST",
                 same("/api/actions"),
                 {{"title", "Check"}, {"due_on", "2026-02-01"}},
                 {201, 201, 201, 403, 403, 403},
                 {}});
  all.push_back({"action close",
                 "POST",
                 [](TestWorld& w, Whose whose) {
                   return "/api/actions/" +
                          std::to_string(w.new_action(whose == Whose::own ? w.own() : w.other()).value) + "/close";
                 },
                 {{"evidence", "Done"}},
                 {200, 200, 200, 403, 403, 403},
                 {404, 404, 404, 403, 403, 403}});
  all.push_back({"action close form",
                 "POST",
                 [](TestWorld& w, Whose whose) {
                   return "/actions/" + std::to_string(w.new_action(whose == Whose::own ? w.own() : w.other()).value) +
                          "/close";
                 },
                 {{"evidence", "Done"}},
                 {303, 303, 303, 403, 403, 403},
                 {404, 404, 404, 403, 403, 403}});
  all.push_back({"users page", "GET", same("/users"), {}, {200, 403, 403, 403, 403, 403}, {}});
  all.push_back({"users api", "GET", same("/api/users"), {}, {200, 403, 403, 403, 403, 403}, {}});
  // The outlier timetable: everyone reads the table in force; only administrators replace it.
  const std::string table = domain::OutlierTimetable::default_timetable().to_csv();
  all.push_back({"timetable page", "GET", same("/admin/outlier-timetable"), {}, {200, 403, 403, 403, 403, 403}, {}});
  all.push_back({"timetable api", "GET", same("/api/outlier-timetable"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"timetable store form",
                 "POST",
                 same("/admin/outlier-timetable"),
                 {{"name", "HQIP 2025 guidance"}, {"csv", table}},
                 {303, 403, 403, 403, 403, 403},
                 {}});
  all.push_back({"timetable store api",
                 "POST",
                 same("/api/outlier-timetable"),
                 {{"name", "HQIP 2025 guidance"}, {"csv", table}},
                 {201, 403, 403, 403, 403, 403},
                 {}});
  all.push_back({"national index", "GET", same("/national"), {}, {403, 403, 403, 403, 200, 403}, {}});
  all.push_back({"national api",
                 "GET",
                 [](TestWorld& w, Whose) { return "/api/national/audits/" + std::to_string(w.national_audit().value); },
                 {},
                 {403, 403, 403, 403, 200, 403},
                 {}});
  all.push_back({"national provider page",
                 "GET",
                 [](TestWorld& w, Whose whose) {
                   return "/national/audits/" + std::to_string(w.national_audit().value) + "/providers/" +
                          std::to_string((whose == Whose::own ? w.own() : w.other()).id.value) + "?year=2025/26";
                 },
                 {},
                 {403, 403, 403, 403, 200, 403},
                 {}});
  all.push_back({"import page", "GET", same("/import"), {}, {200, 200, 200, 403, 200, 403}, {}});
  all.push_back({"me", "GET", same("/api/me"), {}, {200, 200, 200, 200, 200, 200}, {}});
  const auto outlier_case = [](const char* prefix, const char* suffix) {
    return [prefix, suffix](TestWorld& w, Whose whose) {
      return prefix + std::to_string(w.new_outlier_case(whose == Whose::own ? w.own() : w.other()).value) + suffix;
    };
  };
  all.push_back({"outlier case page",
                 "GET",
                 outlier_case("/outliers/", ""),
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {404, 404, 404, 404, 200, 404}});
  all.push_back({"outlier case api",
                 "GET",
                 outlier_case("/api/outliers/", ""),
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {404, 404, 404, 404, 200, 404}});
  // The first stage of an alarm is the audit provider's data check: only national analysts.
  all.push_back({"outlier stage api",
                 "POST",
                 outlier_case("/api/outliers/", "/stage"),
                 {{"decision", "done"}},
                 {403, 403, 403, 403, 200, 403},
                 {404, 404, 404, 403, 200, 403}});
  all.push_back({"outlier stage form",
                 "POST",
                 outlier_case("/outliers/", "/stage"),
                 {{"decision", "done"}},
                 {403, 403, 403, 403, 303, 403},
                 {404, 404, 404, 403, 303, 403}});
  // Only national analysts run analyses; the test world's audit holds no episodes, so the
  // analyst's run is refused as invalid input (the browser journey runs one on the demo).
  all.push_back({"analysis run",
                 "POST",
                 [](TestWorld& w, Whose) {
                   return "/national/audits/" + std::to_string(w.national_audit().value) + "/analyse?year=2025/26";
                 },
                 {},
                 {403, 403, 403, 403, 400, 403},
                 {}});
  // Reports are always of the caller's own organisation: there is no other organisation's to ask for.
  all.push_back({"reports index", "GET", same("/reports"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"notifications page", "GET", same("/notifications"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"quality account page",
                 "GET",
                 same("/reports/quality-account?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"quality account markdown",
                 "GET",
                 same("/reports/quality-account.md?year=2025/26"),
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back(
      {"board pack", "GET", same("/reports/board-pack?meeting=2026-01-20"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"board pack workbook",
                 "GET",
                 same("/reports/board-pack.xlsx?meeting=2026-01-20"),
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  // The board engagement record: everyone reads their own organisation's meetings; those who
  // manage actions record them; another organisation's meeting is not found.
  const auto meeting = [](const char* prefix) {
    return [prefix](TestWorld& w, Whose whose) {
      const domain::BoardMeetingRecord record{
          {{}, (whose == Whose::own ? w.own() : w.other()).id, "Quality Committee", w.clock().today().plus_days(-7)},
          {{0, {}, domain::BoardItemKind::other, 0, "Audit programme", "Noted"}},
          {},
          {}};
      const auto id = w.store().add_board_meeting(record, domain::Actor{std::nullopt, "test"});
      return prefix + std::to_string(id.value().value);
    };
  };
  all.push_back({"board meetings page", "GET", same("/board-meetings"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"board meetings api", "GET", same("/api/board-meetings"), {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"board meeting page",
                 "GET",
                 meeting("/board-meetings/"),
                 {},
                 {200, 200, 200, 200, 404, 200},
                 {404, 404, 404, 404, 404, 404}});
  all.push_back({"board meeting api",
                 "GET",
                 meeting("/api/board-meetings/"),
                 {},
                 {200, 200, 200, 200, 404, 200},
                 {404, 404, 404, 404, 404, 404}});
  all.push_back({"board meeting record form",
                 "POST",
                 same("/board-meetings"),
                 {{"committee", "Trust Board"}, {"held_on", "2026-01-08"}},
                 {303, 303, 303, 403, 403, 403},
                 {}});
  all.push_back({"board meeting record api",
                 "POST",
                 same("/api/board-meetings"),
                 {{"committee", "Trust Board"}, {"held_on", "2026-01-08"}},
                 {201, 201, 201, 403, 403, 403},
                 {}});
  // Survey results are anonymous aggregates, open to every signed-in user.
  all.push_back({"survey page",
                 "GET",
                 [](TestWorld& w, Whose) { return "/surveys/" + std::to_string(w.survey().value); },
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"survey workbook",
                 "GET",
                 [](TestWorld& w, Whose) { return "/surveys/" + std::to_string(w.survey().value) + ".xlsx"; },
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  all.push_back({"survey csv",
                 "GET",
                 [](TestWorld& w, Whose) { return "/surveys/" + std::to_string(w.survey().value) + ".csv"; },
                 {},
                 {200, 200, 200, 200, 200, 200},
                 {}});
  // One-time survey links are public by design: the token in the path is the credential,
  // so every role (and a caller without a session, below) gets the same answer. Each call
  // gets a fresh link.
  const auto survey_link = [](TestWorld& w, Whose) { return "/respond/" + w.new_survey_link(); };
  all.push_back({"survey link form", "GET", survey_link, {}, {200, 200, 200, 200, 200, 200}, {}});
  all.push_back({"survey link answer", "POST", survey_link, {{"q.board", "Good"}}, {200, 200, 200, 200, 200, 200}, {}});
  return all;
}

Caller& caller_for(TestWorld& world, Role role) {
  return role == Role::national_analyst ? world.analyst() : world.own().callers.at(role);
}

void run_matrix(TestWorld& world) {
  for (auto& c : cases()) {
    for (std::size_t r = 0; r < 6; ++r) {
      for (const Whose whose : {Whose::own, Whose::other}) {
        const int expected = whose == Whose::other && c.other[0] != 0 ? c.other[r] : c.own[r];
        auto fields = c.fields;
        if (c.name == "participation save") {
          fields["eligible_" + std::to_string(world.national_audit().value)] = "yes";
          fields["participating_" + std::to_string(world.national_audit().value)] = "yes";
        }
        const Response response = world.call(c.method, c.target(world, whose), &caller_for(world, kRoles[r]), fields);
        EXPECT_EQ(response.status, expected)
            << c.name << " as " << to_string(kRoles[r]) << (whose == Whose::own ? " (own)" : " (other)") << ": "
            << response.body.substr(0, 300);
      }
    }
  }
}

TEST(AuthorizationMatrix, EveryRouteEveryRoleOnSqlite) {
  TestWorld world;
  run_matrix(world);
}

TEST(AuthorizationMatrix, EveryRouteEveryRoleOnPostgres) {
  const char* url = std::getenv("CLINAUDIT_TEST_PG_URL");
  if (url == nullptr || *url == '\0') GTEST_SKIP() << "CLINAUDIT_TEST_PG_URL is not set";
  TestWorld world(url);
  run_matrix(world);
}

TEST(AuthorizationMatrix, WithoutASessionApiIs401AndPagesRedirect) {
  TestWorld world;
  for (const char* path : {"/api/dashboard", "/api/audits", "/api/actions", "/api/notifications", "/api/users",
                           "/api/me", "/api/outlier-timetable", "/api/board-meetings"}) {
    EXPECT_EQ(world.call("GET", path, nullptr).status, 401) << path;
  }
  for (const char* path : {"/", "/audits", "/actions", "/users", "/national", "/participation", "/reports",
                           "/reports/board-pack", "/admin/outlier-timetable", "/board-meetings"}) {
    const Response response = world.call("GET", path, nullptr);
    EXPECT_EQ(response.status, 303) << path;
    EXPECT_EQ(response.header("Location").rfind("/login", 0), 0u) << path;
  }
  EXPECT_EQ(world.call("GET", "/healthz", nullptr).status, 200);
  EXPECT_EQ(world.call("GET", "/login", nullptr).status, 200);
  EXPECT_EQ(world.call("GET", "/respond/" + world.new_survey_link(), nullptr).status, 200);
  EXPECT_EQ(world.call("POST", "/respond/" + world.new_survey_link(), nullptr, {{"q.board", "Good"}}).status, 200);
}

TEST(AuthorizationMatrix, EveryRouteOfTheTableIsCoveredOrPublic) {
  TestWorld world;
  std::set<std::string> covered;
  for (const auto& c : cases()) covered.insert(c.method + " " + c.target(world, Whose::own));
  // Routes whose access is tested elsewhere in this directory (sessions, imports, forms).
  const std::set<std::string> elsewhere{"GET /healthz",
                                        "GET /static/style.css",
                                        "GET /api/",
                                        "GET /login",
                                        "POST /login",
                                        "POST /logout",
                                        "POST /api/session",
                                        "DELETE /api/session",
                                        "POST /participation",
                                        "POST /actions",
                                        "POST /users",
                                        "POST /api/users",
                                        "POST /import",
                                        "POST /import/confirm",
                                        "POST /api/imports/(participation|results|episodes)",
                                        R"(GET /audits/(\d{1,18}))",
                                        R"(GET /national/audits/(\d{1,18}))"};
  for (const auto& route : world.app().routes()) {
    const std::string key = route.method + " " + route.pattern;
    bool found = elsewhere.contains(key);
    for (const auto& target : covered) {
      const auto space = target.find(' ');
      const std::string path = target.substr(
          space + 1, target.find('?') == std::string::npos ? std::string::npos : target.find('?') - space - 1);
      if (target.substr(0, space) == route.method && std::regex_match(path, route.compiled)) found = true;
    }
    EXPECT_TRUE(found) << key << " is in no authorisation case";
  }
}

}  // namespace
}  // namespace clinaudit::http
