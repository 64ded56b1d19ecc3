#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "domain/board_pack.hpp"
#include "domain/quality_account_service.hpp"
#include "domain/survey_service.hpp"
#include "platform/pdf_printer.hpp"
#include "report/board_pack_document.hpp"
#include "report/quality_account_document.hpp"
#include "report/survey_document.hpp"

namespace clinaudit::cli {
namespace {

Date system_today() {
  const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date::from_days(days.time_since_epoch().count());
}

struct QualityAccountArgs {
  std::string db;
  std::string organisation;
  std::string year;
  std::string format = "markdown";
  std::string output;
  std::string today;
};

Result<void> run_quality_account(const QualityAccountArgs& args) {
  CLINAUDIT_TRY(const auto year, FinancialYear::parse(args.year));
  if (args.format == "docx" && args.output.empty()) {
    return Error{ErrorCode::invalid_input, "--format docx needs --output FILE"};
  }
  Date today = system_today();
  if (!args.today.empty()) {
    CLINAUDIT_TRY(const auto parsed, Date::parse(args.today));
    today = parsed;
  }
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto statement, domain::quality_account_for(*store, args.organisation, year));
  // The deadline and the records' gaps are for the person running the command, not the text.
  for (const auto& note : report::quality_account_notes(statement, today)) std::cerr << note << "\n";
  if (args.format == "docx") {
    CLINAUDIT_TRY(auto bytes, report::quality_account_docx(statement));
    return write_output(args.output, bytes);
  }
  const std::string document = args.format == "html" ? report::quality_account_html(statement).str()
                                                     : report::quality_account_markdown(statement);
  return write_output(args.output, document);
}

struct BoardPackArgs {
  std::string db;
  std::string organisation;
  std::string meeting;
  std::string format = "html";
  std::string output;
};

Result<void> run_board_pack(const BoardPackArgs& args) {
  CLINAUDIT_TRY(const auto meeting, Date::parse(args.meeting));
  if (args.format != "html" && args.output.empty()) {
    return Error{ErrorCode::invalid_input, "--format " + args.format + " needs --output FILE"};
  }
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto pack, domain::board_pack_for(*store, args.organisation, meeting));
  if (args.format == "xlsx") return report::write_board_pack_xlsx(pack, args.output);
  if (args.format == "pdf") return platform::print_html_to_pdf(report::board_pack_html(pack), args.output);
  return write_output(args.output, report::board_pack_html(pack));
}

struct SurveyArgs {
  std::string db;
  std::int64_t survey = 0;
  std::string format = "html";
  std::string output;
};

Result<void> run_survey(const SurveyArgs& args) {
  CLINAUDIT_TRY(auto store, open_database(args.db));
  CLINAUDIT_TRY(const auto report, domain::survey_report(*store, SurveyId{args.survey}));
  if (args.format == "csv") return write_output(args.output, report::survey_csv(report.results));
  if (args.format == "xlsx") {
    if (args.output.empty()) return Error{ErrorCode::invalid_input, "--format xlsx needs --output FILE"};
    return report::write_survey_xlsx(report.results, report.changes, args.output);
  }
  if (args.format == "markdown") {
    return write_output(args.output, report::survey_markdown(report.results, report.changes));
  }
  return write_output(args.output, report::survey_html(report.results, report.changes).str());
}

}  // namespace

void add_report_command(CLI::App& parent, Outcome& outcome) {
  auto* report =
      parent.add_subcommand("report", "Quality Account section, board pack, survey report; published audit reports");
  report->require_subcommand(1);

  auto args = std::make_shared<QualityAccountArgs>();
  auto* qa = report->add_subcommand(
      "quality-account", "The Quality Account clinical audit section for an organisation and financial year");
  qa->add_option("--org", args->organisation, "Organisation code, e.g. RXX")->required();
  qa->add_option("--year", args->year, "Financial year, e.g. 2025/26")->required();
  qa->add_option("--format", args->format, "markdown (ready to paste), html or docx (Word; needs --output)")
      ->check(CLI::IsMember({"markdown", "html", "docx"}));
  qa->add_option("--output", args->output, "Write to this file instead of standard output");
  qa->add_option("--db", args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  qa->add_option("--today", args->today, "The date the deadline (on standard error) is counted from (default: today)");
  on_run(*qa, outcome, [args] { return run_quality_account(*args); });

  auto pack_args = std::make_shared<BoardPackArgs>();
  auto* pack = report->add_subcommand("board-pack", "The board pack for an organisation and meeting (HTML, PDF, XLSX)");
  pack->add_option("--org", pack_args->organisation, "Organisation code, e.g. RXX")->required();
  pack->add_option("--meeting", pack_args->meeting, "Meeting date, YYYY-MM-DD")->required();
  pack->add_option("--format", pack_args->format, "html, pdf (needs chromium) or xlsx (tables)")
      ->check(CLI::IsMember({"html", "pdf", "xlsx"}));
  pack->add_option("--output", pack_args->output, "Output file (required for pdf and xlsx)");
  pack->add_option("--db", pack_args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*pack, outcome, [pack_args] { return run_board_pack(*pack_args); });
  auto survey_args = std::make_shared<SurveyArgs>();
  auto* survey = report->add_subcommand(
      "survey", "Results of a survey of audit staff, with 95% intervals and the change since the previous wave");
  survey->add_option("--survey", survey_args->survey, "Survey id")->required();
  survey->add_option("--format", survey_args->format, "html, markdown, csv or xlsx (needs --output)")
      ->check(CLI::IsMember({"html", "markdown", "csv", "xlsx"}));
  survey->add_option("--output", survey_args->output, "Write to this file instead of standard output");
  survey->add_option("--db", survey_args->db, "Database URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)");
  on_run(*survey, outcome, [survey_args] { return run_survey(*survey_args); });
  add_report_record_commands(*report, outcome);
}

}  // namespace clinaudit::cli
