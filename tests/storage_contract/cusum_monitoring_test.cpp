// The stored risk-adjusted CUSUM monitoring of national audits: replaced whole, read with one
// organisation's signals, computed again only for an audit whose episodes (or measure
// settings) changed, so that a change invalidates what depends on it and nothing else.
#include "domain/cusum_monitoring.hpp"
#include "store_contract.hpp"
#include "story_episodes.hpp"

namespace clinaudit::contract {
namespace {

domain::CusumMonitoringSignal signal_of(OrganisationId organisation, bool upper, const std::string& on) {
  return domain::CusumMonitoringSignal{.organisation_id = organisation,
                                       .upper = upper,
                                       .signalled_on = *Date::parse(on),
                                       .episodes_monitored = upper ? 9 : 40,
                                       .value = upper ? 4.61 : -4.07};
}

domain::CusumMonitoringRecord monitoring_of(AuditId audit, std::vector<domain::CusumMonitoringSignal> signals) {
  return domain::CusumMonitoringRecord{.audit_id = audit,
                                       .from = *Date::parse("2024-01-15"),
                                       .to = *Date::parse("2026-01-15"),
                                       .episodes = 200,
                                       .input_checksum = "00ff00ff00ff00ff1111222233334444",
                                       .software_version = "1.2.3",
                                       .computed_at = {},
                                       .signals = std::move(signals)};
}

TEST_P(StoreContract, CusumMonitoringIsReplacedWholeAndReadWithOneOrganisationsSignals) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto audit = add_audit("NELA");
  ASSERT_OK(store().put_cusum_monitoring(
      monitoring_of(audit, {signal_of(trust, true, "2025-05-11"), signal_of(other, false, "2025-06-01")}), actor()));

  auto all = store().cusum_monitoring(std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1U);
  EXPECT_EQ((*all)[0].audit_id, audit);
  EXPECT_EQ((*all)[0].from, *Date::parse("2024-01-15"));
  EXPECT_EQ((*all)[0].episodes, 200);
  EXPECT_EQ((*all)[0].input_checksum, "00ff00ff00ff00ff1111222233334444");
  EXPECT_FALSE((*all)[0].computed_at.empty());
  ASSERT_EQ((*all)[0].signals.size(), 2U);
  EXPECT_EQ((*all)[0].signals[0].organisation_id, trust);
  EXPECT_TRUE((*all)[0].signals[0].upper);
  EXPECT_EQ((*all)[0].signals[0].episodes_monitored, 9);
  EXPECT_DOUBLE_EQ((*all)[0].signals[1].value, -4.07);

  auto own = store().cusum_monitoring(trust);
  ASSERT_OK(own);
  ASSERT_EQ(own->size(), 1U);
  ASSERT_EQ((*own)[0].signals.size(), 1U);
  EXPECT_EQ((*own)[0].signals[0].signalled_on, *Date::parse("2025-05-11"));

  // Computed again: the earlier signals go with the earlier computation.
  ASSERT_OK(store().put_cusum_monitoring(monitoring_of(audit, {signal_of(other, true, "2025-12-01")}), actor()));
  all = store().cusum_monitoring(std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 1U);
  ASSERT_EQ((*all)[0].signals.size(), 1U);
  EXPECT_EQ((*all)[0].signals[0].organisation_id, other);
  EXPECT_TRUE(store().cusum_monitoring(trust)->front().signals.empty());
  EXPECT_EQ(store().audit_log("cusum_monitoring", 10)->size(), 2U);

  const auto unknown = store().put_cusum_monitoring(monitoring_of(AuditId{987654}, {}), actor());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  const auto stranger = store().put_cusum_monitoring(
      monitoring_of(audit, {signal_of(OrganisationId{987654}, true, "2025-05-11")}), actor());
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::not_found);
  EXPECT_EQ(store().cusum_monitoring(std::nullopt)->front().signals.size(), 1U);  // the refused write left it
}

// The stored monitoring of `audit` among `rows`, if any.
const domain::CusumMonitoringRecord* stored_of(const std::vector<domain::CusumMonitoringRecord>& rows, AuditId audit) {
  for (const auto& row : rows) {
    if (row.audit_id == audit) return &row;
  }
  return nullptr;
}

TEST_P(StoreContract, CusumMonitoringIsComputedAgainOnlyForTheAuditWhoseEpisodesChanged) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto changed = add_audit("NELA");
  const auto unchanged = add_audit("NHFD");
  const auto local = add_audit("LOC1", domain::AuditKind::local_audit);
  declare_outcome(store(), changed);
  declare_outcome(store(), unchanged);
  const Date april = *Date::parse("2025-04-01");
  add_story_episodes(store(), changed, trust, other, april, 100);
  add_story_episodes(store(), unchanged, trust, other, april, 100);
  const Date today = *Date::parse("2026-01-15");

  auto refreshed = domain::refresh_all_cusum_monitoring(store(), today, "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 2);  // the two national audits; a local audit has no monitoring
  auto first = store().cusum_monitoring(trust);
  ASSERT_OK(first);
  ASSERT_EQ(first->size(), 2U);
  const auto* computed = stored_of(*first, changed);
  ASSERT_NE(computed, nullptr);
  EXPECT_EQ(computed->episodes, 100);
  EXPECT_EQ(computed->from, today.plus_days(-domain::kCusumWindowDays));
  ASSERT_EQ(computed->signals.size(), 2U);
  EXPECT_EQ(computed->signals[0].signalled_on, *Date::parse("2025-05-11"));
  EXPECT_EQ(computed->signals[1].episodes_monitored, 18);
  EXPECT_EQ(stored_of(*first, local), nullptr);

  // The next day, nothing changed: nothing is computed again.
  refreshed = domain::refresh_all_cusum_monitoring(store(), today.plus_days(1), "1.2.3", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 0);

  // More episodes for one audit: that audit's monitoring is computed again, the other's kept.
  add_story_episodes(store(), changed, trust, other, *Date::parse("2025-07-10"), 50);
  auto one = domain::refresh_cusum_monitoring(store(), changed, today, "1.2.3", actor());
  ASSERT_OK(one);
  EXPECT_TRUE(*one);
  auto second = store().cusum_monitoring(trust);
  ASSERT_OK(second);
  EXPECT_EQ(stored_of(*second, changed)->episodes, 150);
  EXPECT_NE(stored_of(*second, changed)->input_checksum, computed->input_checksum);
  EXPECT_EQ(stored_of(*second, unchanged)->computed_at, stored_of(*first, unchanged)->computed_at);
  EXPECT_EQ(stored_of(*second, unchanged)->input_checksum, stored_of(*first, unchanged)->input_checksum);
  EXPECT_EQ(store().audit_log("cusum_monitoring", 10)->size(), 3U);

  // A new software version computes everything again.
  refreshed = domain::refresh_all_cusum_monitoring(store(), today, "1.2.4", actor());
  ASSERT_OK(refreshed);
  EXPECT_EQ(*refreshed, 2);
}

}  // namespace
}  // namespace clinaudit::contract
