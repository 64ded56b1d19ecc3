#include <chrono>
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
};

nlohmann::json to_json(const domain::AnalysisRun& run, const std::string& audit_code) {
  nlohmann::json providers = nlohmann::json::array();
  for (const auto& p : run.analysis.providers) {
    providers.push_back({{"organisation_id", p.provider.value},
                         {"episodes", p.episodes},
                         {"observed", p.observed},
                         {"expected", p.expected},
                         {"flag", std::string(stats::to_string(p.flag))}});
  }
  nlohmann::json coefficients = nlohmann::json::array();
  for (std::size_t i = 0; i < run.analysis.terms.size(); ++i) {
    coefficients.push_back({{"term", run.analysis.terms[i]},
                            {"estimate", run.analysis.estimates[i]},
                            {"std_error", run.analysis.std_errors[i]}});
  }
  nlohmann::json alerts = nlohmann::json::array();
  for (const auto& a : run.analysis.cusum_alerts) {
    alerts.push_back({{"organisation_id", a.provider.value},
                      {"side", a.side == stats::CusumSide::upper ? "upper" : "lower"},
                      {"signalled_on", a.signalled_on.to_string()},
                      {"episodes_monitored", a.episodes_monitored}});
  }
  nlohmann::json opened = nlohmann::json::array();
  for (const auto& c : run.opened) {
    opened.push_back({{"id", c.id.value},
                      {"organisation_id", c.organisation_id.value},
                      {"level", std::string(to_string(c.level))},
                      {"unfavourable", c.unfavourable},
                      {"stage", c.stage},
                      {"stage_due_on", c.stage_due_on ? c.stage_due_on->to_string() : ""}});
  }
  return {{"audit", audit_code},
          {"period", run.period},
          {"from", run.from.to_string()},
          {"to", run.to.to_string()},
          {"method", run.method},
          {"software_version", run.software_version},
          {"input_checksum", run.input_checksum},
          {"episodes", run.episodes},
          {"parameters", nlohmann::json::parse(run.parameters, nullptr, false)},
          {"model",
           {{"rows_dropped_missing", run.analysis.rows_dropped},
            {"coefficients", coefficients},
            {"iterations", run.analysis.iterations},
            {"converged", run.analysis.converged},
            {"c_statistic", run.analysis.c_statistic}}},
          {"providers", providers},
          {"funnel", render::to_json(run.analysis.funnel)},
          {"cusum_alerts", alerts},
          {"outlier_cases_opened", opened},
          {"results_stored", run.results_stored},
          {"outlier_cases_already_open", run.already_open}};
}

Result<void> run_analyse(const AnalyseArgs& args) {
  CLINAUDIT_TRY(const auto year, FinancialYear::parse(args.period));
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto audit, store->audit_by_code(args.audit));
  const auto today = Date::from_days(
      std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count());
  CLINAUDIT_TRY(const auto run,
                domain::run_national_analysis(*store, audit, year, today,
                                              domain::Actor{std::nullopt, "clinaudit analyse"}, CLINAUDIT_VERSION));
  std::cerr << "Analysed " << run.episodes << " episodes of " << audit.code << " in " << run.period << ": "
            << run.opened.size() << " outlier case(s) opened, " << run.already_open << " already open; "
            << run.new_alerts.size() << " new CUSUM signal(s); recorded as run " << run.run_id.value << ".\n";
  return write_output(args.output,
                      to_json(run, audit.code).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
}

}  // namespace

void add_analyse_command(CLI::App& parent, Outcome& outcome) {
  auto args = std::make_shared<AnalyseArgs>();
  auto* command = parent.add_subcommand(
      "analyse", "Analysis run for an audit and financial year: case-mix model, O/E funnel, CUSUM, outlier cases");
  command->add_option("--audit", args->audit, "Audit code, e.g. NHFD")->required();
  command->add_option("--period", args->period, "Financial year, e.g. 2025/26")->required();
  command->add_option("--output", args->output, "Write the run record (JSON) here instead of standard output");
  command->add_option("--db", args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*command, outcome, [args] { return run_analyse(*args); });
}

}  // namespace clinaudit::cli
