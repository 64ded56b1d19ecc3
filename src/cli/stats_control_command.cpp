#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_control_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("control", "Control chart: i, mr, p, p', u, u', c, g or t");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats control"); });
}

}  // namespace clinaudit::cli
