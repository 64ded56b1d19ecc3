#include <cstdlib>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/stats_io.hpp"
#include "domain/outlier_workflow.hpp"

// `clinaudit timetable show|set`: the outlier-management stage table in force
// (docs/cli.md, docs/governance.md).
namespace clinaudit::cli {

namespace {

struct TimetableOptions {
  std::string db;
  std::string file;
  std::string name;
};

// The table on standard output (as `set` reads it); which version it is on standard error.
Result<void> show(const TimetableOptions& options) {
  CLINAUDIT_TRY(auto store, open_database(options.db));
  CLINAUDIT_TRY(auto stored, store->current_outlier_timetable());
  CLINAUDIT_TRY(auto timetable, domain::current_outlier_timetable(*store));
  std::cout << timetable.to_csv();
  std::cout.flush();
  if (stored.has_value()) {
    std::cerr << "in force: version " << stored->id << ", " << stored->name << ", stored " << stored->created_at
              << " by " << stored->created_by << '\n';
  } else {
    std::cerr << "in force: the shipped default (data/outlier-timetable-default.csv); no version has been stored\n";
  }
  return {};
}

Result<void> set(const TimetableOptions& options) {
  CLINAUDIT_TRY(auto text, read_text_file(options.file));
  CLINAUDIT_TRY(auto store, open_database(options.db));
  const char* user = std::getenv("USER");
  const domain::Actor actor{
      std::nullopt, std::string("clinaudit timetable set") + (user != nullptr ? std::string(" by ") + user : "")};
  auto id = domain::store_outlier_timetable(*store, options.name, text, actor);
  if (!id) {
    if (id.error().code == ErrorCode::invalid_input) {
      return Error{ErrorCode::invalid_input, options.file + ": " + id.error().message + "; nothing was saved"};
    }
    return id.error();
  }
  std::cout << *id << '\n';
  std::cerr << "stored outlier timetable version " << *id << " (" << options.name
            << "); it is in force from now on for new cases and newly entered stages\n";
  return {};
}

}  // namespace

void add_timetable_command(CLI::App& parent, Outcome& outcome) {
  auto* command =
      parent.add_subcommand("timetable", "Show or replace the outlier-management stage table (HQIP guidance)");
  command->require_subcommand(1);

  auto show_options = std::make_shared<TimetableOptions>();
  auto* show_command = command->add_subcommand(
      "show", "Print the stage table in force as CSV (level,key,name,owner,working_days); its version on stderr");
  show_command->add_option("--db", show_options->db, kDatabaseHelp);
  on_run(*show_command, outcome, [show_options]() { return show(*show_options); });

  auto set_options = std::make_shared<TimetableOptions>();
  auto* set_command = command->add_subcommand(
      "set",
      "Check a stage table (CSV) and store it as a new version, in force from now on; prints its id. Any problem "
      "(named by line and column) saves nothing (exit code 3)");
  set_command->add_option("--db", set_options->db, kDatabaseHelp);
  set_command->add_option("--file", set_options->file, "The stage table (CSV, header first); - for stdin")->required();
  set_command->add_option("--name", set_options->name, "The version's name, e.g. \"HQIP 2025 guidance\"")->required();
  on_run(*set_command, outcome, [set_options]() { return set(*set_options); });
}

}  // namespace clinaudit::cli
