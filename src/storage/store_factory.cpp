#include "storage/store_factory.hpp"

#include <cstdlib>
#include <filesystem>
#include <optional>

#include "storage/migrations.hpp"
#include "storage/sql_store.hpp"
#include "storage/sqlite/sqlite_driver.hpp"
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
#include "storage/postgres/pg_driver.hpp"
#endif

namespace clinaudit::storage {

Result<DatabaseLocation> parse_database_url(std::string_view url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return DatabaseLocation{DatabaseKind::postgres, std::string(url)};
  }
  if (url.starts_with("sqlite:")) url.remove_prefix(7);
  if (url.empty()) return Error{ErrorCode::invalid_input, "the database URL names no file"};
  return DatabaseLocation{DatabaseKind::sqlite, std::string(url)};
}

Result<std::unique_ptr<domain::Store>> open_store(std::string_view url, const StoreOptions& options) {
  CLINAUDIT_TRY(auto location, parse_database_url(url));
  std::optional<DocumentFiles> files;
  if (!options.documents_dir.empty()) {
    std::error_code error;
    if (!std::filesystem::is_directory(options.documents_dir, error)) {
      return Error{ErrorCode::invalid_input,
                   "the documents directory " + options.documents_dir + " does not exist or is not a directory"};
    }
    files.emplace(options.documents_dir);
  }
  std::unique_ptr<SqlDriver> driver;
  if (location.kind == DatabaseKind::postgres) {
#ifdef CLINAUDIT_HAVE_POSTGRES_STORE
    CLINAUDIT_TRY(auto opened, postgres::open_postgres_driver(location.target, migrations_for(SqlDialect::postgres)));
    driver = std::move(opened);
#else
    return Error{ErrorCode::not_implemented, "this clinaudit was built without the PostgreSQL store"};
#endif
  } else {
    CLINAUDIT_TRY(auto opened, sqlite::SqliteDriver::open(location.target, migrations_for(SqlDialect::sqlite)));
    driver = std::move(opened);
  }
  return std::unique_ptr<domain::Store>(std::make_unique<SqlStore>(std::move(driver), std::move(files)));
}

std::string default_database_url() {
  const char* from_environment = std::getenv("CLINAUDIT_DB");
  if (from_environment != nullptr && *from_environment != '\0') return from_environment;
  return "clinaudit.sqlite";
}

}  // namespace clinaudit::storage
