// clinaudit stats spc: a Making Data Count XmR chart from a CSV file (docs/statistics.md).
#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/chart_input.hpp"
#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "core/date.hpp"
#include "core/number_format.hpp"
#include "render/spc_chart.hpp"
#include "render/spc_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::cli {
namespace {

struct SpcArgs {
  std::string input;
  std::string date;
  std::string value;
  std::string facet;
  std::string improvement = "increase";
  std::string target;
  std::string rebase;
  std::optional<std::size_t> baseline;
  std::string screen = "on";
  std::string format = "json";
  std::string title;
  bool sigma_lines = false;
  std::string output;
};

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(separator, start), text.size());
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// --target is one number for every facet, or FACET=NUMBER,... per facet.
Result<std::map<std::string, double>> parse_targets(const std::string& text, bool faceted) {
  std::map<std::string, double> targets;
  if (text.empty()) return targets;
  if (auto single = ingest::parse_number(text)) {
    targets[""] = *single;
    return targets;
  }
  if (!faceted) return Error{ErrorCode::invalid_input, "--target '" + text + "' is not a number"};
  for (const auto& item : split(text, ',')) {
    const auto eq = item.rfind('=');
    const auto value = eq == std::string::npos ? std::nullopt : ingest::parse_number(item.substr(eq + 1));
    if (!value) {
      return Error{ErrorCode::invalid_input,
                   "--target '" + text + "': '" + item + "' is neither a number nor FACET=NUMBER"};
    }
    targets[item.substr(0, eq)] = *value;
  }
  return targets;
}

std::optional<double> target_for(const std::map<std::string, double>& targets, const std::string& facet) {
  if (auto it = targets.find(facet); it != targets.end()) return it->second;
  if (auto it = targets.find(""); it != targets.end()) return it->second;
  return std::nullopt;
}

std::string number_or_empty(double value) { return std::isfinite(value) ? format_number(value) : ""; }

struct FacetChart {
  std::string facet;
  std::vector<std::string> dates;
  std::optional<double> target;
  stats::XmrChart chart;
};

std::string to_csv(const std::vector<FacetChart>& charts, bool faceted) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  std::vector<std::string> header{"date",       "value",      "mean", "lpl",       "upl",
                                  "near_lower", "near_upper", "rule", "point_type"};
  if (faceted) header.insert(header.begin(), "facet");
  csv.row(header);
  for (const auto& c : charts) {
    for (std::size_t i = 0; i < c.chart.points.size(); ++i) {
      const auto& p = c.chart.points[i];
      std::vector<std::string> fields{c.dates[i],
                                      format_number(p.value),
                                      number_or_empty(p.mean),
                                      number_or_empty(p.lpl),
                                      number_or_empty(p.upl),
                                      number_or_empty(p.near_lower),
                                      number_or_empty(p.near_upper),
                                      std::string(stats::to_string(p.rule)),
                                      std::string(stats::to_string(p.type))};
      if (faceted) fields.insert(fields.begin(), c.facet);
      csv.row(fields);
    }
  }
  return out.str();
}

Result<void> run(const SpcArgs& args) {
  stats::XmrOptions options;
  CLINAUDIT_TRY(auto direction, stats::parse_improvement_direction(args.improvement));
  options.improvement = direction;
  if (args.screen != "on" && args.screen != "off") {
    return Error{ErrorCode::invalid_input, "--screen '" + args.screen + "' is not on or off"};
  }
  options.screen = args.screen == "on";
  options.baseline = args.baseline;
  std::vector<Date> rebase_dates;
  if (!args.rebase.empty()) {
    for (const auto& text : split(args.rebase, ',')) {
      auto date = Date::parse(text);
      if (!date) return Error{ErrorCode::invalid_input, "--rebase: '" + text + "' is not a date (YYYY-MM-DD)"};
      rebase_dates.push_back(*date);
    }
  }
  CLINAUDIT_TRY(auto table, read_table_file(args.input));
  CLINAUDIT_TRY(const auto targets, parse_targets(args.target, !args.facet.empty() || table.has_column("facet")));
  ChartColumns columns;
  columns.x = args.date.empty() ? first_column(table, {"date", "x", "period"}) : args.date;
  columns.y = args.value.empty() ? first_column(table, {"value", "y"}) : args.value;
  if (columns.x.empty()) return Error{ErrorCode::invalid_input, args.input + ": no 'date' column; name it with --date"};
  if (columns.y.empty()) {
    return Error{ErrorCode::invalid_input, args.input + ": no 'value' column; name it with --value"};
  }
  // A column named "facet" splits the charts unless another is named.
  columns.facet = args.facet.empty() && table.has_column("facet") ? std::string("facet") : args.facet;
  auto data = read_chart_data(table, columns);
  if (!data) return Error{data.error().code, args.input + ": " + data.error().message};
  if (data->kind != XKind::date) {
    return Error{ErrorCode::invalid_input,
                 args.input + ": column '" + columns.x + "' must hold dates (YYYY-MM-DD) in every row"};
  }

  std::vector<FacetChart> charts;
  std::vector<bool> rebase_used(rebase_dates.size(), false);
  for (const auto& series : data->series) {
    const std::string where = series.facet.empty() ? "" : "facet '" + series.facet + "': ";
    for (std::size_t i = 1; i < series.x.size(); ++i) {
      if (series.x[i] == series.x[i - 1]) {
        return Error{ErrorCode::invalid_input, args.input + ": " + where + "row " + std::to_string(series.rows[i]) +
                                                   ", column '" + columns.x + "': date " + series.x[i] +
                                                   " appears more than once"};
      }
    }
    stats::XmrOptions series_options = options;
    for (std::size_t r = 0; r < rebase_dates.size(); ++r) {
      const auto it = std::find(series.x.begin(), series.x.end(), rebase_dates[r].to_string());
      if (it == series.x.end()) continue;
      rebase_used[r] = true;
      if (it != series.x.begin()) series_options.rebase_at.push_back(static_cast<std::size_t>(it - series.x.begin()));
    }
    series_options.target = target_for(targets, series.facet);
    auto chart = stats::xmr_chart(series.y, series_options);
    if (!chart) return Error{chart.error().code, args.input + ": " + where + chart.error().message};
    charts.push_back(FacetChart{series.facet, series.x, series_options.target, std::move(*chart)});
  }
  for (std::size_t r = 0; r < rebase_dates.size(); ++r) {
    if (!rebase_used[r]) {
      return Error{ErrorCode::invalid_input,
                   "--rebase " + rebase_dates[r].to_string() + " is not a date in column '" + columns.x + "'"};
    }
  }

  const bool faceted = !columns.facet.empty();
  if (args.format == "csv") return write_output(args.output, to_csv(charts, faceted));
  if (args.format == "svg") {
    if (charts.size() > 1) {
      return Error{ErrorCode::invalid_input, "--format svg draws one chart: filter the file to one facet"};
    }
    render::SpcChartOptions chart_options;
    if (!args.title.empty()) chart_options.title = args.title;
    chart_options.y_label = columns.y;
    chart_options.near_lines = args.sigma_lines;
    CLINAUDIT_TRY(auto svg, render::spc_chart_svg(charts[0].chart, charts[0].dates, charts[0].target, chart_options));
    return write_output(args.output, svg + "\n");
  }
  if (!faceted) {
    return write_output(args.output,
                        render::to_json(charts[0].chart, charts[0].dates, options.improvement, charts[0].target)
                                .dump(2, ' ', false, nlohmann::json::error_handler_t::replace) +
                            "\n");
  }
  nlohmann::json out = nlohmann::json::object();
  out["facets"] = nlohmann::json::array();
  for (const auto& c : charts) {
    nlohmann::json item = render::to_json(c.chart, c.dates, options.improvement, c.target);
    item["facet"] = c.facet;
    out["facets"].push_back(std::move(item));
  }
  return write_output(args.output, out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_stats_spc_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("spc", "XmR chart with Making Data Count rules and icons");
  auto args = std::make_shared<SpcArgs>();
  command->add_option("--input", args->input, "CSV file with a date and a value per row; - for stdin")->required();
  command->add_option("--date", args->date, "date column, YYYY-MM-DD (default: date, else x, else period)");
  command->add_option("--value", args->value, "value column (default: value, else y)");
  command->add_option("--facet", args->facet,
                      "column splitting the rows into separate charts (default: facet, if present)");
  command->add_option("--improvement", args->improvement, "which way is better: increase (default), decrease, neutral");
  command->add_option("--target", args->target, "target for the assurance icon: a number, or FACET=NUMBER,...");
  command->add_option("--rebase", args->rebase, "dates that start a new group (recalculated limits): DATE,...");
  command->add_option("--baseline", args->baseline, "fix the limits on the first N points of each group (N >= 12)");
  command->add_option("--screen", args->screen,
                      "screen moving ranges >= 3.267 x AMR: on (default) or off (as the Excel tools)");
  command->add_option("--format", args->format, "json (default), csv or svg")
      ->check(CLI::IsMember({"json", "csv", "svg"}));
  command->add_option("--title", args->title, "chart title (svg)");
  command->add_flag("--sigma-lines", args->sigma_lines, "draw the 2-sigma lines (svg)");
  command->add_option("--output", args->output, "write here instead of standard output");
  on_run(*command, outcome, [args] { return run(*args); });
}

}  // namespace clinaudit::cli
