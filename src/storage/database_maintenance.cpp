#include "storage/database_maintenance.hpp"

#include "storage/migrations.hpp"
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
#include "storage/postgres/pg_driver.hpp"
#endif
#include "storage/sqlite/sqlite_maintenance.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::storage {
namespace {

MigrationSummary summary_of(const MigrationReport& report) {
  return MigrationSummary{report.from_version, report.to_version, report.applied};
}

// PostgreSQL has its own tools for this, which also suit a server shared by several app servers.
Error use_postgres_tools(std::string_view what, const std::string& url, const std::string& file) {
  if (what == "backup") {
    return Error{ErrorCode::not_implemented,
                 "clinaudit does not back up PostgreSQL itself; use its own tool, e.g.\n  pg_dump --format=custom "
                 "--file='" +
                     file + "' '" + url + "'\n(docs/operations.md, \"PostgreSQL\")"};
  }
  return Error{ErrorCode::not_implemented,
               "clinaudit does not restore PostgreSQL itself; stop the app servers and use its own tool, e.g.\n"
               "  pg_restore --clean --if-exists --single-transaction --dbname='" +
                   url + "' '" + file +
                   "'\nthen run `clinaudit db migrate --db URL` (docs/operations.md, \"PostgreSQL\")"};
}

}  // namespace

Result<MigrationSummary> migrate_database(std::string_view url) {
  CLINAUDIT_TRY(auto location, parse_database_url(url));
  if (location.kind == DatabaseKind::postgres) {
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
    CLINAUDIT_TRY(auto report,
                  postgres::migrate_postgres_database(location.target, migrations_for(SqlDialect::postgres)));
    return summary_of(report);
#else
    CLINAUDIT_TRY_VOID(open_store(url));  // gives the error of a build without PostgreSQL
    return MigrationSummary{};
#endif
  }
  CLINAUDIT_TRY(auto report, sqlite::migrate_sqlite(location.target, migrations_for(SqlDialect::sqlite)));
  return summary_of(report);
}

Result<std::uintmax_t> backup_database(std::string_view url, const std::string& backup_file, bool overwrite) {
  CLINAUDIT_TRY(auto location, parse_database_url(url));
  if (location.kind == DatabaseKind::postgres) return use_postgres_tools("backup", location.target, backup_file);
  return sqlite::backup_sqlite(location.target, backup_file, overwrite);
}

Result<MigrationSummary> restore_database(std::string_view url, const std::string& backup_file, bool force) {
  CLINAUDIT_TRY(auto location, parse_database_url(url));
  if (location.kind == DatabaseKind::postgres) return use_postgres_tools("restore", location.target, backup_file);
  CLINAUDIT_TRY(auto report,
                sqlite::restore_sqlite(location.target, backup_file, force, migrations_for(SqlDialect::sqlite)));
  return summary_of(report);
}

}  // namespace clinaudit::storage
