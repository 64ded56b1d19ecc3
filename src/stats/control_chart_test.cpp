#include "stats/control_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace clinaudit::stats {
namespace {

std::vector<Subgroup> singles(const std::vector<double>& y, const std::vector<double>& n = {}) {
  std::vector<Subgroup> out;
  for (std::size_t i = 0; i < y.size(); ++i) {
    out.push_back(Subgroup{{y[i]}, n.empty() ? std::vector<double>{} : std::vector<double>{n[i]}});
  }
  return out;
}

TEST(ControlChart, IChartUsesAmrOver1128) {
  // Mean 2; moving ranges 1, 1, 1, 0 -> AMR 0.75; sigma 0.75 / 1.128 (hand calculation).
  ControlOptions options;
  options.type = ControlChartType::i;
  auto chart = control_chart(singles({1, 2, 3, 2, 2}), options);
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[0].cl, 2.0);
  EXPECT_DOUBLE_EQ(chart->points[0].ucl, 2.0 + 3 * 0.75 / 1.128);
  EXPECT_DOUBLE_EQ(chart->points[0].ucl_95, 2.0 + 2 * 0.75 / 1.128);
}

TEST(ControlChart, FreezeExcludeAndParts) {
  ControlOptions options;
  options.type = ControlChartType::c;
  options.freeze = 3;
  auto chart = control_chart(singles({4, 5, 6, 100, 100}), options);
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[4].cl, 5.0);
  EXPECT_TRUE(chart->points[4].sigma_signal);
  EXPECT_FALSE(chart->points[4].baseline);

  options.freeze.reset();
  options.exclude = {4, 5};
  chart = control_chart(singles({4, 5, 6, 100, 100}), options);
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[0].cl, 5.0);
  EXPECT_FALSE(chart->points[3].included);
  EXPECT_EQ(chart->parts[0].runs.n_obs, 3u);

  options.exclude.clear();
  options.part_ends = {3};
  chart = control_chart(singles({4, 5, 6, 100, 102}), options);
  ASSERT_TRUE(chart);
  ASSERT_EQ(chart->parts.size(), 2u);
  EXPECT_DOUBLE_EQ(chart->points[0].cl, 5.0);
  EXPECT_DOUBLE_EQ(chart->points[3].cl, 101.0);
  EXPECT_EQ(chart->points[3].part, 1u);
}

TEST(ControlChart, PChartClipsLimitsToZeroAndOne) {
  ControlOptions options;
  options.type = ControlChartType::p;
  auto chart = control_chart(singles({1, 2, 1}, {10, 10, 10}), options);
  ASSERT_TRUE(chart);
  const double p = 4.0 / 30.0;
  EXPECT_DOUBLE_EQ(chart->points[0].cl, p);
  EXPECT_DOUBLE_EQ(chart->points[0].lcl, 0.0);
  EXPECT_DOUBLE_EQ(chart->points[0].ucl, p + 3 * std::sqrt(p * (1 - p) / 10));
}

TEST(ControlChart, SubgroupsAggregate) {
  // Two rows for one x: y = (1 + 3) / (10 + 10) on a p chart.
  ControlOptions options;
  options.type = ControlChartType::p;
  std::vector<Subgroup> groups{{{1, 3}, {10, 10}}, {{2}, {20}}};
  auto chart = control_chart(groups, options);
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[0].y, 0.2);
  EXPECT_DOUBLE_EQ(chart->points[0].n, 20.0);
}

TEST(ControlChart, Errors) {
  ControlOptions options;
  options.type = ControlChartType::p;
  EXPECT_FALSE(control_chart(singles({1, 2}), options));           // no denominator
  EXPECT_FALSE(control_chart(singles({1, 2}, {10, 0}), options));  // zero denominator
  options.type = ControlChartType::t;
  EXPECT_FALSE(control_chart(singles({1, 0, 2}), options));  // time zero
  options.type = ControlChartType::i;
  options.exclude = {9};
  EXPECT_FALSE(control_chart(singles({1, 2, 3}), options));
  EXPECT_FALSE(parse_control_chart_type("xyz"));
  EXPECT_EQ(*parse_control_chart_type("pprime"), ControlChartType::pp);
}

TEST(ControlChart, MissingValuesAreSkippedNotZero) {
  ControlOptions options;
  options.type = ControlChartType::i;
  auto chart = control_chart(singles({1, NAN, 3}), options);
  ASSERT_TRUE(chart);
  EXPECT_DOUBLE_EQ(chart->points[0].cl, 2.0);
  EXPECT_TRUE(std::isnan(chart->points[1].y));
  EXPECT_EQ(chart->parts[0].runs.n_useful, 2u);
}

}  // namespace
}  // namespace clinaudit::stats
