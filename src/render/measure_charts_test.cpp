#include "render/measure_charts.hpp"

#include <gtest/gtest.h>

#include <regex>
#include <string>
#include <vector>

namespace clinaudit::render {
namespace {

domain::Measure falls() {
  domain::Measure m;
  m.name = "Falls";
  m.type = domain::MeasureType::rate;
  m.improvement = domain::Improvement::decrease;
  m.rate_multiplier = 1000;
  m.unit = "per 1,000 bed days";
  return m;
}

// Twelve months of falls per bed day, stored as rates (0.0042 is 4.2 per 1,000 bed days).
stats::XmrChart falls_chart(std::vector<std::string>& periods) {
  const std::vector<double> rates{0.0042, 0.0040, 0.0044, 0.0041, 0.0043, 0.0042,
                                  0.0039, 0.0045, 0.0042, 0.0040, 0.0043, 0.0042};
  for (std::size_t i = 0; i < rates.size(); ++i) {
    periods.push_back("2025-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1));
  }
  stats::XmrOptions options;
  options.improvement = stats::ImprovementDirection::decrease;
  return *stats::xmr_chart(rates, options);
}

TEST(MeasureSpc, ARateReadsPerItsMultiplierWithTheUnitInTheAxisTitle) {
  std::vector<std::string> periods;
  const auto chart = measure_spc(falls(), falls_chart(periods), periods, "Falls by month");
  ASSERT_FALSE(chart.svg.empty());
  EXPECT_NE(chart.svg.find(">Falls per 1,000 bed days</text>"), std::string::npos) << "the axis title";
  // Hover label and values table: 0.0042 per bed day is 4.20 per 1,000 bed days.
  EXPECT_NE(chart.svg.find("<title>2025-01: 4.20 ("), std::string::npos);
  EXPECT_NE(chart.values.find("<tr><th scope=\"row\">2025-01</th><td>4.20</td>"), std::string::npos);
  EXPECT_EQ(chart.values.find("0.0042"), std::string::npos) << "no value on the stored scale";
  // The ticks are per 1,000 bed days too: round numbers around 4, none on the stored scale.
  EXPECT_NE(chart.svg.find(">4.0</text>"), std::string::npos);
  EXPECT_EQ(chart.svg.find(">0.004"), std::string::npos);
}

TEST(MeasureSpc, ARateWithoutAUnitNamesItsMultiplier) {
  auto measure = falls();
  measure.unit.clear();
  EXPECT_EQ(value_axis_title(measure), "Falls per 1000");
  measure.rate_multiplier = 1;
  EXPECT_EQ(value_axis_title(measure), "Falls");
  measure.unit = "events a day";
  EXPECT_EQ(value_axis_title(measure), "Falls (events a day)");
}

// A funnel of four units, "North" the own unit, on the stored scale.
domain::MeasureFunnel funnel_of(stats::FunnelType type, std::vector<stats::UnitCount> rows) {
  stats::FunnelOptions options;
  options.type = type;
  options.overdispersion = stats::OverdispersionMethod::none;
  domain::MeasureFunnel funnel;
  funnel.period = "2025-04-01 to 2026-03-31";
  funnel.plot = *stats::funnel_plot(rows, options);
  funnel.own_unit = "North";
  return funnel;
}

TEST(FunnelPanel, ProportionsReadAsPercentagesToTheMeasuresPrecision) {
  domain::Measure measure;
  measure.name = "Seen within 4 hours";
  measure.type = domain::MeasureType::proportion;
  const auto panel =
      funnel_panel(measure, funnel_of(stats::FunnelType::proportion,
                                      {{"North", 20, 100}, {"South", 45, 150}, {"East", 60, 100}, {"West", 80, 200}}));
  ASSERT_FALSE(panel.svg.empty());
  // Target ΣO/ΣD = 205/550 = 37.27%; North 20/100 = 20.0%.
  EXPECT_NE(panel.svg.find("<title>North: 20.0% (20 / 100)"), std::string::npos);
  EXPECT_NE(panel.svg.find(">Target 37.3%</text>"), std::string::npos);
  EXPECT_NE(panel.svg.find(">Seen within 4 hours (%)</text>"), std::string::npos);
  EXPECT_TRUE(std::regex_search(panel.svg, std::regex("text-anchor=\"end\">[0-9]+%</text>")))
      << "ticks are percentages";
  EXPECT_NE(panel.values.find("<th scope=\"row\">North (your organisation)</th><td>20.0%</td>"), std::string::npos);
  EXPECT_NE(panel.values.find("<th scope=\"row\">East</th><td>60.0%</td>"), std::string::npos);
  EXPECT_EQ(panel.values.find("0.2000"), std::string::npos) << "no proportion on the stored scale";
}

TEST(FunnelPanel, RatiosStayRatiosAndRatesReadPerTheirMultiplier) {
  domain::Measure mortality;
  mortality.name = "Mortality";
  mortality.type = domain::MeasureType::ratio;
  const auto ratio = funnel_panel(
      mortality,
      funnel_of(stats::FunnelType::ratio, {{"North", 12, 10}, {"South", 18, 20}, {"East", 30, 25}, {"West", 8, 10}}));
  ASSERT_FALSE(ratio.svg.empty());
  EXPECT_NE(ratio.svg.find("<title>North: 1.20 (12 / 10)"), std::string::npos);
  EXPECT_NE(ratio.svg.find(">Target 1</text>"), std::string::npos);
  EXPECT_FALSE(std::regex_search(ratio.svg, std::regex("text-anchor=\"end\">[^<]*%</text>")))
      << "a ratio's ticks are no percentages";

  const auto rate = funnel_panel(
      falls(), funnel_of(stats::FunnelType::rate,
                         {{"North", 21, 5000}, {"South", 30, 6000}, {"East", 12, 4000}, {"West", 40, 8000}}));
  ASSERT_FALSE(rate.svg.empty());
  // North: 21 falls in 5,000 bed days, 0.0042 a bed day, 4.20 per 1,000.
  EXPECT_NE(rate.svg.find("<title>North: 4.20 (21 / 5000)"), std::string::npos);
  EXPECT_NE(rate.svg.find(">Falls per 1,000 bed days</text>"), std::string::npos);
  EXPECT_NE(rate.values.find("<td>4.20</td>"), std::string::npos);
}

TEST(FunnelPanel, NamesTheRingedUnitAsTheCallerAsks) {
  domain::Measure measure;
  measure.name = "Seen within 4 hours";
  const auto panel =
      funnel_panel(measure,
                   funnel_of(stats::FunnelType::proportion,
                             {{"North", 20, 100}, {"South", 45, 150}, {"East", 60, 100}, {"West", 80, 200}}),
                   "the provider on this page");
  EXPECT_NE(panel.svg.find(">The provider on this page</text>"), std::string::npos);
  EXPECT_NE(panel.values.find(">North (the provider on this page)</th>"), std::string::npos);
  EXPECT_EQ(panel.svg.find("Your organisation"), std::string::npos);
}

}  // namespace
}  // namespace clinaudit::render
