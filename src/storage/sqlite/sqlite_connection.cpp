#include "storage/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {

SQLite::Database open_sqlite_connection(const std::string& path) {
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, kSqliteBusyTimeoutMs);
  // journal_mode answers with the mode it ended up in: a network file system may refuse WAL.
  SQLite::Statement journal(db, "PRAGMA journal_mode = WAL");
  journal.executeStep();
  const std::string mode = journal.getColumn(0).getString();
  if (mode != "wal") {
    fail(ErrorCode::storage_unavailable, "the database " + path + " cannot use write-ahead logging (journal mode is '" +
                                             mode + "'); keep it on a local file system");
  }
  db.exec("PRAGMA synchronous = FULL");
  db.exec("PRAGMA foreign_keys = ON");
  return db;
}

}  // namespace clinaudit::storage::sqlite
