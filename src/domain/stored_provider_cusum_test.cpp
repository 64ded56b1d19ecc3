#include "domain/stored_provider_cusum.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace clinaudit::domain {
namespace {

// `count` patients whose upper line rises and falls in a slow wave, with one peak at 7,777 and
// one trough of the lower line at 4,321; signals at patients 1,234 and count - 1.
stats::RacusumChart long_chart(std::size_t count) {
  stats::RacusumChart chart;
  for (std::size_t t = 0; t < count; ++t) {
    const double wave = std::sin(static_cast<double>(t) / 97.0);
    chart.points.push_back(stats::RacusumPoint{.weight_upper = 0.1,
                                               .weight_lower = -0.1,
                                               .upper = 2.0 + wave,
                                               .lower = -2.0 + wave,
                                               .vlad = wave,
                                               .signal_upper = false,
                                               .signal_lower = false});
  }
  chart.points[7777].upper = 9.5;
  chart.points[4321].lower = -8.5;
  chart.signals = {{.index = 1234, .side = stats::CusumSide::upper, .value = 4.6},
                   {.index = count - 1, .side = stats::CusumSide::lower, .value = -4.1}};
  chart.observed = 321;
  chart.expected = 300.5;
  return chart;
}

bool kept(const ProviderCusumChart& thinned, std::int64_t patient) {
  return std::binary_search(thinned.patients.begin(), thinned.patients.end(), patient);
}

TEST(StoredProviderCusum, ALongChartKeepsItsShapeEverySignalAndAtMostTheLimitOfPoints) {
  const auto chart = long_chart(10000);
  const auto thinned = thinned_cusum(chart, 2000);
  EXPECT_EQ(thinned.episodes, 10000);
  EXPECT_LE(thinned.patients.size(), 2000U + chart.signals.size());
  EXPECT_GE(thinned.patients.size(), 1000U);
  EXPECT_EQ(thinned.chart.points.size(), thinned.patients.size());
  EXPECT_TRUE(std::is_sorted(thinned.patients.begin(), thinned.patients.end()));
  EXPECT_TRUE(std::adjacent_find(thinned.patients.begin(), thinned.patients.end()) == thinned.patients.end());
  // The ends, the highest and lowest points and each signal's patient are kept, as they were.
  for (const std::int64_t patient : {0, 9999, 7777, 4321, 1234}) {
    EXPECT_TRUE(kept(thinned, patient)) << "patient " << patient;
  }
  for (std::size_t i = 0; i < thinned.patients.size(); ++i) {
    const auto& original = chart.points[static_cast<std::size_t>(thinned.patients[i])];
    EXPECT_DOUBLE_EQ(thinned.chart.points[i].upper, original.upper);
    EXPECT_DOUBLE_EQ(thinned.chart.points[i].lower, original.lower);
  }
  const auto highest = std::max_element(thinned.chart.points.begin(), thinned.chart.points.end(),
                                        [](const auto& a, const auto& b) { return a.upper < b.upper; });
  EXPECT_DOUBLE_EQ(highest->upper, 9.5);
  ASSERT_EQ(thinned.chart.signals.size(), 2U);
  EXPECT_EQ(thinned.chart.signals[0].index, 1234U);
  EXPECT_DOUBLE_EQ(thinned.chart.observed, 321);
  EXPECT_DOUBLE_EQ(thinned.chart.expected, 300.5);
}

TEST(StoredProviderCusum, AChartWithinTheLimitIsKeptWhole) {
  auto chart = long_chart(10000);
  chart.points.resize(1500);
  chart.signals.resize(1);
  const auto thinned = thinned_cusum(chart, 2000);
  ASSERT_EQ(thinned.patients.size(), 1500U);
  EXPECT_EQ(thinned.patients[1499], 1499);
  EXPECT_DOUBLE_EQ(thinned.chart.points[700].vlad, chart.points[700].vlad);
}

TEST(StoredProviderCusum, EpisodesTheModelCannotFitGiveNoChartAndSayWhy) {
  EpisodeColumns episodes;
  episodes.audit_id = AuditId{3};
  auto& outcome = episodes.add_column("outcome", ValueType::yes_no).numbers;
  for (int i = 0; i < 30; ++i) {
    episodes.provider.push_back(OrganisationId{1 + i % 2});
    episodes.admission_date.push_back(Date::parse("2025-04-01")->plus_days(i));
    outcome.push_back(0);  // nobody dies: there is no model to fit
  }
  Measure ratio;
  ratio.type = MeasureType::ratio;
  ratio.source = MeasureSource::episode_model_ratio;
  ratio.outcome_column = "outcome";
  ratio.formula = "outcome ~ 1";
  const auto record = provider_cusum_of(episodes, {ratio});
  EXPECT_EQ(record.episodes, 30);
  EXPECT_TRUE(record.providers.empty());
  EXPECT_NE(record.note.find("the case-mix model could not be fitted"), std::string::npos) << record.note;
  // An audit of proportions only has no model of its own to fit.
  Measure share;
  share.type = MeasureType::proportion;
  EXPECT_NE(provider_cusum_of(episodes, {share}).note.find("no measure of the audit is a ratio"), std::string::npos);

  const auto none = provider_cusum_of(EpisodeColumns{}, {});
  EXPECT_EQ(none.episodes, 0);
  EXPECT_TRUE(none.providers.empty());
  EXPECT_TRUE(none.note.empty());
}

}  // namespace
}  // namespace clinaudit::domain
