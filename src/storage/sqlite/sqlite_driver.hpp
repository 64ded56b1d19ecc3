#pragma once

#include <SQLiteCpp/Database.h>

#include <memory>
#include <mutex>
#include <span>
#include <string>

#include "core/result.hpp"
#include "storage/sql_driver.hpp"
#include "storage/sqlite/sqlite_file_lock.hpp"
#include "storage/sqlite/sqlite_migrations.hpp"

namespace clinaudit::storage::sqlite {

// The embedded database: one SQLite file in WAL mode with foreign keys on and
// synchronous=FULL, so a committed write survives a crash or power cut (docs/operations.md).
//
// open() creates the file when missing and applies pending migrations; it refuses a
// database whose schema is newer than this binary. The driver holds one connection behind
// a mutex, so transactions run one at a time, whichever thread asks; a write transaction
// takes the write lock first (BEGIN IMMEDIATE). An episode load uses a connection of its
// own so that a long import does not block readers (other writers wait for it, up to the
// busy timeout, then fail with storage_unavailable).
//
// While a driver is open it holds a shared lock on "PATH-lock", which is how
// `clinaudit db restore` knows that a server is using the file.
class SqliteDriver final : public SqlDriver {
 public:
  // Errors: storage_unavailable when the file cannot be opened or is not a clinaudit
  // database; conflict when its schema is newer than this binary.
  static Result<std::unique_ptr<SqliteDriver>> open(const std::string& path,
                                                    std::span<const SchemaMigration> migrations);
  ~SqliteDriver() override;
  SqliteDriver(const SqliteDriver&) = delete;
  SqliteDriver& operator=(const SqliteDriver&) = delete;

  void run_transaction(Access access, const std::function<void(SqlSession&)>& body) override;
  bool transient(const std::exception& e) const override;
  Error to_error(const std::exception& e, std::string_view doing) const override;
  std::unique_ptr<EpisodeLoad> begin_episode_load() override;

 private:
  SqliteDriver(std::string path, FileLock lock);

  std::string path_;
  FileLock lock_;
  std::mutex mutex_;  // one connection, shared by the server's worker threads
  SQLite::Database db_;
};

}  // namespace clinaudit::storage::sqlite
