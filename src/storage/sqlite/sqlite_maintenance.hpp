#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "core/result.hpp"
#include "storage/sqlite/sqlite_migrations.hpp"

// `clinaudit db` for the embedded store: migrations, and backup and restore through
// SQLite's online backup API, which copies a consistent snapshot while a server keeps
// reading and writing. docs/operations.md describes when to use each.
namespace clinaudit::storage::sqlite {

// Opens (creating when missing) the database at `path` and applies the pending ones of
// `migrations` (storage/migrations.hpp).
// Errors: conflict when the database is newer than this binary; storage_unavailable.
Result<MigrationReport> migrate_sqlite(const std::string& path, std::span<const SchemaMigration> migrations);

// Copies the database at `path` into the single self-contained file `backup_file`
// (journal mode DELETE, no -wal beside it). The copy is written beside its destination
// under a temporary name and renamed into place, so a crash never leaves half a backup
// under the final name. Returns the backup's size in bytes.
// Errors: not_found when there is no database at `path`; conflict when `backup_file`
// exists and `overwrite` is false; storage_unavailable on I/O errors.
Result<std::uintmax_t> backup_sqlite(const std::string& path, const std::string& backup_file, bool overwrite);

// Replaces the database at `path` with the contents of `backup_file`, after checking that
// the backup is an intact clinaudit database no newer than this binary, then applies any
// migrations the backup lacks. Refuses (conflict) while another process has the database
// open (a running server), unless `force`. Errors: not_found when `backup_file` is
// missing; invalid_input when it is not a clinaudit database or fails its integrity check.
Result<MigrationReport> restore_sqlite(const std::string& path, const std::string& backup_file, bool force,
                                       std::span<const SchemaMigration> migrations);

}  // namespace clinaudit::storage::sqlite
