// Each provider's stored risk-adjusted CUSUM in a year of a national audit: replaced whole,
// read with one provider's chart, computed again only for the audit and year whose episodes
// (or measure settings) changed, so that a change invalidates what depends on it and nothing else.
#include <cmath>
#include <limits>
#include <map>

#include "domain/stored_provider_cusum.hpp"
#include "store_contract.hpp"
#include "story_episodes.hpp"

namespace clinaudit::contract {
namespace {

constexpr FinancialYear kYear{2025};

domain::ProviderCusumChart chart_of(OrganisationId organisation, std::int64_t episodes, double peak) {
  domain::ProviderCusumChart chart;
  chart.organisation_id = organisation;
  chart.episodes = episodes;
  const double off = std::numeric_limits<double>::quiet_NaN();
  chart.chart.points = {{.upper = 0.5, .lower = off, .vlad = 0.2},
                        {.upper = peak, .lower = off, .vlad = -0.8},
                        {.upper = 0.0, .lower = off, .vlad = -0.6}};
  chart.patients = {0, episodes / 2, episodes - 1};
  chart.chart.signals = {
      {.index = static_cast<std::size_t>(episodes / 2), .side = stats::CusumSide::upper, .value = peak}};
  chart.signal_dates = {*Date::parse("2025-05-11")};
  chart.chart.observed = 7;
  chart.chart.expected = 4.25;
  return chart;
}

domain::ProviderCusumRecord record_of(AuditId audit, std::vector<domain::ProviderCusumChart> providers) {
  domain::ProviderCusumRecord record;
  record.audit_id = audit;
  record.year = kYear;
  record.episodes = 900;
  record.input_checksum = "00ff00ff00ff00ff1111222233334444";
  record.software_version = "1.2.3";
  record.providers = std::move(providers);
  return record;
}

TEST_P(StoreContract, ProviderCusumIsReplacedWholeAndReadWithOneProvidersChart) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto audit = add_audit("NELA");
  ASSERT_OK(
      store().put_provider_cusum(record_of(audit, {chart_of(trust, 300, 4.61), chart_of(other, 600, 4.7)}), actor()));

  auto all = store().provider_cusum(audit, std::nullopt, std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1U);
  const auto& record = all->front();
  EXPECT_EQ(record.year, kYear);
  EXPECT_EQ(record.episodes, 900);
  EXPECT_EQ(record.input_checksum, "00ff00ff00ff00ff1111222233334444");
  EXPECT_EQ(record.software_version, "1.2.3");
  EXPECT_FALSE(record.computed_at.empty());
  ASSERT_EQ(record.providers.size(), 2U);
  const auto& own = record.providers[0];
  EXPECT_EQ(own.organisation_id, trust);
  EXPECT_EQ(own.episodes, 300);
  EXPECT_EQ(own.patients, (std::vector<std::int64_t>{0, 150, 299}));
  ASSERT_EQ(own.chart.points.size(), 3U);
  EXPECT_DOUBLE_EQ(own.chart.points[1].upper, 4.61);
  EXPECT_TRUE(std::isnan(own.chart.points[1].lower));  // a line that is off stays off
  EXPECT_DOUBLE_EQ(own.chart.points[1].vlad, -0.8);
  ASSERT_EQ(own.chart.signals.size(), 1U);
  EXPECT_EQ(own.chart.signals[0].index, 150U);
  EXPECT_EQ(own.chart.signals[0].side, stats::CusumSide::upper);
  EXPECT_EQ(own.signal_dates, (std::vector<Date>{*Date::parse("2025-05-11")}));
  EXPECT_DOUBLE_EQ(own.chart.observed, 7);
  EXPECT_DOUBLE_EQ(own.chart.expected, 4.25);

  auto one = store().provider_cusum(audit, kYear, other);
  ASSERT_OK(one);
  ASSERT_EQ(one->size(), 1U);
  ASSERT_EQ(one->front().providers.size(), 1U);
  EXPECT_EQ(one->front().providers[0].episodes, 600);
  EXPECT_TRUE(store().provider_cusum(audit, kYear.previous(), std::nullopt)->empty());
  EXPECT_TRUE(store().provider_cusum(audit, kYear, OrganisationId{})->front().providers.empty());

  // Computed again: the earlier charts go with the earlier computation.
  auto again = record_of(audit, {chart_of(other, 610, 5.0)});
  again.note = "";
  ASSERT_OK(store().put_provider_cusum(again, actor()));
  all = store().provider_cusum(audit, std::nullopt, std::nullopt);
  ASSERT_EQ(all->front().providers.size(), 1U);
  EXPECT_EQ(all->front().providers[0].organisation_id, other);
  EXPECT_EQ(store().audit_log("provider_cusum", 10)->size(), 2U);

  EXPECT_ERROR(store().put_provider_cusum(record_of(AuditId{987654}, {}), actor()), ErrorCode::not_found);
  EXPECT_ERROR(store().put_provider_cusum(record_of(audit, {chart_of(OrganisationId{987654}, 10, 4.6)}), actor()),
               ErrorCode::not_found);
  auto unmatched = chart_of(trust, 10, 4.6);
  unmatched.signal_dates.clear();
  EXPECT_ERROR(store().put_provider_cusum(record_of(audit, {unmatched}), actor()), ErrorCode::invalid_input);
  // The refused writes left the last computation as it was.
  EXPECT_EQ(store().provider_cusum(audit, kYear, std::nullopt)->front().providers[0].episodes, 610);
}

// What each stored year of `audit` was computed from, by whom and when, by year.
std::map<int, std::string> computed_at(domain::Store& store, AuditId audit) {
  std::map<int, std::string> at;
  const auto records = store.provider_cusum(audit, std::nullopt, OrganisationId{});
  for (const auto& record : *records) {
    at[record.year.start_year] = record.input_checksum + record.software_version + record.computed_at;
  }
  return at;
}

TEST_P(StoreContract, ProviderCusumIsComputedAgainOnlyForTheAuditYearWhoseEpisodesOrMeasuresChanged) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto changed = add_audit("NELA");
  const auto unchanged = add_audit("NHFD");
  add_audit("LOC1", domain::AuditKind::local_audit);
  declare_outcome(store(), changed);
  declare_outcome(store(), unchanged);
  add_story_episodes(store(), changed, trust, other, *Date::parse("2024-04-01"), 100);
  add_story_episodes(store(), changed, trust, other, *Date::parse("2025-04-01"), 100);
  add_story_episodes(store(), unchanged, trust, other, *Date::parse("2025-04-01"), 100);
  const Date today = *Date::parse("2026-01-15");

  // Two years of one audit, one of the other (its past year holds no episode); no local audit.
  auto refreshed = domain::refresh_all_provider_cusum(store(), today, "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 3);
  EXPECT_EQ(store().provider_cusum(unchanged, std::nullopt, std::nullopt)->size(), 1U);

  // Intercept-only model: each risk is 20 / 100 = 0.2; the trust's 20 patients all die, and its
  // upper chart (odds ratio 2) gains ln 2 - ln 1.2 = 0.5108 a death: it crosses 4.5 at the 9th
  // (4.597, admitted on day 40, 11 May) and, after the reset, at the 18th (day 85, 25 June).
  auto own = store().provider_cusum(changed, kYear, trust);
  ASSERT_OK(own);
  ASSERT_EQ(own->size(), 1U);
  EXPECT_EQ(own->front().episodes, 100);
  EXPECT_TRUE(own->front().note.empty());
  ASSERT_EQ(own->front().providers.size(), 1U);
  const auto& chart = own->front().providers[0];
  EXPECT_EQ(chart.episodes, 20);
  EXPECT_EQ(chart.patients.size(), 20U);  // kept whole: fewer than kStoredCusumPoints
  ASSERT_EQ(chart.chart.signals.size(), 2U);
  EXPECT_EQ(chart.chart.signals[0].index, 8U);
  EXPECT_NEAR(chart.chart.signals[0].value, 9 * (std::log(2.0) - std::log(1.2)), 1e-9);
  EXPECT_EQ(chart.chart.signals[1].index, 17U);
  EXPECT_EQ(chart.signal_dates, (std::vector<Date>{*Date::parse("2025-05-11"), *Date::parse("2025-06-25")}));
  EXPECT_DOUBLE_EQ(chart.chart.observed, 20);
  EXPECT_NEAR(chart.chart.expected, 4.0, 1e-9);

  // The next day, nothing changed: nothing is computed again.
  const auto before_changed = computed_at(store(), changed);
  const auto before_unchanged = computed_at(store(), unchanged);
  refreshed = domain::refresh_all_provider_cusum(store(), today.plus_days(1), "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 0);

  // Ten more episodes of 2025/26 for one audit: that audit's year only.
  add_story_episodes(store(), changed, trust, other, *Date::parse("2025-09-01"), 10);
  refreshed = domain::refresh_all_provider_cusum(store(), today.plus_days(1), "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 1);
  auto after = computed_at(store(), changed);
  EXPECT_EQ(after.at(2024), before_changed.at(2024));
  EXPECT_NE(after.at(2025), before_changed.at(2025));
  EXPECT_EQ(computed_at(store(), unchanged), before_unchanged);
  EXPECT_EQ(store().provider_cusum(changed, kYear, std::nullopt)->front().episodes, 110);

  // A measure of the other audit changes what its model reads: its stored year, nothing else.
  add_measure(unchanged, "MORT");
  const auto before_measure = computed_at(store(), changed);
  refreshed = domain::refresh_stored_provider_cusum(store(), unchanged, "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 1);
  EXPECT_NE(computed_at(store(), unchanged), before_unchanged);
  EXPECT_EQ(computed_at(store(), changed), before_measure);

  // A new software version computes every stored year again.
  refreshed = domain::refresh_all_provider_cusum(store(), today.plus_days(1), "1.2.4", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 3);
}

}  // namespace
}  // namespace clinaudit::contract
