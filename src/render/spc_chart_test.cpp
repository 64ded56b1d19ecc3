#include "render/spc_chart.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "render/chart_frame.hpp"
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
  // Points are circles, or paths placed at their centre (special causes have their own shape).
  std::vector<testing::SvgElement> points;
  for (const char* tag : {"circle", "path"}) {
    for (const auto& shape : testing::elements(*svg, tag)) {
      if (shape.css_class.rfind("pt ", 0) == 0) points.push_back(shape);
    }
  }
  std::sort(points.begin(), points.end(), [](const auto& a, const auto& b) { return a.at.at("cx") < b.at.at("cx"); });
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

// WCAG 2.1: relative luminance of an sRGB colour "#rrggbb" and the contrast of two colours.
double relative_luminance(const std::string& hex) {
  auto linear = [&hex](std::size_t at) {
    const double c = std::stoi(hex.substr(at, 2), nullptr, 16) / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(1) + 0.7152 * linear(3) + 0.0722 * linear(5);
}

double contrast(const std::string& a, const std::string& b) {
  const double la = relative_luminance(a);
  const double lb = relative_luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

TEST(SpcIcons, EveryIconLetterHasContrastOfAtLeast4_5To1) {
  // The example from the issue: white on the Making Data Count orange is 1.81:1.
  EXPECT_NEAR(contrast("#ffffff", kMdcConcern), 1.81, 0.01);
  std::vector<IconStyle> icons;
  for (const auto icon :
       {stats::VariationIcon::common_cause, stats::VariationIcon::improvement_high,
        stats::VariationIcon::improvement_low, stats::VariationIcon::concern_high, stats::VariationIcon::concern_low,
        stats::VariationIcon::neutral_high, stats::VariationIcon::neutral_low}) {
    icons.push_back(variation_icon_style(icon));
  }
  for (const auto icon : {stats::AssuranceIcon::consistent_pass, stats::AssuranceIcon::consistent_fail,
                          stats::AssuranceIcon::inconsistent}) {
    icons.push_back(assurance_icon_style(icon));
  }
  for (const auto& icon : icons) {
    EXPECT_GE(contrast(icon.fill, icon.text), 4.5) << icon.words << ": " << icon.text << " on " << icon.fill;
  }
  // The stylesheet of the chart paints the letters in those colours.
  const std::string style = ChartFrame::style();
  EXPECT_NE(style.find(".badge-text{font-size:12px;font-weight:bold;fill:" + std::string(kIconTextLight) + "}"),
            std::string::npos);
  EXPECT_NE(style.find(".badge-text.on-light{fill:" + std::string(kIconTextDark) + "}"), std::string::npos);
}

TEST(SpcIcons, ImprovementAndConcernDifferInShapeAsWellAsColour) {
  EXPECT_NE(variation_icon_style(stats::VariationIcon::improvement_high).shape,
            variation_icon_style(stats::VariationIcon::concern_high).shape);
  EXPECT_NE(variation_icon_style(stats::VariationIcon::improvement_low).shape,
            variation_icon_style(stats::VariationIcon::concern_low).shape);
  EXPECT_NE(assurance_icon_style(stats::AssuranceIcon::consistent_pass).shape,
            assurance_icon_style(stats::AssuranceIcon::consistent_fail).shape);
  // And the points: the example's improvement points are squares, its common-cause points circles.
  const Example e;
  const auto svg = spc_chart_svg(e.chart, e.dates, 8.0);
  ASSERT_TRUE(svg);
  for (const auto& path : testing::elements(*svg, "path")) {
    if (path.css_class == "pt pt-improvement")
      EXPECT_NE(path.title.find("special cause improvement"), std::string::npos);
  }
  EXPECT_NE(svg->find("d=\"M-4.00,-4.00H4.00V4.00H-4.00Z\" class=\"pt pt-improvement\""), std::string::npos);
}

TEST(SpcChartSvg, HasALegendAndIsOneTabStop) {
  const Example e;
  const auto svg = spc_chart_svg(e.chart, e.dates, 8.0);
  ASSERT_TRUE(svg);
  std::vector<std::string> legend;
  for (const auto& text : testing::elements(*svg, "text")) {
    if (text.css_class == "legend") legend.push_back(text.title);
  }
  EXPECT_EQ(legend,
            (std::vector<std::string>{"Mean", "Process limits", "Target", "Common cause", "Improvement", "Concern"}));
  EXPECT_EQ(svg->find("tabindex"), svg->rfind("tabindex")) << "only the chart is a tab stop";
  EXPECT_EQ(svg->find("tabindex=\"0\""), svg->find(" tabindex") + 1);
  EXPECT_LT(svg->find("tabindex"), svg->find('>'));
}

// A proportion near 100%: the upper process limit passes 1 and is drawn at 100%; values read
// as percentages to the measure's precision.
TEST(SpcChartSvg, ProportionsReadAsPercentagesWithLimitsWithinTheirRange) {
  const std::vector<double> values{0.97, 0.99, 0.96, 1.0, 0.98, 0.97, 0.99, 1.0, 0.96, 0.98, 0.99, 0.97};
  std::vector<std::string> dates;
  for (std::size_t i = 0; i < values.size(); ++i) dates.push_back("2025-" + std::to_string(10 + i % 3) + "-01");
  const auto chart = stats::xmr_chart(values, {});
  ASSERT_TRUE(chart);
  ASSERT_GT(chart->points.front().upl, 1.0) << "the example needs a limit above 100%";
  SpcChartOptions options;
  options.percent = true;
  options.decimals = 1;
  options.floor = 0.0;
  options.ceiling = 1.0;
  options.y_label = "Seen within 14 hours (%)";
  const auto svg = spc_chart_svg(*chart, dates, std::nullopt, options);
  ASSERT_TRUE(svg);
  EXPECT_NE(svg->find(">100%</text>"), std::string::npos) << "ticks are percentages";
  EXPECT_NE(svg->find("<title>2025-10-01: 97.0% (common cause variation)</title>"), std::string::npos);
  EXPECT_NE(svg->find(">Seen within 14 hours (%)</text>"), std::string::npos);
  // The upper limit is drawn at the 100% tick, not above it.
  const std::regex top_tick(R"re(<text [^>]*y="([0-9.]+)"[^>]*text-anchor="end">100%</text>)re");
  std::smatch tick;
  ASSERT_TRUE(std::regex_search(*svg, tick, top_tick));
  const double hundred = std::stod(tick[1]) - 4;  // a tick label sits 4 px below its line
  for (const auto& line : testing::elements(*svg, "line")) {
    if (line.css_class == "limit") EXPECT_GE(line.at.at("y1"), hundred - 0.01) << "no limit above 100%";
  }
  // The values table says the same, limits as drawn.
  const auto table = spc_values(*chart, dates, options);
  ASSERT_EQ(table.rows.size(), values.size());
  EXPECT_EQ(table.rows[0][0], "2025-10-01");
  EXPECT_EQ(table.rows[0][1], "97.0%");
  EXPECT_EQ(table.rows[0][4], "100.0%");
  EXPECT_EQ(table.rows[0][5], "common cause variation");
}

TEST(SpcChartSvg, ALongTitleWrapsAndThePlotStartsBelowIt) {
  const Example e;
  SpcChartOptions options;
  options.title = "Proportion of patients with a hip fracture operated on within 36 hours of admission: your results";
  const auto svg = spc_chart_svg(e.chart, e.dates, 8.0, options);
  ASSERT_TRUE(svg);
  std::vector<testing::SvgElement> title;
  for (const auto& text : testing::elements(*svg, "text")) {
    if (text.css_class == "title") title.push_back(text);
  }
  ASSERT_EQ(title.size(), 2U);
  EXPECT_EQ(title[0].title + " " + title[1].title, xml_escape(options.title));
  double top = 1e9;
  for (const auto& line : testing::elements(*svg, "line")) {
    if (line.css_class == "grid") top = std::min(top, line.at.at("y1"));
  }
  EXPECT_GT(top, title[1].at.at("y") + 8) << "the plot starts below the second line";
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
