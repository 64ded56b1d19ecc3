// clinaudit stats funnel: a funnel plot from a CSV file of units (docs/statistics.md).
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "render/funnel_chart.hpp"
#include "render/funnel_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/funnel.hpp"

namespace clinaudit::cli {
namespace {

struct FunnelArgs {
  std::string input;
  std::string type;
  std::string unit;
  std::string numerator = "numerator";
  std::string denominator = "denominator";
  std::optional<double> target;
  std::string overdispersion = "auto";
  double trim = 0.1;
  std::string limits = "exact";
  std::optional<int> round_denominator;
  std::string format = "json";
  std::string title;
  std::string output;
};

// The unit column: as given, else "unit", else "group" (the FunnelPlotR name).
Result<std::string> unit_column(const ingest::Table& table, const std::string& requested) {
  if (!requested.empty()) return requested;
  if (table.has_column("unit")) return std::string("unit");
  if (table.has_column("group")) return std::string("group");
  std::string columns;
  for (const auto& name : table.columns()) columns += (columns.empty() ? "" : ", ") + name;
  return Error{ErrorCode::invalid_input, "no unit column: the file has neither 'unit' nor 'group' (columns: " +
                                             columns + "); name it with --unit"};
}

Result<std::vector<stats::UnitCount>> read_units(const ingest::Table& table, const FunnelArgs& args) {
  CLINAUDIT_TRY(const auto unit, unit_column(table, args.unit));
  if (args.numerator == args.denominator) {
    return Error{ErrorCode::invalid_input,
                 "--numerator and --denominator name the same column '" + args.numerator + "'"};
  }
  CLINAUDIT_TRY(const auto units, table.text_column(unit));
  CLINAUDIT_TRY(const auto numerators, table.number_column(args.numerator));
  CLINAUDIT_TRY(const auto denominators, table.number_column(args.denominator));
  if (table.row_count() == 0) return Error{ErrorCode::invalid_input, "the file has no data rows"};

  std::vector<stats::UnitCount> rows;
  rows.reserve(table.row_count());
  bool all_identical = true;
  for (std::size_t i = 0; i < table.row_count(); ++i) {
    const double n = numerators[i];
    const double d = denominators[i];
    const auto row = std::to_string(ingest::Table::sheet_row(i));
    if (n < 0)
      return Error{ErrorCode::invalid_input, "row " + row + ", column '" + args.numerator + "': negative value"};
    if (d < 0) {
      return Error{ErrorCode::invalid_input, "row " + row + ", column '" + args.denominator + "': negative value"};
    }
    if (units[i].empty()) {
      return Error{ErrorCode::invalid_input, "row " + row + ", column '" + unit + "': the unit is empty"};
    }
    all_identical = all_identical && n == d;
    rows.push_back(stats::UnitCount{units[i], n, d});
  }
  if (all_identical) {
    return Error{ErrorCode::invalid_input, "columns '" + args.numerator + "' and '" + args.denominator +
                                               "' hold identical values in every row: check the columns"};
  }
  return rows;
}

std::string number_or_empty(const std::optional<double>& value) { return value ? format_number(*value) : ""; }

std::string to_csv(const stats::FunnelPlot& plot) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  csv.row({"unit", "numerator", "denominator", "value", "z", "lower_95", "upper_95", "lower_99_8", "upper_99_8",
           "unadjusted_lower_95", "unadjusted_upper_95", "unadjusted_lower_99_8", "unadjusted_upper_99_8", "flag"});
  for (const auto& unit : plot.units) {
    std::vector<std::string> fields{unit.unit, format_number(unit.numerator), format_number(unit.denominator),
                                    number_or_empty(unit.value), number_or_empty(unit.z)};
    for (const auto& limits : {unit.limits, unit.unadjusted_limits}) {
      if (limits) {
        for (const double v : {limits->l95.lower, limits->l95.upper, limits->l998.lower, limits->l998.upper}) {
          fields.push_back(format_number(v));
        }
      } else {
        fields.insert(fields.end(), 4, "");
      }
    }
    fields.emplace_back(stats::to_string(unit.flag));
    csv.row(fields);
  }
  return out.str();
}

Result<void> run(const FunnelArgs& args) {
  stats::FunnelOptions options;
  CLINAUDIT_TRY(auto type, stats::parse_funnel_type(args.type));
  options.type = type;
  CLINAUDIT_TRY(auto method, stats::parse_overdispersion_method(args.overdispersion));
  options.overdispersion = method;
  CLINAUDIT_TRY(auto limits, stats::parse_limit_method(args.limits));
  options.limits = limits;
  options.target = args.target;
  options.trim = args.trim;
  options.denominator_decimals = args.round_denominator;

  CLINAUDIT_TRY(auto table, read_table_file(args.input));
  auto rows = read_units(table, args);
  if (!rows) return Error{rows.error().code, args.input + ": " + rows.error().message};
  auto plot = stats::funnel_plot(*rows, options);
  if (!plot) return Error{plot.error().code, args.input + ": " + plot.error().message};

  if (args.format == "json")
    return write_output(args.output,
                        render::to_json(*plot).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  if (args.format == "csv") return write_output(args.output, to_csv(*plot));
  render::FunnelChartOptions chart;
  if (!args.title.empty()) chart.title = args.title;
  CLINAUDIT_TRY(auto svg, render::funnel_chart_svg(*plot, chart));
  return write_output(args.output, svg + "\n");
}

}  // namespace

void add_stats_funnel_command(CLI::App& parent, Outcome& outcome) {
  auto* command =
      parent.add_subcommand("funnel", "Funnel plot with overdispersion: proportions, ratios (O/E) or rates");
  auto args = std::make_shared<FunnelArgs>();
  command->add_option("--input", args->input, "CSV file with one row per unit (or several, summed); - for stdin")
      ->required();
  command->add_option("--type", args->type, "proportion (events/cases), ratio (observed/expected) or rate")
      ->required()
      ->check(CLI::IsMember({"proportion", "ratio", "rate"}));
  command->add_option("--unit", args->unit, "unit column (default: unit, or group when there is no unit column)");
  command->add_option("--numerator", args->numerator, "numerator column (observed events)")->capture_default_str();
  command->add_option("--denominator", args->denominator, "denominator column (cases, expected or exposure)")
      ->capture_default_str();
  command->add_option("--target", args->target, "centre line (default: 1 for ratios, overall value otherwise)");
  command
      ->add_option("--overdispersion", args->overdispersion,
                   "auto (log for ratios and rates, arcsine for proportions), none, log (SHMI), sqrt (CQC), arcsine "
                   "or multiplicative")
      ->capture_default_str()
      ->check(CLI::IsMember({"auto", "none", "log", "sqrt", "arcsine", "multiplicative"}));
  command->add_option("--trim", args->trim, "fraction truncated (log) or winsorised (others) at each end")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 0.49));
  command
      ->add_option("--limits", args->limits,
                   "limits without overdispersion: exact (Poisson/binomial), normal, or arcsine (proportions)")
      ->capture_default_str()
      ->check(CLI::IsMember({"exact", "normal", "arcsine"}));
  command
      ->add_option("--round-denominator", args->round_denominator,
                   "round each unit's denominator to this many decimals first (FunnelPlotR's SHMI rounding: 2)")
      ->check(CLI::Range(0, 15));
  command->add_option("--format", args->format, "json, csv or svg")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "csv", "svg"}));
  command->add_option("--title", args->title, "chart title (svg)");
  command->add_option("--output", args->output, "output file (default: standard output)");
  on_run(*command, outcome, [args]() { return run(*args); });
}

}  // namespace clinaudit::cli
