// The dashboard's deteriorating measures, through App::handle on a real SQLite file: the
// domain's SPC-concern rule (domain::dashboard_for) as the page and the API show it.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/testing/test_world.hpp"

namespace clinaudit::http {
namespace {

using domain::Role;
using nlohmann::json;
using testing::TestWorld;

const domain::Actor kSetUp{std::nullopt, "test set-up"};

// A proportion measure of the national audit with `points` monthly results of the own
// trust: 10%, 11%, 10%, ... then a fall to 0% in the last month. Over 12 points the XmR
// chart's lower limit is 4.75% (mean 9.58%, mean moving range 1.82%), so the fall is a
// special cause: concern when higher is better, improvement when lower is better.
void add_falling_measure(TestWorld& world, const std::string& code, domain::Improvement improvement, int points) {
  domain::Measure measure;
  measure.audit_id = world.national_audit();
  measure.code = code;
  measure.name = "Measure " + code;
  measure.type = domain::MeasureType::proportion;
  measure.improvement = improvement;
  const MeasureId id = world.store().add_measure(measure, kSetUp).value();
  std::vector<domain::MeasureResult> rows;
  const Date first = Date::parse("2025-01-01").value();
  for (int i = 0; i < points; ++i) {
    domain::MeasureResult row;
    row.measure_id = id;
    row.organisation_id = world.own().id;
    row.period_start = first.plus_days(30 * i);
    row.period_end = row.period_start.plus_days(29);
    row.numerator = i == points - 1 ? 0 : (i % 2 == 0 ? 10 : 11);
    row.denominator = 100;
    rows.push_back(row);
  }
  ASSERT_TRUE(world.store().add_results(rows, kSetUp));
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

}  // namespace
}  // namespace clinaudit::http
