#include "storage/sqlite/sqlite_maintenance.hpp"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <optional>
#include <system_error>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_file_lock.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;

void copy_all_pages(SQLite::Database& destination, SQLite::Database& source) {
  SQLite::Backup backup(destination, source);
  // One step copies every page under one read lock: a consistent snapshot even while a
  // server writes (it waits for us, up to its busy timeout).
  backup.executeStep(-1);
}

// Checks that `file` is an intact clinaudit database that this binary can read.
void check_backup_file(SQLite::Database& backup, const std::string& file, int latest) {
  std::string verdict;
  try {
    SQLite::Statement check(backup, "PRAGMA quick_check");
    check.executeStep();
    verdict = check.getColumn(0).getString();
  } catch (const SQLite::Exception& e) {
    fail(ErrorCode::invalid_input, file + " is not a clinaudit database (" + e.what() + "); nothing was restored");
  }
  if (verdict != "ok") fail(ErrorCode::invalid_input, file + " is damaged (" + verdict + "); nothing was restored");
  if (!backup.tableExists("schema_version")) {
    fail(ErrorCode::invalid_input, file + " is not a clinaudit database; nothing was restored");
  }
  const int version = sqlite_schema_version(backup);
  if (version > latest) {
    fail(ErrorCode::conflict, file + ": database schema version " + std::to_string(version) +
                                  " is newer than this clinaudit (" + std::to_string(latest) + "): upgrade clinaudit");
  }
}

}  // namespace

Result<MigrationReport> migrate_sqlite(const std::string& path, std::span<const SchemaMigration> migrations) {
  CLINAUDIT_TRY(const auto lock, FileLock::shared(path));  // held until the migrations are done
  return guarded("migrating " + path, [&] {
    SQLite::Database db = open_sqlite_connection(path);
    return apply_sqlite_migrations(db, migrations);
  });
}

Result<std::uintmax_t> backup_sqlite(const std::string& path, const std::string& backup_file, bool overwrite) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return Error{ErrorCode::not_found, "there is no database at " + path};
  if (fs::exists(backup_file, ec) && !overwrite) {
    return Error{ErrorCode::conflict, backup_file + " already exists; choose another name or pass --force"};
  }
  if (fs::equivalent(path, backup_file, ec)) {
    return Error{ErrorCode::invalid_input, "the backup file cannot be the database itself"};
  }
  const std::string partial = backup_file + ".partial";
  auto result = guarded("backing up " + path + " to " + backup_file, [&] {
    fs::remove(partial);
    SQLite::Database source(path, SQLite::OPEN_READONLY, kSqliteBusyTimeoutMs);
    {
      SQLite::Database destination(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kSqliteBusyTimeoutMs);
      copy_all_pages(destination, source);
      // A backup is one file: leave WAL mode so that no -wal file is needed beside it.
      destination.exec("PRAGMA journal_mode = DELETE");
    }
    fs::rename(partial, backup_file);
    return fs::file_size(backup_file);
  });
  if (!result) fs::remove(partial, ec);
  return result;
}

Result<MigrationReport> restore_sqlite(const std::string& path, const std::string& backup_file, bool force,
                                       std::span<const SchemaMigration> migrations) {
  std::error_code ec;
  if (!fs::is_regular_file(backup_file, ec))
    return Error{ErrorCode::not_found, "there is no backup file " + backup_file};
  if (fs::equivalent(path, backup_file, ec)) {
    return Error{ErrorCode::invalid_input, "the backup file cannot be the database itself"};
  }
  // Held until the restore is done, so that no server opens the file half-restored.
  std::optional<FileLock> exclusive;
  auto lock = FileLock::exclusive(path);
  if (lock) {
    exclusive.emplace(std::move(*lock));
  } else if (lock.error().code != ErrorCode::conflict || !force) {
    if (lock.error().code == ErrorCode::conflict) {
      return Error{ErrorCode::conflict, lock.error().message + "; stop it first, or pass --force to restore anyway"};
    }
    return lock.error();
  }
  return guarded("restoring " + path + " from " + backup_file, [&] {
    SQLite::Database backup(backup_file, SQLite::OPEN_READONLY, kSqliteBusyTimeoutMs);
    check_backup_file(backup, backup_file, migrations.empty() ? 0 : migrations.back().version);
    SQLite::Database destination = open_sqlite_connection(path);
    copy_all_pages(destination, backup);
    // The copied pages carry the backup's journal mode; the live database runs in WAL.
    destination.exec("PRAGMA journal_mode = WAL");
    return apply_sqlite_migrations(destination, migrations);
  });
}

}  // namespace clinaudit::storage::sqlite
