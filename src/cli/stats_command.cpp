#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_command(CLI::App& app, Outcome& outcome) {
  auto* stats = app.add_subcommand("stats", "Run a statistical method on a CSV file (the engine on its own)");
  stats->require_subcommand(1);
  add_stats_funnel_command(*stats, outcome);
  add_stats_risk_model_command(*stats, outcome);
  add_stats_interval_command(*stats, outcome);
  add_stats_spc_command(*stats, outcome);
  add_stats_runchart_command(*stats, outcome);
  add_stats_control_command(*stats, outcome);
  add_stats_cusum_command(*stats, outcome);
  add_stats_cusum_limit_command(*stats, outcome);
}

}  // namespace clinaudit::cli
