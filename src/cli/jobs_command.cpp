#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_jobs_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("jobs", "Run the daily scheduled checks (for cron)");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit jobs"); });
}

}  // namespace clinaudit::cli
