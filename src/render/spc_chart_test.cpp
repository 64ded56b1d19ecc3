#include "render/spc_chart.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "render/run_chart_svg.hpp"
#include "render/spc_json.hpp"
#include "render/testing/svg_axes.hpp"

namespace clinaudit::render {
namespace {

struct Example {
  std::vector<double> values{10, 12, 9, 11, 10, 12, 9, 11, 10, 9, 13, 13.5, 13, 13.5, 13, 13.5, 13, 30};
  std::vector<std::string> dates;
  stats::XmrChart chart;
  Example() {
    for (std::size_t i = 0; i < values.size(); ++i) {
      dates.push_back("2024-" + std::string(i + 1 < 10 ? "0" : "") + std::to_string(i % 12 + 1) + "-01");
    }
    stats::XmrOptions options;
    options.target = 8;
    chart = *stats::xmr_chart(values, options);
  }
};

TEST(SpcChartSvg, SameChartSameBytes) {
  const Example e;
  const auto first = spc_chart_svg(e.chart, e.dates, 8.0);
  const auto second = spc_chart_svg(e.chart, e.dates, 8.0);
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(*first, *second);
}

TEST(SpcChartSvg, ColoursPointsAndLabelsIcons) {
  const Example e;
  const auto svg = spc_chart_svg(e.chart, e.dates, 8.0);
  ASSERT_TRUE(svg);
  // The shift (improvement, higher is better) and the astronomical last point are blue.
  EXPECT_NE(svg->find("pt pt-improvement"), std::string::npos);
  EXPECT_NE(svg->find("#289de0"), std::string::npos);
  EXPECT_NE(svg->find("above the upper process limit"), std::string::npos);
  // Variation icon (improvement, high) and assurance icon (target 8 below the limits: pass).
  EXPECT_NE(svg->find("aria-label=\"Variation: special cause improvement, higher values\""), std::string::npos);
  EXPECT_NE(svg->find("aria-label=\"Assurance: the process will consistently meet the target\""), std::string::npos);
  EXPECT_NE(svg->find("class=\"target\""), std::string::npos);
  EXPECT_EQ(svg->find("class=\"near\""), std::string::npos);
  SpcChartOptions options;
  options.near_lines = true;
  EXPECT_NE(spc_chart_svg(e.chart, e.dates, 8.0, options)->find("class=\"near\""), std::string::npos);
}

TEST(SpcChartSvg, PointsAndLimitsLieWhereTheAxesPutTheirValues) {
  const Example e;
  const auto svg = spc_chart_svg(e.chart, e.dates, 8.0);
  ASSERT_TRUE(svg);
  const auto y = testing::y_axis(*svg);
  ASSERT_TRUE(y) << "the y axis has numbered ticks";
  std::vector<testing::SvgElement> points;
  for (const auto& circle : testing::elements(*svg, "circle")) {
    if (circle.css_class.rfind("pt ", 0) == 0) points.push_back(circle);
  }
  ASSERT_EQ(points.size(), e.values.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    EXPECT_NEAR(points[i].at.at("cy"), y->pixel(e.values[i]), 0.02) << "point " << i << " at " << e.values[i];
    EXPECT_EQ(points[i].title.rfind(e.dates[i] + ": ", 0), 0U) << points[i].title;
  }
  // Each date label sits under its point.
  for (const auto& text : testing::elements(*svg, "text")) {
    for (std::size_t i = 0; i < e.dates.size(); ++i) {
      if (text.title == e.dates[i]) {
        EXPECT_NEAR(text.at.at("x"), points[i].at.at("cx"), 0.02) << e.dates[i];
      }
    }
  }
  // The process limits of each group: a line at the limit's value from the group's first
  // point to its last (a group of one point gets a short line either side of it).
  std::vector<testing::SvgElement> limits;
  for (const auto& line : testing::elements(*svg, "line")) {
    if (line.css_class == "limit") limits.push_back(line);
  }
  ASSERT_EQ(limits.size(), 2 * e.chart.groups.size());
  const auto& group = e.chart.groups.front();
  const auto& first = e.chart.points[group.first];
  ASSERT_GT(group.count, 1U);
  const auto& lower = limits[0];
  const auto& upper = limits[e.chart.groups.size()];
  EXPECT_NEAR(lower.at.at("y1"), y->pixel(first.lpl), 0.02);
  EXPECT_NEAR(lower.at.at("y2"), y->pixel(first.lpl), 0.02);
  EXPECT_NEAR(upper.at.at("y1"), y->pixel(first.upl), 0.02);
  EXPECT_NEAR(upper.at.at("x1"), points[group.first].at.at("cx"), 0.02);
  EXPECT_NEAR(upper.at.at("x2"), points[group.first + group.count - 1].at.at("cx"), 0.02);
  // The target line at 8, across the plot.
  for (const auto& line : testing::elements(*svg, "line")) {
    if (line.css_class == "target") {
      EXPECT_NEAR(line.at.at("y1"), y->pixel(8.0), 0.02);
    }
  }
}

TEST(SpcChartSvg, RejectsMismatchedDates) {
  const Example e;
  const std::vector<std::string> one{"2024-01-01"};
  EXPECT_FALSE(spc_chart_svg(e.chart, one, std::nullopt));
}

TEST(SpcJson, PointsCarryRuleAndType) {
  const Example e;
  const auto json = to_json(e.chart, e.dates, stats::ImprovementDirection::increase, 8.0);
  EXPECT_EQ(json["variation_icon"], "improvement_high");
  EXPECT_EQ(json["assurance_icon"], "consistent_pass");
  EXPECT_EQ(json["points"].size(), e.values.size());
  EXPECT_EQ(json["points"][17]["rule"], "astronomical_high");
  EXPECT_EQ(json["points"][17]["point_type"], "special_cause_improvement");
  EXPECT_EQ(json["points"][11]["rule"], "shift_high");
}

TEST(ControlChartSvg, DeterministicAndMarksSignals) {
  std::vector<stats::Subgroup> groups;
  std::vector<std::string> x;
  for (const double v : {4.0, 5.0, 6.0, 5.0, 4.0, 5.0, 6.0, 5.0, 30.0}) {
    groups.push_back(stats::Subgroup{{v}, {}});
    x.push_back(std::to_string(x.size() + 1));
  }
  stats::ControlOptions options;
  options.type = stats::ControlChartType::c;
  const auto chart = stats::control_chart(groups, options);
  ASSERT_TRUE(chart);
  const auto first = control_chart_svg(*chart, x);
  ASSERT_TRUE(first);
  EXPECT_EQ(*first, *control_chart_svg(*chart, x));
  EXPECT_NE(first->find("C chart"), std::string::npos);
  EXPECT_NE(first->find("pt pt-signal"), std::string::npos);
  EXPECT_NE(first->find("above the upper control limit"), std::string::npos);
  const auto json = to_json(*chart, x);
  EXPECT_EQ(json["points"][8]["signal"], true);
  EXPECT_EQ(json["points"][0]["x"], 1.0);
}

}  // namespace
}  // namespace clinaudit::render
