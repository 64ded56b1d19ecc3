#include "domain/pending_import.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

const PendingImportBudget kBudget{.per_user_bytes = 3 * kMinimumPendingCharge,
                                  .total_bytes = 5 * kMinimumPendingCharge};
constexpr std::size_t kOne = kMinimumPendingCharge;

TEST(PendingImportPlan, ATinyFileCountsAtLeastTheMinimum) {
  EXPECT_EQ(pending_charge(10), kMinimumPendingCharge);
  EXPECT_EQ(pending_charge(kMinimumPendingCharge + 1), kMinimumPendingCharge + 1);
}

TEST(PendingImportPlan, AFileWithinBothBudgetsIsHeldAndDropsNothing) {
  const auto plan = plan_pending_import(kOne, {kOne}, 2 * kOne, kBudget);
  EXPECT_EQ(plan.outcome, PendingImportHeld::held);
  EXPECT_EQ(plan.drop_oldest, 0U);
}

TEST(PendingImportPlan, AFileOverEitherBudgetAloneIsTooLarge) {
  EXPECT_EQ(plan_pending_import(4 * kOne, {}, 0, kBudget).outcome, PendingImportHeld::too_large);
  const PendingImportBudget small_total{.per_user_bytes = 10 * kOne, .total_bytes = 2 * kOne};
  EXPECT_EQ(plan_pending_import(3 * kOne, {}, 0, small_total).outcome, PendingImportHeld::too_large);
}

TEST(PendingImportPlan, TheOwnersOldestFilesMakeRoomOverTheirBudget) {
  const auto plan = plan_pending_import(2 * kOne, {kOne, kOne, kOne}, 3 * kOne, kBudget);
  EXPECT_EQ(plan.outcome, PendingImportHeld::held);
  EXPECT_EQ(plan.drop_oldest, 2U);
}

TEST(PendingImportPlan, OtherUsersFilesAreNeverDroppedAndAFullTotalRefuses) {
  // Five held by others: the owner has nothing to drop, so the total budget refuses.
  const auto plan = plan_pending_import(kOne, {}, 5 * kOne, kBudget);
  EXPECT_EQ(plan.outcome, PendingImportHeld::full);
  EXPECT_EQ(plan.drop_oldest, 0U);
  // With one of their own held, dropping it makes room.
  const auto own = plan_pending_import(kOne, {kOne}, 5 * kOne, kBudget);
  EXPECT_EQ(own.outcome, PendingImportHeld::held);
  EXPECT_EQ(own.drop_oldest, 1U);
}

}  // namespace
}  // namespace clinaudit::domain
