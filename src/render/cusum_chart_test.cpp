#include "render/cusum_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "render/testing/svg_axes.hpp"

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

TEST(CusumChart, SignalsAndLimitsLieWhereTheAxesPutThem) {
  const auto options = small_limits();
  const auto svg = cusum_svg(example(options), options);
  const auto y = testing::y_axis(svg);
  ASSERT_TRUE(y) << "the y axis has numbered ticks";
  // The x axis numbers the patients; the horizontal axis line spans the plot.
  std::map<std::string, double> patient_x;
  for (const auto& text : testing::elements(svg, "text")) {
    if (text.css_class == "label" && text.at.contains("x")) patient_x[text.title] = text.at.at("x");
  }
  double axis_left = 0;
  double axis_right = 0;
  for (const auto& line : testing::elements(svg, "line")) {
    if (line.css_class == "axis" && line.at.at("y1") == line.at.at("y2")) {
      axis_left = line.at.at("x1");
      axis_right = line.at.at("x2");
    }
  }
  ASSERT_LT(axis_left, axis_right);
  // Three deaths at risk 0 add log 2 each: the upper CUSUM reaches 3 log 2 at patient 3.
  std::vector<testing::SvgElement> signals;
  for (const auto& circle : testing::elements(svg, "circle")) {
    if (circle.css_class == "signal") signals.push_back(circle);
  }
  ASSERT_EQ(signals.size(), 2U);
  ASSERT_TRUE(patient_x.contains("3"));
  EXPECT_NEAR(signals[0].at.at("cx"), patient_x.at("3"), 0.02);
  EXPECT_NEAR(signals[0].at.at("cy"), y->pixel(3 * std::log(2.0)), 0.02);
  // The limits h = 2 above zero and 1 below, from one end of the x axis to the other.
  std::vector<testing::SvgElement> limits;
  for (const auto& line : testing::elements(svg, "line")) {
    if (line.css_class == "limit") limits.push_back(line);
  }
  ASSERT_EQ(limits.size(), 2U);
  EXPECT_NEAR(limits[0].at.at("y1"), y->pixel(2), 0.02);
  EXPECT_NEAR(limits[0].at.at("y2"), y->pixel(2), 0.02);
  EXPECT_NEAR(limits[1].at.at("y1"), y->pixel(-1), 0.02);
  for (const auto& limit : limits) {
    EXPECT_NEAR(limit.at.at("x1"), axis_left, 0.02);
    EXPECT_NEAR(limit.at.at("x2"), axis_right, 0.02);
  }
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
