#include "cli/command.hpp"

#include <iostream>
#include <string>

#include "platform/system_clock.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {

int exit_code_for(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return static_cast<int>(ExitCode::invalid_input);
    case ErrorCode::not_found: return static_cast<int>(ExitCode::not_found);
    case ErrorCode::conflict: return static_cast<int>(ExitCode::conflict);
    case ErrorCode::unauthenticated:
    case ErrorCode::forbidden: return static_cast<int>(ExitCode::denied);
    case ErrorCode::storage_unavailable: return static_cast<int>(ExitCode::storage_unavailable);
    case ErrorCode::not_implemented: return static_cast<int>(ExitCode::not_implemented);
    case ErrorCode::internal: return static_cast<int>(ExitCode::internal);
  }
  return static_cast<int>(ExitCode::internal);
}

namespace {

std::string full_name(const CLI::App& command) {
  std::string name = command.get_name();
  for (const CLI::App* parent = command.get_parent(); parent != nullptr; parent = parent->get_parent()) {
    name = parent->get_name() + " " + name;
  }
  return name;
}

}  // namespace

void on_run(CLI::App& command, Outcome& outcome, std::function<Result<void>()> body) {
  command.callback([&command, &outcome, body = std::move(body)] {
    const auto result = body();
    if (result) return;
    std::cerr << full_name(command) << ": " << result.error().message << '\n';
    outcome.exit_code = exit_code_for(result.error().code);
  });
}

Error not_built(std::string_view what) {
  return Error{ErrorCode::not_implemented, std::string(what) + " is not built yet in this version"};
}

Result<std::unique_ptr<domain::Store>> open_database(const std::string& db) {
  return storage::open_store(db.empty() ? storage::default_database_url() : db);
}

Result<Date> as_of_date(const std::string& as_of) {
  if (as_of.empty()) return platform::SystemClock{}.today();
  auto parsed = Date::parse(as_of);
  if (!parsed) return Error{ErrorCode::invalid_input, "--as-of: " + parsed.error().message};
  return *parsed;
}

}  // namespace clinaudit::cli
