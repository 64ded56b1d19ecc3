#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_interval_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("interval", "Confidence interval for a proportion, count or ratio");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats interval"); });
}

}  // namespace clinaudit::cli
