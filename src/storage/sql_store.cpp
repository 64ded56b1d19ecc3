// The SQL store's transactions and the audit log. The other parts of the port live in
// sql_store_*.cpp, one area each.
#include "storage/sql_store.hpp"

#include <algorithm>
#include <chrono>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <thread>

#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"

namespace clinaudit::storage {
namespace {

// Enough for a burst of concurrent writers on PostgreSQL; each try is a whole transaction.
constexpr int kAttempts = 12;

// Waits a random while, longer after each failed try (up to 64 ms), so that writers that
// collided do not collide again in step.
void back_off(int attempt) {
  thread_local std::minstd_rand random(
      static_cast<std::uint32_t>(std::hash<std::thread::id>{}(std::this_thread::get_id())));
  std::uniform_int_distribution<int> wait(1, 1 << std::min(attempt, 6));
  std::this_thread::sleep_for(std::chrono::milliseconds(wait(random)));
}

Error constraint_error(const ConstraintViolation& violation, std::string_view doing) {
  const std::string prefix = std::string(doing) + ": ";
  switch (violation.constraint) {
    case Constraint::unique:
      return Error{ErrorCode::conflict,
                   prefix + "a record with the same key already exists (" + violation.detail + ")"};
    case Constraint::foreign_key: return Error{ErrorCode::not_found, prefix + "a referenced record does not exist"};
    case Constraint::other: break;
  }
  return Error{ErrorCode::invalid_input, prefix + violation.detail};
}

SqlJson log_json(const nlohmann::json* value) { return SqlJson{value != nullptr ? json_text(*value) : std::string()}; }

}  // namespace

SqlStore::SqlStore(std::unique_ptr<SqlDriver> driver, std::optional<DocumentFiles> files)
    : driver_(std::move(driver)), files_(std::move(files)) {}
SqlStore::~SqlStore() = default;

Result<void> SqlStore::run(SqlDriver::Access access, std::string_view doing,
                           const std::function<void(SqlSession&)>& body, void (*mark)(SqlSession&)) {
  for (int attempt = 1;; ++attempt) {
    try {
      if (mark != nullptr) {
        driver_->run_marked_write(body, mark);
      } else {
        driver_->run_transaction(access, body);
      }
      return {};
    } catch (const StoreFailure& failure) {
      return failure.error;
    } catch (const ConstraintViolation& violation) {
      return constraint_error(violation, doing);
    } catch (const std::exception& e) {
      if (attempt < kAttempts && driver_->transient(e)) {
        back_off(attempt);
        continue;
      }
      return driver_->to_error(e, doing);
    }
  }
}

void move_data_version_on(SqlSession& session) {
  execute(session, "UPDATE data_version SET version = version + 1 WHERE id = 1");
}

void append_audit_log(SqlSession& session, const domain::Actor& actor, std::string_view action, std::string_view entity,
                      std::string_view key, const nlohmann::json* before, const nlohmann::json* after) {
  execute(session,
          "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_key, before, after) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          utc_now_iso(), actor.user_id, actor.name, action, entity, key, log_json(before), log_json(after));
}

Result<std::vector<domain::AuditLogEntry>> SqlStore::audit_log(std::string_view entity, std::int64_t limit) {
  return read("reading the audit log", [&](SqlSession& session) {
    return all_rows(
        session,
        "SELECT id, at, user_id, actor, action, entity, entity_key, before, after FROM audit_log "
        "WHERE (?1 = '' OR entity = ?1) ORDER BY id DESC LIMIT ?2",
        [](const SqlRow& row) {
          return domain::AuditLogEntry{.id = row.int64(0),
                                       .at = timestamp_of(row, 1),
                                       .user_id = optional_id<UserId>(row, 2),
                                       .actor = row.text(3),
                                       .action = row.text(4),
                                       .entity = row.text(5),
                                       .entity_key = row.text(6),
                                       .before = json_of(row, 7),
                                       .after = json_of(row, 8)};
        },
        entity, limit < 0 ? std::numeric_limits<std::int64_t>::max() : limit);
  });
}

Result<std::int64_t> SqlStore::data_version() {
  return read("reading the data version", [&](SqlSession& session) {
    return only_row(session, "the data version", "SELECT version FROM data_version WHERE id = 1",
                    [](const SqlRow& row) { return row.int64(0); });
  });
}

Result<void> SqlStore::log_event(const domain::AuditLogEntry& entry) {
  return write_bookkeeping("recording an event in the audit log", [&](SqlSession& session) {
    execute(session,
            "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_key, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            entry.at.empty() ? utc_now_iso() : entry.at, entry.user_id, entry.actor, entry.action, entry.entity,
            entry.entity_key, SqlJson{entry.before}, SqlJson{entry.after});
  });
}

}  // namespace clinaudit::storage
