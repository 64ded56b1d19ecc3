#include "stats/case_mix.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "stats/calibration.hpp"
#include "stats/discrimination.hpp"
#include "stats/ranked_risks.hpp"

namespace clinaudit::stats {
namespace {

// Hand calculation: events at 0.35 and 0.8, non-events at 0.1 and 0.4. Of the 4 pairs, 3
// rank the event higher: c = 0.75.
TEST(CStatistic, CountsConcordantPairs) {
  const std::vector<double> risk{0.1, 0.4, 0.35, 0.8};
  const std::vector<std::uint8_t> y{0, 0, 1, 1};
  const auto ranked = rank_risks(risk, y);
  ASSERT_TRUE(ranked);
  EXPECT_DOUBLE_EQ(*c_statistic(*ranked), 0.75);
}

// Ties count 1/2: one event and one non-event at the same risk, plus a concordant pair.
// Pairs: (0.5 vs 0.5) 1/2, (0.5 vs 0.2) 1, (0.9 vs 0.5) 1, (0.9 vs 0.2) 1 -> 3.5 / 4.
TEST(CStatistic, CountsTiesAsHalf) {
  const std::vector<double> risk{0.5, 0.5, 0.2, 0.9};
  const std::vector<std::uint8_t> y{1, 0, 0, 1};
  EXPECT_DOUBLE_EQ(*c_statistic(*rank_risks(risk, y)), 0.875);
}

TEST(CStatistic, NeedsBothOutcomes) {
  const std::vector<double> risk{0.5, 0.2};
  const std::vector<std::uint8_t> y{0, 0};
  EXPECT_FALSE(c_statistic(*rank_risks(risk, y)));
}

// `count` reproducible risks in [0, 1) and outcomes (a linear congruential generator).
struct Risks {
  std::vector<double> risk;
  std::vector<std::uint8_t> y;
};

Risks random_risks(int count, std::uint64_t state) {
  Risks out;
  for (int i = 0; i < count; ++i) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    out.risk.push_back(static_cast<double>(state >> 11) / 9007199254740992.0);
    out.y.push_back(static_cast<std::uint8_t>(state >> 63));
  }
  return out;
}

TEST(RankedRisks, SortsLikeStdSortAndRejectsRisksOutsideZeroOne) {
  auto [risk, y] = random_risks(5000, 7);
  risk.push_back(0.0);
  y.push_back(0);
  const auto ranked = rank_risks(risk, y);
  ASSERT_TRUE(ranked);
  auto sorted = risk;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(ranked->all, sorted);
  risk.push_back(1.5);
  y.push_back(1);
  EXPECT_FALSE(rank_risks(risk, y));
}

// On two threads each half of the risks is sorted and the halves merged: the same sorted risks
// and events as std::sort, for an odd count above the size where the second thread starts,
// with ties, zeros (one negative) and ones.
TEST(RankedRisks, SortsOnTwoThreadsAsOnOne) {
  auto [risk, y] = random_risks(100001, 11);
  for (std::size_t i = 0; i < risk.size(); i += 7) risk[i] = std::round(risk[i] * 20) / 20;  // ties
  risk[5] = -0.0;
  risk[6] = 0.0;
  risk[99999] = 1.0;
  for (const unsigned threads : {1U, 2U, 0U}) {
    const auto ranked = rank_risks(risk, y, threads);
    ASSERT_TRUE(ranked);
    auto sorted = risk;
    for (auto& value : sorted) value += 0.0;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(ranked->all, sorted) << threads << " threads";
    EXPECT_FALSE(std::signbit(ranked->all[0]));
    std::vector<double> events;
    for (std::size_t i = 0; i < risk.size(); ++i) {
      if (y[i] == 1) events.push_back(risk[i] + 0.0);
    }
    std::sort(events.begin(), events.end());
    EXPECT_EQ(ranked->events, events) << threads << " threads";
  }
}

// Risks that are sums of a few powers of two differ only in their top 16 bits: the sort skips
// its other three passes, so the sorted risks end in its scratch array and are copied back.
// Negative zero is a risk of 0, sorted first with the zeros.
TEST(RankedRisks, SortsRisksThatDifferOnlyInTheirTopBits) {
  const std::vector<double> risk{0.75, 0.5, 1.0, -0.0, 0.25, 0.375, 0.0, 0.125, 0.5};
  const std::vector<std::uint8_t> y{1, 0, 1, 1, 0, 0, 0, 1, 0};
  const auto ranked = rank_risks(risk, y);
  ASSERT_TRUE(ranked);
  EXPECT_EQ(ranked->all, (std::vector<double>{0.0, 0.0, 0.125, 0.25, 0.375, 0.5, 0.5, 0.75, 1.0}));
  EXPECT_FALSE(std::signbit(ranked->all[0]));
  EXPECT_FALSE(std::signbit(ranked->all[1]));
  EXPECT_EQ(ranked->events, (std::vector<double>{0.0, 0.125, 0.75, 1.0}));
  EXPECT_EQ(ranked->non_events, 5);
}

// Hand calculation: 30 episodes with three distinct risks. The type-7 deciles are all 0.1,
// 0.3 or 0.6, so the unique breaks {0.1, 0.3, 0.6} give two groups, and df = 0 (no p-value).
TEST(HosmerLemeshow, MergesTiedBreaksAndComputesTheStatistic) {
  std::vector<double> risk;
  std::vector<std::uint8_t> y;
  // 10 episodes at 0.1 (2 events), 10 at 0.3 (3 events), 10 at 0.6 (5 events).
  for (int i = 0; i < 10; ++i) {
    risk.push_back(0.1);
    y.push_back(i < 2 ? 1 : 0);
    risk.push_back(0.3);
    y.push_back(i < 3 ? 1 : 0);
    risk.push_back(0.6);
    y.push_back(i < 5 ? 1 : 0);
  }
  const auto test = hosmer_lemeshow(*rank_risks(risk, y));
  ASSERT_TRUE(test);
  // Breaks unique(quantile) = 0.1, 0.3, 0.6: groups [0.1, 0.3] and (0.3, 0.6].
  ASSERT_EQ(test->groups.size(), 2U);
  EXPECT_EQ(test->groups[0].episodes, 20);
  EXPECT_EQ(test->groups[0].observed, 5);
  EXPECT_NEAR(test->groups[0].expected, 4.0, 1e-12);
  EXPECT_EQ(test->groups[1].episodes, 10);
  // By hand: group 1: (5-4)^2/4 + (15-16)^2/16 = 0.3125; group 2: (5-6)^2/6 + (5-4)^2/4.
  EXPECT_NEAR(test->statistic, 0.3125 + 1.0 / 6 + 0.25, 1e-12);
  EXPECT_EQ(test->degrees_of_freedom, 0);
  EXPECT_TRUE(std::isnan(test->p_value));
}

TEST(CaseMix, SumsObservedAndExpectedPerGroupInROrder) {
  ModelFrame frame;
  frame.rows = 8;
  frame.covariates = {Covariate{"x", false, {1, 2, 3, 4, 1, 2, 3, 4}, {}, {}}};
  const std::vector<std::uint8_t> y{0, 1, 0, 1, 0, 0, 1, 1};
  Covariate group{"provider", true, {}, {"Trust2", "Trust10"}, {0, 0, 0, 0, 1, 1, 1, 1}};
  CaseMixOptions options;
  const auto result = case_mix_model(frame, y, group, options);
  ASSERT_TRUE(result) << result.error().message;
  ASSERT_EQ(result->groups.size(), 2U);
  EXPECT_EQ(result->groups[0].group, "Trust10");  // R: "Trust10" < "Trust2"
  EXPECT_EQ(result->groups[0].observed, 2);
  double expected = 0;
  for (std::size_t i = 4; i < 8; ++i) expected += result->fit.fitted[i];
  EXPECT_NEAR(result->groups[0].expected, expected, 1e-12);
  EXPECT_FALSE(result->funnel);
}

TEST(CaseMix, AFunnelNeedsGroups) {
  ModelFrame frame;
  frame.rows = 4;
  frame.covariates = {Covariate{"x", false, {1, 2, 3, 4}, {}, {}}};
  CaseMixOptions options;
  options.funnel = FunnelOptions{};
  EXPECT_FALSE(case_mix_model(frame, std::vector<std::uint8_t>{0, 1, 0, 1}, std::nullopt, options));
}

}  // namespace
}  // namespace clinaudit::stats
