#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

// What `clinaudit db` does, for whichever database a URL names (docs/operations.md).
namespace clinaudit::storage {

struct MigrationSummary {
  std::optional<int> from_version;  // unknown only from a build without PostgreSQL
  std::optional<int> to_version;
  std::vector<std::string> applied;
};

// Applies pending migrations. Errors: conflict when the database is newer than this
// binary; storage_unavailable when it cannot be reached.
Result<MigrationSummary> migrate_database(std::string_view url);

// Writes a consistent copy of a SQLite database to `backup_file` (refusing to replace an
// existing file unless `overwrite`); returns its size in bytes. For PostgreSQL the error
// (not_implemented) gives the pg_dump command to use instead.
Result<std::uintmax_t> backup_database(std::string_view url, const std::string& backup_file, bool overwrite);

// Replaces a SQLite database with a backup, then migrates it. Refuses while a server has
// the database open unless `force`. For PostgreSQL the error (not_implemented) gives the
// pg_restore command to use instead.
Result<MigrationSummary> restore_database(std::string_view url, const std::string& backup_file, bool force);

}  // namespace clinaudit::storage
