#include "render/cusum_json.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace clinaudit::render {
namespace {

TEST(CusumJson, OnePointPerPatientAndTheSignals) {
  const std::vector<double> risks{0, 0, 0, 0.2};
  const std::vector<double> outcomes{1, 1, 1, 0};
  stats::RacusumOptions options;
  options.upper_limit = 2;
  options.lower = false;
  const auto chart = stats::racusum_chart(risks, outcomes, options);
  ASSERT_TRUE(chart);
  const auto json = to_json(*chart, options);
  ASSERT_EQ(json["points"].size(), 4u);
  EXPECT_EQ(json["points"][2]["signal_upper"], true);
  EXPECT_EQ(json["points"][2]["upper"], 0.0);  // reset at the signal
  EXPECT_TRUE(json["points"][0]["lower"].is_null());
  EXPECT_TRUE(json["parameters"]["lower_limit"].is_null());
  EXPECT_EQ(json["parameters"]["limit"], 2.0);
  ASSERT_EQ(json["signals"].size(), 1u);
  EXPECT_EQ(json["signals"][0]["patient"], 3);
  EXPECT_EQ(json["signals"][0]["chart"], "upper");
  EXPECT_NEAR(json["points"][3]["vlad"].get<double>(), -2.8, 1e-12);
  EXPECT_EQ(json["observed"], 3.0);
}

TEST(CusumJson, LimitReportNamesTheMethod) {
  CusumLimitReport report;
  report.limit.h = 4.5;
  report.limit.arl = 7838.5;
  report.limit.states = 2700;
  EXPECT_EQ(to_json(report)["method"], "markov");
  EXPECT_EQ(to_json(report)["states"], 2700);
  EXPECT_TRUE(to_json(report)["target_arl"].is_null());
  report.simulated = true;
  report.limit.runs = 10000;
  EXPECT_EQ(to_json(report)["runs"], 10000);
  EXPECT_FALSE(to_json(report).contains("states"));
}

}  // namespace
}  // namespace clinaudit::render
