#pragma once

// The small interface between the one SQL implementation of the Store (sql_store*.cpp)
// and a database: run a statement with parameters, read its rows, run a transaction, load
// episode rows in bulk, and say what a native error means. storage/sqlite and
// storage/postgres each implement it; nothing else here knows which database it talks to.
// Header-only, so that the drivers include it without linking the store.

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::storage {

// The databases the SQL is written for. Statements are written once, with `?` (or `?N`)
// placeholders and types both understand; the driver translates what it must.
enum class SqlDialect { sqlite, postgres };

// JSON text for a JSON column: SQLite keeps it as text ('' for none), PostgreSQL as jsonb
// (NULL for none).
struct SqlJson {
  std::string text;
};

// A statement parameter. Booleans become 0/1 on SQLite and true/false on PostgreSQL;
// dates are bound as "YYYY-MM-DD" text.
using SqlParam = std::variant<std::monostate, std::int64_t, double, bool, std::string, SqlJson>;

// One row of a result, valid only inside the callback that receives it. Columns count
// from 0. Reading a NULL column as a number, a boolean or text is a programming error;
// check is_null() first where the column may be NULL.
class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool is_null(int column) const = 0;
  virtual std::int64_t int64(int column) const = 0;
  virtual double real(int column) const = 0;
  virtual bool boolean(int column) const = 0;
  virtual std::string text(int column) const = 0;
  virtual std::string_view name(int column) const = 0;  // for error messages
};

using RowCallback = std::function<void(const SqlRow&)>;

// Statements inside one open transaction. Not thread-safe: one transaction, one caller.
// A constraint violation is thrown as ConstraintViolation; any other failure as the
// driver's own exception, which the driver's to_error() understands.
class SqlSession {
 public:
  virtual ~SqlSession() = default;
  // Runs a statement and calls `on_row` for each row it returns (SELECT or RETURNING).
  virtual void query(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) = 0;
  // Runs a statement that returns no rows; returns how many rows it changed.
  virtual std::int64_t execute(std::string_view sql, std::span<const SqlParam> params) = 0;
  // A SELECT of very many rows (a national audit's episodes): as query(), with the rows held
  // in memory a batch at a time, where the database would otherwise hand them all over at once.
  // `on_row` must not use the session.
  virtual void query_many(std::string_view sql, std::span<const SqlParam> params, const RowCallback& on_row) {
    query(sql, params, on_row);
  }
};

// Thrown inside the store to abandon an operation (and roll back its transaction) with a
// ready-made Error. Never leaves the storage layer.
struct StoreFailure {
  Error error;
};

[[noreturn]] inline void fail(ErrorCode code, std::string message) {
  throw StoreFailure{Error{code, std::move(message)}};
}

// What a violated constraint was, as the drivers report it.
enum class Constraint { unique, foreign_key, other };

struct ConstraintViolation {
  Constraint constraint;
  std::string detail;  // the database's own words, for the log of last resort
};

// One episode import in a transaction of its own, on a connection of its own, so that
// readers go on seeing the data as it was (docs/architecture.md, "Bulk loading").
// Statements go through session() before begin_rows() and after end_rows(); in between
// only write_block(). Destroying it without commit() rolls everything back. The caller checks,
// in this transaction, that the audit, the import and every episode's provider exist.
class EpisodeLoad {
 public:
  virtual ~EpisodeLoad() = default;
  virtual SqlSession& session() = 0;
  virtual void begin_rows() = 0;
  // One row of episode_blocks: `episodes` episodes admitted from `first_day` to `last_day`, as
  // storage/episode_blocks.hpp writes them (text).
  virtual void write_block(std::int64_t audit, std::int64_t import, std::int64_t first_day, std::int64_t last_day,
                           std::int64_t episodes, const std::string& text) = 0;
  virtual void end_rows() = 0;
  virtual void commit() = 0;
};

// One numbered schema change in one dialect (storage/migrations.hpp lists them).
struct SchemaMigration {
  int version = 0;
  std::string name;  // "0001_initial"
  std::string sql;   // one or more statements
  // A conversion of existing rows that SQL alone cannot write, run in the same transaction
  // after `sql` and before `after_step` (both may be empty).
  void (*step)(SqlSession&) = nullptr;
  std::string after_step;
};

// What a migration run found and did (either database).
struct MigrationReport {
  int from_version = 0;  // 0: an empty database
  int to_version = 0;
  std::vector<std::string> applied;  // names, in the order applied
};

// A connection (or pool of them) to one database whose schema is migrated.
// Implementations are safe to call from several threads at once.
class SqlDriver {
 public:
  enum class Access { read, write };

  virtual ~SqlDriver() = default;
  // Runs `body` in one transaction: commits when it returns, rolls back and rethrows when
  // it throws. A write transaction sees no other writer's change between its reads and its
  // writes (SQLite: the write lock is taken first; PostgreSQL: serializable isolation).
  virtual void run_transaction(Access access, const std::function<void(SqlSession&)>& body) = 0;
  // Runs `body` as a write transaction, as run_transaction does, and `mark` (which moves a
  // counter every writer moves) with it: in the same transaction where writers take turns
  // anyway (SQLite); just after the commit, in a transaction of its own that waits for the
  // counter's row instead of failing on it (PostgreSQL), since under serializable isolation
  // every two concurrent writers of one row would fail one of them. There a `mark` that fails
  // after the commit is dropped: the change stays saved, and is never run twice.
  virtual void run_marked_write(const std::function<void(SqlSession&)>& body,
                                const std::function<void(SqlSession&)>& mark) = 0;
  // Whether `e` is worth a fresh try of the whole transaction (a serialization failure, a
  // busy database, a connection that broke before the commit was sent).
  virtual bool transient(const std::exception& e) const = 0;
  // The Error for a native exception raised while `doing` something.
  virtual Error to_error(const std::exception& e, std::string_view doing) const = 0;
  // Starts a bulk episode import (throws like run_transaction).
  virtual std::unique_ptr<EpisodeLoad> begin_episode_load() = 0;
};

}  // namespace clinaudit::storage
