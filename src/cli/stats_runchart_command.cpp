// clinaudit stats runchart: a run chart with Anhøj's rules (docs/statistics.md).
#include <memory>

#include "cli/commands.hpp"
#include "cli/control_chart_run.hpp"

namespace clinaudit::cli {

void add_stats_runchart_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("runchart", "Run chart with Anhoej's rules (median, longest run, crossings)");
  auto args = std::make_shared<ControlArgs>();
  args->chart = "run";
  command->add_option("--input", args->input, "CSV file with x and y per row; - for stdin")->required();
  command->add_option("--x", args->x, "x column: numbers, dates or categories (default: x, else date; else row order)");
  command->add_option("--y", args->y, "y column (default: y, else value); empty or NA cells are missing");
  command->add_option("--n", args->n, "denominator column: plot y/n");
  command->add_option("--facet", args->facet, "column splitting the rows into separate charts");
  command->add_option("--freeze", args->freeze, "the median comes from points 1..N only (baseline)");
  command->add_option("--part", args->part, "split the chart after these points: N,... (separate medians)");
  command->add_option("--exclude", args->exclude, "points left out of the median and the runs analysis: N,...");
  command->add_option("--multiply", args->multiply, "multiply y and the centre by this (e.g. 100)");
  command->add_option("--format", args->format, "json (default), csv or svg")
      ->check(CLI::IsMember({"json", "csv", "svg"}));
  command->add_option("--title", args->title, "chart title (svg)");
  command->add_option("--output", args->output, "write here instead of standard output");
  on_run(*command, outcome, [args] { return run_control_chart(*args); });
}

}  // namespace clinaudit::cli
