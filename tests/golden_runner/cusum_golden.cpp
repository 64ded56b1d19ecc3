// Golden handlers for the risk-adjusted CUSUM (src/stats/racusum*.hpp).
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/number_format.hpp"
#include "golden_runner/golden_registry.hpp"
#include "stats/racusum.hpp"
#include "stats/racusum_arl.hpp"

namespace clinaudit::golden {
namespace {

Result<std::vector<double>> number_list(const Values& inputs, const std::string& key) {
  auto text = input(inputs, key);
  if (!text) return text.error();
  std::vector<double> values;
  std::stringstream items(*text);
  for (std::string item; std::getline(items, item, ',');) values.push_back(std::stod(item));
  return values;
}

double optional_number(const Values& inputs, const std::string& key, double fallback) {
  auto value = number_input(inputs, key);
  return value ? *value : fallback;
}

// The `p` column of a CSV file under the source tree (first column, header skipped).
Result<std::vector<double>> risks_file(const Values& inputs) {
  auto path = input(inputs, "risks_file");
  if (!path) return path.error();
  std::ifstream in(source_path(*path));
  if (!in) return Error{ErrorCode::not_found, "cannot open " + *path};
  std::vector<double> risks;
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) risks.push_back(std::stod(line.substr(0, line.find(','))));
  return risks;
}

// Inputs: outcome, odds_ratio, null_odds_ratio (default 1), and either risk or
// intercept/slope/parsonnet (logit(p) = intercept + slope * parsonnet). Output: weight.
Result<Values> racusum_weight(const Values& inputs) {
  double risk = optional_number(inputs, "risk", NAN);
  if (std::isnan(risk)) {
    auto a = number_input(inputs, "intercept");
    auto b = number_input(inputs, "slope");
    auto s = number_input(inputs, "parsonnet");
    if (!a || !b || !s) return Error{ErrorCode::invalid_input, "needs risk or intercept, slope and parsonnet"};
    risk = 1.0 / (1.0 + std::exp(-(*a + *b * *s)));
  }
  auto outcome = number_input(inputs, "outcome");
  auto odds_ratio = number_input(inputs, "odds_ratio");
  if (!outcome || !odds_ratio) return Error{ErrorCode::invalid_input, "needs outcome and odds_ratio"};
  const double weight = stats::racusum_weight(risk, static_cast<int>(*outcome), *odds_ratio,
                                              optional_number(inputs, "null_odds_ratio", 1.0));
  return Values{{"weight", number_output(weight)}};
}

Values chart_values(const stats::RacusumChart& chart) {
  Values out;
  std::string signals;
  for (std::size_t t = 0; t < chart.points.size(); ++t) {
    const auto n = std::to_string(t + 1);
    out.emplace_back("upper_" + n, number_output(chart.points[t].upper));
    out.emplace_back("lower_" + n, number_output(chart.points[t].lower));
    out.emplace_back("vlad_" + n, number_output(chart.points[t].vlad));
  }
  for (const auto& signal : chart.signals) {
    if (!signals.empty()) signals += ',';
    signals += (signal.side == stats::CusumSide::upper ? "U" : "L") + std::to_string(signal.index + 1);
  }
  out.emplace_back("signals", signals.empty() ? "none" : signals);
  return out;
}

stats::RacusumOptions chart_options(const Values& inputs) {
  stats::RacusumOptions options;
  options.upper_odds_ratio = optional_number(inputs, "odds_ratio", 2.0);
  options.upper_limit = optional_number(inputs, "limit", 4.5);
  options.lower_odds_ratio = optional_number(inputs, "lower_odds_ratio", 0.5);
  options.lower_limit = optional_number(inputs, "lower_limit", 4.0);
  options.reset = optional_number(inputs, "reset", 1.0) != 0.0;
  return options;
}

// Inputs: risks="0.1,0.2,..." outcomes="0,1,..." [odds_ratio limit lower_odds_ratio
// lower_limit reset]. Outputs: upper_N, lower_N, vlad_N per patient N, and signals
// ("U7,L12" or "none").
Result<Values> racusum_chart(const Values& inputs) {
  auto risks = number_list(inputs, "risks");
  auto outcomes = number_list(inputs, "outcomes");
  if (!risks || !outcomes) return Error{ErrorCode::invalid_input, "needs risks and outcomes"};
  auto chart = stats::racusum_chart(*risks, *outcomes, chart_options(inputs));
  if (!chart) return chart.error();
  return chart_values(*chart);
}

// Inputs: weights="..." outcomes="..." limit [reset]. Outputs as racusum_chart.
Result<Values> cusum_fixed_weights(const Values& inputs) {
  auto weights = number_list(inputs, "weights");
  auto outcomes = number_list(inputs, "outcomes");
  if (!weights || !outcomes) return Error{ErrorCode::invalid_input, "needs weights and outcomes"};
  auto chart = stats::cusum_chart_from_weights(*weights, {}, *outcomes, chart_options(inputs));
  if (!chart) return chart.error();
  return chart_values(*chart);
}

stats::MarkovOptions markov_options(const Values& inputs) {
  stats::MarkovOptions options;
  options.scaling = optional_number(inputs, "scaling", 600);
  auto rounding = input(inputs, "rounding");
  if (rounding && *rounding == "simple") options.rounding = stats::ArlRounding::simple;
  return options;
}

// Inputs: risks_file odds_ratio true_odds_ratio h [scaling rounding]. Output: arl.
Result<Values> racusum_arl_markov(const Values& inputs) {
  auto risks = risks_file(inputs);
  if (!risks) return risks.error();
  auto mix = stats::risk_mix(*risks);
  if (!mix) return mix.error();
  auto arl = stats::racusum_arl_markov(*mix, optional_number(inputs, "odds_ratio", 2),
                                       optional_number(inputs, "true_odds_ratio", 1), optional_number(inputs, "h", 0),
                                       markov_options(inputs));
  if (!arl) return arl.error();
  return Values{{"arl", number_output(*arl)}};
}

// Inputs: risks_file odds_ratio target_arl. Outputs: h, arl, states.
Result<Values> racusum_limit_markov(const Values& inputs) {
  auto risks = risks_file(inputs);
  if (!risks) return risks.error();
  auto mix = stats::risk_mix(*risks);
  if (!mix) return mix.error();
  auto limit = stats::racusum_limit_markov(*mix, optional_number(inputs, "odds_ratio", 2),
                                           optional_number(inputs, "target_arl", 0), markov_options(inputs));
  if (!limit) return limit.error();
  return Values{
      {"h", number_output(limit->h)}, {"arl", number_output(limit->arl)}, {"states", std::to_string(limit->states)}};
}

// Inputs: risks_file odds_ratio true_odds_ratio h runs seed. Outputs: markov_arl, and
// agrees=yes when the simulated ARL lies within 4 standard errors of the Markov chain's.
Result<Values> racusum_arl_agreement(const Values& inputs) {
  auto risks = risks_file(inputs);
  if (!risks) return risks.error();
  auto mix = stats::risk_mix(*risks);
  if (!mix) return mix.error();
  const double odds_ratio = optional_number(inputs, "odds_ratio", 2);
  const double true_odds_ratio = optional_number(inputs, "true_odds_ratio", 1);
  const double h = optional_number(inputs, "h", 0);
  auto markov = stats::racusum_arl_markov(*mix, odds_ratio, true_odds_ratio, h);
  if (!markov) return markov.error();
  stats::SimulationOptions options;
  options.runs = static_cast<std::int64_t>(optional_number(inputs, "runs", 10000));
  options.seed = static_cast<std::uint64_t>(optional_number(inputs, "seed", 20000));
  auto simulated = stats::racusum_arl_simulated(*mix, odds_ratio, true_odds_ratio, h, options);
  if (!simulated) return simulated.error();
  const double z = (simulated->arl - *markov) / simulated->standard_error;
  return Values{{"markov_arl", number_output(*markov)},
                {"agrees", std::fabs(z) < 4.0 ? "yes" : "no (z = " + format_fixed(z, 2) + ")"}};
}

const bool registered = register_handler("racusum_weight", &racusum_weight) &&
                        register_handler("racusum_chart", &racusum_chart) &&
                        register_handler("cusum_fixed_weights", &cusum_fixed_weights) &&
                        register_handler("racusum_arl_markov", &racusum_arl_markov) &&
                        register_handler("racusum_limit_markov", &racusum_limit_markov) &&
                        register_handler("racusum_arl_agreement", &racusum_arl_agreement);

}  // namespace
}  // namespace clinaudit::golden
