#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::storage {

enum class DatabaseKind { sqlite, postgres };

// Where a database URL points: a SQLite file path, or a PostgreSQL connection URL.
struct DatabaseLocation {
  DatabaseKind kind = DatabaseKind::sqlite;
  std::string target;  // the file path (SQLite) or the whole URL (PostgreSQL)
};

// Reads a database URL as given to --db or CLINAUDIT_DB: "postgresql://..." or
// "postgres://..." is PostgreSQL; "sqlite:PATH" or any other text is a SQLite file path.
// Errors: invalid_input for an empty URL or "sqlite:" without a path.
Result<DatabaseLocation> parse_database_url(std::string_view url);

// How a store keeps what is not rows: `documents_dir`, when given, is the directory (an
// existing one, shared by every server of the deployment) where documents' bytes are kept
// instead of the database (storage/document_files.hpp).
struct StoreOptions {
  std::string documents_dir;
};

// Opens the store the URL names, applying pending schema migrations (SQLite files are
// created when missing). Errors: those of the store's open: storage_unavailable when the
// database cannot be reached, conflict when its schema is newer than this binary;
// invalid_input when the documents directory is not an existing directory.
Result<std::unique_ptr<domain::Store>> open_store(std::string_view url, const StoreOptions& options = {});

// The database URL used when none is given: $CLINAUDIT_DB, or else ./clinaudit.sqlite.
std::string default_database_url();

}  // namespace clinaudit::storage
