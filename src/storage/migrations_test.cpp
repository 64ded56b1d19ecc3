#include "storage/migrations.hpp"

#include <gtest/gtest.h>

namespace clinaudit::storage {
namespace {

TEST(Migrations, AreNumberedFromOneWithoutGapsAndTheSameOnBothDatabases) {
  const auto& sqlite = migrations_for(SqlDialect::sqlite);
  const auto& postgres = migrations_for(SqlDialect::postgres);
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, static_cast<int>(i) + 1);
    EXPECT_EQ(postgres[i].version, sqlite[i].version);
    EXPECT_EQ(postgres[i].name, sqlite[i].name);
    EXPECT_EQ(sqlite[i].sql.find('{'), std::string::npos) << sqlite[i].name << ": a type word is left";
    EXPECT_EQ(postgres[i].sql.find('{'), std::string::npos) << postgres[i].name << ": a type word is left";
  }
}

TEST(Migrations, TypeWordsBecomeEachDatabasesTypes) {
  const std::string text = "CREATE TABLE t (\n  id {id},\n  day {date},\n  flag {bool},\n  json {json}\n);\n";
  EXPECT_EQ(expand_migration(text, SqlDialect::sqlite),
            "CREATE TABLE t (\n  id INTEGER PRIMARY KEY,\n  day TEXT,\n  flag INTEGER,\n  json TEXT\n);\n");
  EXPECT_EQ(expand_migration(text, SqlDialect::postgres),
            "CREATE TABLE t (\n  id bigserial PRIMARY KEY,\n  day date,\n  flag boolean,\n  json jsonb\n);\n");
}

TEST(Migrations, ADialectBlockIsKeptForItsDatabaseOnly) {
  const std::string text = "A;\n-- [sqlite]\nB;\n-- [postgres]\nC;\n-- [both]\nD;\n";
  EXPECT_EQ(expand_migration(text, SqlDialect::sqlite), "A;\nB;\nD;\n");
  EXPECT_EQ(expand_migration(text, SqlDialect::postgres), "A;\nC;\nD;\n");
}

}  // namespace
}  // namespace clinaudit::storage
