// Opening the SQLite store, its connection settings, and the audit log.
#include "storage/sqlite/sqlite_store.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {

SqliteStore::SqliteStore(std::string path, FileLock lock)
    : path_(std::move(path)), lock_(std::move(lock)), db_(open_sqlite_connection(path_)) {
  migrations_ = apply_sqlite_migrations(db_);
}

SqliteStore::~SqliteStore() = default;

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const std::string& path) {
  auto lock = FileLock::shared(path);
  if (!lock) return lock.error();
  return guarded("opening the database " + path, [&] {
    // Not make_unique: the constructor is private.
    return std::unique_ptr<SqliteStore>(new SqliteStore(path, std::move(*lock)));
  });
}

void SqliteStore::log_change(const domain::Actor& actor, std::string_view action, std::string_view entity,
                             std::string_view key, const nlohmann::json* before, const nlohmann::json* after) {
  append_audit_log(db_, actor, action, entity, key, before, after);
}

Result<std::vector<domain::AuditLogEntry>> SqliteStore::audit_log(std::string_view entity, std::int64_t limit) {
  return guarded("reading the audit log", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement query(db_,
                            "SELECT id, at, user_id, actor, action, entity, entity_key, before, after FROM audit_log "
                            "WHERE (? = '' OR entity = ?) ORDER BY id DESC LIMIT ?");
    query.bind(1, std::string(entity));
    query.bind(2, std::string(entity));
    query.bind(3, limit < 0 ? std::int64_t{-1} : limit);
    std::vector<domain::AuditLogEntry> rows;
    while (query.executeStep()) {
      domain::AuditLogEntry row;
      row.id = query.getColumn(0).getInt64();
      row.at = query.getColumn(1).getString();
      row.user_id = optional_id<UserId>(query.getColumn(2));
      row.actor = query.getColumn(3).getString();
      row.action = query.getColumn(4).getString();
      row.entity = query.getColumn(5).getString();
      row.entity_key = query.getColumn(6).getString();
      row.before = query.getColumn(7).getString();
      row.after = query.getColumn(8).getString();
      rows.push_back(std::move(row));
    }
    return rows;
  });
}

Result<void> SqliteStore::log_event(const domain::AuditLogEntry& entry) {
  return guarded("recording an event in the audit log", [&] {
    const std::scoped_lock lock(mutex_);
    SQLite::Statement insert(db_,
                             "INSERT INTO audit_log (at, user_id, actor, action, entity, entity_key, before, after) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.at.empty() ? utc_now_iso() : entry.at);
    bind_optional(insert, 2, entry.user_id);
    insert.bind(3, entry.actor);
    insert.bind(4, entry.action);
    insert.bind(5, entry.entity);
    insert.bind(6, entry.entity_key);
    insert.bind(7, entry.before);
    insert.bind(8, entry.after);
    insert.exec();
  });
}

}  // namespace clinaudit::storage::sqlite
