#include "storage/migrations.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace clinaudit::storage {
namespace {

// Numbers are reserved for parts built side by side, so one may be missing until they meet.
TEST(Migrations, AreNumberedFromOneInOrderAndTheSameOnBothDatabases) {
  const auto& sqlite = migrations_for(SqlDialect::sqlite);
  const auto& postgres = migrations_for(SqlDialect::postgres);
  ASSERT_EQ(sqlite.size(), postgres.size());
  for (std::size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version > (i == 0 ? 0 : sqlite[i - 1].version), true) << sqlite[i].name;
    if (i == 0) EXPECT_EQ(sqlite[i].version, 1);
    EXPECT_EQ(postgres[i].version, sqlite[i].version);
    EXPECT_EQ(postgres[i].name, sqlite[i].name);
    // A type word is "{word}"; a JSON literal such as DEFAULT '{}' is not one.
    const std::regex type_word(R"(\{[a-z]+\})");
    for (const auto* migration : {&sqlite[i], &postgres[i]}) {
      for (const auto* sql : {&migration->sql, &migration->after_step}) {
        EXPECT_FALSE(std::regex_search(*sql, type_word)) << migration->name << ": a type word is left";
      }
    }
  }
}

TEST(Migrations, TheDatasetMigrationConvertsEpisodesBetweenItsTwoHalves) {
  for (const auto dialect : {SqlDialect::sqlite, SqlDialect::postgres}) {
    const auto& migration = migrations_for(dialect).at(5);
    EXPECT_EQ(migration.name, "0006_audit_datasets");
    EXPECT_NE(migration.step, nullptr);
    EXPECT_NE(migration.sql.find("ADD COLUMN data"), std::string::npos);
    EXPECT_EQ(migration.sql.find("DROP COLUMN"), std::string::npos);  // the old columns go after the step
    EXPECT_NE(migration.after_step.find("DROP COLUMN covariates"), std::string::npos);
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
