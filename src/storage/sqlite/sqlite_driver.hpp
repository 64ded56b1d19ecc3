#pragma once

#include <SQLiteCpp/Database.h>

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "storage/sql_driver.hpp"
#include "storage/sqlite/sqlite_file_lock.hpp"
#include "storage/sqlite/sqlite_migrations.hpp"
#include "storage/sqlite/sqlite_statement_cache.hpp"

namespace clinaudit::storage::sqlite {

// The embedded database: one SQLite file in WAL mode with foreign keys on and
// synchronous=FULL, so a committed write survives a crash or power cut (docs/operations.md).
//
// open() creates the file when missing and applies pending migrations; it refuses a
// database whose schema is newer than this binary. Write transactions run one at a time on
// one connection behind a mutex, taking the write lock first (BEGIN IMMEDIATE); read
// transactions run on a few connections of their own (kReaders), side by side and beside a
// write (WAL: each sees the last commit before it began), so that many threads reading do not
// queue on one lock. An episode load uses a connection of its
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
  void run_marked_write(const std::function<void(SqlSession&)>& body,
                        const std::function<void(SqlSession&)>& mark) override;
  bool transient(const std::exception& e) const override;
  Error to_error(const std::exception& e, std::string_view doing) const override;
  std::unique_ptr<EpisodeLoad> begin_episode_load() override;

 private:
  SqliteDriver(std::string path, FileLock lock);

  // Runs `body` in a read transaction on an idle reader connection, waiting for one.
  void run_read(const std::function<void(SqlSession&)>& body);

  static constexpr std::size_t kReaders = 4;

  // A reader connection and the statements prepared on it.
  struct Reader {
    explicit Reader(SQLite::Database opened) : db(std::move(opened)) {}
    SQLite::Database db;
    StatementCache statements{db};  // after db: finalised before the connection closes
  };

  std::string path_;
  FileLock lock_;
  std::mutex mutex_;  // the write connection, shared by the server's worker threads
  SQLite::Database db_;
  StatementCache statements_{db_};
  std::mutex readers_mutex_;  // guards idle_readers_
  std::condition_variable reader_returned_;
  std::vector<std::unique_ptr<Reader>> readers_;  // opened after the migrations
  std::vector<Reader*> idle_readers_;
};

}  // namespace clinaudit::storage::sqlite
