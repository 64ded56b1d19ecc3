#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "domain/analysis_run.hpp"
#include "render/funnel_json.hpp"

namespace clinaudit::cli {
namespace {

struct AnalyseArgs {
  std::string db;
  std::string audit;  // code
  std::string period;
  std::string output;
  std::string as_of;  // the run's day (empty: today); decides whether the year is complete
};

// One measure of the run: its settings, rows used and dropped, model, providers, funnel, CUSUM
// signals and the outlier cases opened for it.
nlohmann::json measure_json(const domain::AnalysisRun& run, const domain::MeasureRun& computed) {
  const auto& analysis = computed.analysis;
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& p : analysis.providers) {
    nlohmann::json row = {{"organisation_id", p.provider.value},
                          {"episodes", p.episodes},
                          {"observed", p.observed},
                          {"flag", std::string(stats::to_string(p.flag))}};
    if (analysis.is_proportion()) {
      row["proportion"] = p.episodes > 0 ? static_cast<double>(p.observed) / static_cast<double>(p.episodes) : 0.0;
    } else {
      row["expected"] = p.expected;
    }
    providers.push_back(row);
  }
  nlohmann::json coefficients = nlohmann::json::array();
  for (std::size_t i = 0; i < analysis.terms.size(); ++i) {
    coefficients.push_back(
        {{"term", analysis.terms[i]}, {"estimate", analysis.estimates[i]}, {"std_error", analysis.std_errors[i]}});
  }
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& a : analysis.cusum_alerts) {
    alerts.push_back({{"organisation_id", a.provider.value},
                      {"side", a.side == stats::CusumSide::upper ? "upper" : "lower"},
                      {"signalled_on", a.signalled_on.to_string()},
                      {"episodes_monitored", a.episodes_monitored}});
  }
  nlohmann::json opened = nlohmann::json::array();
  for (const auto& c : run.opened) {
    if (c.measure_id != computed.measure.id) continue;
    opened.push_back({{"id", c.id.value},
                      {"organisation_id", c.organisation_id.value},
                      {"level", std::string(to_string(c.level))},
                      {"unfavourable", c.unfavourable},
                      {"stage", c.stage},
                      {"stage_due_on", c.stage_due_on ? c.stage_due_on->to_string() : ""}});
  }
  nlohmann::json raised = nlohmann::json::array();
  for (const auto& c : run.raised) {
    if (c.measure_id != computed.measure.id) continue;
    raised.push_back({{"id", c.id.value},
                      {"organisation_id", c.organisation_id.value},
                      {"stage", c.stage},
                      {"stage_due_on", c.stage_due_on ? c.stage_due_on->to_string() : ""}});
  }
  nlohmann::json out = {{"code", computed.measure.code},
                        {"name", computed.measure.name},
                        {"source", std::string(to_string(computed.options.source))},
                        {"outcome", computed.options.outcome_column},
                        {"formula", computed.options.formula},
                        {"expected_column", computed.options.expected_column},
                        {"rows_used", analysis.rows_used},
                        {"rows_dropped_missing", analysis.rows_dropped},
                        {"providers", providers},
                        {"funnel", render::to_json(analysis.funnel)},
                        {"cusum_alerts", alerts},
                        {"outlier_cases_opened", opened},
                        {"outlier_cases_raised", raised},
                        {"outlier_cases_already_open", computed.already_open},
                        {"flagged_in_year", computed.flagged_in_year},
                        {"results_stored", computed.results_stored}};
  if (computed.options.source == domain::MeasureSource::episode_model_ratio) {
    out["model"] = {{"coefficients", coefficients},
                    {"iterations", analysis.iterations},
                    {"converged", analysis.converged},
                    {"c_statistic", analysis.c_statistic}};
  }
  return out;
}

nlohmann::json to_json(const domain::AnalysisRun& run, const std::string& audit_code) {
  nlohmann::json measures = nlohmann::json::array();
  for (const auto& computed : run.measures) measures.push_back(measure_json(run, computed));
  return {{"audit", audit_code},
          {"period", run.period},
          {"from", run.from.to_string()},
          {"to", run.to.to_string()},
          {"method", run.method},
          {"software_version", run.software_version},
          {"input_checksum", run.input_checksum},
          {"episodes", run.episodes},
          {"parameters", nlohmann::json::parse(run.parameters, nullptr, false)},
          {"measures", measures},
          {"complete_period", run.complete_period},
          {"outlier_cases_opened", run.opened.size()},
          {"outlier_cases_raised", run.raised.size()},
          {"results_stored", run.results_stored},
          {"outlier_cases_already_open", run.already_open}};
}

// What a person reads of one measure on the terminal: its settings and the rows it used.
std::string measure_line(const domain::MeasureRun& computed) {
  const auto& options = computed.options;
  std::string line = "  " + computed.measure.code + " (" + computed.measure.name +
                     "): " + std::string(domain::display_name(options.source)) + "; outcome " + options.outcome_column;
  if (!options.formula.empty()) line += "; formula " + options.formula;
  if (!options.expected_column.empty()) line += "; expected risk from " + options.expected_column;
  line += "; " + std::to_string(computed.analysis.rows_used) + " episodes used, " +
          std::to_string(computed.analysis.rows_dropped) + " left out for a missing value; " +
          std::to_string(computed.cases_opened) + " outlier case(s) opened, " + std::to_string(computed.cases_raised) +
          " raised to alarm" +
          (computed.flagged_in_year > 0
               ? "; " + std::to_string(computed.flagged_in_year) + " provider(s) flagged in-year (no case)"
               : std::string()) +
          "\n";
  return line;
}

Result<void> run_analyse(const AnalyseArgs& args) {
  CLINAUDIT_TRY(const auto year, FinancialYear::parse(args.period));
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto audit, store->audit_by_code(args.audit));
  CLINAUDIT_TRY(const Date today, as_of_date(args.as_of));
  CLINAUDIT_TRY(const auto run,
                domain::run_national_analysis(*store, audit, year, today,
                                              domain::Actor{std::nullopt, "clinaudit analyse"}, CLINAUDIT_VERSION));
  std::cerr << "Analysed " << run.episodes << " episodes of " << audit.code << " in " << run.period << ": "
            << (run.complete_period ? "complete year; "
                                    : "in-year monitoring, outlier cases open on the complete year; ")
            << run.opened.size() << " outlier case(s) opened, " << run.raised.size() << " raised to alarm, "
            << run.already_open << " already open; " << run.new_alerts.size()
            << " new CUSUM signal(s); recorded as run " << run.run_id.value << ".\n";
  for (const auto& computed : run.measures) std::cerr << measure_line(computed);
  return write_output(args.output,
                      to_json(run, audit.code).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_analyse_command(CLI::App& parent, Outcome& outcome) {
  auto args = std::make_shared<AnalyseArgs>();
  auto* command = parent.add_subcommand(
      "analyse",
      "Analysis run for an audit and financial year: every measure computed from episodes (case-mix model or "
      "expected risks, O/E or proportion funnel, CUSUM), outlier cases");
  command->add_option("--audit", args->audit, "Audit code, e.g. NHFD")->required();
  command->add_option("--period", args->period, "Financial year, e.g. 2025/26")->required();
  command->add_option("--output", args->output, "Write the run record (JSON) here instead of standard output");
  command->add_option("--as-of", args->as_of,
                      "Run as on this date, YYYY-MM-DD (default: today, UTC); a year not yet over opens no case");
  command->add_option("--db", args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*command, outcome, [args] { return run_analyse(*args); });
}

}  // namespace clinaudit::cli
