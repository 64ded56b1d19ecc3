#include "cli/commands.hpp"

namespace clinaudit::cli {

void add_stats_spc_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("spc", "XmR chart with Making Data Count rules and icons");
  on_run(*command, outcome, []() -> Result<void> { return not_built("clinaudit stats spc"); });
}

}  // namespace clinaudit::cli
