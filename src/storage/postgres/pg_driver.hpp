#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string_view>

#include "core/result.hpp"
#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage::postgres {

struct PostgresOptions {
  // Connections this process opens at most: one per concurrent caller. With several app
  // servers, their sum must stay below the server's max_connections (docs/operations.md).
  std::size_t max_connections = 8;
};

// A PostgreSQL server through libpqxx. Each transaction borrows one pooled connection, so
// transactions run side by side and any number of processes may share the database.
// Write transactions run at SERIALIZABLE isolation: one that a concurrent writer overtook
// fails with a serialization failure, which transient() reports so that the store runs it
// again; a write's mark (run_marked_write) runs just after its commit, at READ COMMITTED. Reads
// see committed data only. A lost connection becomes storage_unavailable and
// the next transaction reconnects. Episode loads stream rows with COPY.
class PgDriver final : public SqlDriver {
 public:
  explicit PgDriver(std::unique_ptr<PgConnectionPool> pool) : pool_(std::move(pool)) {}

  void run_transaction(Access access, const std::function<void(SqlSession&)>& body) override;
  void run_marked_write(const std::function<void(SqlSession&)>& body,
                        const std::function<void(SqlSession&)>& mark) override;
  bool transient(const std::exception& e) const override;
  Error to_error(const std::exception& e, std::string_view doing) const override;
  std::unique_ptr<EpisodeLoad> begin_episode_load() override;

 private:
  std::unique_ptr<PgConnectionPool> pool_;
};

// Opens the database at `url` (a libpq URI, "postgresql://user@host:5432/db", or a keyword
// string "host=... dbname=..."), applies the pending `migrations` in one transaction under
// an advisory lock (so that several app servers can start at once) and returns the driver.
// A libpq `options=-c search_path=NAME` in the URL puts the tables in that schema.
// Errors: storage_unavailable when the server cannot be reached or a migration fails;
// conflict when the database was written by a newer clinaudit, naming both versions.
Result<std::unique_ptr<SqlDriver>> open_postgres_driver(std::string_view url,
                                                        std::span<const SchemaMigration> migrations,
                                                        const PostgresOptions& options = {});

// Applies the pending `migrations` to the database at `url` as open_postgres_driver does, on
// one connection, and says what it did (`clinaudit db migrate`). Errors as open_postgres_driver.
Result<MigrationReport> migrate_postgres_database(std::string_view url, std::span<const SchemaMigration> migrations);

}  // namespace clinaudit::storage::postgres
