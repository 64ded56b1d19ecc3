// The data version (migration 0026): every committed change of the records pages show moves it
// on, seen by every store on the database; a refused change and the bookkeeping no page shows
// (sessions, sign-in counts, files awaiting confirmation, logged events) leave it.
#include "domain/pending_import.hpp"
#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

std::int64_t version_of(domain::Store& store) {
  const auto version = store.data_version();
  EXPECT_TRUE(version) << version.error().message;
  return version.value_or(-1);
}

TEST_P(StoreContract, EveryChangeOfRecordsThroughAnyStoreMovesTheDataVersionOn) {
  auto other = storage::open_store(url());
  ASSERT_TRUE(other) << other.error().message;
  const std::int64_t start = version_of(store());
  EXPECT_EQ(version_of(**other), start);

  const auto trust = add_organisation("RXX");
  const std::int64_t after_organisation = version_of(store());
  EXPECT_GT(after_organisation, start);
  EXPECT_EQ(version_of(**other), after_organisation);  // the other server sees it at once

  domain::Action action;
  action.organisation_id = trust;
  action.title = "Re-audit in six months";
  action.due_on = *Date::parse("2026-06-30");
  ASSERT_OK((*other)->add_action(action, actor()));
  EXPECT_GT(version_of(store()), after_organisation);

  // Refused whole: nothing changed, the version stays.
  const std::int64_t settled = version_of(store());
  action.organisation_id = OrganisationId{987654};
  EXPECT_FALSE(store().add_action(action, actor()));
  EXPECT_EQ(version_of(store()), settled);
}

TEST_P(StoreContract, BookkeepingNoPageShowsLeavesTheDataVersion) {
  const auto trust = add_organisation("RXX");
  const auto user = add_user("lead@rxx.example", trust);
  const std::int64_t settled = version_of(store());

  ASSERT_OK(store().create_session(domain::Session{"hash-of-a-token", user, "csrf", "2026-12-02T09:00:00Z"}));
  ASSERT_OK(store().delete_session("hash-of-a-token"));
  ASSERT_OK(store().delete_sessions_expired_before("2026-12-01T00:00:00Z"));
  auto counted = store().reserve_sign_in_attempt("address:a", 5, "2026-12-01T09:00:00Z", "2026-12-01T08:45:00Z");
  ASSERT_OK(counted);
  ASSERT_OK(store().release_sign_in_attempt("address:a"));
  ASSERT_OK(store().reset_sign_in_attempts("address:a"));
  domain::AuditLogEntry login;
  login.actor = "lead@rxx.example";
  login.action = "login";
  login.entity = "session";
  ASSERT_OK(store().log_event(login));
  const domain::PendingImport file{"participation", "participation.csv", "", "code,year\nRXX,2025/26\n"};
  const domain::PendingImportBudget budget{100 * domain::kMinimumPendingCharge, 100 * domain::kMinimumPendingCharge};
  auto held =
      store().hold_pending_import("hash-of-a-file", user, file, budget, "2026-12-01T09:00:00Z", "2026-12-01T09:30:00Z");
  ASSERT_OK(held);
  ASSERT_EQ(*held, domain::PendingImportHeld::held);
  auto taken = store().take_pending_import("hash-of-a-file", user, "2026-12-01T09:05:00Z");
  ASSERT_OK(taken);
  ASSERT_TRUE(taken->has_value());
  EXPECT_EQ(version_of(store()), settled);
}

}  // namespace
}  // namespace clinaudit::contract
