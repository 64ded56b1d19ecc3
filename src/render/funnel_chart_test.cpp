#include "render/funnel_chart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clinaudit::render {
namespace {

stats::FunnelPlot bristol() {
  // Bristol Royal Infirmary Inquiry data, 1991-95 (deaths / operations), three of the 12 centres
  // plus the pooled rest, enough to put Bristol beyond the 99.8% limit.
  const std::vector<stats::UnitCount> rows{
      {"Bristol", 41, 143},   {"Leicester", 25, 187}, {"Leeds", 24, 323},       {"Oxford", 23, 122},
      {"Guys", 25, 164},      {"Liverpool", 42, 405}, {"Southampton", 24, 239}, {"Great Ormond St", 53, 482},
      {"Newcastle", 26, 195}, {"Harefield", 25, 177}, {"Birmingham", 58, 581},  {"Brompton", 31, 301}};
  stats::FunnelOptions options;
  options.type = stats::FunnelType::proportion;
  options.overdispersion = stats::OverdispersionMethod::none;
  auto plot = stats::funnel_plot(rows, options);
  EXPECT_TRUE(plot);
  return *plot;
}

TEST(FunnelChart, SameInputGivesTheSameBytes) {
  const auto first = funnel_chart_svg(bristol());
  const auto second = funnel_chart_svg(bristol());
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
}

TEST(FunnelChart, DrawsPointsLimitsTargetAndHighlightsTheFlaggedUnit) {
  FunnelChartOptions options;
  options.title = "Child heart surgery <1 year, 1991-95";
  const auto svg = funnel_chart_svg(bristol(), options);
  ASSERT_TRUE(svg);
  EXPECT_EQ(svg->rfind("<svg", 0), 0U);
  EXPECT_NE(svg->find("Child heart surgery &lt;1 year"), std::string::npos);
  EXPECT_NE(svg->find("class=\"target\""), std::string::npos);
  EXPECT_NE(svg->find("class=\"limit-95\""), std::string::npos);
  EXPECT_NE(svg->find("class=\"limit-998\""), std::string::npos);
  EXPECT_NE(svg->find("class=\"point flag-alarm_high\" tabindex=\"0\"><title>Bristol: 0.2867"), std::string::npos);
  EXPECT_NE(svg->find("<title>Great Ormond St: "), std::string::npos);
  EXPECT_NE(svg->find(">Proportion</text>"), std::string::npos);
  EXPECT_NE(svg->find(">Cases</text>"), std::string::npos);
}

TEST(FunnelChart, RefusesAPlotWithNothingToDraw) {
  stats::FunnelPlot empty;
  EXPECT_FALSE(funnel_chart_svg(empty));
}

}  // namespace
}  // namespace clinaudit::render
