#include "cli/control_chart_run.hpp"

#include <cmath>
#include <sstream>
#include <vector>

#include "cli/chart_input.hpp"
#include "cli/stats_io.hpp"
#include "core/number_format.hpp"
#include "render/run_chart_svg.hpp"
#include "render/spc_json.hpp"
#include "report/csv_writer.hpp"
#include "stats/control_chart.hpp"

namespace clinaudit::cli {
namespace {

struct FacetChart {
  std::string facet;
  std::vector<std::string> x;
  stats::ControlChart chart;
};

std::string number_or_empty(double value) { return std::isfinite(value) ? format_number(value) : ""; }

// Consecutive rows with the same x form one subgroup.
std::vector<stats::Subgroup> subgroups_of(const ChartSeries& series, std::vector<std::string>& labels) {
  std::vector<stats::Subgroup> groups;
  for (std::size_t i = 0; i < series.x.size(); ++i) {
    if (labels.empty() || labels.back() != series.x[i]) {
      labels.push_back(series.x[i]);
      groups.emplace_back();
    }
    groups.back().y.push_back(series.y[i]);
    if (!series.n.empty()) groups.back().n.push_back(series.n[i]);
  }
  return groups;
}

std::string to_csv(const std::vector<FacetChart>& charts, bool faceted) {
  std::ostringstream out;
  report::CsvWriter csv(out);
  std::vector<std::string> header{"x",      "y",    "n",        "cl",       "lcl",    "ucl",        "lcl_95",
                                  "ucl_95", "part", "baseline", "included", "signal", "runs_signal"};
  if (faceted) header.insert(header.begin(), "facet");
  csv.row(header);
  for (const auto& c : charts) {
    for (std::size_t i = 0; i < c.chart.points.size(); ++i) {
      const auto& p = c.chart.points[i];
      std::vector<std::string> fields{c.x[i],
                                      number_or_empty(p.y),
                                      number_or_empty(p.n),
                                      number_or_empty(p.cl),
                                      number_or_empty(p.lcl),
                                      number_or_empty(p.ucl),
                                      number_or_empty(p.lcl_95),
                                      number_or_empty(p.ucl_95),
                                      std::to_string(p.part + 1),
                                      p.baseline ? "true" : "false",
                                      p.included ? "true" : "false",
                                      p.sigma_signal ? "true" : "false",
                                      p.runs_signal ? "true" : "false"};
      if (faceted) fields.insert(fields.begin(), c.facet);
      csv.row(fields);
    }
  }
  return out.str();
}

}  // namespace

Result<void> run_control_chart(const ControlArgs& args) {
  stats::ControlOptions options;
  CLINAUDIT_TRY(auto type, stats::parse_control_chart_type(args.chart));
  options.type = type;
  if (args.screen != "on" && args.screen != "off") {
    return Error{ErrorCode::invalid_input, "--screen '" + args.screen + "' is not on or off"};
  }
  options.screen = args.screen == "on";
  if (args.freeze && *args.freeze < 1) return Error{ErrorCode::invalid_input, "--freeze must be at least 1"};
  options.freeze = args.freeze;
  if (!std::isfinite(args.multiply) || args.multiply == 0) {
    return Error{ErrorCode::invalid_input, "--multiply must be a non-zero number"};
  }
  options.multiply = args.multiply;
  if (!args.part.empty()) {
    CLINAUDIT_TRY(auto parts, parse_positions(args.part, "--part"));
    options.part_ends = parts;
  }
  if (!args.exclude.empty()) {
    CLINAUDIT_TRY(auto excluded, parse_positions(args.exclude, "--exclude"));
    options.exclude = excluded;
  }

  CLINAUDIT_TRY(auto table, read_table_file(args.input));
  ChartColumns columns;
  columns.x = args.x.empty() ? first_column(table, {"x", "date", "period"}) : args.x;
  columns.y = args.y.empty() ? first_column(table, {"y", "value"}) : args.y;
  if (columns.y.empty()) return Error{ErrorCode::invalid_input, args.input + ": no 'y' column; name it with --y"};
  columns.n = args.n;
  if (columns.n.empty() && stats::needs_denominator(options.type)) {
    columns.n = first_column(table, {"n", "denominator"});
    if (columns.n.empty()) {
      return Error{ErrorCode::invalid_input,
                   args.input + ": a " + args.chart + " chart needs a denominator column 'n'; name it with --n"};
    }
  }
  columns.facet = args.facet;
  columns.allow_missing = true;
  auto data = read_chart_data(table, columns);
  if (!data) return Error{data.error().code, args.input + ": " + data.error().message};
  options.ordered = data->kind != XKind::text;

  std::vector<FacetChart> charts;
  for (const auto& series : data->series) {
    for (std::size_t i = 0; i < series.n.size(); ++i) {
      if (!std::isnan(series.n[i]) && !(series.n[i] > 0)) {
        return Error{ErrorCode::invalid_input, args.input + ": row " + std::to_string(series.rows[i]) + ", column '" +
                                                   columns.n + "': the denominator " + format_number(series.n[i]) +
                                                   " is not greater than zero"};
      }
    }
    std::vector<std::string> labels;
    const auto groups = subgroups_of(series, labels);
    auto chart = stats::control_chart(groups, options);
    const std::string where = series.facet.empty() ? "" : "facet '" + series.facet + "': ";
    if (!chart) return Error{chart.error().code, args.input + ": " + where + chart.error().message};
    charts.push_back(FacetChart{series.facet, std::move(labels), std::move(*chart)});
  }

  const bool faceted = !args.facet.empty();
  const bool run_chart = options.type == stats::ControlChartType::run;
  if (args.format == "csv") return write_output(args.output, to_csv(charts, faceted));
  if (args.format == "svg") {
    if (charts.size() > 1) {
      return Error{ErrorCode::invalid_input, "--format svg draws one chart: filter the file to one facet"};
    }
    render::ControlChartSvgOptions svg_options;
    svg_options.title = args.title;
    svg_options.y_label = columns.y;
    svg_options.sigma_lines = args.sigma_lines;
    CLINAUDIT_TRY(auto svg, render::control_chart_svg(charts[0].chart, charts[0].x, svg_options));
    return write_output(args.output, svg + "\n");
  }
  auto json_of = [run_chart](const FacetChart& c) {
    return run_chart ? render::run_chart_json(c.chart, c.x) : render::to_json(c.chart, c.x);
  };
  if (!faceted)
    return write_output(args.output,
                        json_of(charts[0]).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  nlohmann::json out = nlohmann::json::object();
  out["facets"] = nlohmann::json::array();
  for (const auto& c : charts) {
    nlohmann::json item = json_of(c);
    item["facet"] = c.facet;
    out["facets"].push_back(std::move(item));
  }
  return write_output(args.output, out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace clinaudit::cli
