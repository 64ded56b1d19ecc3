// Versions of the outlier-management stage table: only ever added, the latest in force,
// each recorded in the audit log with who stored it.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

domain::OutlierTimetableVersion version(const std::string& name, const std::string& csv) {
  domain::OutlierTimetableVersion row;
  row.name = name;
  row.csv = csv;
  return row;
}

TEST_P(StoreContract, NoOutlierTimetableIsStoredAtFirst) {
  auto current = store().current_outlier_timetable();
  ASSERT_OK(current);
  EXPECT_FALSE(current->has_value());
  auto all = store().outlier_timetables();
  ASSERT_OK(all);
  EXPECT_TRUE(all->empty());
}

TEST_P(StoreContract, TheLatestOutlierTimetableIsInForceAndVersionsListNewestFirst) {
  const domain::Actor admin{std::nullopt, "Ada Admin"};
  auto first = store().add_outlier_timetable(version("HQIP 2024 guidance", "level,key\nalarm,a\n"), admin);
  ASSERT_OK(first);
  auto second = store().add_outlier_timetable(version("HQIP 2025 guidance", "level,key\nalarm,b\n"), admin);
  ASSERT_OK(second);
  EXPECT_GT(*second, *first);

  reopen();
  auto current = store().current_outlier_timetable();
  ASSERT_OK(current);
  ASSERT_TRUE(current->has_value());
  EXPECT_EQ((*current)->id, *second);
  EXPECT_EQ((*current)->name, "HQIP 2025 guidance");
  EXPECT_EQ((*current)->csv, "level,key\nalarm,b\n");
  EXPECT_EQ((*current)->created_by, "Ada Admin");
  EXPECT_EQ((*current)->created_at.size(), 20U) << (*current)->created_at;  // 2026-01-01T00:00:00Z
  EXPECT_EQ((*current)->created_at.back(), 'Z');

  auto all = store().outlier_timetables();
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 2U);
  EXPECT_EQ((*all)[0].id, *second);
  EXPECT_EQ((*all)[1].id, *first);
  EXPECT_EQ((*all)[1].name, "HQIP 2024 guidance");
  EXPECT_EQ((*all)[1].csv, "level,key\nalarm,a\n");
}

TEST_P(StoreContract, AddingAnOutlierTimetableIsAuditLogged) {
  auto id = store().add_outlier_timetable(version("HQIP 2025 guidance", "level,key\n"), actor());
  ASSERT_OK(id);
  auto log = store().audit_log("outlier_timetable", 5);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ((*log)[0].action, "create");
  EXPECT_EQ((*log)[0].entity_key, std::to_string(*id));
  EXPECT_EQ((*log)[0].actor, "contract-test");
  EXPECT_THAT((*log)[0].after, HasSubstr("HQIP 2025 guidance"));
}

TEST_P(StoreContract, AnOutlierTimetableNeedsANameAndATable) {
  EXPECT_ERROR(store().add_outlier_timetable(version("", "level,key\n"), actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().add_outlier_timetable(version("HQIP 2025 guidance", ""), actor()), ErrorCode::invalid_input);
  EXPECT_TRUE(store().outlier_timetables()->empty());
  EXPECT_TRUE(store().audit_log("outlier_timetable", 5)->empty());
}

}  // namespace
}  // namespace clinaudit::contract
