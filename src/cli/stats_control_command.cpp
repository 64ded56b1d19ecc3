// clinaudit stats control: Shewhart control charts with qicharts2's conventions (docs/statistics.md).
#include <memory>

#include "cli/commands.hpp"
#include "cli/control_chart_run.hpp"

namespace clinaudit::cli {

void add_stats_control_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("control", "Control chart: i, mr, xbar, s, t, p, pp (p'), c, u, up (u'), g");
  auto args = std::make_shared<ControlArgs>();
  command->add_option("--chart", args->chart, "i, mr, xbar, s, t, p, pp, c, u, up, g (or run)")->required();
  command->add_option("--input", args->input, "CSV file with x, y (and n) per row; - for stdin")->required();
  command->add_option("--x", args->x,
                      "x column: numbers, dates or categories; rows with the same x form a subgroup "
                      "(default: x, else date; else row order)");
  command->add_option("--y", args->y, "y column (default: y, else value); empty or NA cells are missing");
  command->add_option("--n", args->n, "denominator column (default for p, pp, u, up: n)");
  command->add_option("--facet", args->facet, "column splitting the rows into separate charts");
  command->add_option("--freeze", args->freeze, "centre and limits from points 1..N only (baseline)");
  command->add_option("--part", args->part, "split the chart after these points: N,... (recalculated limits)");
  command->add_option("--exclude", args->exclude, "points left out of the centre, limits and runs analysis: N,...");
  command->add_option("--screen", args->screen,
                      "screen moving ranges >= 3.267 x AMR for i, t, pp and up: on (default) or off");
  command->add_option("--multiply", args->multiply, "multiply y, centre and limits by this (e.g. 100 or 10000)");
  command->add_option("--format", args->format, "json (default), csv or svg")
      ->check(CLI::IsMember({"json", "csv", "svg"}));
  command->add_option("--title", args->title, "chart title (svg)");
  command->add_flag("--sigma-lines", args->sigma_lines, "draw the 2-sigma lines (svg)");
  command->add_option("--output", args->output, "write here instead of standard output");
  on_run(*command, outcome, [args] { return run_control_chart(*args); });
}

}  // namespace clinaudit::cli
