#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "cli/survey_file.hpp"
#include "http/survey_links.hpp"
#include "ingest/import_validators.hpp"
#include "report/csv_writer.hpp"

// `clinaudit survey create|list|invite` (docs/cli.md, docs/surveys.md).
namespace clinaudit::cli {

namespace {

struct SurveyOptions {
  std::string db;
  std::string file;
  std::int64_t survey_id = 0;
  std::string base_url = "http://127.0.0.1:8080";
};

domain::Actor survey_actor(const char* command) {
  const char* user = std::getenv("USER");
  return domain::Actor{
      std::nullopt, std::string("clinaudit survey ") + command + (user != nullptr ? std::string(" by ") + user : "")};
}

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Prints the id alone on standard output (for scripts) and what was created on standard error.
Result<void> create_survey(const SurveyOptions& options) {
  CLINAUDIT_TRY(auto text, read_text_file(options.file));
  const SurveyFile file = read_survey_file(text);
  if (!file.problems.empty()) {
    for (const auto& problem : file.problems) std::cout << problem << '\n';
    std::cout.flush();
    return Error{ErrorCode::invalid_input,
                 options.file + ": " + plural(file.problems.size(), "problem", "problems") + "; nothing was saved"};
  }
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto id, store->add_survey(file.survey, survey_actor("create")));
  std::cout << id.value << '\n';
  std::cerr << "created survey " << id.value << ": " << file.survey.title
            << (file.survey.wave.empty() ? "" : " (" + file.survey.wave + ")") << ", "
            << plural(file.survey.questions.size(), "question", "questions")
            << (file.survey.anonymous ? ", anonymous" : ", not anonymous") << '\n';
  return {};
}

Result<void> list_surveys(const SurveyOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto surveys, store->surveys());
  report::CsvWriter out(std::cout);
  out.row({"id", "title", "wave", "anonymous", "questions", "responses"});
  for (const auto& survey : surveys) {
    CLINAUDIT_TRY(auto responses, store->survey_responses(survey.id));
    out.row({std::to_string(survey.id.value), survey.title, survey.wave, survey.anonymous ? "yes" : "no",
             std::to_string(survey.questions.size()), std::to_string(responses.size())});
  }
  return {};
}

// Prints a CSV of the invitees with their links on standard output: the only place the
// tokens ever appear, since the database holds their hashes only.
Result<void> invite(const SurveyOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto survey, store->survey(SurveyId{options.survey_id}));
  std::ifstream file;
  if (options.file != "-") {
    file.open(options.file, std::ios::binary);
    if (!file) return Error{ErrorCode::not_found, "cannot open '" + options.file + "'"};
  }
  std::istream& input = options.file == "-" ? std::cin : file;
  auto validated = ingest::validate_survey_invitees(input);
  if (!validated.report.clean()) {
    std::cout << validated.report.to_text();
    std::cout.flush();
    return Error{ErrorCode::invalid_input,
                 options.file + ": " +
                     plural(static_cast<std::size_t>(validated.report.total()), "problem", "problems") + " in " +
                     plural(static_cast<std::size_t>(validated.rows), "data row", "data rows") + "; nothing was saved"};
  }
  if (validated.records.empty()) {
    return Error{ErrorCode::invalid_input, options.file + ": no invitees (one row per person, under a header row)"};
  }
  CLINAUDIT_TRY(auto links,
                http::issue_survey_links(*store, survey.id, std::move(validated.records), survey_actor("invite")));
  report::CsvWriter out(std::cout);
  out.row({"label", "organisation_type", "region", "role", "link"});
  for (const auto& link : links) {
    const auto& who = link.invitation;
    out.row({who.label, who.organisation_type ? std::string(domain::to_string(*who.organisation_type)) : "", who.region,
             who.role, http::survey_link_url(options.base_url, link.token)});
  }
  std::cerr << "created " << plural(links.size(), "link", "links") << " to survey " << survey.id.value << ": "
            << survey.title << "; each works once, and this is the only time they are shown\n";
  return {};
}

}  // namespace

void add_survey_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("survey", "Define surveys of audit staff and invite people to answer them");
  command->require_subcommand(1);

  auto create_options = std::make_shared<SurveyOptions>();
  auto* create = command->add_subcommand(
      "create", "Store a survey defined in a JSON file (docs/surveys.md); prints the new survey's id");
  create->add_option("--db", create_options->db, kDatabaseHelp);
  create->add_option("--file", create_options->file, "The survey definition (JSON); - for standard input")->required();
  on_run(*create, outcome, [create_options]() { return create_survey(*create_options); });

  auto list_options = std::make_shared<SurveyOptions>();
  auto* list = command->add_subcommand("list", "List the surveys as CSV: id, title, wave, anonymous, counts");
  list->add_option("--db", list_options->db, kDatabaseHelp);
  on_run(*list, outcome, [list_options]() { return list_surveys(*list_options); });

  auto invite_options = std::make_shared<SurveyOptions>();
  auto* invite_command = command->add_subcommand(
      "invite",
      "Create one one-time link per invitee of a CSV file (label or email, [organisation_type, region, role]) and "
      "print the invitees with their links as CSV. Any problem in the file saves nothing (exit code 3)");
  invite_command->add_option("--db", invite_options->db, kDatabaseHelp);
  invite_command->add_option("--survey", invite_options->survey_id, "The id of the survey")
      ->required()
      ->check(CLI::PositiveNumber);
  invite_command->add_option("--file", invite_options->file, "The invitees (CSV, header row first); - for stdin")
      ->required();
  invite_command
      ->add_option("--base-url", invite_options->base_url,
                   "Where respondents reach clinaudit; the links are BASE-URL/respond/TOKEN")
      ->default_val("http://127.0.0.1:8080");
  on_run(*invite_command, outcome, [invite_options]() { return invite(*invite_options); });
}

}  // namespace clinaudit::cli
