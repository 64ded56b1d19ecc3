// Golden handlers for the case-mix model (src/stats/logistic_regression.hpp, case_mix.hpp).
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "golden_runner/golden_registry.hpp"
#include "ingest/episode_columns.hpp"
#include "stats/case_mix.hpp"

namespace clinaudit::golden {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> names;
  std::stringstream stream(text);
  std::string name;
  while (std::getline(stream, name, ',')) {
    if (!name.empty()) names.push_back(name);
  }
  return names;
}

std::string optional_input(const Values& inputs, const std::string& key) {
  const auto value = input(inputs, key);
  return value ? *value : std::string();
}

// Reads file= (relative to the source tree) with outcome=, covariates=A,B and categorical=C,
// as `clinaudit stats risk-model` does, and group= when given; runs the pipeline.
Result<stats::CaseMixResult> run_model(const Values& inputs) {
  const auto file = input(inputs, "file");
  if (!file) return file.error();
  const auto outcome = input(inputs, "outcome");
  if (!outcome) return outcome.error();
  // covariates= lists the model's terms in formula order; those also in categorical= are
  // factors, and a categorical= name missing from covariates= is appended after them.
  auto order = split_list(optional_input(inputs, "covariates"));
  const auto categories = split_list(optional_input(inputs, "categorical"));
  for (const auto& name : categories) {
    if (std::find(order.begin(), order.end(), name) == order.end()) order.push_back(name);
  }
  std::vector<std::string> numbers;
  for (const auto& name : order) {
    if (std::find(categories.begin(), categories.end(), name) == categories.end()) numbers.push_back(name);
  }
  const auto group_name = optional_input(inputs, "group");

  ingest::EpisodeColumnsRequest request;
  request.outcome = *outcome;
  request.numbers = numbers;
  request.categories = categories;
  if (!group_name.empty()) request.categories.push_back(group_name);
  std::ifstream stream(source_path(*file), std::ios::binary);
  if (!stream) return Error{ErrorCode::not_found, "cannot open " + *file};
  auto columns = ingest::read_episode_columns(stream, request);
  if (!columns) return columns.error();

  std::map<std::string, stats::Covariate> by_name;
  for (auto& column : columns->numbers) {
    by_name[column.name] = stats::Covariate{column.name, false, std::move(column.values), {}, {}};
  }
  for (std::size_t i = 0; i < categories.size(); ++i) {
    auto& column = columns->categories[i];
    stats::Covariate covariate{column.name, true, {}, std::move(column.levels), std::move(column.codes)};
    stats::order_levels_as_r(covariate);
    by_name[categories[i]] = std::move(covariate);
  }
  stats::ModelFrame frame;
  frame.rows = static_cast<std::size_t>(columns->rows);
  for (const auto& name : order) frame.covariates.push_back(std::move(by_name.at(name)));
  std::optional<stats::Covariate> group;
  if (!group_name.empty()) {
    auto& column = columns->categories.back();
    group = stats::Covariate{column.name, true, {}, std::move(column.levels), std::move(column.codes)};
  }
  stats::CaseMixOptions options;
  options.fit.threads = 2;
  return stats::case_mix_model(std::move(frame), columns->outcome, std::move(group), options);
}

std::string key_term(std::string term) {
  for (auto& c : term) {
    if (c == '=') c = ':';
  }
  return term;
}

// Outputs: terms (comma-separated), estimate[TERM], se[TERM] (with ':' for '=' in TERM),
// deviance, null_deviance, aic, iterations, converged, separation, fitted_at_bound.
Result<Values> logistic_regression(const Values& inputs) {
  auto result = run_model(inputs);
  if (!result) return result.error();
  const auto& fit = result->fit;
  Values out;
  std::string terms;
  for (const auto& term : fit.terms) terms += (terms.empty() ? "" : ",") + term;
  out.emplace_back("terms", terms);
  for (std::size_t i = 0; i < fit.terms.size(); ++i) {
    out.emplace_back("estimate[" + key_term(fit.terms[i]) + "]", number_output(fit.estimates[i]));
    out.emplace_back("se[" + key_term(fit.terms[i]) + "]", number_output(fit.std_errors[i]));
  }
  out.emplace_back("deviance", number_output(fit.deviance));
  out.emplace_back("null_deviance", number_output(fit.null_deviance));
  out.emplace_back("aic", number_output(fit.aic));
  out.emplace_back("iterations", std::to_string(fit.iterations));
  out.emplace_back("converged", fit.converged ? "true" : "false");
  out.emplace_back("separation", fit.separation() ? "true" : "false");
  out.emplace_back("fitted_at_bound", std::to_string(fit.fitted_at_bound));
  return out;
}

// Outputs: c_statistic, hl_statistic, hl_df, hl_p_value, hl_groups, calibration_ratio,
// and per group observed[G], expected[G].
Result<Values> risk_model_performance(const Values& inputs) {
  auto result = run_model(inputs);
  if (!result) return result.error();
  Values out;
  out.emplace_back("c_statistic", number_output(result->c_statistic));
  out.emplace_back("hl_statistic", number_output(result->hosmer_lemeshow.statistic));
  out.emplace_back("hl_df", std::to_string(result->hosmer_lemeshow.degrees_of_freedom));
  out.emplace_back("hl_p_value", number_output(result->hosmer_lemeshow.p_value));
  out.emplace_back("hl_groups", std::to_string(result->hosmer_lemeshow.groups.size()));
  out.emplace_back("calibration_ratio", number_output(result->calibration.ratio));
  for (const auto& group : result->groups) {
    out.emplace_back("episodes[" + group.group + "]", std::to_string(group.episodes));
    out.emplace_back("observed[" + group.group + "]", std::to_string(group.observed));
    out.emplace_back("expected[" + group.group + "]", number_output(group.expected));
  }
  return out;
}

const bool registered = register_handler("logistic_regression", &logistic_regression) &&
                        register_handler("risk_model_performance", &risk_model_performance);

}  // namespace
}  // namespace clinaudit::golden
