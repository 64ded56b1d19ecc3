// The dashboard's deteriorating measures, through App::handle on a real SQLite file: the
// domain's SPC-concern rule (domain::dashboard_for) as the page and the API show it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "domain/stored_measure_charts.hpp"
#include "http/testing/test_world.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

const domain::Actor kSetUp{std::nullopt, "test set-up"};

// A proportion measure of the national audit with `points` monthly results of the own
// trust: 10%, 11%, 10%, ... then a fall to 0% in the last month. Over 12 points the XmR
// chart's lower limit is 4.75% (mean 9.58%, mean moving range 1.82%), so the fall is a
// special cause: concern when higher is better, improvement when lower is better. The
// results are imported by the trust's audit manager, as through the import page, which
// stores the charts the dashboard reads.
MeasureId add_falling_measure(TestWorld& world, const std::string& code, domain::Improvement improvement, int points) {
  domain::Measure measure;
  measure.audit_id = world.national_audit();
  measure.code = code;
  measure.name = "Measure " + code;
  measure.type = domain::MeasureType::proportion;
  measure.improvement = improvement;
  const MeasureId id = world.store().add_measure(measure, kSetUp).value();
  const std::string audit_code = world.store().audit(world.national_audit()).value().code;
  std::string csv = "audit_code,measure_code,organisation_code,period_start,period_end,numerator,denominator\n";
  const Date first = Date::parse("2025-01-01").value();
  for (int i = 0; i < points; ++i) {
    const Date start = first.plus_days(30 * i);
    csv += audit_code + "," + code + "," + world.own().code + "," + start.to_string() + "," +
           start.plus_days(29).to_string() + "," + (i == points - 1 ? "0" : (i % 2 == 0 ? "10" : "11")) + ",100\n";
  }
  const Response imported =
      world.call_body("POST", "/api/imports/results", world.own().callers.at(Role::audit_manager), csv);
  EXPECT_EQ(imported.status, 201) << imported.body;
  return id;
}

json deteriorating(TestWorld& world, testing::Caller& caller) {
  const Response dashboard = world.call("GET", "/api/dashboard", &caller);
  EXPECT_EQ(dashboard.status, 200) << dashboard.body;
  return json::parse(dashboard.body)["deteriorating"];
}

TEST(Dashboard, ListsAMeasureWhoseOwnSpcChartShowsConcern) {
  TestWorld world;
  add_falling_measure(world, "worse", domain::Improvement::increase, 12);
  add_falling_measure(world, "better", domain::Improvement::decrease, 12);  // a fall is improvement
  add_falling_measure(world, "short", domain::Improvement::increase, 11);   // too few points for icons

  auto& board = world.own().callers.at(Role::board_member);
  const auto listed = deteriorating(world, board);
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["measure"], "Measure worse");
  EXPECT_EQ(listed[0]["variation_icon"], "concern_low");
  EXPECT_EQ(listed[0]["latest_period"], "2025-11-27");  // 1 January 2025 + 11 x 30 days
  EXPECT_EQ(listed[0]["latest_value"], 0.0);
  const Response page = world.call("GET", "/", &board);
  EXPECT_NE(page.body.find("Measure worse"), std::string::npos) << page.body;

  // The other trust has no results of these measures: nothing deteriorates there.
  EXPECT_TRUE(deteriorating(world, world.other().callers.at(Role::board_member)).empty());
}

// The dashboard reads the charts stored when results change; it charts nothing itself. A
// result written behind the use cases' back shows only once the charts are computed again,
// which is what an import, an analysis run or the daily job does.
TEST(Dashboard, ShowsTheStoredChartsWhichTheResultsUseCasesKeepCurrent) {
  TestWorld world;
  const MeasureId id = add_falling_measure(world, "worse", domain::Improvement::increase, 12);
  auto& board = world.own().callers.at(Role::board_member);
  ASSERT_EQ(deteriorating(world, board).size(), 1u);
  const json before = json::parse(world.call("GET", "/api/dashboard", &board).body);
  EXPECT_EQ(before["spc_charts"], 1);
  EXPECT_FALSE(before["spc_computed_at"].get<std::string>().empty());
  EXPECT_NE(world.call("GET", "/", &board).body.find("From 1 stored SPC chart of our measures"), std::string::npos);

  // A recovery to 10% in the thirteenth month ends the special cause.
  domain::MeasureResult row;
  row.measure_id = id;
  row.organisation_id = world.own().id;
  row.period_start = Date::parse("2025-01-01").value().plus_days(30 * 12);
  row.period_end = row.period_start.plus_days(29);
  row.numerator = 10;
  row.denominator = 100;
  ASSERT_TRUE(world.store().add_results({row}, kSetUp));
  EXPECT_EQ(deteriorating(world, board).size(), 1u);  // still the stored chart of 12 points

  const auto refreshed = domain::refresh_measure_charts(world.store(), std::vector<MeasureId>{id}, "test", kSetUp);
  ASSERT_TRUE(refreshed);
  EXPECT_EQ(refreshed->stored, 1);
  EXPECT_TRUE(deteriorating(world, board).empty());
}

// The server keeps each dashboard with its JSON, written when the dashboard is computed, which
// may be for the page. The JSON served after a change is that of the changed records, whichever
// route computed the dashboard again.
TEST(Dashboard, TheJsonKeptWithADashboardIsThatOfTheRecordsItWasComputedFrom) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);
  ASSERT_EQ(world.call("GET", "/", &board).status, 200);  // the page computes and keeps it
  EXPECT_TRUE(deteriorating(world, board).empty());

  add_falling_measure(world, "worse", domain::Improvement::increase, 12);
  const Response page = world.call("GET", "/", &board);  // computed again, for the page
  EXPECT_NE(page.body.find("Measure worse"), std::string::npos) << page.body;
  const auto listed = deteriorating(world, board);
  ASSERT_EQ(listed.size(), 1u) << listed;
  EXPECT_EQ(listed[0]["measure"], "Measure worse");
  // Another organisation's board is kept apart: nothing of this trust's records.
  EXPECT_TRUE(deteriorating(world, world.other().callers.at(Role::board_member)).empty());
}

// A local audit of the own trust with one result of `numerator` in 100.
AuditId add_local_audit(TestWorld& world, const std::string& code, std::optional<AuditId> reaudit_of,
                        double numerator) {
  domain::Audit audit;
  audit.code = code;
  audit.title = "Audit " + code;
  audit.owner = world.own().id;
  audit.reaudit_of = reaudit_of;
  const AuditId id = world.store().add_audits({audit}, kSetUp).value().front();
  domain::Measure measure;
  measure.audit_id = id;
  measure.code = code + "-m";
  measure.name = "Compliance " + code;
  measure.type = domain::MeasureType::proportion;
  const MeasureId measure_id = world.store().add_measure(measure, kSetUp).value();
  domain::MeasureResult row;
  row.measure_id = measure_id;
  row.organisation_id = world.own().id;
  row.period_start = Date::parse("2025-06-01").value();
  row.period_end = Date::parse("2025-06-30").value();
  row.numerator = numerator;
  row.denominator = 100;
  EXPECT_TRUE(world.store().add_results({row}, kSetUp));
  return id;
}

// The case: the board pack reports a re-audit decline (91% to 78%) while the
// dashboard said "Deteriorating 0" in green. The decline is counted, and the card is not green.
TEST(Dashboard, AReauditDeclineIsCountedAsDeterioratingAndTheCardIsNotGreen) {
  TestWorld world;
  const AuditId original = add_local_audit(world, "VTE-1", std::nullopt, 91);
  add_local_audit(world, "VTE-2", original, 78);

  auto& board = world.own().callers.at(Role::board_member);
  const Response api = world.call("GET", "/api/dashboard", &board);
  ASSERT_EQ(api.status, 200) << api.body;
  const auto body = json::parse(api.body);
  EXPECT_EQ(body["deteriorating_count"], 1) << body;
  ASSERT_EQ(body["reaudits"].size(), 1u) << body;
  EXPECT_EQ(body["reaudits"][0]["verdict"], "declined");
  const Response page = world.call("GET", "/", &board);
  EXPECT_NE(page.body.find("<div class=\"card alarm\"><h2>Deteriorating</h2><p class=\"big\">1</p>"), std::string::npos)
      << page.body;
  EXPECT_NE(page.body.find("Audit VTE-2"), std::string::npos);
  EXPECT_NE(page.body.find("Declined"), std::string::npos);
}

// The page says what the participation figure counts.
TEST(Dashboard, SaysWhatTheParticipationFigureCounts) {
  TestWorld world;
  auto& board = world.own().callers.at(Role::board_member);
  const Response page = world.call("GET", "/", &board);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Quality Account list that we are recorded as eligible for"), std::string::npos)
      << page.body;
}

// The national analyst's home: every provider's open cases by stage (the trust dashboard
// said "0 open outlier cases" and "0 of 0"), with no trust figure.
TEST(NationalHome, TheAnalystsHomeCountsEveryProvidersOpenCasesAndShowsNoTrustFigures) {
  TestWorld world;
  world.new_outlier_case(world.own());
  world.new_outlier_case(world.other());
  auto& analyst = world.analyst();
  const Response api = world.call("GET", "/api/dashboard", &analyst);
  ASSERT_EQ(api.status, 200) << api.body;
  const auto body = json::parse(api.body);
  std::size_t open_before = 0;
  const auto cases = world.store().outlier_cases(std::nullopt, std::nullopt).value();
  for (const auto& item : cases) {
    open_before += item.is_open() ? 1 : 0;
  }
  ASSERT_GE(open_before, 2u);
  EXPECT_EQ(body["open_cases"].size(), open_before) << body;
  EXPECT_FALSE(body.contains("participation")) << body;
  std::int64_t by_stage = 0;
  for (const auto& stage : body["stages"]) by_stage += stage["open"].get<std::int64_t>();
  EXPECT_EQ(by_stage, static_cast<std::int64_t>(open_before));

  const Response page = world.call("GET", "/", &analyst);
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("Open outlier cases by stage"), std::string::npos) << page.body;
  EXPECT_NE(page.body.find("Latest analysis runs"), std::string::npos);
  EXPECT_NE(page.body.find("New CUSUM signals"), std::string::npos);
  EXPECT_EQ(page.body.find("Taking part"), std::string::npos);
  EXPECT_EQ(page.body.find("0 of 0"), std::string::npos);
  const std::string other_name = world.store().organisation(world.other().id).value().name;
  EXPECT_NE(page.body.find(other_name), std::string::npos) << "another provider's case is listed";

  // /national is the same overview with the year's audits below, and its JSON twin.
  const Response national = world.call("GET", "/national", &analyst);
  ASSERT_EQ(national.status, 200);
  EXPECT_NE(national.body.find("Open outlier cases by stage"), std::string::npos);
  EXPECT_NE(national.body.find("On the Quality Account list"), std::string::npos);
  const Response national_api = world.call("GET", "/api/national", &analyst);
  ASSERT_EQ(national_api.status, 200) << national_api.body;
  EXPECT_EQ(json::parse(national_api.body)["open_cases"].size(), open_before);
}

// The national body's administrator gets the national home too, without the cases.
TEST(NationalHome, TheNationalAdministratorsHomeIsNationalWithoutTheCases) {
  TestWorld world;
  world.new_outlier_case(world.own());
  const Response page = world.call("GET", "/", &world.national_admin());
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body.find("Taking part"), std::string::npos);
  EXPECT_EQ(page.body.find("Open outlier cases by stage"), std::string::npos);
  EXPECT_NE(page.body.find("Your national audits"), std::string::npos) << page.body;
}

// Each server keeps the dashboards it computed (http/dashboard_cache.hpp) until the records
// change: a change through another server on the same database, or written straight to the
// store, shows on the very next request of a server that had the dashboard already.
TEST(Dashboard, AChangeThroughAnyServerShowsOnTheNextRequestOfEvery) {
  TestWorld world;
  auto second_store = storage::open_store(world.database_url());
  ASSERT_TRUE(second_store) << second_store.error().message;
  App second(**second_store, world.clock(), AppConfig{});
  auto& board = world.own().callers.at(Role::board_member);
  auto& other_board = world.other().callers.at(Role::board_member);
  const auto open_actions = [&](App& app, testing::Caller* caller = nullptr) {
    const Response response = world.call_on(app, "GET", "/api/dashboard", caller != nullptr ? caller : &board);
    EXPECT_EQ(response.status, 200) << response.body;
    return json::parse(response.body)["open_actions"].get<std::int64_t>();
  };
  const std::int64_t before = open_actions(second);
  const std::int64_t others = open_actions(second, &other_board);
  EXPECT_EQ(open_actions(second), before);  // served again, nothing changed
  EXPECT_EQ(open_actions(world.app()), before);

  const Response created = world.call("POST", "/api/actions", &world.own().callers.at(Role::clinical_lead),
                                      {{"title", "Audit the audit"},
                                       {"due_on", "2026-03-31"},
                                       {"audit_id", std::to_string(world.national_audit().value)}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(open_actions(second), before + 1);
  EXPECT_EQ(open_actions(world.app()), before + 1);

  domain::Action behind;
  behind.organisation_id = world.own().id;
  behind.title = "Written to the store directly";
  behind.due_on = Date::parse("2026-04-30").value();
  ASSERT_TRUE((*second_store)->add_action(behind, kSetUp));
  EXPECT_EQ(open_actions(world.app()), before + 2);
  EXPECT_EQ(open_actions(second), before + 2);
  EXPECT_EQ(open_actions(second, &other_board), others);  // each trust's dashboard is its own
}

}  // namespace
}  // namespace clinaudit::http
