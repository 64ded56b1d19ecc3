#pragma once

#include <pqxx/pqxx>

#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::storage::postgres {

// One numbered schema change, compiled into the binary from migrations/NNNN_name.sql.
struct PgMigration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// Every migration this binary knows, in order (versions 1, 2, 3, ...).
const std::vector<PgMigration>& postgres_migrations();
int latest_postgres_schema_version();

// Brings the database (the first schema on the connection's search_path) up to the latest
// version: the pending migrations run in one transaction, each recorded in schema_version,
// under a transaction-scoped advisory lock so that app servers starting together apply them
// once. Returns the version the database is at afterwards.
// Errors: conflict when the database is newer than this binary (names both versions);
// storage_unavailable when a migration fails (nothing is applied then).
Result<int> migrate_postgres(pqxx::connection& connection);

}  // namespace clinaudit::storage::postgres
