// Golden handlers for SPC (XmR, Making Data Count), run charts (Anhøj) and control charts
// (qicharts2 conventions).
#include <fstream>
#include <string>
#include <vector>

#include "golden_runner/golden_registry.hpp"
#include "ingest/table.hpp"
#include "stats/control_chart.hpp"
#include "stats/run_chart.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::golden {
namespace {

std::string optional_text(const Values& inputs, const std::string& key) {
  auto text = input(inputs, key);
  return text ? *text : std::string();
}

Result<std::vector<double>> number_list(const std::string& text) {
  std::vector<double> out;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    auto value = ingest::parse_number(text.substr(start, comma - start));
    if (!value) return Error{ErrorCode::invalid_input, "not a number list: " + text};
    out.push_back(*value);
    start = comma + 1;
  }
  return out;
}

std::vector<std::size_t> position_list(const std::string& text) {
  std::vector<std::size_t> out;
  auto numbers = number_list(text);
  if (numbers) {
    for (const double v : *numbers) out.push_back(static_cast<std::size_t>(v));
  }
  return out;
}

template <typename T, typename Name>
std::string joined(const std::vector<T>& items, Name name) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : ",") + std::string(name(item));
  return out;
}

// Inputs: values=a,b,... (or file=, column=), improvement, screen=on|off, baseline=N,
// target=X, rebase=i,j (1-based points). Outputs for the last group: mean, amr, lpl, upl,
// near_lower, near_upper; rules and types of every point; variation, assurance, warnings.
Result<Values> xmr(const Values& inputs) {
  std::vector<double> values;
  if (auto file = input(inputs, "file")) {
    std::ifstream in(source_path(*file));
    auto table = ingest::Table::read(in);
    if (!table) return table.error();
    auto column = table->number_column(optional_text(inputs, "column"));
    if (!column) return column.error();
    values = *column;
  } else {
    auto list = number_list(optional_text(inputs, "values"));
    if (!list) return list.error();
    values = *list;
  }
  stats::XmrOptions options;
  if (auto direction = input(inputs, "improvement")) {
    auto parsed = stats::parse_improvement_direction(*direction);
    if (!parsed) return parsed.error();
    options.improvement = *parsed;
  }
  options.screen = optional_text(inputs, "screen") != "off";
  if (auto baseline = number_input(inputs, "baseline")) options.baseline = static_cast<std::size_t>(*baseline);
  if (auto target = number_input(inputs, "target")) options.target = *target;
  for (const std::size_t point : position_list(optional_text(inputs, "rebase"))) options.rebase_at.push_back(point - 1);
  auto chart = stats::xmr_chart(values, options);
  if (!chart) return Values{{"error", chart.error().message}};
  const auto& last = chart->points.back();
  return Values{{"mean", number_output(last.mean)},
                {"amr", number_output(chart->groups.back().amr)},
                {"lpl", number_output(last.lpl)},
                {"upl", number_output(last.upl)},
                {"near_lower", number_output(last.near_lower)},
                {"near_upper", number_output(last.near_upper)},
                {"groups", std::to_string(chart->groups.size())},
                {"rules", joined(chart->points, [](const stats::XmrPoint& p) { return stats::to_string(p.rule); })},
                {"types", joined(chart->points, [](const stats::XmrPoint& p) { return stats::to_string(p.type); })},
                {"variation", std::string(stats::to_string(chart->variation))},
                {"assurance", std::string(stats::to_string(chart->assurance))},
                {"warnings", std::to_string(chart->warnings.size())}};
}

// Inputs: n. Outputs: longest_run_limit, crossings_limit.
Result<Values> runs_limits(const Values& inputs) {
  auto n = number_input(inputs, "n");
  if (!n) return n.error();
  const auto useful = static_cast<std::size_t>(*n);
  return Values{{"longest_run_limit", std::to_string(stats::longest_run_limit(useful))},
                {"crossings_limit", std::to_string(stats::crossings_limit(useful))}};
}

// Inputs: file= (x, y[, n] columns, sorted by x), chart, freeze, part, exclude, screen,
// multiply, ordered=no. Outputs per part k (1-based): cl_k, lcl_k and ucl_k of the part's
// first point, mean_lcl_k, mean_ucl_k, n_obs_k, n_useful_k, longest_run_k,
// longest_run_limit_k, crossings_k, crossings_limit_k, runs_signal_k, sigma_signals_k.
Result<Values> control(const Values& inputs) {
  std::ifstream in(source_path(optional_text(inputs, "file")));
  auto table = ingest::Table::read(in);
  if (!table) return table.error();
  auto chart_type = stats::parse_control_chart_type(optional_text(inputs, "chart"));
  if (!chart_type) return chart_type.error();
  stats::ControlOptions options;
  options.type = *chart_type;
  if (auto freeze = number_input(inputs, "freeze")) options.freeze = static_cast<std::size_t>(*freeze);
  options.part_ends = position_list(optional_text(inputs, "part"));
  options.exclude = position_list(optional_text(inputs, "exclude"));
  options.screen = optional_text(inputs, "screen") != "off";
  options.ordered = optional_text(inputs, "ordered") != "no";
  if (auto multiply = number_input(inputs, "multiply")) options.multiply = *multiply;
  auto x = table->text_column("x");
  auto y = table->number_column("y");
  if (!x || !y) return Error{ErrorCode::invalid_input, "the file needs x and y columns"};
  std::vector<double> n;
  if (table->has_column("n") && stats::needs_denominator(options.type)) n = *table->number_column("n");
  std::vector<stats::Subgroup> groups;
  for (std::size_t i = 0; i < x->size(); ++i) {
    if (i == 0 || (*x)[i] != (*x)[i - 1]) groups.emplace_back();
    groups.back().y.push_back((*y)[i]);
    if (!n.empty()) groups.back().n.push_back(n[i]);
  }
  auto chart = stats::control_chart(groups, options);
  if (!chart) return Values{{"error", chart.error().message}};
  Values out;
  for (std::size_t k = 0; k < chart->parts.size(); ++k) {
    const auto& part = chart->parts[k];
    const auto& first = chart->points[part.first];
    const std::string s = "_" + std::to_string(k + 1);
    out.emplace_back("cl" + s, number_output(first.cl));
    out.emplace_back("lcl" + s, number_output(first.lcl));
    out.emplace_back("ucl" + s, number_output(first.ucl));
    out.emplace_back("mean_lcl" + s, number_output(part.mean_lcl));
    out.emplace_back("mean_ucl" + s, number_output(part.mean_ucl));
    out.emplace_back("n_obs" + s, std::to_string(part.runs.n_obs));
    out.emplace_back("n_useful" + s, std::to_string(part.runs.n_useful));
    out.emplace_back("longest_run" + s, std::to_string(part.runs.longest_run));
    out.emplace_back("longest_run_limit" + s, std::to_string(part.runs.longest_run_limit));
    out.emplace_back("crossings" + s, std::to_string(part.runs.crossings));
    out.emplace_back("crossings_limit" + s, std::to_string(part.runs.crossings_limit));
    out.emplace_back("runs_signal" + s, part.runs.signal ? "true" : "false");
    out.emplace_back("sigma_signals" + s, std::to_string(part.sigma_signals));
  }
  return out;
}

const bool registered = register_handler("xmr_chart", &xmr) && register_handler("runs_limits", &runs_limits) &&
                        register_handler("control_chart", &control);

}  // namespace
}  // namespace clinaudit::golden
