#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_user_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("user", "Manage user accounts");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit user"); });
}

}  // namespace clinaudit::cli
