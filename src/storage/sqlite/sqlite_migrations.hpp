#pragma once

#include <SQLiteCpp/Database.h>

#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::storage::sqlite {

// One numbered schema change, compiled into the binary from migrations/NNNN_name.sql.
struct Migration {
  int version = 0;
  std::string_view name;
  std::string_view sql;
};

// Every migration of the SQLite schema, in version order (1, 2, ...).
const std::vector<Migration>& sqlite_migrations();
// The schema version this binary writes: the last migration's number.
int latest_sqlite_schema_version();

// What a migration run found and did.
struct MigrationReport {
  int from_version = 0;  // 0: an empty database
  int to_version = 0;
  std::vector<std::string> applied;  // names, in the order applied
};

// Applies the pending migrations to `db` in order, each in its own transaction together
// with its schema_version row, so a crash leaves the database at a whole version.
// Throws StoreFailure(conflict) when the database is newer than this binary, and
// SQLite::Exception when a statement fails. Call with no other transaction open.
MigrationReport apply_sqlite_migrations(SQLite::Database& db);

// The schema version recorded in `db` (0 when it has no schema_version table).
int sqlite_schema_version(SQLite::Database& db);

}  // namespace clinaudit::storage::sqlite
