#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_report_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("report", "Quality Account section, board pack, survey report");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit report"); });
}

}  // namespace clinaudit::cli
