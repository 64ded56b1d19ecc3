#include "storage/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Statement.h>

#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {

SQLite::Database open_sqlite_connection(const std::string& path) {
  // No mutex of SQLite's own around each call: every connection is used by one thread at a
  // time (the driver's write connection behind its mutex, each reader lent to one thread, an
  // episode load's and a maintenance task's connection by the thread that opened it).
  SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE | SQLite::OPEN_NOMUTEX, kSqliteBusyTimeoutMs);
  // journal_mode answers with the mode it ended up in: a network file system may refuse WAL.
  SQLite::Statement journal(db, "PRAGMA journal_mode = WAL");
  journal.executeStep();
  const std::string mode = journal.getColumn(0).getString();
  if (mode != "wal") {
    fail(ErrorCode::storage_unavailable, "the database " + path + " cannot use write-ahead logging (journal mode is '" +
                                             mode + "'); keep it on a local file system");
  }
  db.exec("PRAGMA synchronous = FULL");
  // Reading a national audit's episodes back walks the date index and fetches each row from
  // wherever the table holds it. Through the file mapped into memory those pages are the
  // operating system's cache, not copies in SQLite's own 2 MB of it, which ten million episodes
  // (700 MB) overflow at every step: their query took 10.8 s so, 20.8 s without. The largest map
  // this SQLite allows (its MAX_MMAP_SIZE, 0x7fff0000 on Debian); the file is local (WAL above).
  db.exec("PRAGMA mmap_size = 2147418112");
  db.exec("PRAGMA foreign_keys = ON");
  return db;
}

}  // namespace clinaudit::storage::sqlite
