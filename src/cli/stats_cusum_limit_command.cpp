#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_cusum_limit_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("cusum-limit", "CUSUM control limit for a target in-control ARL");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats cusum-limit"); });
}

}  // namespace clinaudit::cli
