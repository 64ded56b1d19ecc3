// The sign-in throttle's counts (migration 0024), kept in the database so that every server
// meets one limit: refused at the limit until the window has passed, a released attempt does
// not count, a reset clears a key, and keys are counted apart.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

const char* const kStart = "2026-12-01T09:00:00Z";
const char* const kLongAgo = "2026-12-01T08:00:00Z";

class SignInAttempts : public StoreContract {
 protected:
  bool reserve(const std::string& key, const char* now = kStart, const char* window_began_by = kLongAgo,
               std::int64_t limit = 3) {
    auto allowed = store().reserve_sign_in_attempt(key, limit, now, window_began_by);
    EXPECT_TRUE(allowed) << allowed.error().message;
    return allowed.value_or(false);
  }
};

TEST_P(SignInAttempts, RefusedAtTheLimitUntilTheWindowHasPassed) {
  for (int i = 0; i < 3; ++i) EXPECT_TRUE(reserve("address:a"));
  EXPECT_FALSE(reserve("address:a", "2026-12-01T09:14:59Z", "2026-12-01T08:59:59Z"));
  EXPECT_TRUE(reserve("address:b"));  // another key counts apart
  // Fifteen minutes on, the window that began at 09:00:00 has passed: counting begins again.
  EXPECT_TRUE(reserve("address:a", "2026-12-01T09:15:00Z", kStart));
  EXPECT_TRUE(reserve("address:a", "2026-12-01T09:15:00Z", kStart));
  EXPECT_TRUE(reserve("address:a", "2026-12-01T09:15:00Z", kStart));
  EXPECT_FALSE(reserve("address:a", "2026-12-01T09:15:00Z", kStart));
}

TEST_P(SignInAttempts, AReleasedAttemptDoesNotCountAndAResetClearsTheKey) {
  EXPECT_TRUE(reserve("account:x", kStart, kLongAgo, 2));
  EXPECT_TRUE(reserve("account:x", kStart, kLongAgo, 2));
  EXPECT_FALSE(reserve("account:x", kStart, kLongAgo, 2));  // a refusal counts nothing
  ASSERT_OK(store().release_sign_in_attempt("account:x"));
  EXPECT_TRUE(reserve("account:x", kStart, kLongAgo, 2));
  EXPECT_FALSE(reserve("account:x", kStart, kLongAgo, 2));
  ASSERT_OK(store().reset_sign_in_attempts("account:x"));
  EXPECT_TRUE(reserve("account:x", kStart, kLongAgo, 2));
  ASSERT_OK(store().release_sign_in_attempt("account:unknown"));  // nothing to give back: no error
}

INSTANTIATE_TEST_SUITE_P(Sqlite, SignInAttempts, ::testing::Values(sqlite_backend()), backend_name);
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
INSTANTIATE_TEST_SUITE_P(Postgres, SignInAttempts, ::testing::Values(postgres_backend()), backend_name);
#endif

}  // namespace
}  // namespace clinaudit::contract
