#include "domain/outlier_case.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "domain/outlier_casework.hpp"

namespace clinaudit::domain {
namespace {

TEST(OutlierCase, IsOpenWhileOpenOrConfirmed) {
  OutlierCase item;
  item.status = OutlierStatus::open;
  EXPECT_TRUE(item.is_open());
  item.status = OutlierStatus::confirmed;  // confirmed at review, its remaining stages still to do
  EXPECT_TRUE(item.is_open());
  item.status = OutlierStatus::withdrawn;
  EXPECT_FALSE(item.is_open());
  item.status = OutlierStatus::closed;
  EXPECT_FALSE(item.is_open());
}

// People work through open cases first, soonest deadline first; closed ones follow, newest
// first.
TEST(OutlierCase, TheListPutsOpenCasesFirstByDeadline) {
  const auto row = [](std::int64_t id, OutlierStatus status, const char* opened, std::optional<const char*> due) {
    OutlierRow out;
    out.item.id = OutlierCaseId{id};
    out.item.status = status;
    out.item.opened_on = Date::parse(opened).value();
    if (due) out.item.stage_due_on = Date::parse(*due).value();
    return out;
  };
  std::vector<OutlierRow> rows{row(1, OutlierStatus::closed, "2025-05-01", std::nullopt),
                               row(2, OutlierStatus::open, "2026-01-05", "2026-03-01"),
                               row(3, OutlierStatus::withdrawn, "2026-02-01", std::nullopt),
                               row(4, OutlierStatus::confirmed, "2025-09-01", "2026-02-10"),
                               row(5, OutlierStatus::open, "2026-01-05", std::nullopt),
                               row(6, OutlierStatus::open, "2026-01-06", "2026-03-01")};
  sort_for_work(rows);
  std::vector<std::int64_t> order;
  for (const auto& r : rows) order.push_back(r.item.id.value);
  EXPECT_EQ(order, (std::vector<std::int64_t>{4, 2, 6, 5, 3, 1}));
}

}  // namespace
}  // namespace clinaudit::domain
