#pragma once

#include <SQLiteCpp/Database.h>

#include <span>
#include <string>
#include <vector>

#include "storage/sql_driver.hpp"

namespace clinaudit::storage::sqlite {

// Applies the pending `migrations` (storage/migrations.hpp) to `db` in order, each in its own
// transaction together with its schema_version row, so a crash leaves the database at a whole
// version. Throws StoreFailure(conflict) when the database is newer than this binary, and
// SQLite::Exception when a statement fails. Call with no other transaction open.
MigrationReport apply_sqlite_migrations(SQLite::Database& db, std::span<const SchemaMigration> migrations);

// The schema version recorded in `db` (0 when it has no schema_version table).
int sqlite_schema_version(SQLite::Database& db);

}  // namespace clinaudit::storage::sqlite
