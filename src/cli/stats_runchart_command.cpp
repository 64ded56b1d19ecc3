#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_runchart_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("runchart", "Run chart with Anhoej's rules");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats runchart"); });
}

}  // namespace clinaudit::cli
