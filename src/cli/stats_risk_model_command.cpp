// clinaudit stats risk-model: the case-mix pipeline on an episode file (docs/statistics.md):
// read the columns, fit the logistic model, O/E per group, optionally a funnel plot.
#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/episode_columns.hpp"
#include "render/funnel_chart.hpp"
#include "render/risk_model_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/case_mix.hpp"
#include "stats/formula_frame.hpp"
#include "stats/model_formula.hpp"

namespace clinaudit::cli {
namespace {

struct RiskModelArgs {
  std::string input;
  std::string formula;
  std::string outcome;
  std::vector<std::string> covariates;
  std::vector<std::string> categorical;
  std::string group;
  bool funnel = false;
  std::string overdispersion = "auto";
  double trim = 0.1;
  std::string predictions;
  std::string format = "json";
  std::string output;
  unsigned threads = 0;
  int max_iterations = 25;
  bool quiet = false;
};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  for (const auto& n : names) {
    if (n == name) return true;
  }
  return false;
}

// Numeric covariates are those of --covariates not named in --categorical; categorical ones
// may be listed in either. Terms follow the order of --covariates, then any categorical
// covariates named only in --categorical.
Result<std::vector<std::string>> model_columns(const RiskModelArgs& args) {
  std::vector<std::string> order = args.covariates;
  for (const auto& name : args.categorical) {
    if (!contains(order, name)) order.push_back(name);
  }
  if (order.empty()) return Error{ErrorCode::invalid_input, "name at least one covariate (--covariates)"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == args.outcome) {
      return Error{ErrorCode::invalid_input, "the outcome '" + args.outcome + "' cannot also be a covariate"};
    }
    for (std::size_t j = 0; j < i; ++j) {
      if (order[i] == order[j]) return Error{ErrorCode::invalid_input, "covariate '" + order[i] + "' is named twice"};
    }
  }
  return order;
}

Result<ingest::EpisodeColumns> read_columns(const RiskModelArgs& args, const std::vector<std::string>& order) {
  ingest::EpisodeColumnsRequest request;
  request.outcome = args.outcome;
  for (const auto& name : order)
    (contains(args.categorical, name) ? request.categories : request.numbers).push_back(name);
  if (!args.group.empty()) request.categories.push_back(args.group);
  if (!args.quiet) {
    request.progress = [](std::int64_t bytes) { std::cerr << "risk-model: read " << (bytes >> 20) << " MiB\n"; };
  }
  std::ifstream file;
  std::istream* input = &std::cin;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) return Error{ErrorCode::not_found, "cannot open '" + args.input + "'"};
    input = &file;
    std::error_code unknown;
    const auto size = std::filesystem::file_size(args.input, unknown);
    if (!unknown) request.size_hint = static_cast<std::int64_t>(size);
  }
  request.threads = args.threads;
  auto columns = ingest::read_episode_columns(*input, request);
  if (!columns) {
    std::string message = args.input + ": " + columns.error().message;
    if (message.find("is not a number") != std::string::npos)
      message += " (name categorical covariates in --categorical)";
    return Error{columns.error().code, message};
  }
  if (columns->rows == 0) return Error{ErrorCode::invalid_input, args.input + ": the file has no episodes"};
  return columns;
}

// The columns a formula reads (and the --group column, as text), typed as R's read.csv types
// them: a column is numeric when every value that is not missing reads as a number, else text;
// an empty cell or NA is missing.
struct FormulaData {
  std::vector<stats::DataColumn> columns;
  std::optional<stats::DataColumn> group;
  std::size_t rows = 0;
};

bool read_number(std::string_view text, double& value) {
  if (text.empty()) return false;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+') ++first;
  const auto [end, ec] = std::from_chars(first, last, value);
  return ec == std::errc() && end == last && std::isfinite(value);
}

// One column's cells as read, packed into one string (a cell is a few bytes; a std::string
// each would cost 32 for every cell of a national dataset).
struct RawColumn {
  std::string pool;
  std::vector<std::size_t> ends;
  std::string_view cell(std::size_t row) const {
    const std::size_t begin = row == 0 ? 0 : ends[row - 1];
    return std::string_view(pool).substr(begin, ends[row] - begin);
  }
};

stats::DataColumn typed_column(std::string name, const RawColumn& raw) {
  stats::DataColumn column{std::move(name), false, {}, {}};
  const std::size_t rows = raw.ends.size();
  column.numbers.reserve(rows);
  for (std::size_t row = 0; row < rows && !column.text; ++row) {
    const auto cell = raw.cell(row);
    double value = 0;
    if (cell.empty() || cell == "NA") {
      column.numbers.push_back(std::nan(""));
    } else if (read_number(cell, value)) {
      column.numbers.push_back(value);
    } else {
      column.text = true;
    }
  }
  if (column.text) {
    column.numbers = {};
    column.texts.reserve(rows);
    for (std::size_t row = 0; row < rows; ++row) {
      const auto cell = raw.cell(row);
      column.texts.emplace_back(cell == "NA" ? std::string_view() : cell);
    }
  }
  return column;
}

Result<FormulaData> read_formula_columns(const RiskModelArgs& args, const std::vector<std::string>& names) {
  std::ifstream file;
  std::istream* input = &std::cin;
  if (args.input != "-") {
    file.open(args.input, std::ios::binary);
    if (!file) return Error{ErrorCode::not_found, "cannot open '" + args.input + "'"};
    input = &file;
  }
  ingest::CsvReader reader(*input);
  std::vector<std::string> fields;
  CLINAUDIT_TRY(const bool has_header, reader.next(fields));
  if (!has_header) return Error{ErrorCode::invalid_input, args.input + ": the file is empty"};
  const std::vector<std::string> header = fields;
  std::vector<std::string> wanted = names;
  if (!args.group.empty()) wanted.push_back(args.group);
  std::vector<std::size_t> at;
  for (const auto& name : wanted) {
    std::size_t index = header.size();
    for (std::size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) index = i;
    }
    if (index == header.size()) {
      std::string known;
      for (const auto& h : header) known += (known.empty() ? "" : ", ") + h;
      return Error{ErrorCode::invalid_input,
                   args.input + ": unknown column '" + name + "' in the formula (the file has " + known + ")"};
    }
    at.push_back(index);
  }
  std::vector<RawColumn> cells(wanted.size());
  std::int64_t next_report = 64LL << 20;
  for (;;) {
    auto more = reader.next(fields);
    if (!more) return Error{more.error().code, args.input + ": " + more.error().message};
    if (!*more) break;
    if (fields.size() != header.size()) {
      return Error{ErrorCode::invalid_input, args.input + ": row " + std::to_string(reader.record_number()) + " has " +
                                                 std::to_string(fields.size()) + " fields; the header has " +
                                                 std::to_string(header.size())};
    }
    for (std::size_t c = 0; c < at.size(); ++c) {
      cells[c].pool += fields[at[c]];
      cells[c].ends.push_back(cells[c].pool.size());
    }
    if (!args.quiet && reader.bytes_read() >= next_report) {
      std::cerr << "risk-model: read " << (reader.bytes_read() >> 20) << " MiB\n";
      next_report += 64LL << 20;
    }
  }
  FormulaData data;
  data.rows = cells.empty() ? 0 : cells[0].ends.size();
  if (data.rows == 0) return Error{ErrorCode::invalid_input, args.input + ": the file has no episodes"};
  for (std::size_t c = 0; c < names.size(); ++c) data.columns.push_back(typed_column(names[c], cells[c]));
  if (!args.group.empty()) {
    data.group = stats::DataColumn{args.group, true, {}, {}};
    for (std::size_t row = 0; row < data.rows; ++row) data.group->texts.emplace_back(cells.back().cell(row));
  }
  return data;
}

// The --group column over the rows the model kept; a kept episode must name its group.
Result<stats::Covariate> group_of(const stats::DataColumn& column, const std::vector<std::size_t>& kept_rows,
                                  const std::string& input) {
  stats::Covariate group{column.name, true, {}, {}, {}};
  std::map<std::string, std::uint32_t> index;
  for (const auto row : kept_rows) {
    const auto& text = column.texts[row];
    if (text.empty() || text == "NA") {
      return Error{ErrorCode::invalid_input, input + ": row " + std::to_string(row + 2) + ": column '" + column.name +
                                                 "' (--group) is empty; every episode the model uses needs a group"};
    }
    auto [found, added] = index.emplace(text, static_cast<std::uint32_t>(group.levels.size()));
    if (added) group.levels.push_back(text);
    group.codes.push_back(found->second);
  }
  stats::order_levels_as_r(group);
  return group;
}

stats::ModelFrame make_frame(ingest::EpisodeColumns& columns, const std::vector<std::string>& order) {
  stats::ModelFrame frame;
  frame.rows = static_cast<std::size_t>(columns.rows);
  std::size_t next_number = 0, next_category = 0;
  for (const auto& name : order) {
    stats::Covariate covariate;
    covariate.name = name;
    if (next_number < columns.numbers.size() && columns.numbers[next_number].name == name) {
      covariate.values = std::move(columns.numbers[next_number++].values);
    } else {
      auto& column = columns.categories[next_category++];
      covariate.categorical = true;
      covariate.levels = std::move(column.levels);
      covariate.codes = std::move(column.codes);
      stats::order_levels_as_r(covariate);
    }
    frame.covariates.push_back(std::move(covariate));
  }
  return frame;
}

// One line per episode, in file order: episode number (1 = first data row), group, outcome, risk.
// With a formula, `kept_rows` maps each fitted episode to its input row (rows with missing
// values are not fitted); empty means every row was fitted.
Result<void> write_predictions(const std::string& path, const stats::CaseMixResult& result,
                               const std::vector<std::uint8_t>& outcome, const std::optional<stats::Covariate>& group,
                               const std::vector<std::size_t>& kept_rows) {
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  if (!file) return Error{ErrorCode::storage_unavailable, "cannot write '" + path + "'"};
  std::string buffer = group ? "episode,group,outcome,expected\n" : "episode,outcome,expected\n";
  std::vector<std::string> group_fields;
  if (group) {
    for (const auto& level : group->levels) group_fields.push_back(report::csv_field(level));
  }
  char number[32];
  const auto& fitted = result.fit.fitted;
  for (std::size_t i = 0; i < fitted.size(); ++i) {
    auto end = std::to_chars(number, number + sizeof number, (kept_rows.empty() ? i : kept_rows[i]) + 1).ptr;
    buffer.append(number, end);
    buffer.push_back(',');
    if (group) {
      buffer += group_fields[group->codes[i]];
      buffer.push_back(',');
    }
    buffer.push_back(outcome[i] != 0 ? '1' : '0');
    buffer.push_back(',');
    end = std::to_chars(number, number + sizeof number, fitted[i]).ptr;
    buffer.append(number, end);
    buffer.push_back('\n');
    if (buffer.size() > (1U << 20)) {
      file.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
      buffer.clear();
    }
  }
  file.write(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  if (!file.flush()) return Error{ErrorCode::storage_unavailable, "writing '" + path + "' failed"};
  return {};
}

std::string coefficients_csv(const stats::CaseMixResult& result) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  csv.row({"term", "estimate", "std_error"});
  const auto& fit = result.fit;
  for (std::size_t i = 0; i < fit.terms.size(); ++i) {
    csv.row({fit.terms[i], format_number(fit.estimates[i]), format_number(fit.std_errors[i])});
  }
  return out.str();
}

std::string groups_csv(const stats::CaseMixResult& result) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  std::vector<std::string> header{"group", "episodes", "observed", "expected", "ratio"};
  if (result.funnel) {
    for (const char* name : {"lower_95", "upper_95", "lower_99_8", "upper_99_8", "flag"}) header.emplace_back(name);
  }
  csv.row(header);
  for (std::size_t i = 0; i < result.groups.size(); ++i) {
    const auto& group = result.groups[i];
    std::vector<std::string> fields{group.group, std::to_string(group.episodes), std::to_string(group.observed),
                                    format_number(group.expected),
                                    group.expected > 0 ? format_number(group.ratio()) : std::string()};
    if (result.funnel) {
      const auto& unit = result.funnel->units[i];
      if (unit.limits) {
        for (const double v :
             {unit.limits->l95.lower, unit.limits->l95.upper, unit.limits->l998.lower, unit.limits->l998.upper}) {
          fields.push_back(format_number(v));
        }
      } else {
        fields.insert(fields.end(), 4, "");
      }
      fields.emplace_back(stats::to_string(unit.flag));
    }
    csv.row(fields);
  }
  return out.str();
}

Result<void> run(const RiskModelArgs& args) {
  if (args.format == "svg" && !args.funnel) {
    return Error{ErrorCode::invalid_input, "--format svg draws the funnel plot: add --funnel and --group"};
  }
  stats::CaseMixOptions options;
  options.fit.threads = args.threads;
  options.fit.max_iterations = args.max_iterations;
  if (args.funnel) {
    stats::FunnelOptions funnel;
    CLINAUDIT_TRY(auto method, stats::parse_overdispersion_method(args.overdispersion));
    funnel.overdispersion = method;
    funnel.trim = args.trim;
    options.funnel = funnel;
  }
  std::optional<stats::Covariate> group;
  stats::ModelFrame frame;
  std::vector<std::uint8_t> outcome;
  std::vector<std::size_t> kept_rows;
  std::optional<std::size_t> dropped;
  if (!args.formula.empty()) {
    auto formula = stats::parse_model_formula(args.formula);
    if (!formula) return Error{formula.error().code, "--formula: " + formula.error().message};
    CLINAUDIT_TRY(auto data, read_formula_columns(args, stats::formula_columns(*formula)));
    auto built = stats::build_formula_frame(*formula, data.columns, 2);  // the header is row 1
    if (!built) return Error{built.error().code, args.input + ": " + built.error().message};
    if (data.group) {
      CLINAUDIT_TRY(auto grouping, group_of(*data.group, built->kept_rows, args.input));
      group = std::move(grouping);
    }
    frame = std::move(built->frame);
    outcome = std::move(built->outcome);
    kept_rows = std::move(built->kept_rows);
    dropped = built->dropped;
    std::cerr << "risk-model: " << *dropped << " of " << data.rows
              << " rows dropped for a missing value in a column the formula reads (na.omit)\n";
  } else {
    if (args.outcome.empty())
      return Error{ErrorCode::invalid_input, "name the model: --formula, or --outcome with --covariates"};
    CLINAUDIT_TRY(const auto order, model_columns(args));
    CLINAUDIT_TRY(auto columns, read_columns(args, order));
    if (!args.group.empty()) {
      auto& column = columns.categories.back();
      group = stats::Covariate{column.name, true, {}, std::move(column.levels), std::move(column.codes)};
      stats::order_levels_as_r(*group);
    }
    frame = make_frame(columns, order);
    outcome = std::move(columns.outcome);
  }
  if (!args.quiet && frame.rows >= 1000000) std::cerr << "risk-model: fitting " << frame.rows << " episodes\n";

  // The group's column is handed over; the predictions, which name each episode's group, keep a copy.
  const bool grouped = group.has_value();
  std::optional<stats::Covariate> predictions_group;
  if (!args.predictions.empty()) predictions_group = group;
  auto result = stats::case_mix_model(std::move(frame), outcome, std::move(group), options);
  if (!result) return Error{result.error().code, args.input + ": " + result.error().message};
  if (!args.predictions.empty()) {
    if (auto written = write_predictions(args.predictions, *result, outcome, predictions_group, kept_rows); !written)
      return written;
  }
  if (!result->fit.converged) {
    std::cerr << "risk-model: the fit did not converge in " << result->fit.iterations << " iterations\n";
  }
  if (result->fit.separation()) {
    if (result->fit.fitted_at_bound > 0) {
      std::cerr << "risk-model: separation: " << result->fit.fitted_at_bound
                << " episodes have fitted risks numerically 0 or 1; estimates may be infinite\n";
    }
    if (!result->fit.diverging_terms.empty()) {
      std::cerr << "risk-model: separation: estimates still diverging:";
      for (const auto& term : result->fit.diverging_terms) std::cerr << " " << term;
      std::cerr << "\n";
    }
  }
  if (args.format == "csv") return write_output(args.output, grouped ? groups_csv(*result) : coefficients_csv(*result));
  if (args.format == "svg") {
    render::FunnelChartOptions chart;
    chart.title = "Risk-adjusted outcome by " + args.group + " (observed / expected)";
    CLINAUDIT_TRY(auto svg, render::funnel_chart_svg(*result->funnel, chart));
    return write_output(args.output, svg + "\n");
  }
  auto json = render::to_json(*result);
  if (dropped) {
    json["formula"] = args.formula;
    json["rows_dropped_missing"] = *dropped;
  }
  return write_output(args.output, json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_stats_risk_model_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand(
      "risk-model",
      "Logistic case-mix model fitted as R's glm(binomial) does, expected counts and O/E per group, funnel plot");
  auto args = std::make_shared<RiskModelArgs>();
  command->add_option("--input", args->input, "CSV file with one row per episode; - for stdin")->required();
  auto* formula = command->add_option(
      "--formula", args->formula,
      "The model as an R formula, e.g. 'died30 ~ I((age - 68)/10) + sex + factor(asa_grade)' (docs/statistics.md)");
  auto* outcome_option =
      command->add_option("--outcome", args->outcome, "Column holding the outcome, 0 or 1 (e.g. died)");
  auto* covariates =
      command->add_option("--covariates", args->covariates, "Covariate columns, in model order (A,B,...)")
          ->delimiter(',');
  auto* categorical =
      command
          ->add_option("--categorical", args->categorical,
                       "Covariates to treat as categorical (dummy-coded against their first level in R's order)")
          ->delimiter(',');
  formula->excludes(outcome_option)->excludes(covariates)->excludes(categorical);
  command->add_option("--group", args->group, "Column naming each episode's provider: O/E per group");
  command->add_flag("--funnel", args->funnel, "Add a funnel plot of the groups' O/E (needs --group)");
  command
      ->add_option("--overdispersion", args->overdispersion,
                   "Funnel overdispersion scale: auto (log, as SHMI), log, sqrt, multiplicative or none")
      ->capture_default_str();
  command->add_option("--trim", args->trim, "Funnel: fraction of extreme z-scores damped at each end")
      ->capture_default_str();
  command->add_option("--predictions", args->predictions,
                      "Write each episode's predicted risk to this CSV file (episode, group, outcome, expected)");
  command->add_option("--format", args->format, "json, csv (the group table, else the coefficients) or svg (funnel)")
      ->check(CLI::IsMember({"json", "csv", "svg"}))
      ->capture_default_str();
  command->add_option("--output,-o", args->output, "Write the result here instead of standard output");
  command
      ->add_option("--threads", args->threads,
                   "Worker threads for reading the file and for the fit (0 = all cores; same result)")
      ->capture_default_str();
  command->add_option("--max-iterations", args->max_iterations, "IRLS iteration limit (R's glm: 25)")
      ->check(CLI::Range(1, 1000))
      ->capture_default_str();
  command->add_flag("--quiet", args->quiet, "No progress messages on standard error");
  on_run(*command, outcome, [args]() { return run(*args); });
}

}  // namespace clinaudit::cli
