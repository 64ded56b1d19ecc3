#include "storage/postgres/pg_migrations.hpp"

#include <string>

#include "storage/postgres/pg_session.hpp"

namespace clinaudit::storage::postgres {
namespace {

// Any fixed number: the key of the advisory lock that serialises migrations.
constexpr std::int64_t kMigrationLock = 0x636c696e61756469;  // "clinaudi"

}  // namespace

Result<MigrationReport> migrate_postgres(pqxx::connection& connection, std::span<const SchemaMigration> migrations) {
  try {
    pqxx::work tx(connection);
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version integer PRIMARY KEY,"
        " name text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())");
    const int current = tx.exec("SELECT coalesce(max(version), 0) FROM schema_version")[0][0].as<int>();
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    MigrationReport report;
    report.from_version = current;
    report.to_version = latest;
    if (current > latest) {
      return Error{ErrorCode::conflict, "database schema version " + std::to_string(current) +
                                            " is newer than this clinaudit (" + std::to_string(latest) +
                                            "): upgrade clinaudit before using this database"};
    }
    for (const auto& migration : migrations) {
      if (migration.version <= current) continue;
      tx.exec(migration.sql);
      if (migration.step != nullptr) {
        PgSession session(tx);
        migration.step(session);
      }
      if (!migration.after_step.empty()) tx.exec(migration.after_step);
      tx.exec_params("INSERT INTO schema_version (version, name) VALUES ($1, $2)", migration.version, migration.name);
      report.applied.push_back(migration.name);
    }
    tx.commit();
    return report;
  } catch (const StoreFailure& failure) {
    return failure.error;
  } catch (const std::exception& e) {
    return Error{ErrorCode::storage_unavailable, std::string("migrating the PostgreSQL schema: ") + e.what()};
  }
}

}  // namespace clinaudit::storage::postgres
