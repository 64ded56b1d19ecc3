#include "http/dashboard_cache.hpp"

#include <gtest/gtest.h>

namespace clinaudit::http {
namespace {

std::shared_ptr<const KeptDashboard> dashboard_with(std::int64_t open_actions) {
  auto kept = std::make_shared<KeptDashboard>();
  kept->dashboard.open_actions = open_actions;
  return kept;
}

const Date kMonday = Date::parse("2026-03-02").value();

TEST(DashboardCache, HoldsADashboardForItsOrganisationDayAndDataVersionOnly) {
  DashboardCache cache;
  EXPECT_EQ(cache.find(OrganisationId{1}, kMonday, 7), nullptr);
  cache.keep(OrganisationId{1}, kMonday, 7, dashboard_with(3));

  const auto held = cache.find(OrganisationId{1}, kMonday, 7);
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->dashboard.open_actions, 3);
  EXPECT_EQ(cache.find(OrganisationId{1}, kMonday, 8), nullptr);               // the records changed
  EXPECT_EQ(cache.find(OrganisationId{1}, kMonday.plus_days(1), 7), nullptr);  // another day
  EXPECT_EQ(cache.find(OrganisationId{2}, kMonday, 7), nullptr);               // another organisation

  cache.keep(OrganisationId{1}, kMonday, 8, dashboard_with(4));  // computed again: replaces
  EXPECT_EQ(cache.find(OrganisationId{1}, kMonday, 7), nullptr);
  EXPECT_EQ(cache.find(OrganisationId{1}, kMonday, 8)->dashboard.open_actions, 4);
}

TEST(DashboardCache, StartsAgainEmptyRatherThanGrowPastItsCapacity) {
  DashboardCache cache;
  for (std::int64_t id = 1; id <= static_cast<std::int64_t>(DashboardCache::kCapacity); ++id) {
    cache.keep(OrganisationId{id}, kMonday, 1, dashboard_with(id));
  }
  EXPECT_NE(cache.find(OrganisationId{1}, kMonday, 1), nullptr);
  cache.keep(OrganisationId{1}, kMonday, 2, dashboard_with(0));  // one already held: no room needed
  EXPECT_NE(cache.find(OrganisationId{2}, kMonday, 1), nullptr);

  const auto past = static_cast<std::int64_t>(DashboardCache::kCapacity) + 1;
  cache.keep(OrganisationId{past}, kMonday, 1, dashboard_with(past));
  EXPECT_EQ(cache.find(OrganisationId{2}, kMonday, 1), nullptr);
  EXPECT_NE(cache.find(OrganisationId{past}, kMonday, 1), nullptr);
}

}  // namespace
}  // namespace clinaudit::http
