#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_risk_model_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("risk-model", "Logistic case-mix model, expected counts and O/E per group");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats risk-model"); });
}

}  // namespace clinaudit::cli
