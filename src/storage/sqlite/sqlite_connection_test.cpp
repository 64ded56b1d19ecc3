// What every connection to a SQLite store is set to.
#include "storage/sqlite/sqlite_connection.hpp"

#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;

std::string pragma(SQLite::Database& db, const std::string& name) {
  SQLite::Statement query(db, "PRAGMA " + name);
  return query.executeStep() ? query.getColumn(0).getString() : "";
}

TEST(SqliteConnection, IsWriteAheadLoggedFullySyncedWithForeignKeysTheFileMappedIntoMemoryAndNoMutex) {
  std::string pattern = (fs::temp_directory_path() / "clinaudit-connection-XXXXXX").string();
  const fs::path folder = ::mkdtemp(pattern.data());
  {
    SQLite::Database db = open_sqlite_connection((folder / "store.sqlite").string());
    EXPECT_EQ(pragma(db, "journal_mode"), "wal");
    EXPECT_EQ(pragma(db, "synchronous"), "2");  // FULL
    EXPECT_EQ(pragma(db, "foreign_keys"), "1");
    // Reads of many episodes go through the operating system's cache (sqlite_connection.cpp).
    EXPECT_EQ(pragma(db, "mmap_size"), "2147418112");
    // No mutex around each call: a connection is used by one thread at a time (sqlite_connection.cpp).
    EXPECT_EQ(sqlite3_db_mutex(db.getHandle()), nullptr);
  }
  fs::remove_all(folder);
}

}  // namespace
}  // namespace clinaudit::storage::sqlite
