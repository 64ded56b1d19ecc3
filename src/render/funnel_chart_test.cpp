#include "render/funnel_chart.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "render/testing/svg_axes.hpp"

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
  // Bristol, the alarm, is a diamond (alarm and alert differ by shape as well as colour).
  EXPECT_NE(svg->find("d=\"M0,-5.85L5.85,0L0,5.85L-5.85,0Z\" class=\"point flag-alarm_high\"><title>Bristol: 0.2867"),
            std::string::npos);
  EXPECT_NE(svg->find("<title>Great Ormond St: "), std::string::npos);
  // A flagged point's title says its flag in words; the key stays in the class only.
  EXPECT_NE(svg->find(", Alarm: above the 99.8% limit</title>"), std::string::npos);
  EXPECT_EQ(svg->find(", alarm_high</title>"), std::string::npos);
  EXPECT_NE(svg->find(">Proportion</text>"), std::string::npos);
  EXPECT_NE(svg->find(">Cases</text>"), std::string::npos);
}

// The x axis from its vertical tick marks, paired in order with the numeric labels centred
// under them: the first and the last tick.
std::optional<testing::AxisScale> x_axis(const std::string& svg) {
  std::vector<double> ticks;
  for (const auto& line : testing::elements(svg, "line")) {
    if (line.css_class == "tick" && line.at.at("x1") == line.at.at("x2")) ticks.push_back(line.at.at("x1"));
  }
  std::vector<double> labels;
  const std::regex label(R"re(<text [^>]*class="label" text-anchor="middle">([0-9.]+)</text>)re");
  for (std::sregex_iterator it(svg.begin(), svg.end(), label), end; it != end; ++it) {
    labels.push_back(std::stod((*it)[1]));
  }
  if (ticks.size() < 2 || ticks.size() != labels.size()) return std::nullopt;
  return testing::AxisScale{labels.front(), ticks.front(), labels.back(), ticks.back()};
}

TEST(FunnelChart, APointLiesWhereTheAxesPutItsExpectedCountAndRatio) {
  // Observed / expected: the unit with 30 deaths where 20 were expected is at O/E 1.5, E = 20.
  const std::vector<stats::UnitCount> rows{
      {"North", 30, 20}, {"South", 12, 15}, {"East", 40, 44}, {"West", 9, 10}, {"Central", 55, 50}};
  auto plot = stats::funnel_plot(rows, stats::FunnelOptions{});
  ASSERT_TRUE(plot) << plot.error().message;
  const auto svg = funnel_chart_svg(*plot);
  ASSERT_TRUE(svg);
  const auto x = x_axis(*svg);
  const auto y = testing::y_axis(*svg);
  ASSERT_TRUE(x && y) << "the axes have numbered ticks";
  std::optional<testing::SvgElement> north;
  for (const char* tag : {"circle", "path"}) {
    for (const auto& shape : testing::elements(*svg, tag)) {
      if (shape.title.rfind("North: 1.5000 (30 / 20)", 0) == 0) north = shape;
    }
  }
  ASSERT_TRUE(north) << "the unit at O/E 1.5 is drawn with its label";
  EXPECT_NEAR(north->at.at("cx"), x->pixel(20), 0.02);
  EXPECT_NEAR(north->at.at("cy"), y->pixel(1.5), 0.02);
  // The target line, O/E 1, runs across the plot at the axis' 1.
  for (const auto& line : testing::elements(*svg, "line")) {
    if (line.css_class != "target" || line.at.at("x2") - line.at.at("x1") < 100) continue;  // not the legend's
    EXPECT_NEAR(line.at.at("y1"), y->pixel(1.0), 0.02);
    EXPECT_NEAR(line.at.at("y2"), y->pixel(1.0), 0.02);
    EXPECT_NEAR(line.at.at("x1"), x->pixel(0), 0.02);
  }
}

TEST(FunnelChart, RingsAndNamesTheViewersOwnOrganisation) {
  FunnelChartOptions options;
  options.highlight = "Leeds";
  const auto plot = bristol();
  const auto svg = funnel_chart_svg(plot, options);
  ASSERT_TRUE(svg);
  std::optional<testing::SvgElement> leeds;
  for (const char* tag : {"circle", "path"}) {
    for (const auto& shape : testing::elements(*svg, tag)) {
      if (shape.title.rfind("Leeds: ", 0) == 0) leeds = shape;
    }
  }
  ASSERT_TRUE(leeds);
  std::vector<testing::SvgElement> rings;
  for (const auto& circle : testing::elements(*svg, "circle")) {
    if (circle.css_class == "own") rings.push_back(circle);
  }
  ASSERT_EQ(rings.size(), 2U) << "the ring round the point, and the legend's";
  EXPECT_NEAR(rings[0].at.at("cx"), leeds->at.at("cx"), 0.01);
  EXPECT_NEAR(rings[0].at.at("cy"), leeds->at.at("cy"), 0.01);
  std::vector<std::string> labels;
  for (const auto& text : testing::elements(*svg, "text")) {
    if (text.css_class == "own-label") labels.push_back(text.title);
  }
  EXPECT_EQ(labels, std::vector<std::string>{"Leeds"});
  EXPECT_NE(svg->find(">Your organisation</text>"), std::string::npos);
  // Nobody highlighted: no ring, no name, no legend entry.
  const auto plain = funnel_chart_svg(plot);
  ASSERT_TRUE(plain);
  EXPECT_EQ(plain->find("class=\"own"), std::string::npos);
  EXPECT_EQ(plain->find("Your organisation"), std::string::npos);
  // The values table marks it too.
  const auto values = funnel_values(plot, options);
  ASSERT_EQ(values.rows.size(), 12U);
  EXPECT_EQ(values.rows[2][0], "Leeds (your organisation)");
  EXPECT_EQ(values.rows[0][0], "Bristol");
  EXPECT_EQ(values.rows[0][1], "0.2867");
  EXPECT_EQ(values.rows[0][6], "Alarm: above the 99.8% limit");
}

TEST(FunnelChart, ShapesTellAlertFromAlarmAndTheLegendShowsThem) {
  const auto svg = funnel_chart_svg(bristol());
  ASSERT_TRUE(svg);
  for (const auto& path : testing::elements(*svg, "path")) {
    if (path.css_class.find("flag-alarm") != std::string::npos && !path.title.empty()) {  // not the legend's
      EXPECT_NE(path.title.find("Alarm"), std::string::npos) << path.title;
    }
  }
  for (const auto& circle : testing::elements(*svg, "circle")) {
    EXPECT_EQ(circle.css_class.find("flag-al"), std::string::npos) << "no flagged unit is a plain circle";
  }
  EXPECT_NE(svg->find("class=\"point flag-alert_high\"/><text"), std::string::npos);
  EXPECT_NE(svg->find(">Alarm (beyond 99.8%)</text>"), std::string::npos);
}

TEST(FunnelChart, ALongTitleWrapsInsteadOfBeingCutOff) {
  FunnelChartOptions options;
  options.title =
      "Proportion of patients with a hip fracture operated on within 36 hours of admission "
      "(2025-04-01 to 2026-03-31)";
  const auto svg = funnel_chart_svg(bristol(), options);
  ASSERT_TRUE(svg);
  std::vector<testing::SvgElement> lines;
  for (const auto& text : testing::elements(*svg, "text")) {
    if (text.css_class == "chart-title") lines.push_back(text);
  }
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].title + " " + lines[1].title, options.title);
  for (const auto& line : lines) EXPECT_LE(static_cast<double>(line.title.size()) * 8.5, 720 - 40) << line.title;
}

TEST(FunnelChart, RefusesAPlotWithNothingToDraw) {
  stats::FunnelPlot empty;
  EXPECT_FALSE(funnel_chart_svg(empty));
}

}  // namespace
}  // namespace clinaudit::render
