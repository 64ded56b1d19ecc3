// clinaudit stats interval: a confidence interval for a proportion, count or ratio.
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "stats/intervals.hpp"

namespace clinaudit::cli {
namespace {

struct IntervalArgs {
  std::string method;
  double numerator = 0;
  std::optional<double> denominator;
  double level = 0.95;
  std::string format = "json";
};

Result<void> run(const IntervalArgs& args) {
  CLINAUDIT_TRY(auto method, stats::parse_interval_method(args.method));
  const bool proportion = method == stats::IntervalMethod::wilson || method == stats::IntervalMethod::exact;
  if (proportion && !args.denominator) {
    return Error{ErrorCode::invalid_input, "--denominator (the number of cases) is required for a proportion"};
  }
  // A count's interval is the ratio's interval with denominator 1.
  const double denominator = args.denominator.value_or(1.0);
  CLINAUDIT_TRY(auto interval, stats::confidence_interval(method, args.numerator, denominator, args.level));
  const double estimate = args.numerator / denominator;
  if (args.format == "csv") {
    return write_output("", "method,numerator,denominator,level,estimate,lower,upper\n" +
                                std::string(stats::to_string(method)) + "," + format_number(args.numerator) + "," +
                                format_number(denominator) + "," + format_number(args.level) + "," +
                                format_number(estimate) + "," + format_number(interval.lower) + "," +
                                format_number(interval.upper) + "\n");
  }
  nlohmann::json out = {{"method", std::string(stats::to_string(method))},
                        {"numerator", args.numerator},
                        {"denominator", denominator},
                        {"level", args.level},
                        {"estimate", estimate},
                        {"lower", interval.lower},
                        {"upper", interval.upper}};
  return write_output("", out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_stats_interval_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("interval", "Confidence interval for a proportion, count or ratio");
  auto args = std::make_shared<IntervalArgs>();
  command
      ->add_option("--method", args->method,
                   "wilson or exact (Clopper-Pearson) for a proportion; poisson (exact) or byar for a count or ratio")
      ->required()
      ->check(CLI::IsMember({"wilson", "exact", "poisson", "byar"}));
  command->add_option("--numerator", args->numerator, "events (successes, or the observed count)")->required();
  command->add_option("--denominator", args->denominator,
                      "cases for a proportion; expected count or exposure for a ratio or rate (default 1: a count)");
  command->add_option("--level", args->level, "confidence level, strictly between 0 and 1")->capture_default_str();
  command->add_option("--format", args->format, "json or csv")
      ->capture_default_str()
      ->check(CLI::IsMember({"json", "csv"}));
  on_run(*command, outcome, [args]() { return run(*args); });
}

}  // namespace clinaudit::cli
