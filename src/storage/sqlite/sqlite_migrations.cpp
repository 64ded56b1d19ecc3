#include "storage/sqlite/sqlite_migrations.hpp"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "storage/sqlite/sqlite_session.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {

int sqlite_schema_version(SQLite::Database& db) {
  if (!db.tableExists("schema_version")) return 0;
  SQLite::Statement query(db, "SELECT coalesce(max(version), 0) FROM schema_version");
  query.executeStep();
  return query.getColumn(0).getInt();
}

MigrationReport apply_sqlite_migrations(SQLite::Database& db, std::span<const SchemaMigration> migrations) {
  MigrationReport report;
  // IMMEDIATE: two processes opening a new file at once must not both apply version 1.
  SQLite::Transaction check(db, SQLite::TransactionBehavior::IMMEDIATE);
  report.from_version = sqlite_schema_version(db);
  check.commit();
  report.to_version = report.from_version;
  const int latest = migrations.empty() ? 0 : migrations.back().version;
  if (report.from_version > latest) {
    fail(ErrorCode::conflict, "database schema version " + std::to_string(report.from_version) +
                                  " is newer than this clinaudit (" + std::to_string(latest) + "): upgrade clinaudit");
  }
  for (const SchemaMigration& migration : migrations) {
    // A migration that rebuilds a table other tables refer to (SQLite's way to change a
    // column) runs with foreign keys off, as SQLite's documentation has it: dropping the old
    // table would otherwise count its rows' references as broken. The switch works outside a
    // transaction only, so it is set first and restored after the commit or the rollback; the
    // references are checked before the commit instead.
    const bool rebuild = migration.sql.find("-- [rebuild]") != std::string::npos;
    struct ForeignKeysOff {
      SQLite::Database& db;
      bool on;
      ~ForeignKeysOff() {
        if (on) db.exec("PRAGMA foreign_keys = ON");
      }
    } foreign_keys{db, rebuild};
    if (rebuild) db.exec("PRAGMA foreign_keys = OFF");
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    // Another process may have applied it since we looked.
    if (migration.version <= sqlite_schema_version(db)) continue;
    db.exec(migration.sql);
    if (migration.step != nullptr) {
      StatementCache statements(db);
      SqliteSession session(statements);
      migration.step(session);
    }
    if (!migration.after_step.empty()) db.exec(migration.after_step);
    if (rebuild) {
      SQLite::Statement broken(db, "PRAGMA foreign_key_check");
      if (broken.executeStep()) {
        fail(ErrorCode::internal, "migration " + migration.name + " left a row of " + broken.getColumn(0).getString() +
                                      " referring to a row that does not exist");
      }
    }
    SQLite::Statement record(db, "INSERT INTO schema_version (version, name) VALUES (?, ?)");  // applied_at: now
    record.bind(1, migration.version);
    record.bind(2, migration.name);
    record.exec();
    transaction.commit();
    report.applied.push_back(migration.name);
    report.to_version = migration.version;
  }
  return report;
}

}  // namespace clinaudit::storage::sqlite
