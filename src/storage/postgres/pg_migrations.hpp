#pragma once

#include <pqxx/pqxx>

#include <span>

#include "core/result.hpp"
#include "storage/sql_driver.hpp"

namespace clinaudit::storage::postgres {

// Brings the database (the first schema on the connection's search_path) up to the last
// of `migrations` (storage/migrations.hpp): the pending ones run in one transaction, each
// recorded in schema_version, under a transaction-scoped advisory lock so that app servers
// starting together apply them once. Returns the versions before and after, and the
// migrations applied.
// Errors: conflict when the database is newer than this binary (names both versions);
// storage_unavailable when a migration fails (nothing is applied then).
Result<MigrationReport> migrate_postgres(pqxx::connection& connection, std::span<const SchemaMigration> migrations);

}  // namespace clinaudit::storage::postgres
