#include <iostream>

#include "cli/commands.hpp"
#include "cli/import_run.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {

void add_import_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand(
      "import",
      "Validate a CSV file and import it, all or nothing. Every problem is listed with its row and column; a file "
      "with any problem imports nothing (exit code 3). Columns of each kind: docs/csv-import.md");
  auto request = std::make_shared<ImportRequest>();  // shared with the callback, which outlives this scope
  request->database_url = storage::default_database_url();
  command->add_option("kind", request->kind, "What the file holds")->required()->check(CLI::IsMember(import_kinds()));
  command->add_option("file", request->file, "The CSV file (UTF-8, header row first); - for standard input")
      ->required();
  command->add_option("--db", request->database_url,
                      "Database: a SQLite file path or a postgresql:// URL (default: $CLINAUDIT_DB or "
                      "./clinaudit.sqlite)");
  command->add_option("--audit", request->audit_code, "episodes: the code of the audit the episodes belong to");
  command->add_option("--survey", request->survey_id, "survey-responses: the id of the survey answered");
  command->add_option("--org", request->organisation_code,
                      "nice-guidance: the code of the trust whose NICE guidance register the file holds");
  command->add_option("--max-errors", request->max_errors, "Problems to list before counting the rest")
      ->default_val(100)
      ->check(CLI::PositiveNumber);
  command->add_flag("--dry-run", request->dry_run, "Validate only: report problems and write nothing");
  command->add_option("--as-of", request->as_of,
                      "The import's date, YYYY-MM-DD, for the analyses it refreshes and the outlier check of "
                      "yearly results (default: today, UTC)");
  on_run(*command, outcome, [request]() { return run_import(*request, std::cout); });
}

}  // namespace clinaudit::cli
