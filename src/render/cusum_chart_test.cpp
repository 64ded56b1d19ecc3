#include "render/cusum_chart.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace clinaudit::render {
namespace {

stats::RacusumChart example(const stats::RacusumOptions& options) {
  // Risk 0 deaths add log 2 each; risk 0.5 survivors push the lower chart down.
  const std::vector<double> risks{0, 0, 0, 0.5, 0.5, 0.5, 0.5, 0.5};
  const std::vector<double> outcomes{1, 1, 1, 0, 0, 0, 0, 0};
  auto chart = stats::racusum_chart(risks, outcomes, options);
  EXPECT_TRUE(chart);
  return *chart;
}

stats::RacusumOptions small_limits() {
  stats::RacusumOptions options;
  options.upper_limit = 2;
  options.lower_limit = 1;
  return options;
}

TEST(CusumChart, SameChartGivesTheSameBytes) {
  const auto options = small_limits();
  const auto chart = example(options);
  EXPECT_EQ(cusum_svg(chart, options), cusum_svg(example(options), options));
  EXPECT_EQ(vlad_svg(chart), vlad_svg(example(options)));
}

TEST(CusumChart, DrawsBothChartsLimitsAndLabelledSignals) {
  const auto options = small_limits();
  const auto chart = example(options);
  ASSERT_EQ(chart.signals.size(), 2u);
  CusumChartText text;
  text.patient_labels = {"", "", "op 3 (2024-01-05)"};
  const auto svg = cusum_svg(chart, options, text);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("class=\"upper\""), std::string::npos);
  EXPECT_NE(svg.find("class=\"lower\""), std::string::npos);
  std::size_t limits = 0;
  for (auto at = svg.find("class=\"limit\""); at != std::string::npos; at = svg.find("class=\"limit\"", at + 1)) {
    ++limits;
  }
  EXPECT_EQ(limits, 2u);
  EXPECT_NE(svg.find("op 3 (2024-01-05): upper CUSUM 2.079 ≥ h = 2 — signal of deterioration"), std::string::npos);
  EXPECT_NE(svg.find("lower CUSUM"), std::string::npos);
  EXPECT_NE(svg.find("Upper: odds ratio 2, h = 2"), std::string::npos);
  EXPECT_NE(svg.find("2 signals (reset after each)"), std::string::npos);
}

TEST(CusumChart, VladChartShowsTheTotals) {
  const auto options = small_limits();
  const auto svg = vlad_svg(example(options));
  EXPECT_NE(svg.find("class=\"vlad\""), std::string::npos);
  EXPECT_NE(svg.find("Observed 3, expected 2.5"), std::string::npos);
}

TEST(CusumChart, EscapesLabels) {
  const auto options = small_limits();
  CusumChartText text;
  text.title = "A & B <trust>";
  const auto svg = cusum_svg(example(options), options, text);
  EXPECT_NE(svg.find("A &amp; B &lt;trust&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<trust>"), std::string::npos);
}

}  // namespace
}  // namespace clinaudit::render
