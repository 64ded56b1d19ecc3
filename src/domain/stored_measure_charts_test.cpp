#include "domain/stored_measure_charts.hpp"

#include <gtest/gtest.h>

#include "domain/measure_series.hpp"

namespace clinaudit::domain {
namespace {

Measure share() {
  Measure measure;
  measure.id = MeasureId{7};
  measure.audit_id = AuditId{3};
  measure.type = MeasureType::proportion;
  measure.improvement = Improvement::increase;
  measure.target = 0.75;
  return measure;
}

// `n` monthly results from April 2024 of `numerators` out of 100, cycling.
std::vector<MeasureResult> monthly(std::size_t n, const std::vector<double>& numerators) {
  std::vector<MeasureResult> rows;
  Month month{2024, 4};
  for (std::size_t i = 0; i < n; ++i, month = month.next()) {
    MeasureResult row;
    row.organisation_id = OrganisationId{5};
    row.period_start = month.first_day();
    row.period_end = month.last_day();
    row.numerator = numerators[i % numerators.size()];
    row.denominator = 100;
    rows.push_back(row);
  }
  return rows;
}

TEST(StoredMeasureCharts, ChartTheResultsWithValuesFromTwelveOn) {
  EXPECT_FALSE(chart_from_results(share(), OrganisationId{5}, monthly(11, {80, 82}), "1.0").has_value());
  auto rows = monthly(12, {80, 82});
  rows[4].denominator = 0;  // no value: not a point
  EXPECT_FALSE(chart_from_results(share(), OrganisationId{5}, rows, "1.0").has_value());

  const auto chart = chart_from_results(share(), OrganisationId{5}, monthly(13, {80, 82, 79}), "1.0");
  ASSERT_TRUE(chart.has_value());
  EXPECT_EQ(chart->measure_id, MeasureId{7});
  EXPECT_EQ(chart->audit_id, AuditId{3});
  ASSERT_EQ(chart->points.size(), 13U);
  EXPECT_DOUBLE_EQ(chart->points[2].value, 0.79);
  EXPECT_EQ(chart->points[12].period_start, (Month{2025, 4}.first_day()));
  EXPECT_EQ(chart->chart.points.size(), 13U);
  EXPECT_EQ(chart->software_version, "1.0");
  EXPECT_EQ(chart->input_checksum.size(), 16U);
}

TEST(StoredMeasureCharts, TheChecksumFollowsTheValuesAndTheSettingsTheChartReads) {
  const auto rows = monthly(13, {80, 82, 79});
  const auto base = chart_from_results(share(), OrganisationId{5}, rows, "1.0")->input_checksum;
  EXPECT_EQ(chart_from_results(share(), OrganisationId{5}, rows, "2.0")->input_checksum, base);

  auto changed = rows;
  changed[6].numerator = 81;
  EXPECT_NE(chart_from_results(share(), OrganisationId{5}, changed, "1.0")->input_checksum, base);
  auto target = share();
  target.target = 0.8;
  EXPECT_NE(chart_from_results(target, OrganisationId{5}, rows, "1.0")->input_checksum, base);
  auto untargeted = share();
  untargeted.target.reset();
  EXPECT_NE(chart_from_results(untargeted, OrganisationId{5}, rows, "1.0")->input_checksum, base);
  auto direction = share();
  direction.improvement = Improvement::decrease;
  EXPECT_NE(chart_from_results(direction, OrganisationId{5}, rows, "1.0")->input_checksum, base);
  auto renamed = share();
  renamed.name = "Another name";  // not read by the chart
  EXPECT_EQ(chart_from_results(renamed, OrganisationId{5}, rows, "1.0")->input_checksum, base);
}

TEST(StoredMeasureCharts, AsOfADayLeavesOutTheLaterPeriodsAndDrawsTheChartAgain) {
  const auto stored = *chart_from_results(share(), OrganisationId{5}, monthly(15, {80, 82, 79, 40}), "1.0");

  const auto whole = chart_as_of(stored, share(), (Month{2025, 6}.first_day()));
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->input_checksum, stored.input_checksum);
  EXPECT_EQ(whole->points.size(), 15U);

  // On 14 March 2025: the periods from April 2024 to March 2025, charted as if alone.
  const auto earlier = chart_as_of(stored, share(), Date::from_ymd(2025, 3, 14).value());
  ASSERT_TRUE(earlier.has_value());
  ASSERT_EQ(earlier->points.size(), 12U);
  EXPECT_EQ(earlier->points.back().period_start, (Month{2025, 3}.first_day()));
  const auto alone = *chart_from_results(share(), OrganisationId{5}, monthly(12, {80, 82, 79, 40}), "1.0");
  EXPECT_EQ(earlier->input_checksum, alone.input_checksum);
  ASSERT_EQ(earlier->chart.points.size(), 12U);
  EXPECT_DOUBLE_EQ(earlier->chart.points[0].upl, alone.chart.points[0].upl);
  EXPECT_NE(earlier->chart.points[0].upl, stored.chart.points[0].upl);  // three more points moved the limits

  EXPECT_FALSE(chart_as_of(stored, share(), Date::from_ymd(2025, 2, 28).value()).has_value());  // 11 left
}

}  // namespace
}  // namespace clinaudit::domain
