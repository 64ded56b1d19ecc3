#pragma once

#include <string>

#include "core/error.hpp"

namespace clinaudit::http {

// The HTTP status of each ErrorCode (docs/api.md). One switch, used by every response.
int http_status(ErrorCode code);

// The one error body of the JSON API: {"error": {"code", "message", "details"}}.
// `details_json` is a JSON value (an object or array) or empty for null.
std::string error_json(const Error& error, const std::string& details_json = {});

}  // namespace clinaudit::http
