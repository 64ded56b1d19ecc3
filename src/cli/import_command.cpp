#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_import_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("import", "Validate and import a CSV file (all or nothing)");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit import"); });
}

}  // namespace clinaudit::cli
