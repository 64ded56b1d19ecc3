#include "stats/run_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace clinaudit::stats {
namespace {

RunsAnalysis analyse(const std::vector<double>& y, double centre) {
  const std::vector<double> cl(y.size(), centre);
  return runs_analysis(y, cl);
}

TEST(RunsAnalysis, PointsOnTheCentreAreNotUseful) {
  // Above, on, above, below, on, below: useful sides + + - -: runs 2, longest 2, crossings 1.
  const auto r = analyse({2, 1, 3, 0, 1, -1}, 1);
  EXPECT_EQ(r.n_obs, 6u);
  EXPECT_EQ(r.n_useful, 4u);
  EXPECT_EQ(r.longest_run, 2u);
  EXPECT_EQ(r.crossings, 1u);
}

TEST(RunsAnalysis, MissingValuesAreSkipped) {
  const auto r = analyse({2, NAN, 0, 2}, 1);
  EXPECT_EQ(r.n_obs, 4u);
  EXPECT_EQ(r.n_useful, 3u);
  EXPECT_EQ(r.crossings, 2u);
}

TEST(RunsAnalysis, LongestRunExactlyAtTheLimitDoesNotSignal) {
  // 16 useful points: limit round(log2 16) + 3 = 7; crossings limit qbinom(0.05, 15, 0.5) = 4.
  std::vector<double> y{1, 1, 1, 1, 1, 1, 1, -1, 1, -1, 1, -1, 1, -1, 1, -1};
  auto r = analyse(y, 0);
  EXPECT_EQ(r.longest_run, 7u);
  EXPECT_EQ(r.longest_run_limit, 7u);
  EXPECT_FALSE(r.signal);
  y = {1, 1, 1, 1, 1, 1, 1, 1, -1, 1, -1, 1, -1, 1, -1, 1};  // a run of 8
  r = analyse(y, 0);
  EXPECT_EQ(r.longest_run, 8u);
  EXPECT_TRUE(r.signal);
}

TEST(RunsAnalysis, CrossingsExactlyAtTheLimitDoNotSignal) {
  // 16 useful points in runs 4,4,4,4: 3 crossings < 4 signals; runs 4,3,3,3,3 (4 crossings) do not.
  auto r = analyse({1, 1, 1, 1, -1, -1, -1, -1, 1, 1, 1, 1, -1, -1, -1, -1}, 0);
  EXPECT_EQ(r.crossings, 3u);
  EXPECT_EQ(r.crossings_limit, 4u);
  EXPECT_TRUE(r.signal);
  r = analyse({1, 1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, -1, 1, 1, 1}, 0);
  EXPECT_EQ(r.crossings, 4u);
  EXPECT_FALSE(r.signal);
}

TEST(RunsAnalysis, NothingUsefulGivesNoSignal) {
  const auto r = analyse({1, 1, 1}, 1);
  EXPECT_EQ(r.n_useful, 0u);
  EXPECT_FALSE(r.signal);
}

}  // namespace
}  // namespace clinaudit::stats
