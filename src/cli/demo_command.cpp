#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_demo_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("demo", "Create a database holding the synthetic demo world");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit demo"); });
}

}  // namespace clinaudit::cli
