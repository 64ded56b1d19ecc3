#include "domain/measure_series.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Date day(const char* text) { return *Date::parse(text); }

MeasureResult result(std::int64_t organisation, const char* period_end, std::optional<double> numerator,
                     std::optional<double> denominator) {
  MeasureResult row;
  row.organisation_id = OrganisationId{organisation};
  row.period_start = day(period_end).plus_days(-364);
  row.period_end = day(period_end);
  row.numerator = numerator;
  row.denominator = denominator;
  return row;
}

Measure proportion() {
  Measure measure;
  measure.type = MeasureType::proportion;
  return measure;
}

TEST(FunnelPeriod, IsTheLatestPeriodWithThreeProvidersToCompare) {
  // 2023: three providers; 2024: three rows but one with no cases, so two to compare;
  // 2025: only the caller's own result of a year in progress.
  const std::vector<MeasureResult> rows{
      result(1, "2023-03-31", 5, 50), result(2, "2023-03-31", 7, 60), result(3, "2023-03-31", 2, 40),
      result(1, "2024-03-31", 6, 55), result(2, "2024-03-31", 3, 45), result(3, "2024-03-31", 0, 0),
      result(1, "2025-03-31", 1, 10),
  };
  EXPECT_EQ(funnel_period_end(proportion(), rows), day("2023-03-31"));
}

TEST(FunnelPeriod, FallsBackToTheLatestPeriodWhenNoneHasThreeProviders) {
  const std::vector<MeasureResult> rows{result(1, "2023-03-31", 5, 50), result(2, "2023-03-31", 7, 60),
                                        result(1, "2025-03-31", 1, 10)};
  EXPECT_EQ(funnel_period_end(proportion(), rows), day("2025-03-31"));
  EXPECT_EQ(funnel_period_end(proportion(), {}), std::nullopt);
}

TEST(FunnelPeriod, ARatioCountsProvidersWithAnExpectedCount) {
  Measure ratio;
  ratio.type = MeasureType::ratio;
  // 2024 has three observed/expected pairs; 2025 has three rows with a denominator but no
  // expected count, which a ratio funnel cannot use.
  std::vector<MeasureResult> rows;
  for (int org = 1; org <= 3; ++org) {
    auto row = result(org, "2024-03-31", 4, std::nullopt);
    row.expected = 5;
    rows.push_back(row);
    rows.push_back(result(org, "2025-03-31", 4, 100));
  }
  EXPECT_EQ(funnel_period_end(ratio, rows), day("2024-03-31"));
  EXPECT_EQ(funnel_period_end(proportion(), rows), day("2025-03-31"));
}

TEST(FunnelOf, PlotsTheChosenPeriodAndNamesTheUnits) {
  Organisation north;
  north.id = OrganisationId{1};
  north.name = "North";
  const std::map<std::int64_t, Organisation> names{{1, north}};
  const std::vector<MeasureResult> rows{result(1, "2023-03-31", 5, 50), result(2, "2023-03-31", 7, 60),
                                        result(3, "2023-03-31", 2, 40), result(1, "2025-03-31", 1, 10)};
  const auto funnel = funnel_of(proportion(), rows, names);
  ASSERT_TRUE(funnel);
  EXPECT_EQ(funnel->period, "2022-04-01 to 2023-03-31");
  ASSERT_TRUE(funnel->plot);
  ASSERT_EQ(funnel->plot->units.size(), 3u);
  EXPECT_EQ(funnel->plot->units[0].unit, "North");
  EXPECT_EQ(funnel->plot->units[1].unit, "2");  // no organisation of that id: named by id
  Measure continuous;
  continuous.type = MeasureType::continuous;
  EXPECT_FALSE(funnel_of(continuous, rows, names));
}

TEST(MeasureValue, TakesTheStoredValueThenObservedOverExpectedThenTheShare) {
  Measure ratio;
  ratio.type = MeasureType::ratio;
  auto observed = result(1, "2024-03-31", 6, 10);
  observed.expected = 4;
  EXPECT_DOUBLE_EQ(*measure_value(ratio, observed), 1.5);  // 6 / 4
  EXPECT_FALSE(is_crude_ratio(ratio, observed));
  const auto crude = result(1, "2024-03-31", 3, 10);
  EXPECT_DOUBLE_EQ(*measure_value(ratio, crude), 0.3);  // 3 / 10, no expected count
  EXPECT_TRUE(is_crude_ratio(ratio, crude));
  EXPECT_FALSE(is_crude_ratio(proportion(), crude));
  EXPECT_FALSE(measure_value(proportion(), result(1, "2024-03-31", 3, 0)));
  auto stored = result(1, "2024-03-31", 3, 10);
  stored.value = 7;
  EXPECT_DOUBLE_EQ(*measure_value(proportion(), stored), 7);
}

TEST(SpcConcern, OnlyTheConcernIconsShowDeterioration) {
  EXPECT_TRUE(shows_concern(stats::VariationIcon::concern_high));
  EXPECT_TRUE(shows_concern(stats::VariationIcon::concern_low));
  EXPECT_FALSE(shows_concern(stats::VariationIcon::improvement_high));
  EXPECT_FALSE(shows_concern(stats::VariationIcon::improvement_low));
  EXPECT_FALSE(shows_concern(stats::VariationIcon::neutral_high));
  EXPECT_FALSE(shows_concern(stats::VariationIcon::common_cause));
}

// Eleven stable points alternating 10 and 11, then a fall to 0. Mean (115 + 0) / 12 =
// 9.58; mean moving range (10 x 1 + 10) / 11 = 1.82; lower limit 9.58 - 2.66 x 1.82 = 4.75,
// so the last point is a special cause below the limit.
std::vector<double> a_fall_to_zero() {
  std::vector<double> values;
  for (int i = 0; i < 11; ++i) values.push_back(i % 2 == 0 ? 10 : 11);
  values.push_back(0);
  return values;
}

TEST(SpcConcern, AFallIsConcernOnlyWhenHigherIsBetter) {
  Measure measure;
  measure.improvement = Improvement::increase;
  const auto chart = spc_of(measure, a_fall_to_zero());
  ASSERT_TRUE(chart);
  EXPECT_EQ(chart->variation, stats::VariationIcon::concern_low);
  EXPECT_TRUE(shows_concern(chart->variation));
  measure.improvement = Improvement::decrease;
  EXPECT_EQ(spc_of(measure, a_fall_to_zero())->variation, stats::VariationIcon::improvement_low);
  measure.improvement = Improvement::neutral;
  EXPECT_FALSE(shows_concern(spc_of(measure, a_fall_to_zero())->variation));
}

TEST(SpcConcern, TwelvePointsAreNeededForTheIcons) {
  Measure measure;
  auto values = a_fall_to_zero();
  values.erase(values.begin());
  ASSERT_EQ(values.size(), 11u);
  EXPECT_FALSE(spc_of(measure, values));
  EXPECT_TRUE(xmr_of(measure, values));  // the board pack charts shorter series without icons
}

TEST(MeasureValueWords, EachTypeReadsOnItsOwnScale) {
  Measure measure;
  measure.type = MeasureType::proportion;
  EXPECT_EQ(measure_value_words(measure, 0.5), "50.0%");
  EXPECT_EQ(measure_value_words(measure, 0.8766), "87.7%");
  measure.type = MeasureType::ratio;
  EXPECT_EQ(measure_value_words(measure, 2.2), "2.20");
  measure.type = MeasureType::rate;
  measure.rate_multiplier = 1000;
  measure.unit = "per 1,000 bed days";
  EXPECT_EQ(measure_value_words(measure, 0.006), "6.00 per 1,000 bed days");
  measure.unit = "";
  EXPECT_EQ(measure_value_words(measure, 0.006), "6.00 per 1,000");
  measure.rate_multiplier = 100000;
  EXPECT_EQ(measure_value_words(measure, 0.0000123), "1.23 per 100,000");
  measure.rate_multiplier = 1;
  EXPECT_EQ(measure_value_words(measure, 0.25), "0.25");
}

}  // namespace
}  // namespace clinaudit::domain
