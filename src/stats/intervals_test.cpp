#include "stats/intervals.hpp"

#include <gtest/gtest.h>

namespace clinaudit::stats {
namespace {

// References: R 4.2.2 binom.test(7, 20)$conf.int = 0.153909204784541, 0.592188534532828;
// poisson.test(0)$conf.int = 0, 3.68887945411394; prop.test(0, 10, correct = FALSE)$conf.int
// = 0, 0.277532799862889. (More cases in tests/golden/stats/interval_*.golden.)
TEST(Intervals, MatchReferenceValues) {
  const auto exact = clopper_pearson_interval(7, 20, 0.95);
  ASSERT_TRUE(exact);
  EXPECT_NEAR(exact->lower, 0.153909204784541, 1e-12);
  EXPECT_NEAR(exact->upper, 0.592188534532828, 1e-12);
  const auto zero = poisson_exact_interval(0, 0.95);
  ASSERT_TRUE(zero);
  EXPECT_EQ(zero->lower, 0.0);
  EXPECT_NEAR(zero->upper, 3.68887945411394, 1e-12);
  const auto wilson = wilson_interval(0, 10, 0.95);
  ASSERT_TRUE(wilson);
  EXPECT_EQ(wilson->lower, 0.0);
  EXPECT_NEAR(wilson->upper, 0.277532799862889, 1e-12);
}

TEST(Intervals, AllSuccessesGiveAnUpperLimitOfOne) {
  const auto exact = clopper_pearson_interval(10, 10, 0.95);
  ASSERT_TRUE(exact);
  EXPECT_EQ(exact->upper, 1.0);
  EXPECT_NEAR(exact->lower, 0.691502892181239, 1e-12);  // R: binom.test(10, 10)
}

TEST(Intervals, ByarLowerLimitIsNeverNegative) {
  const auto byar = byar_interval(1, 0.998);
  ASSERT_TRUE(byar);
  EXPECT_EQ(byar->lower, 0.0);
  EXPECT_GT(byar->upper, 1.0);
}

TEST(Intervals, RatioIntervalDividesTheCountIntervalByTheDenominator) {
  const auto count = poisson_exact_interval(12, 0.95);
  const auto ratio = confidence_interval(IntervalMethod::poisson, 12, 8.5, 0.95);
  ASSERT_TRUE(count && ratio);
  EXPECT_DOUBLE_EQ(ratio->lower, count->lower / 8.5);
  EXPECT_DOUBLE_EQ(ratio->upper, count->upper / 8.5);
}

TEST(Intervals, RejectInvalidInput) {
  EXPECT_EQ(wilson_interval(11, 10, 0.95).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(wilson_interval(1, 0, 0.95).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(clopper_pearson_interval(-1, 10, 0.95).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(poisson_exact_interval(3, 1.0).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(byar_interval(3, 0.0).error().code, ErrorCode::invalid_input);
  EXPECT_EQ(confidence_interval(IntervalMethod::byar, 3, 0, 0.95).error().code, ErrorCode::invalid_input);
  EXPECT_FALSE(parse_interval_method("normal"));
  EXPECT_EQ(*parse_interval_method("byar"), IntervalMethod::byar);
}

}  // namespace
}  // namespace clinaudit::stats
