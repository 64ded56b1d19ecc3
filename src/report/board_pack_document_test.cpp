#include "report/board_pack_document.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace clinaudit::report {
namespace {

// A measure of the pack with its monthly series charted as the board pack use case does.
domain::MeasureChart measure(const std::string& name, const std::vector<double>& values, std::optional<double> target) {
  domain::MeasureChart m;
  m.audit.code = "NETA";
  m.measure.name = name;
  m.measure.type = domain::MeasureType::proportion;
  m.measure.improvement = domain::Improvement::increase;
  m.measure.target = target;
  m.values = values;
  for (std::size_t i = 0; i < values.size(); ++i) {
    m.periods.push_back("2025-" + std::string(i < 9 ? "0" : "") + std::to_string(i + 1));
  }
  stats::XmrOptions options;
  options.improvement = stats::ImprovementDirection::increase;
  options.target = target;
  m.chart = *stats::xmr_chart(values, options);
  return m;
}

domain::BoardPack pack() {
  domain::BoardPack p;
  p.organisation.name = "Riverside Test Hospitals";
  p.meeting = *Date::parse("2026-01-20");
  p.participation.year = FinancialYear{2025};
  const std::vector<double> steady{0.90, 0.92, 0.90, 0.92, 0.90, 0.92, 0.90, 0.92, 0.90, 0.92, 0.90, 0.92};
  // Common cause, and the target of 50% lies below the lower limit: it will consistently pass.
  p.measures.push_back(measure("Steady and passing", steady, 0.5));
  // Common cause, but the target of 99% lies above the upper limit: it will consistently fail.
  p.measures.push_back(measure("Steady and failing", steady, 0.99));
  // The last point far above the upper limit: special cause (improvement, higher is better).
  auto jump = steady;
  jump.back() = 1.0;
  p.measures.push_back(measure("Jumped up", jump, std::nullopt));
  return p;
}

TEST(BoardPackDocument, ChartsTheMeasuresWithASpecialCauseOrFailingTheirTarget) {
  const auto p = pack();
  ASSERT_EQ(p.measures[0].chart.variation, stats::VariationIcon::common_cause);
  ASSERT_EQ(p.measures[0].chart.assurance, stats::AssuranceIcon::consistent_pass);
  ASSERT_EQ(p.measures[1].chart.variation, stats::VariationIcon::common_cause);
  ASSERT_EQ(p.measures[1].chart.assurance, stats::AssuranceIcon::consistent_fail);
  ASSERT_EQ(p.measures[2].chart.variation, stats::VariationIcon::improvement_high);
  EXPECT_FALSE(domain::needs_chart(p.measures[0]));
  EXPECT_TRUE(domain::needs_chart(p.measures[1]));
  EXPECT_TRUE(domain::needs_chart(p.measures[2]));

  const auto html = board_pack_html(p);
  EXPECT_EQ(html.find("aria-label=\"NETA: Steady and passing\""), std::string::npos) << "no chart for a steady pass";
  EXPECT_NE(html.find("aria-label=\"NETA: Steady and failing\""), std::string::npos);
  EXPECT_NE(html.find("aria-label=\"NETA: Jumped up\""), std::string::npos);
  // Each chart is one tab stop, followed by the table of its values, as percentages.
  std::size_t charts = 0;
  for (auto at = html.find("<svg "); at != std::string::npos; at = html.find("<svg ", at + 1)) {
    ++charts;
    const auto end = html.find("</svg>", at);
    EXPECT_EQ(html.compare(end + 6, 38, "<details class=\"chart-values\"><summary"), 0)
        << "the values follow the chart";
  }
  EXPECT_EQ(charts, 2U);
  std::size_t stops = 0;
  for (auto at = html.find("tabindex="); at != std::string::npos; at = html.find("tabindex=", at + 1)) ++stops;
  EXPECT_EQ(stops, 2U);
  EXPECT_NE(html.find("<tr><th scope=\"row\">2025-12</th><td>100.0%</td>"), std::string::npos);
}

// The charts and the CUSUM signals are stored analyses: the pack says when they were computed,
// and from what, as the dashboard does.
TEST(BoardPackDocument, SaysWhenItsStoredChartsAndSignalsWereComputed) {
  auto p = pack();
  p.measures[0].computed_at = "2026-01-10T06:00:00Z";
  p.measures[1].computed_at = "2026-01-12T06:00:00Z";
  p.measures[2].computed_at = "2026-01-11T06:00:00Z";
  domain::AuditCusumMonitoring monitoring;
  monitoring.audit.title = "Emergency Laparotomy Audit";
  monitoring.monitoring.from = *Date::parse("2024-01-19");
  monitoring.monitoring.to = *Date::parse("2026-01-18");
  monitoring.monitoring.episodes = 1234;
  domain::AuditCusumMonitoring empty;  // a national audit with no patient-level data here
  empty.audit.title = "Hip Fracture Database";
  p.figures.cusum_monitoring = {monitoring, empty};
  auto html = board_pack_html(p);
  EXPECT_NE(html.find("From 3 stored chart(s), each computed when its results or settings last changed"),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("2026-01-12T06:00:00Z"), std::string::npos) << "the same records give the same pack";
  EXPECT_NE(html.find("Emergency Laparotomy Audit: signals computed on 2026-01-18 from 1234 episodes admitted "
                      "2024-01-19 to 2026-01-18."),
            std::string::npos)
      << html;
  EXPECT_EQ(html.find("Hip Fracture Database: signals computed"), std::string::npos);

  p.figures.cusum_monitoring.clear();
  html = board_pack_html(p);
  EXPECT_NE(html.find("The CUSUM signals have not been computed yet"), std::string::npos);
}

// Falls per bed day, stored as rates, read per 1,000 bed days in the table, the chart and its
// values, and the workbook (pack_value): the stored 0.0042 is 4.20.
TEST(BoardPackDocument, RatesReadPerTheirMultiplier) {
  auto p = pack();
  p.measures.clear();
  std::vector<double> rates{0.0040, 0.0044, 0.0040, 0.0044, 0.0040, 0.0044,
                            0.0040, 0.0044, 0.0040, 0.0044, 0.0040, 0.0042};
  rates.back() = 0.0090;  // far above the upper limit: special cause, charted
  auto falls = measure("Falls", rates, std::nullopt);
  falls.measure.type = domain::MeasureType::rate;
  falls.measure.rate_multiplier = 1000;
  falls.measure.unit = "per 1,000 bed days";
  p.measures.push_back(falls);
  ASSERT_TRUE(domain::needs_chart(p.measures[0]));
  EXPECT_DOUBLE_EQ(pack_value(p.measures[0], 0.0042), 4.2);

  const auto html = board_pack_html(p);
  EXPECT_NE(html.find("<td>Falls</td><td>9.00 (2025-12)</td>"), std::string::npos) << html;
  EXPECT_NE(html.find(">Falls per 1,000 bed days</text>"), std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">2025-01</th><td>4.00</td>"), std::string::npos);
  EXPECT_NE(html.find("<tr><th scope=\"row\">2025-12</th><td>9.00</td>"), std::string::npos);
  EXPECT_EQ(html.find("0.0090"), std::string::npos) << "no value on the stored scale";
}

}  // namespace
}  // namespace clinaudit::report
