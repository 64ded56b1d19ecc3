#pragma once

#include <SQLiteCpp/Database.h>

#include <string>

namespace clinaudit::storage::sqlite {

// How long a connection waits for another writer before giving up with SQLITE_BUSY.
inline constexpr int kSqliteBusyTimeoutMs = 10000;

// Opens (creating when missing) a read-write connection to the database at `path` with
// the durability settings of docs/operations.md: WAL journal, synchronous=FULL (a commit
// is on disk when it returns), foreign keys enforced, and the busy timeout above.
// Throws SQLite::Exception on failure, StoreFailure when the file system refuses WAL.
SQLite::Database open_sqlite_connection(const std::string& path);

}  // namespace clinaudit::storage::sqlite
