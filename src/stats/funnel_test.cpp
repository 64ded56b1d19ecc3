#include "stats/funnel.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace clinaudit::stats {
namespace {

const FunnelUnit& find(const FunnelPlot& plot, const std::string& name) {
  for (const auto& unit : plot.units) {
    if (unit.unit == name) return unit;
  }
  ADD_FAILURE() << "no unit " << name;
  return plot.units.front();
}

// R 4.2.2: qchisq(0.001, 20)/20 = 0.296052037274376; the exact Poisson 99.8% limits at E = 10 are
// qchisq(0.001, 2*10)/(2*10) and qchisq(0.999, 2*11)/(2*10).
TEST(Funnel, RatioExactLimitsUseUnroundedExpected) {
  const std::vector<UnitCount> rows{{"A", 12, 10}, {"B", 30, 31.5}, {"C", 5, 4.2}};
  FunnelOptions options;
  options.overdispersion = OverdispersionMethod::none;
  const auto plot = funnel_plot(rows, options);
  ASSERT_TRUE(plot) << plot.error().message;
  EXPECT_EQ(plot->target, 1.0);
  const auto& a = find(*plot, "A");
  ASSERT_TRUE(a.limits);
  EXPECT_NEAR(a.limits->l998.lower, 0.296052037274376, 1e-12);  // qchisq(0.001, 20) / 20
  EXPECT_NEAR(a.limits->l998.upper, 2.41339711454176, 1e-12);   // qchisq(0.999, 22) / 20
  EXPECT_EQ(plot->overdispersion.method, OverdispersionMethod::none);
  EXPECT_FALSE(plot->overdispersion.phi);
}

TEST(Funnel, RowsAreSummedByUnitInOrderOfFirstAppearance) {
  const std::vector<UnitCount> rows{{"B", 1, 4}, {"A", 2, 5}, {"B", 3, 6}, {"C", 2, 9}};
  FunnelOptions options;
  options.type = FunnelType::proportion;
  const auto plot = funnel_plot(rows, options);
  ASSERT_TRUE(plot);
  ASSERT_EQ(plot->units.size(), 3U);
  EXPECT_EQ(plot->units[0].unit, "B");
  EXPECT_EQ(plot->units[0].numerator, 4.0);
  EXPECT_EQ(plot->units[0].denominator, 10.0);
  EXPECT_DOUBLE_EQ(*plot->units[0].value, 0.4);
  EXPECT_DOUBLE_EQ(plot->target, 8.0 / 24.0);
}

TEST(Funnel, ZeroDenominatorIsReportedWithoutLimits) {
  const std::vector<UnitCount> rows{{"A", 10, 12}, {"B", 0, 0}, {"C", 20, 18}, {"D", 7, 9}};
  const auto plot = funnel_plot(rows, FunnelOptions{});
  ASSERT_TRUE(plot);
  const auto& b = find(*plot, "B");
  EXPECT_FALSE(b.value);
  EXPECT_FALSE(b.limits);
  EXPECT_FALSE(b.z);
  EXPECT_EQ(b.flag, FunnelFlag::none);
  EXPECT_EQ(plot->units.size(), 4U);
}

TEST(Funnel, ZeroEventsOnTheLogScaleGetLimitsAndAFlag) {
  std::vector<UnitCount> rows;
  for (int i = 0; i < 12; ++i) rows.push_back({"U" + std::to_string(i), 20.0 + i, 20.0 + i});
  rows.push_back({"Z", 0, 15});
  const auto plot = funnel_plot(rows, FunnelOptions{});
  ASSERT_TRUE(plot);
  const auto& z = find(*plot, "Z");
  ASSERT_TRUE(z.limits);
  EXPECT_FALSE(z.z);  // -inf is not reported as a number
  EXPECT_EQ(z.flag, FunnelFlag::alarm_low);
  EXPECT_EQ(*z.value, 0.0);
}

TEST(Funnel, AllOnTargetMeansNoOverdispersion) {
  std::vector<UnitCount> rows;
  for (int i = 1; i <= 10; ++i) rows.push_back({"U" + std::to_string(i), 10.0 * i, 10.0 * i});
  const auto plot = funnel_plot(rows, FunnelOptions{});
  ASSERT_TRUE(plot);
  EXPECT_EQ(plot->overdispersion.method, OverdispersionMethod::log);
  ASSERT_TRUE(plot->overdispersion.phi);
  EXPECT_EQ(*plot->overdispersion.phi, 0.0);
  EXPECT_EQ(*plot->overdispersion.tau2, 0.0);
  EXPECT_FALSE(plot->overdispersion.applied);
  for (const auto& unit : plot->units) {
    EXPECT_EQ(unit.flag, FunnelFlag::none);
    EXPECT_EQ(unit.limits->l95.upper, unit.unadjusted_limits->l95.upper);
  }
}

TEST(Funnel, FewUnitsAreNotTruncated) {
  const std::vector<UnitCount> rows{{"X", 30, 25.5}, {"Y", 55, 61.25}, {"Z", 12, 20}};
  const auto plot = funnel_plot(rows, FunnelOptions{});
  ASSERT_TRUE(plot);
  EXPECT_EQ(plot->overdispersion.units_used, 3);
}

TEST(Funnel, AutomaticScaleIsArcsineForProportions) {
  const std::vector<UnitCount> rows{{"A", 5, 50}, {"B", 10, 60}, {"C", 20, 70}, {"D", 2, 40}};
  FunnelOptions options;
  options.type = FunnelType::proportion;
  const auto plot = funnel_plot(rows, options);
  ASSERT_TRUE(plot);
  EXPECT_EQ(plot->overdispersion.method, OverdispersionMethod::arcsine);
  EXPECT_EQ(plot->overdispersion.units_used, 4);
}

TEST(Funnel, RejectsBadInput) {
  FunnelOptions options;
  EXPECT_FALSE(funnel_plot(std::vector<UnitCount>{}, options));
  EXPECT_FALSE(funnel_plot(std::vector<UnitCount>{{"A", 3, 4}}, options));                // one unit
  EXPECT_FALSE(funnel_plot(std::vector<UnitCount>{{"A", -1, 4}, {"B", 1, 2}}, options));  // negative
  options.type = FunnelType::proportion;
  const auto over = funnel_plot(std::vector<UnitCount>{{"A", 5, 4}, {"B", 1, 2}}, options);
  ASSERT_FALSE(over);
  EXPECT_NE(over.error().message.find("'A'"), std::string::npos);
  options.overdispersion = OverdispersionMethod::log;
  EXPECT_FALSE(funnel_plot(std::vector<UnitCount>{{"A", 1, 4}, {"B", 1, 2}}, options));
}

TEST(Funnel, CurveSpansTheRangeAndNarrowsWithTheDenominator) {
  const std::vector<UnitCount> rows{{"A", 12, 10}, {"B", 30, 31.5}, {"C", 5, 4.2}};
  const auto plot = funnel_plot(rows, FunnelOptions{});
  ASSERT_TRUE(plot);
  const auto curve = funnel_curve(*plot, 1, 100, 50);
  ASSERT_TRUE(curve);
  ASSERT_EQ(curve->size(), 50U);
  EXPECT_EQ(curve->front().denominator, 1.0);
  EXPECT_EQ(curve->back().denominator, 100.0);
  EXPECT_GT(curve->front().limits.l998.upper, curve->back().limits.l998.upper);
  EXPECT_FALSE(funnel_curve(*plot, 0, 100, 50));
}

// R 4.2.2: round(c(0.125, 2.675, 0.015, 1.005, 99.995, 0.135), 2) = 0.12 2.67 0.01 1 100 0.14.
TEST(Funnel, RoundsDecimalsAsR) {
  EXPECT_EQ(round_decimals(0.125, 2), 0.12);
  EXPECT_EQ(round_decimals(2.675, 2), 2.67);
  EXPECT_EQ(round_decimals(0.015, 2), 0.01);
  EXPECT_EQ(round_decimals(1.005, 2), 1.0);
  EXPECT_EQ(round_decimals(99.995, 2), 100.0);
  EXPECT_EQ(round_decimals(0.135, 2), 0.14);
}

}  // namespace
}  // namespace clinaudit::stats
