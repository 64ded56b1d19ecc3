// clinaudit stats cusum-limit: the CUSUM limit h for a target in-control ARL, or the ARL of a
// given h, for the patient mix in a risk file (docs/statistics.md, "Choosing h").
#include <cmath>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli/commands.hpp"
#include "cli/cusum_columns.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "render/cusum_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/racusum_arl.hpp"

namespace clinaudit::cli {
namespace {

struct LimitArgs {
  std::string risks;
  std::string risk;
  double odds_ratio = 2.0;
  std::optional<double> arl;
  std::optional<double> limit;
  double true_odds_ratio = 1.0;
  std::string method = "markov";
  std::uint64_t seed = 20000;
  std::int64_t runs = 10000;
  double scaling = 600;
  std::string rounding = "paired";
  std::string format = "json";
  std::string output;
};

std::string to_csv(const render::CusumLimitReport& report) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  csv.row({"h", "arl", "method", "odds_ratio", "true_odds_ratio", "target_arl", "states", "runs", "seed",
           "standard_error"});
  const bool simulated = report.simulated;
  csv.row({format_number(report.limit.h), format_number(report.limit.arl), simulated ? "simulation" : "markov",
           format_number(report.odds_ratio), format_number(report.true_odds_ratio),
           report.target_arl > 0 ? format_number(report.target_arl) : "",
           simulated ? "" : std::to_string(report.limit.states), simulated ? std::to_string(report.limit.runs) : "",
           simulated ? std::to_string(report.seed) : "", simulated ? format_number(report.limit.standard_error) : ""});
  return out.str();
}

Result<void> run(const LimitArgs& args) {
  if (args.arl.has_value() == args.limit.has_value()) {
    return Error{ErrorCode::invalid_input, "give either --arl (to find h) or --limit (to find the ARL of h)"};
  }
  if (args.arl && args.true_odds_ratio != 1.0) {
    return Error{ErrorCode::invalid_input, "--true-odds-ratio applies to the ARL of a given --limit only"};
  }
  CLINAUDIT_TRY(auto table, read_table_file(args.risks));
  std::string column;
  auto risks = read_risk_column(table, args.risk, column);
  if (!risks) return Error{risks.error().code, args.risks + ": " + risks.error().message};
  auto mix = stats::risk_mix(*risks);
  if (!mix) return Error{mix.error().code, args.risks + ": " + mix.error().message};

  render::CusumLimitReport report;
  report.simulated = args.method == "simulation";
  report.odds_ratio = args.odds_ratio;
  report.true_odds_ratio = args.true_odds_ratio;
  report.seed = args.seed;
  report.scaling = args.scaling;
  const stats::MarkovOptions markov{
      args.scaling, args.rounding == "simple" ? stats::ArlRounding::simple : stats::ArlRounding::paired};
  const stats::SimulationOptions simulation{args.seed, args.runs, 100000000};
  if (report.simulated) std::cerr << "simulating " << args.runs << " runs (seed " << args.seed << ")...\n";
  if (args.arl) {
    report.target_arl = *args.arl;
    CLINAUDIT_TRY(auto limit, report.simulated
                                  ? stats::racusum_limit_simulated(*mix, args.odds_ratio, *args.arl, simulation)
                                  : stats::racusum_limit_markov(*mix, args.odds_ratio, *args.arl, markov));
    report.limit = limit;
  } else {
    const double h = std::fabs(*args.limit);  // a lower chart's limit may be written negative
    if (report.simulated) {
      CLINAUDIT_TRY(auto arl, stats::racusum_arl_simulated(*mix, args.odds_ratio, args.true_odds_ratio, h, simulation));
      report.limit = arl;
    } else {
      CLINAUDIT_TRY(auto arl, stats::racusum_arl_markov(*mix, args.odds_ratio, args.true_odds_ratio, h, markov));
      report.limit.h = h;
      report.limit.arl = arl;
      report.limit.states = static_cast<std::int64_t>(std::round(h * args.scaling));
    }
  }
  if (args.format == "csv") return write_output(args.output, to_csv(report));
  auto json = render::to_json(report);
  json["risk_column"] = column;
  json["patients"] = risks->size();
  return write_output(args.output, json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_stats_cusum_limit_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("cusum-limit",
                                        "CUSUM control limit h for a target in-control ARL, or the ARL of a given h");
  auto args = std::make_shared<LimitArgs>();
  command->add_option("--risks", args->risks, "CSV file of predicted risks (the patient mix); - for stdin")->required();
  command->add_option("--risk", args->risk, "risk column (default: risk, else p)");
  command->add_option("--odds-ratio", args->odds_ratio, "odds ratio the chart looks for: above 1 upper, below 1 lower")
      ->capture_default_str();
  command->add_option("--arl", args->arl, "target in-control average run length (patients): find h");
  command->add_option("--limit", args->limit, "a limit h: find its average run length");
  command
      ->add_option("--true-odds-ratio", args->true_odds_ratio,
                   "true odds ratio for the ARL of --limit (1 = in control; e.g. 2 = deterioration)")
      ->capture_default_str();
  command->add_option("--method", args->method, "markov (Markov chain, deterministic) or simulation (seeded)")
      ->capture_default_str()
      ->check(CLI::IsMember({"markov", "simulation"}));
  command->add_option("--seed", args->seed, "random seed for --method simulation")->capture_default_str();
  command->add_option("--runs", args->runs, "simulated runs for --method simulation")
      ->capture_default_str()
      ->check(CLI::Range(std::int64_t{2}, std::int64_t{100000000}));
  command->add_option("--scaling", args->scaling, "Markov chain grid points per unit of the CUSUM")
      ->capture_default_str()
      ->check(CLI::Range(1.0, 100000.0));
  command->add_option("--rounding", args->rounding, "Markov chain rounding of weights: paired or simple")
      ->capture_default_str()
      ->check(CLI::IsMember({"paired", "simple"}));
  command->add_option("--format", args->format, "json or csv")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "csv"}));
  command->add_option("--output", args->output, "output file (default: standard output)");
  on_run(*command, outcome, [args]() { return run(*args); });
}

}  // namespace clinaudit::cli
