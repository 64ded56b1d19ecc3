// The sign-in throttle's counts in the SQL store.
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {

Result<bool> SqlStore::reserve_sign_in_attempt(std::string_view key, std::int64_t limit, std::string_view now,
                                               std::string_view window_began_by) {
  return write_bookkeeping("counting a sign-in attempt", [&](SqlSession& session) {
    execute(session, "DELETE FROM sign_in_attempts WHERE window_start <= ?", window_began_by);
    const auto attempts = first_row(
        session, "SELECT attempts FROM sign_in_attempts WHERE attempt_key = ?",
        [](const SqlRow& row) { return row.int64(0); }, key);
    if (!attempts) {
      if (limit < 1) return false;
      execute(session, "INSERT INTO sign_in_attempts (attempt_key, window_start, attempts) VALUES (?, ?, 1)", key, now);
      return true;
    }
    if (*attempts >= limit) return false;
    execute(session, "UPDATE sign_in_attempts SET attempts = attempts + 1 WHERE attempt_key = ?", key);
    return true;
  });
}

Result<void> SqlStore::release_sign_in_attempt(std::string_view key) {
  return write_bookkeeping("giving back a sign-in attempt", [&](SqlSession& session) {
    execute(session, "UPDATE sign_in_attempts SET attempts = attempts - 1 WHERE attempt_key = ?", key);
    execute(session, "DELETE FROM sign_in_attempts WHERE attempt_key = ? AND attempts <= 0", key);
  });
}

Result<void> SqlStore::reset_sign_in_attempts(std::string_view key) {
  return write_bookkeeping("clearing the sign-in attempts of an account", [&](SqlSession& session) {
    execute(session, "DELETE FROM sign_in_attempts WHERE attempt_key = ?", key);
  });
}

}  // namespace clinaudit::storage
