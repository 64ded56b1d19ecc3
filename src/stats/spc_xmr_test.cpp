#include "stats/spc_xmr.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "stats/spc_rules.hpp"

namespace clinaudit::stats {
namespace {

// Ten noisy points around 10.3 (AMR about 2) to put a pattern after.
std::vector<double> noise() { return {10, 12, 9, 11, 10, 12, 9, 11, 10, 9}; }

TEST(XmrChart, LimitsAreMeanPlusMinus266TimesAmr) {
  // Mean 2, moving ranges 1, 1, 1, 0: AMR 0.75 (hand calculation).
  const std::vector<double> y{1, 2, 3, 2, 2};
  auto chart = xmr_chart(y, {});
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[0].mean, 2.0);
  EXPECT_DOUBLE_EQ(chart->groups[0].amr, 0.75);  // |1|+|1|+|1|+|0| = 3 over 4
  EXPECT_DOUBLE_EQ(chart->points[0].upl, 2.0 + 2.66 * 0.75);
  EXPECT_DOUBLE_EQ(chart->points[0].near_lower, 2.0 - 2.0 * 2.66 / 3.0 * 0.75);
}

TEST(XmrChart, ScreeningDropsRangesAtOrAboveTheCut) {
  // Ranges 1,1,1,1,1,1,1,1,1,19 (mean 2.8, cut 9.15): screening drops the 19.
  std::vector<double> y{0, 1, 0, 1, 0, 1, 0, 1, 0, 1, 20};
  auto screened = xmr_chart(y, {});
  ASSERT_TRUE(screened);
  EXPECT_DOUBLE_EQ(screened->groups[0].amr, 1.0);
  XmrOptions off;
  off.screen = false;
  auto unscreened = xmr_chart(y, off);
  ASSERT_TRUE(unscreened);
  EXPECT_DOUBLE_EQ(unscreened->groups[0].amr, 2.8);
}

TEST(XmrChart, RebaseStartsANewGroupWithItsOwnLimitsAndRules) {
  std::vector<double> y = noise();
  for (double v : noise()) y.push_back(v + 100);
  XmrOptions options;
  options.rebase_at = {10};
  auto chart = xmr_chart(y, options);
  ASSERT_TRUE(chart);
  ASSERT_EQ(chart->groups.size(), 2u);
  EXPECT_DOUBLE_EQ(chart->points[0].mean, 10.3);
  EXPECT_DOUBLE_EQ(chart->points[10].mean, 110.3);
  for (const auto& p : chart->points) EXPECT_EQ(p.rule, SpcRule::common_cause);
  // Without the rebase the jump is a special cause.
  auto whole = xmr_chart(y, {});
  ASSERT_TRUE(whole);
  EXPECT_NE(whole->points.back().rule, SpcRule::common_cause);
}

TEST(XmrChart, FixedBaselineUsesTheFirstPointsOnly) {
  std::vector<double> y = noise();
  y.insert(y.end(), {10, 11, 50, 50, 50});
  XmrOptions options;
  options.baseline = 12;
  auto chart = xmr_chart(y, options);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->groups[0].baseline_points, 12u);
  EXPECT_DOUBLE_EQ(chart->points[0].mean, 124.0 / 12.0);
  EXPECT_EQ(chart->points.back().rule, SpcRule::astronomical_high);
}

TEST(XmrChart, RejectsAShortFixedBaselineAndBadValues) {
  XmrOptions options;
  options.baseline = 11;
  EXPECT_FALSE(xmr_chart(noise(), options));
  EXPECT_FALSE(xmr_chart(std::vector<double>{}, {}));
  EXPECT_FALSE(xmr_chart(std::vector<double>{1, NAN}, {}));
  options.baseline.reset();
  options.rebase_at = {10};
  EXPECT_FALSE(xmr_chart(noise(), options));
}

TEST(XmrChart, ConstantSeriesHasNoLimitsAndSaysSo) {
  auto chart = xmr_chart(std::vector<double>(15, 7.0), {});
  ASSERT_TRUE(chart);
  EXPECT_FALSE(chart->groups[0].has_limits);
  EXPECT_TRUE(std::isnan(chart->points[0].upl));
  ASSERT_EQ(chart->warnings.size(), 1u);
  EXPECT_NE(chart->warnings[0].find("does not vary"), std::string::npos);
  EXPECT_EQ(chart->variation, VariationIcon::common_cause);
}

TEST(XmrChart, ShortGroupWarns) {
  auto chart = xmr_chart(std::vector<double>{1, 3, 2, 4}, {});
  ASSERT_TRUE(chart);
  ASSERT_EQ(chart->warnings.size(), 1u);
  EXPECT_NE(chart->warnings[0].find("4 points"), std::string::npos);
}

TEST(XmrChart, TrendDirectionDecidesImprovementNotSideOfMean) {
  // A falling trend that starts above the mean and ends below it: all decreasing, and with
  // lower is better every point of it is an improvement.
  std::vector<double> y = noise();
  y.insert(y.end(), {13, 12.5, 12, 11, 10, 9, 8.5, 10, 12, 9});
  XmrOptions options;
  options.improvement = ImprovementDirection::decrease;
  auto chart = xmr_chart(y, options);
  ASSERT_TRUE(chart);
  for (std::size_t i = 10; i < 17; ++i) {
    EXPECT_EQ(chart->points[i].rule, SpcRule::trend_decreasing) << i;
    EXPECT_EQ(chart->points[i].type, SpcPointType::special_cause_improvement) << i;
  }
}

TEST(SpcRules, AdjoiningTrendsTakeTheDirectionOfTheNextStep) {
  // Seven up then seven down sharing the peak: the peak belongs to the falling run.
  const std::vector<double> y{1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2, 1};
  const SpcLines lines{4, -100, 100, -50, 50};
  const auto rules = spc_rules(y, lines);
  EXPECT_EQ(rules[5], SpcRule::trend_increasing);
  EXPECT_EQ(rules[6], SpcRule::trend_decreasing);
  EXPECT_EQ(rules[12], SpcRule::trend_decreasing);
}

TEST(SpcRules, TwoInThreeNeedsAllThreeOnOneSide) {
  // Two points beyond the upper 2-sigma line but the middle one below the mean: no signal.
  const std::vector<double> y{0, 2.5, -0.1, 2.5, 0};
  const SpcLines lines{0, -3, 3, -2, 2};
  for (const auto rule : spc_rules(y, lines)) EXPECT_EQ(rule, SpcRule::common_cause);
  const std::vector<double> same_side{0, 2.5, 0.1, 2.5, 0};
  const auto rules = spc_rules(same_side, lines);
  EXPECT_EQ(rules[1], SpcRule::two_in_three_high);
  EXPECT_EQ(rules[2], SpcRule::common_cause);  // not beyond the 2-sigma line itself
  EXPECT_EQ(rules[3], SpcRule::two_in_three_high);
}

TEST(SpcRules, AstronomicalIsStrict) {
  const std::vector<double> y{3, -3, 3.0001};
  const SpcLines lines{0, -3, 3, -2, 2};
  const auto rules = spc_rules(y, lines);
  EXPECT_EQ(rules[0], SpcRule::common_cause);  // exactly on the limit
  EXPECT_EQ(rules[1], SpcRule::common_cause);
  EXPECT_EQ(rules[2], SpcRule::astronomical_high);
}

TEST(Icons, VariationAndAssuranceFollowTheDirection) {
  EXPECT_EQ(assurance_icon(10, 1, 5, ImprovementDirection::increase), AssuranceIcon::consistent_fail);
  EXPECT_EQ(assurance_icon(10, 1, 5, ImprovementDirection::decrease), AssuranceIcon::consistent_pass);
  EXPECT_EQ(assurance_icon(0, 1, 5, ImprovementDirection::increase), AssuranceIcon::consistent_pass);
  EXPECT_EQ(assurance_icon(5, 1, 5, ImprovementDirection::increase), AssuranceIcon::inconsistent);
  EXPECT_EQ(assurance_icon(10, 1, 5, ImprovementDirection::neutral), AssuranceIcon::none);
  std::vector<double> y = noise();
  y.push_back(40);
  XmrOptions options;
  options.improvement = ImprovementDirection::decrease;
  auto chart = xmr_chart(y, options);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->variation, VariationIcon::concern_high);
  options.improvement = ImprovementDirection::neutral;
  chart = xmr_chart(y, options);
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->variation, VariationIcon::neutral_high);
}

}  // namespace
}  // namespace clinaudit::stats
