#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_analyse_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("analyse", "Analysis run for an audit and period: model, funnel, SPC, CUSUM");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit analyse"); });
}

}  // namespace clinaudit::cli
