#include "storage/sqlite/sqlite_maintenance.hpp"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <span>

#include "storage/migrations.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class SqliteMaintenance : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "clinaudit-sqlite-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data());
  }
  void TearDown() override { fs::remove_all(folder_); }
  std::string path(const std::string& name) const { return (folder_ / name).string(); }

  static void add_organisation(domain::Store& store, const std::string& code) {
    auto ids = store.add_organisations({{{}, code, "Trust " + code, domain::OrganisationType::acute, ""}},
                                       domain::Actor{std::nullopt, "test"});
    ASSERT_TRUE(ids.has_value()) << ids.error().message;
  }

  fs::path folder_;
};

std::unique_ptr<domain::Store> open(const std::string& path) {
  auto store = open_store(path);
  EXPECT_TRUE(store.has_value()) << store.error().message;
  return store ? std::move(*store) : nullptr;
}

const std::vector<SchemaMigration>& migrations() { return migrations_for(SqlDialect::sqlite); }

std::string pragma(const std::string& path, const std::string& name) {
  SQLite::Database db(path, SQLite::OPEN_READONLY);
  SQLite::Statement query(db, "PRAGMA " + name);
  query.executeStep();
  return query.getColumn(0).getString();
}

TEST_F(SqliteMaintenance, OpenCreatesAWalDatabaseAtTheLatestVersion) {
  auto first = migrate_sqlite(path("a.sqlite"), migrations());
  ASSERT_TRUE(first.has_value()) << first.error().message;
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->to_version, migrations().back().version);
  EXPECT_EQ(first->applied.size(), migrations().size());
  EXPECT_EQ(pragma(path("a.sqlite"), "journal_mode"), "wal");
  ASSERT_NE(open(path("a.sqlite")), nullptr);
  auto again = migrate_sqlite(path("a.sqlite"), migrations());
  ASSERT_TRUE(again.has_value()) << again.error().message;
  EXPECT_TRUE(again->applied.empty());
  EXPECT_EQ(again->from_version, migrations().back().version);
}

// Migration 19 rebuilds the outlier cases' table (SQLite cannot drop a NOT NULL): a database
// with cases, and events that refer to them, keeps both, and foreign keys hold afterwards.
TEST_F(SqliteMaintenance, RebuildingTheOutlierCasesKeepsTheCasesAndTheirEvents) {
  const auto& all = migrations();
  ASSERT_EQ(all.at(17).version, 18);
  ASSERT_TRUE(migrate_sqlite(path("old.sqlite"), std::span(all.data(), 18)).has_value());
  {
    SQLite::Database db(path("old.sqlite"), SQLite::OPEN_READWRITE);
    db.exec("PRAGMA foreign_keys = ON");
    db.exec(
        "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute');"
        "INSERT INTO audits (id, code, title, kind, status) VALUES (2, 'NHFD', 'Hip fracture', "
        "'national_clinical_audit', 'active');"
        "INSERT INTO measures (id, audit_id, code, name, type, improvement) VALUES (3, 2, 'm', 'Mortality', 'ratio', "
        "'decrease');"
        "INSERT INTO outlier_cases (id, audit_id, measure_id, organisation_id, period, level, high, unfavourable, "
        "value, limit_passed, stage, opened_on, stage_due_on, status, escalated_on) VALUES (4, 2, 3, 1, '2024/25', "
        "'alarm', 1, 1, 1.6, 1.4, 'review', '2025-07-01', '2025-08-01', 'open', '2025-09-01');"
        "INSERT INTO outlier_events (case_id, stage, what, at) VALUES (4, 'data_check', 'Data checked', "
        "'2025-07-10T10:00:00Z');");
  }
  const auto upgraded = migrate_sqlite(path("old.sqlite"), all);
  ASSERT_TRUE(upgraded.has_value()) << upgraded.error().message;
  EXPECT_EQ(upgraded->to_version, all.back().version);
  auto store = open(path("old.sqlite"));
  ASSERT_NE(store, nullptr);
  const auto kept = store->outlier_case(OutlierCaseId{4});
  ASSERT_TRUE(kept.has_value()) << kept.error().message;
  EXPECT_EQ(kept->measure_id, MeasureId{3});
  EXPECT_EQ(kept->escalated_on, Date::parse("2025-09-01").value());
  EXPECT_FALSE(kept->notice);
  const auto events = store->outlier_events(OutlierCaseId{4});
  ASSERT_TRUE(events.has_value());
  ASSERT_EQ(events->size(), 1U);
  EXPECT_EQ(events->front().what, "Data checked");
  // The events still refer to the cases' table: an event of no case is refused.
  SQLite::Database db(path("old.sqlite"), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA foreign_keys = ON");
  EXPECT_THROW(db.exec("INSERT INTO outlier_events (case_id, stage, what, at) VALUES (99, '', 'x', 'y')"),
               SQLite::Exception);
}

TEST_F(SqliteMaintenance, TheAuditLogRefusesUpdatesAndDeletes) {
  auto store = open(path("a.sqlite"));
  ASSERT_NE(store, nullptr);
  add_organisation(*store, "RXX");
  SQLite::Database db(path("a.sqlite"), SQLite::OPEN_READWRITE);
  EXPECT_THROW(db.exec("UPDATE audit_log SET actor = 'someone else'"), SQLite::Exception);
  EXPECT_THROW(db.exec("DELETE FROM audit_log"), SQLite::Exception);
}

TEST_F(SqliteMaintenance, BackupWhileOpenThenRestoreBringsTheDataBack) {
  auto store = open(path("live.sqlite"));
  ASSERT_NE(store, nullptr);
  add_organisation(*store, "RXX");
  auto bytes = backup_sqlite(path("live.sqlite"), path("backup.sqlite"), false);
  ASSERT_TRUE(bytes.has_value()) << bytes.error().message;
  EXPECT_GT(*bytes, 0U);
  EXPECT_FALSE(fs::exists(path("backup.sqlite-wal")));
  EXPECT_EQ(pragma(path("backup.sqlite"), "journal_mode"), "delete");
  add_organisation(*store, "RYY");  // after the backup: gone once restored

  // A second backup to the same name is refused unless overwriting.
  auto again = backup_sqlite(path("live.sqlite"), path("backup.sqlite"), false);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, ErrorCode::conflict);

  // The store is open: restore refuses without force.
  auto refused = restore_sqlite(path("live.sqlite"), path("backup.sqlite"), false, migrations());
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_THAT(refused.error().message, HasSubstr("--force"));
  EXPECT_TRUE(store->organisation_by_code("RYY").has_value());

  store.reset();
  auto restored = restore_sqlite(path("live.sqlite"), path("backup.sqlite"), false, migrations());
  ASSERT_TRUE(restored.has_value()) << restored.error().message;
  auto reopened = open(path("live.sqlite"));
  ASSERT_NE(reopened, nullptr);
  EXPECT_TRUE(reopened->organisation_by_code("RXX").has_value());
  EXPECT_FALSE(reopened->organisation_by_code("RYY").has_value());
  EXPECT_EQ(pragma(path("live.sqlite"), "journal_mode"), "wal");
}

TEST_F(SqliteMaintenance, ForcedRestoreReplacesTheDataUnderAnOpenStore) {
  auto store = open(path("live.sqlite"));
  ASSERT_NE(store, nullptr);
  add_organisation(*store, "RXX");
  ASSERT_TRUE(backup_sqlite(path("live.sqlite"), path("backup.sqlite"), false).has_value());
  add_organisation(*store, "RYY");
  auto restored = restore_sqlite(path("live.sqlite"), path("backup.sqlite"), true, migrations());
  ASSERT_TRUE(restored.has_value()) << restored.error().message;
  EXPECT_FALSE(store->organisation_by_code("RYY").has_value());
  EXPECT_TRUE(store->organisation_by_code("RXX").has_value());
}

TEST_F(SqliteMaintenance, RestoreRefusesFilesThatAreNotClinauditBackups) {
  {
    std::ofstream text(path("notes.txt"));
    text << "not a database at all, just some text that is long enough to look like a file\n";
  }
  auto text = restore_sqlite(path("live.sqlite"), path("notes.txt"), false, migrations());
  ASSERT_FALSE(text.has_value());
  {
    SQLite::Database other(path("other.sqlite"), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    other.exec("CREATE TABLE t (x INTEGER)");
  }
  auto other = restore_sqlite(path("live.sqlite"), path("other.sqlite"), false, migrations());
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().code, ErrorCode::invalid_input);
  EXPECT_THAT(other.error().message, HasSubstr("not a clinaudit database"));
  auto missing = restore_sqlite(path("live.sqlite"), path("missing.sqlite"), false, migrations());
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
}

TEST_F(SqliteMaintenance, RestoreRefusesABackupFromANewerClinaudit) {
  ASSERT_NE(open(path("future.sqlite")), nullptr);
  {
    SQLite::Database db(path("future.sqlite"), SQLite::OPEN_READWRITE);
    db.exec("INSERT INTO schema_version (version, name) VALUES (77, 'future')");
  }
  auto restored = restore_sqlite(path("live.sqlite"), path("future.sqlite"), false, migrations());
  ASSERT_FALSE(restored.has_value());
  EXPECT_EQ(restored.error().code, ErrorCode::conflict);
  EXPECT_THAT(restored.error().message, HasSubstr("database schema version 77 is newer than this clinaudit"));
}

TEST_F(SqliteMaintenance, BackupOfAMissingDatabaseIsNotFound) {
  auto bytes = backup_sqlite(path("nothing.sqlite"), path("backup.sqlite"), false);
  ASSERT_FALSE(bytes.has_value());
  EXPECT_EQ(bytes.error().code, ErrorCode::not_found);
  EXPECT_FALSE(fs::exists(path("backup.sqlite")));
}

}  // namespace
}  // namespace clinaudit::storage::sqlite
