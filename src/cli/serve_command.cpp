#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_serve_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("serve", "Run the web application and JSON API");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit serve"); });
}

}  // namespace clinaudit::cli
