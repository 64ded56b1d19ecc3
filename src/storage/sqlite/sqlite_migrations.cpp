#include "storage/sqlite/sqlite_migrations.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "storage/sqlite/sqlite_support.hpp"

// Each migrations/NNNN_name.sql is compiled into the binary by clinaudit_embed_text
// (src/storage/sqlite/CMakeLists.txt); adding a migration is one line there and one here.
namespace clinaudit::embedded {
std::string_view sqlite_migration_0001_initial();
std::string_view sqlite_migration_0002_survey_invitations();
std::string_view sqlite_migration_0003_outlier_timetables();
std::string_view sqlite_migration_0004_analysis_runs();
}  // namespace clinaudit::embedded

namespace clinaudit::storage::sqlite {

const std::vector<Migration>& sqlite_migrations() {
  static const std::vector<Migration> kMigrations{
      {1, "0001_initial", embedded::sqlite_migration_0001_initial()},
      {2, "0002_survey_invitations", embedded::sqlite_migration_0002_survey_invitations()},
      {3, "0003_outlier_timetables", embedded::sqlite_migration_0003_outlier_timetables()},
      {4, "0004_analysis_runs", embedded::sqlite_migration_0004_analysis_runs()},
  };
  return kMigrations;
}

int latest_sqlite_schema_version() { return sqlite_migrations().back().version; }

int sqlite_schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_version")) return 0;
  SQLite::Statement query(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

MigrationReport apply_sqlite_migrations(SQLite::Database& db) {
  MigrationReport report;
  // IMMEDIATE: two processes opening a new file at once must not both apply version 1.
  SQLite::Transaction check(db, SQLite::TransactionBehavior::IMMEDIATE);
  report.from_version = sqlite_schema_version(db);
  check.commit();
  report.to_version = report.from_version;
  const int latest = latest_sqlite_schema_version();
  if (report.from_version > latest) {
    fail(ErrorCode::conflict, "database schema version " + std::to_string(report.from_version) +
                                  " is newer than this clinaudit (" + std::to_string(latest) + "): upgrade clinaudit");
  }
  for (const Migration& migration : sqlite_migrations()) {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it since we looked.
    if (migration.version <= sqlite_schema_version(db)) continue;
    db.exec(std::string(migration.sql));
    SQLite::Statement record(db, "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)");
    record.bind(1, migration.version);
    record.bind(2, std::string(migration.name));
    record.bind(3, utc_now_iso());
    record.exec();
    transaction.commit();
    report.applied.emplace_back(migration.name);
    report.to_version = migration.version;
  }
  return report;
}

}  // namespace clinaudit::storage::sqlite
