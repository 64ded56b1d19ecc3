#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "domain/board_meeting_service.hpp"
#include "http/board_meeting_json.hpp"
#include "platform/system_clock.hpp"
#include "report/csv_writer.hpp"

// `clinaudit board record|list`: the board engagement record from the command line
// (docs/cli.md, docs/governance.md "Board engagement record").
namespace clinaudit::cli {

namespace {

struct BoardOptions {
  std::string db;
  std::string org;
  std::string file;
  bool json = false;
};

std::string plural(std::size_t count, const char* one, const char* many) {
  return std::to_string(count) + " " + (count == 1 ? one : many);
}

// Prints each problem as "field: message" on standard output; nothing is stored.
Error refused(const std::string& file, const std::vector<domain::FieldProblem>& problems) {
  for (const auto& problem : problems) {
    std::cout << (problem.field.empty() ? "" : problem.field + ": ") << problem.message << '\n';
  }
  std::cout.flush();
  return Error{ErrorCode::invalid_input,
               file + ": " + plural(problems.size(), "problem", "problems") + "; nothing was saved"};
}

Result<domain::Organisation> organisation(domain::Store& store, const std::string& code) {
  auto org = store.organisation_by_code(code);
  if (!org) return Error{org.error().code, "--org " + code + ": " + org.error().message};
  return org;
}

Date today() { return platform::SystemClock().today(); }

// Prints the new meeting's id alone on standard output and what was recorded on standard error.
Result<void> record(const BoardOptions& options) {
  CLINAUDIT_TRY(auto text, read_text_file(options.file));
  const auto parsed = http::read_board_meeting_json(text);
  if (!parsed.problems.empty()) return refused(options.file, parsed.problems);
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto org, organisation(*store, options.org));
  const char* user = std::getenv("USER");
  const domain::Actor actor{
      std::nullopt, std::string("clinaudit board record") + (user != nullptr ? std::string(" by ") + user : "")};
  CLINAUDIT_TRY(auto outcome, domain::record_board_meeting(*store, org.id, parsed.draft, today(), actor));
  if (!outcome.checked.problems.empty()) return refused(options.file, outcome.checked.problems);
  const auto& record = outcome.checked.record;
  std::cout << outcome.id.value << '\n';
  std::cerr << "recorded " << record.meeting.committee << " on " << record.meeting.held_on.to_string() << " for "
            << org.name << ": " << plural(record.items.size(), "item", "items") << ", "
            << plural(record.actions.size(), "action", "actions") << " raised, "
            << plural(record.reviewed_reports.size(), "national report", "national reports") << " presented\n";
  return {};
}

Result<void> list(const BoardOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto org, organisation(*store, options.org));
  CLINAUDIT_TRY(auto meetings, domain::board_meeting_list(*store, org.id, today()));
  if (options.json) {
    std::cout << http::to_json(meetings) << '\n';
    return {};
  }
  report::CsvWriter out(std::cout);
  out.row({"id", "held_on", "committee", "items", "actions_raised"});
  for (const auto& summary : meetings.meetings) {
    out.row({std::to_string(summary.meeting.id.value), summary.meeting.held_on.to_string(), summary.meeting.committee,
             std::to_string(summary.items), std::to_string(summary.actions_raised)});
  }
  return {};
}

}  // namespace

void add_board_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("board", "Record and list board and committee meetings");
  command->require_subcommand(1);

  auto record_options = std::make_shared<BoardOptions>();
  auto* record_command = command->add_subcommand(
      "record",
      "Record a meeting from a JSON file (docs/governance.md); prints its id. Any problem (named by field) saves "
      "nothing (exit code 3)");
  record_command->add_option("--db", record_options->db, kDatabaseHelp);
  record_command->add_option("--org", record_options->org, "Organisation code, e.g. RXX")->required();
  record_command->add_option("--file", record_options->file, "The meeting (JSON); - for stdin")->required();
  on_run(*record_command, outcome, [record_options]() { return record(*record_options); });

  auto list_options = std::make_shared<BoardOptions>();
  auto* list_command = command->add_subcommand(
      "list", "List the organisation's meetings, newest first, as CSV; --json adds the engagement metrics");
  list_command->add_option("--db", list_options->db, kDatabaseHelp);
  list_command->add_option("--org", list_options->org, "Organisation code, e.g. RXX")->required();
  list_command->add_flag("--json", list_options->json, "JSON: the meetings and the engagement by financial year");
  on_run(*list_command, outcome, [list_options]() { return list(*list_options); });
}

}  // namespace clinaudit::cli
