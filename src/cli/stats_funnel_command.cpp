#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_funnel_command(CLI::App& parent, Outcome& outcome) {
  auto* command =
      parent.add_subcommand("funnel", "Funnel plot with overdispersion: proportions, ratios (O/E) or rates");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats funnel"); });
}

}  // namespace clinaudit::cli
