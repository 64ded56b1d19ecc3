// Checked files awaiting confirmation (migration 0023), held in the database for every server:
// taken once and only by their owner, with their bytes as uploaded; gone when expired; and
// the budgets, which drop only the owner's own oldest files and lose nothing on a refusal.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

constexpr std::size_t kOne = domain::kMinimumPendingCharge;
const char* const kNow = "2026-12-01T09:00:00Z";
const char* const kLater = "2026-12-01T09:30:00Z";

domain::PendingImport file_of(std::string content) {
  return domain::PendingImport{"participation", "participation.csv", "", std::move(content)};
}

class PendingImports : public StoreContract {
 protected:
  domain::PendingImportHeld hold(const std::string& token_hash, UserId owner, std::string content,
                                 const domain::PendingImportBudget& budget = {100 * kOne, 100 * kOne}) {
    auto held = store().hold_pending_import(token_hash, owner, file_of(std::move(content)), budget, kNow, kLater);
    EXPECT_TRUE(held) << held.error().message;
    return held.value_or(domain::PendingImportHeld::full);
  }
  bool takeable(const std::string& token_hash, UserId owner, const char* now = kNow) {
    auto taken = store().take_pending_import(token_hash, owner, now);
    EXPECT_TRUE(taken) << taken.error().message;
    return taken && taken->has_value();
  }
};

TEST_P(PendingImports, AHeldFileIsTakenOnceByItsOwnerWithItsBytesAsUploaded) {
  const auto trust = add_organisation("RXX");
  const auto owner = add_user("owner@trust.example", trust);
  const auto other = add_user("other@trust.example", trust);
  const std::string bytes("code,year\nRXX,2025/26\n\0\xff\xfe tail", 31);
  ASSERT_EQ(hold("h1", owner, bytes), domain::PendingImportHeld::held);

  EXPECT_FALSE(takeable("h1", other));  // another user's is none, and stays held
  auto taken = store().take_pending_import("h1", owner, kNow);
  ASSERT_OK(taken);
  ASSERT_TRUE(taken->has_value());
  EXPECT_EQ((*taken)->content, bytes);
  EXPECT_EQ((*taken)->kind, "participation");
  EXPECT_EQ((*taken)->filename, "participation.csv");
  EXPECT_FALSE(takeable("h1", owner));  // once
  EXPECT_EQ(store().pending_import_totals(kNow)->files, 0);
}

TEST_P(PendingImports, AFileExpiresAtItsTimeAndIsDroppedByTheNextHold) {
  const auto trust = add_organisation("RXX");
  const auto owner = add_user("owner@trust.example", trust);
  ASSERT_EQ(hold("h1", owner, "a"), domain::PendingImportHeld::held);
  ASSERT_EQ(hold("h2", owner, "b"), domain::PendingImportHeld::held);
  auto totals = store().pending_import_totals(kNow);
  ASSERT_OK(totals);
  EXPECT_EQ(totals->files, 2);
  EXPECT_EQ(totals->bytes, static_cast<std::int64_t>(2 * kOne));  // each counts at least the minimum
  EXPECT_TRUE(takeable("h1", owner, "2026-12-01T09:29:59Z"));
  EXPECT_FALSE(takeable("h2", owner, kLater));
  EXPECT_EQ(store().pending_import_totals(kLater)->files, 0);
  // Held at a time after h2 expired: h2's row goes, so a new file is not charged for it.
  ASSERT_OK(store().hold_pending_import("h3", owner, file_of("c"), {kOne, kOne}, kLater, "2026-12-01T10:00:00Z"));
  EXPECT_EQ(store().pending_import_totals(kNow)->files, 1);
}

TEST_P(PendingImports, TheBudgetDropsOnlyTheOwnersOldestAndARefusalLosesNothing) {
  const auto trust = add_organisation("RXX");
  const auto owner = add_user("owner@trust.example", trust);
  const auto other = add_user("other@trust.example", trust);
  const auto third = add_user("third@trust.example", trust);
  const domain::PendingImportBudget budget{.per_user_bytes = 2 * kOne, .total_bytes = 3 * kOne};
  ASSERT_EQ(hold("a", owner, "a", budget), domain::PendingImportHeld::held);
  ASSERT_EQ(hold("b", owner, "b", budget), domain::PendingImportHeld::held);
  ASSERT_EQ(hold("c", other, "c", budget), domain::PendingImportHeld::held);

  // A user with nothing held cannot make room: refused, and every file stays.
  EXPECT_EQ(hold("f", third, "f", budget), domain::PendingImportHeld::full);
  EXPECT_EQ(hold("big", third, std::string(3 * kOne, 'x'), budget), domain::PendingImportHeld::too_large);
  EXPECT_EQ(store().pending_import_totals(kNow)->files, 3);

  // The owner's new file takes the place of the owner's oldest.
  EXPECT_EQ(hold("d", owner, "d", budget), domain::PendingImportHeld::held);
  EXPECT_FALSE(takeable("a", owner));
  EXPECT_TRUE(takeable("b", owner));
  EXPECT_TRUE(takeable("d", owner));
  EXPECT_TRUE(takeable("c", other));
  EXPECT_FALSE(takeable("f", third));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, PendingImports, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, PendingImports, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace
}  // namespace clinaudit::contract
