// `clinaudit db migrate|backup|restore` (docs/operations.md).
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "storage/database_maintenance.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

struct DbOptions {
  std::string db;
  std::string file;
  bool force = false;
};

std::string database_of(const DbOptions& options) {
  return options.db.empty() ? storage::default_database_url() : options.db;
}

void print_migrations(const storage::MigrationSummary& summary, std::string_view verb) {
  if (!summary.to_version) {
    std::cout << "database schema " << verb << " (PostgreSQL)\n";
    return;
  }
  for (const auto& name : summary.applied) std::cout << "applied migration " << name << '\n';
  if (summary.applied.empty()) {
    std::cout << "database schema is at version " << *summary.to_version << ", the latest: nothing to do\n";
  } else {
    std::cout << "database schema upgraded from version " << summary.from_version.value_or(0) << " to "
              << *summary.to_version << '\n';
  }
}

Result<void> migrate(const DbOptions& options) {
  CLINAUDIT_TRY(auto summary, storage::migrate_database(database_of(options)));
  print_migrations(summary, "is up to date");
  return {};
}

Result<void> backup(const DbOptions& options) {
  const std::string db = database_of(options);
  CLINAUDIT_TRY(auto bytes, storage::backup_database(db, options.file, options.force));
  std::cout << "backed up " << db << " to " << options.file << " (" << bytes << " bytes)\n";
  return {};
}

Result<void> restore(const DbOptions& options) {
  const std::string db = database_of(options);
  CLINAUDIT_TRY(auto summary, storage::restore_database(db, options.file, options.force));
  std::cout << "restored " << db << " from " << options.file << '\n';
  if (!summary.applied.empty()) print_migrations(summary, "upgraded");
  return {};
}

void add_db_option(CLI::App& command, DbOptions& options) {
  command.add_option("--db", options.db,
                     "Database: a SQLite file path (or sqlite:PATH) or a postgresql:// URL "
                     "(default $CLINAUDIT_DB, else ./clinaudit.sqlite)");
}

}  // namespace

void add_db_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("db", "Database schema migrations, backup and restore");
  command->require_subcommand(1);
  // Shared: CLI11 writes into it while parsing and the callbacks read it after main() has parsed.
  auto options = std::make_shared<DbOptions>();

  auto* migrate_command =
      command->add_subcommand("migrate", "Apply pending schema migrations (also done whenever clinaudit opens it)");
  add_db_option(*migrate_command, *options);
  on_run(*migrate_command, outcome, [options] { return migrate(*options); });

  auto* backup_command = command->add_subcommand(
      "backup", "Copy a SQLite database to FILE while it is in use (PostgreSQL: prints the pg_dump command)");
  backup_command->add_option("FILE", options->file, "The backup file to write")->required();
  add_db_option(*backup_command, *options);
  backup_command->add_flag("--force", options->force, "Overwrite FILE if it exists");
  on_run(*backup_command, outcome, [options] { return backup(*options); });

  auto* restore_command = command->add_subcommand(
      "restore", "Replace a SQLite database with a backup FILE (PostgreSQL: prints the pg_restore command)");
  restore_command->add_option("FILE", options->file, "The backup file to restore from")->required();
  add_db_option(*restore_command, *options);
  restore_command->add_flag("--force", options->force,
                            "Restore even while another clinaudit process (a server) has the database open");
  on_run(*restore_command, outcome, [options] { return restore(*options); });
}

}  // namespace clinaudit::cli
