#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::cli {

// Process exit codes, one per ErrorCode (documented in docs/cli.md).
enum class ExitCode : int {
  ok = 0,
  internal = 1,
  usage = 2,
  invalid_input = 3,
  not_found = 4,
  conflict = 5,
  storage_unavailable = 6,
  not_implemented = 7,
  denied = 8,
};

int exit_code_for(ErrorCode code);

// The exit status set by whichever command ran.
struct Outcome {
  int exit_code = 0;
};

// Makes `command` run `body` when chosen. An error is printed on stderr as
// "clinaudit <command>: <message>" and sets the matching exit code.
void on_run(CLI::App& command, Outcome& outcome, std::function<Result<void>()> body);

// The help of every command's --db option.
inline constexpr const char* kDatabaseHelp =
    "Database: a SQLite file path or a postgresql:// URL (default: $CLINAUDIT_DB or ./clinaudit.sqlite)";

// Opens the --db database, or the default one ($CLINAUDIT_DB, else ./clinaudit.sqlite) when empty.
Result<std::unique_ptr<domain::Store>> open_database(const std::string& db);

// The date a command runs for: --as-of's YYYY-MM-DD when given, else today (UTC).
// Errors: invalid_input, naming --as-of, when it is no date.
Result<Date> as_of_date(const std::string& as_of);

// The error of a command that is not built yet: says so plainly, exit code 7.
Error not_built(std::string_view what);

}  // namespace clinaudit::cli
