#include "storage/postgres/pg_migrations.hpp"

#include <string>

#include "storage/postgres/pg_transaction.hpp"

namespace clinaudit::embedded {
std::string_view postgres_migration_0001();
std::string_view postgres_migration_0002();
std::string_view postgres_migration_0003();
std::string_view postgres_migration_0004();
}  // namespace clinaudit::embedded

namespace clinaudit::storage::postgres {
namespace {

// Any fixed number: the key of the advisory lock that serialises migrations.
constexpr std::int64_t kMigrationLock = 0x636c696e61756469;  // "clinaudi"

}  // namespace

const std::vector<PgMigration>& postgres_migrations() {
  static const std::vector<PgMigration> kMigrations{
      {1, "initial", embedded::postgres_migration_0001()},
      {2, "survey_invitations", embedded::postgres_migration_0002()},
      {3, "outlier_timetables", embedded::postgres_migration_0003()},
      {4, "analysis_runs", embedded::postgres_migration_0004()},
  };
  return kMigrations;
}

int latest_postgres_schema_version() { return postgres_migrations().back().version; }

Result<int> migrate_postgres(pqxx::connection& connection) {
  try {
    pqxx::work tx(connection);
    tx.exec_params("SELECT pg_advisory_xact_lock($1)", kMigrationLock);
    tx.exec(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version integer PRIMARY KEY,"
        " name text NOT NULL,"
        " applied_at timestamptz NOT NULL DEFAULT now())");
    const int current = tx.exec("SELECT coalesce(max(version), 0) FROM schema_version")[0][0].as<int>();
    const int latest = latest_postgres_schema_version();
    if (current > latest) {
      return Error{ErrorCode::conflict, "database schema version " + std::to_string(current) +
                                            " is newer than this clinaudit (" + std::to_string(latest) +
                                            "): upgrade clinaudit before using this database"};
    }
    for (const auto& migration : postgres_migrations()) {
      if (migration.version <= current) continue;
      tx.exec(std::string(migration.sql));
      tx.exec_params("INSERT INTO schema_version (version, name) VALUES ($1, $2)", migration.version,
                     std::string(migration.name));
    }
    tx.commit();
    return latest;
  } catch (const std::exception& e) {
    return to_error(e, "migrating the PostgreSQL schema", "");
  }
}

}  // namespace clinaudit::storage::postgres
