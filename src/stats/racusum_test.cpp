#include "stats/racusum.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace clinaudit::stats {
namespace {

// The `cusum` R package's own test (tests/testthat/test-racusum.R): ten patients drawn with
// set.seed(2046) from risks {0.001, 0.01, 0.1, 0.002, 0.02, 0.2}; racusum(limit = 2.96,
// odds_multiplier = 2, reset = TRUE) gives round(ct, 2) = 0 0 0 0 0 0 0.51 1.02 1.53 1.53.
// The risks and outcomes are those of /work/shared/validation/pkgtest_cusum_racusum.
TEST(Racusum, MatchesTheCusumPackagesOwnTest) {
  const std::vector<double> risks{0.01, 0.02, 0.02, 0.002, 0.001, 0.002, 0.2, 0.2, 0.2, 0.001};
  const std::vector<double> outcomes{0, 0, 0, 0, 0, 0, 1, 1, 1, 0};
  RacusumOptions options;
  options.upper_limit = 2.96;
  options.lower = false;
  const auto chart = racusum_chart(risks, outcomes, options);
  ASSERT_TRUE(chart) << chart.error().message;
  const std::vector<double> expected{0, 0, 0, 0, 0, 0, 0.51, 1.02, 1.53, 1.53};
  for (std::size_t t = 0; t < expected.size(); ++t) {
    EXPECT_NEAR(std::round(chart->points[t].upper * 100) / 100, expected[t], 1e-12) << "patient " << t + 1;
  }
  EXPECT_TRUE(chart->signals.empty());
  EXPECT_TRUE(std::isnan(chart->points[0].lower));
}

// Steiner et al. (2000) p. 446 / Steiner (2014) p. 234, as vlad's test-llr_score.R checks them:
// logit(p) = -3.68 + 0.077 * Parsonnet; RA = 2 gives -0.024, 0.669, -0.433, 0.26 and
// RA = 1/2 gives 0.012, -0.681, 0.316, -0.377 for Parsonnet 0 and 50, survived and died.
TEST(Racusum, SteinerWeightsForParsonnetZeroAndFifty) {
  const auto risk = [](double parsonnet) { return 1.0 / (1.0 + std::exp(-(-3.68 + 0.077 * parsonnet))); };
  const auto rounded = [](double x) { return std::round(x * 1000) / 1000; };
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(0), 0, 2)), -0.024);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(0), 1, 2)), 0.669);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(50), 0, 2)), -0.433);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(50), 1, 2)), 0.26);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(0), 0, 0.5)), 0.012);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(0), 1, 0.5)), -0.681);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(50), 0, 0.5)), 0.316);
  EXPECT_DOUBLE_EQ(rounded(racusum_weight(risk(50), 1, 0.5)), -0.377);
}

// With R0 = RA the weight is log(1) = 0 for every patient, whatever the outcome.
TEST(Racusum, NullOddsRatioEqualToTheAlternativeGivesZeroWeights) {
  EXPECT_NEAR(racusum_weight(0.3, 1, 2, 2), 0.0, 1e-15);
  EXPECT_NEAR(racusum_weight(0.3, 0, 2, 2), 0.0, 1e-15);
}

// Hand calculation: risk 0 and death add log 2 each time; the third death reaches
// 3 log 2 = log 8; with h = log 8 the chart signals exactly there (C >= h) and resets to 0.
TEST(Racusum, SignalsWhenTheChartReachesTheLimitAndResets) {
  const std::vector<double> risks{0, 0, 0, 0, 0};
  const std::vector<double> outcomes{1, 1, 0, 1, 1};
  RacusumOptions options;
  options.upper_limit = 3 * std::log(2.0);
  options.lower = false;
  auto chart = racusum_chart(risks, outcomes, options);
  ASSERT_TRUE(chart);
  EXPECT_FALSE(chart->points[2].signal_upper);
  EXPECT_TRUE(chart->points[3].signal_upper);
  EXPECT_EQ(chart->points[3].upper, 0.0);
  ASSERT_EQ(chart->signals.size(), 1u);
  EXPECT_EQ(chart->signals[0].index, 3u);
  EXPECT_NEAR(chart->signals[0].value, 3 * std::log(2.0), 1e-15);
  EXPECT_NEAR(chart->points[4].upper, std::log(2.0), 1e-15);

  options.reset = false;
  chart = racusum_chart(risks, outcomes, options);
  ASSERT_TRUE(chart);
  EXPECT_NEAR(chart->points[4].upper, 4 * std::log(2.0), 1e-15);
  EXPECT_EQ(chart->signals.size(), 2u);  // still beyond h at patient 5
}

// The lower chart: C_t = min(0, C_{t-1} - W_t) with RA = 1/2. A survivor with risk 0.5 has
// W = -log(0.75), so C falls by log(4/3) per survivor; h = 0.5 is crossed at the second.
TEST(Racusum, LowerChartFallsWithSurvivorsAndSignalsBelowMinusH) {
  const std::vector<double> risks{0.5, 0.5, 0.5};
  const std::vector<double> outcomes{0, 0, 1};
  RacusumOptions options;
  options.upper = false;
  options.lower_limit = 0.5;
  const auto chart = racusum_chart(risks, outcomes, options);
  ASSERT_TRUE(chart);
  EXPECT_NEAR(chart->points[0].lower, -std::log(4.0 / 3.0), 1e-15);
  EXPECT_TRUE(chart->points[1].signal_lower);
  EXPECT_EQ(chart->points[1].lower, 0.0);
  EXPECT_NEAR(chart->signals[0].value, -2 * std::log(4.0 / 3.0), 1e-15);
  EXPECT_EQ(chart->points[2].lower, 0.0);  // a death pushes it up, capped at 0
}

TEST(Racusum, VladIsExpectedMinusObserved) {
  const std::vector<double> risks{0.1, 0.2, 0.3};
  const std::vector<double> outcomes{0, 1, 0};
  const auto chart = racusum_chart(risks, outcomes, {});
  ASSERT_TRUE(chart);
  EXPECT_NEAR(chart->points[0].vlad, 0.1, 1e-15);
  EXPECT_NEAR(chart->points[1].vlad, -0.7, 1e-15);
  EXPECT_NEAR(chart->points[2].vlad, -0.4, 1e-15);
  EXPECT_EQ(chart->observed, 1.0);
  EXPECT_NEAR(chart->expected, 0.6, 1e-15);
}

// The `cusum` package's test-cusum.R with fixed weights 0.6 (event) and -0.2 (no event).
TEST(Racusum, FixedWeightsAsTheCusumPackage) {
  const std::vector<double> outcomes{0, 1, 0, 0, 0, 0, 0, 1, 0, 0};
  std::vector<double> weights;
  for (const double y : outcomes) weights.push_back(y == 1 ? 0.6 : -0.2);
  RacusumOptions options;
  options.upper_limit = 2.96;
  const auto chart = cusum_chart_from_weights(weights, {}, outcomes, options);
  ASSERT_TRUE(chart);
  const std::vector<double> expected{0, 0.6, 0.4, 0.2, 0, 0, 0, 0.6, 0.4, 0.2};
  for (std::size_t t = 0; t < expected.size(); ++t) EXPECT_NEAR(chart->points[t].upper, expected[t], 1e-12);
  EXPECT_TRUE(std::isnan(chart->points[0].vlad));
}

TEST(Racusum, RejectsBadInputNamingThePatient) {
  const std::vector<double> risks{0.1, 1.5};
  const std::vector<double> outcomes{0, 1};
  auto chart = racusum_chart(risks, outcomes, {});
  ASSERT_FALSE(chart);
  EXPECT_EQ(chart.error().code, ErrorCode::invalid_input);
  EXPECT_NE(chart.error().message.find("patient 2"), std::string::npos);
  const std::vector<double> ok_risks{0.1, 0.5};
  const std::vector<double> bad_outcomes{0, 2};
  chart = racusum_chart(ok_risks, bad_outcomes, {});
  ASSERT_FALSE(chart);
  EXPECT_NE(chart.error().message.find("outcome 2"), std::string::npos);
  RacusumOptions options;
  options.upper_odds_ratio = 0.8;
  EXPECT_FALSE(racusum_chart(ok_risks, outcomes, options));
  EXPECT_FALSE(racusum_chart(ok_risks, std::vector<double>{0}, {}));
}

TEST(Racusum, RisksOfZeroAndOneGiveFiniteWeights) {
  EXPECT_NEAR(racusum_weight(0.0, 1, 2), std::log(2.0), 1e-15);
  EXPECT_NEAR(racusum_weight(1.0, 0, 2), -std::log(2.0), 1e-15);
  EXPECT_NEAR(racusum_weight(1.0, 1, 2), 0.0, 1e-15);
}

}  // namespace
}  // namespace clinaudit::stats
