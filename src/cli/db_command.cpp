#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_db_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("db", "Database migrations, backup and restore");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit db"); });
}

}  // namespace clinaudit::cli
