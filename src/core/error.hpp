#pragma once

#include <string>
#include <string_view>

namespace clinaudit {

// What kind of failure an expected error is. Each code maps to one HTTP status
// (http/error_response.cpp) and one process exit code (cli/exit_codes.hpp).
enum class ErrorCode {
  invalid_input,        // the caller's data or arguments are wrong; fix them and retry
  not_found,            // a referenced record does not exist
  conflict,             // a uniqueness or state rule would be broken
  unauthenticated,      // no valid session
  forbidden,            // the session may not do this
  storage_unavailable,  // the database could not be read or written
  not_implemented,      // the feature is not built yet
  internal,             // a bug: reported, never expected
};

// A short, stable identifier for the code ("invalid_input"), used in JSON errors.
std::string_view to_string(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
};

}  // namespace clinaudit
