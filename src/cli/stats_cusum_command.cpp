// clinaudit stats cusum: risk-adjusted CUSUM and VLAD from a CSV file of patients in
// monitoring order (docs/statistics.md, "Risk-adjusted CUSUM and VLAD").
#include <cmath>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.hpp"
#include "cli/cusum_columns.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "render/cusum_chart.hpp"
#include "render/cusum_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/racusum.hpp"

namespace clinaudit::cli {
namespace {

struct CusumArgs {
  std::string input;
  std::string risk;
  std::string outcome;
  std::string weight;
  std::string label;
  double odds_ratio = 2.0;
  std::optional<double> limit;
  std::optional<double> lower_odds_ratio;
  std::optional<double> lower_limit;
  double null_odds_ratio = 1.0;
  std::string charts = "both";
  std::string reset = "on";
  std::string format = "json";
  std::string chart = "cusum";
  std::string title;
  std::string output;
};

// The chart options from the arguments. An --odds-ratio below 1 asks for the lower chart
// alone, as the cusum R package's odds_multiplier does; its limit may be given negative.
Result<stats::RacusumOptions> chart_options(const CusumArgs& args) {
  stats::RacusumOptions options;
  options.reset = args.reset == "on" || args.reset == "true";
  options.null_odds_ratio = args.null_odds_ratio;
  if (args.odds_ratio == 1.0) return Error{ErrorCode::invalid_input, "--odds-ratio 1 looks for no change"};
  if (args.odds_ratio < 1.0) {
    options.upper = false;
    options.lower_odds_ratio = args.odds_ratio;
    options.lower_limit = std::fabs(args.limit.value_or(args.lower_limit.value_or(4.0)));
    return options;
  }
  options.upper_odds_ratio = args.odds_ratio;
  options.upper_limit = args.limit.value_or(4.5);
  if (options.upper_limit < 0) {
    return Error{ErrorCode::invalid_input,
                 "--limit must be positive for an odds ratio above 1, not " + format_number(options.upper_limit)};
  }
  options.lower_odds_ratio = args.lower_odds_ratio.value_or(0.5);
  options.lower_limit = std::fabs(args.lower_limit.value_or(4.0));
  options.upper = args.charts != "lower";
  options.lower = args.charts != "upper";
  return options;
}

std::string number_or_empty(double value) { return std::isfinite(value) ? format_number(value) : ""; }

std::string to_csv(const stats::RacusumChart& chart, const PatientColumns& patients, bool upper) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  csv.row({"patient", "row", "risk", "outcome", "weight", "weight_lower", "upper", "lower", "vlad", "signal_upper",
           "signal_lower"});
  for (std::size_t t = 0; t < chart.points.size(); ++t) {
    const auto& point = chart.points[t];
    csv.row({std::to_string(t + 1), std::to_string(ingest::Table::sheet_row(t)),
             patients.risks.empty() ? "" : format_number(patients.risks[t]), format_number(patients.outcomes[t]),
             number_or_empty(upper ? point.weight_upper : point.weight_lower), number_or_empty(point.weight_lower),
             number_or_empty(point.upper), number_or_empty(point.lower), number_or_empty(point.vlad),
             point.signal_upper ? "1" : "0", point.signal_lower ? "1" : "0"});
  }
  return out.str();
}

Result<void> run(const CusumArgs& args) {
  CLINAUDIT_TRY(auto options, chart_options(args));
  CLINAUDIT_TRY_VOID(stats::check_options(options));
  CLINAUDIT_TRY(auto table, read_table_file(args.input));
  auto patients = read_patient_columns(table, ColumnRequest{args.risk, args.outcome, args.weight, args.label});
  if (!patients) return Error{patients.error().code, args.input + ": " + patients.error().message};

  auto chart = patients->weights.empty()
                   ? stats::racusum_chart(patients->risks, patients->outcomes, options)
                   : stats::cusum_chart_from_weights(patients->weights, patients->risks, patients->outcomes, options);
  if (!chart) return Error{chart.error().code, args.input + ": " + chart.error().message};
  if (!patients->weights.empty()) options.lower = false;

  if (args.format == "json") {
    auto json = render::to_json(*chart, options);
    for (auto& signal : json["signals"]) {
      signal["row"] = ingest::Table::sheet_row(signal["patient"].get<std::size_t>() - 1);
    }
    const auto name_or_null = [](const std::string& name) {
      return name.empty() ? nlohmann::json() : nlohmann::json(name);
    };
    json["columns"] = {{"risk", name_or_null(patients->risk_column)},
                       {"outcome", patients->outcome_column},
                       {"weight", name_or_null(patients->weight_column)}};
    return write_output(args.output, json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  if (args.format == "csv") return write_output(args.output, to_csv(*chart, *patients, options.upper));
  render::CusumChartText text;
  if (!args.title.empty()) text.title = args.title;
  text.patient_labels = patients->labels;
  if (args.chart == "vlad") {
    if (patients->risks.empty()) return Error{ErrorCode::invalid_input, "a VLAD chart needs a risk column"};
    return write_output(args.output, render::vlad_svg(*chart, text) + "\n");
  }
  return write_output(args.output, render::cusum_svg(*chart, options, text) + "\n");
}

}  // namespace

void add_stats_cusum_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand(
      "cusum", "Risk-adjusted Bernoulli CUSUM (Steiner 2000) and VLAD for patients in monitoring order");
  auto args = std::make_shared<CusumArgs>();
  command->add_option("--input", args->input, "CSV file, one row per patient in order; - for stdin")->required();
  command->add_option("--risk", args->risk, "predicted risk column, in [0, 1] (default: risk, else p)");
  command->add_option("--outcome", args->outcome, "outcome column, 0 or 1 (default: outcome, else y)");
  command->add_option("--weight", args->weight,
                      "column of ready-made CUSUM weights instead of risks (default: w or weight when the file has "
                      "no risk column)");
  command->add_option("--label", args->label, "column labelling each patient in the chart (a date or an id)");
  command
      ->add_option("--odds-ratio", args->odds_ratio,
                   "odds ratio the upper chart looks for (above 1); below 1 draws the lower chart alone")
      ->capture_default_str();
  command->add_option("--limit", args->limit, "limit h of the upper chart (default 4.5, as Steiner 2000)");
  command->add_option("--lower-odds-ratio", args->lower_odds_ratio,
                      "odds ratio the lower chart looks for (default 0.5)");
  command->add_option("--lower-limit", args->lower_limit, "limit h of the lower chart, signalling at -h (default 4)");
  command->add_option("--null-odds-ratio", args->null_odds_ratio, "odds ratio of the null hypothesis R0")
      ->capture_default_str();
  command->add_option("--charts", args->charts, "both, upper or lower")
      ->capture_default_str()
      ->check(CLI::IsMember({"both", "upper", "lower"}));
  command->add_option("--reset", args->reset, "restart a chart from 0 after it signals: on or off")
      ->capture_default_str()
      ->check(CLI::IsMember({"on", "off", "true", "false"}));
  command->add_option("--format", args->format, "json, csv or svg")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "csv", "svg"}));
  command->add_option("--chart", args->chart, "which chart --format svg draws: cusum or vlad")
      ->capture_default_str()
      ->check(CLI::IsMember({"cusum", "vlad"}));
  command->add_option("--title", args->title, "chart title (svg)");
  command->add_option("--output", args->output, "output file (default: standard output)");
  on_run(*command, outcome, [args]() { return run(*args); });
}

}  // namespace clinaudit::cli
