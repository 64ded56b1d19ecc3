#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_cusum_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("cusum", "Risk-adjusted Bernoulli CUSUM and VLAD");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats cusum"); });
}

}  // namespace clinaudit::cli
