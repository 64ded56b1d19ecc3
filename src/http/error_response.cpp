#include "http/error_response.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return 400;
    case ErrorCode::unauthenticated: return 401;
    case ErrorCode::forbidden: return 403;
    case ErrorCode::not_found: return 404;
    case ErrorCode::conflict: return 409;
    case ErrorCode::internal: return 500;
    case ErrorCode::not_implemented: return 501;
    case ErrorCode::storage_unavailable: return 503;
  }
  return 500;
}

std::string error_json(const Error& error, const std::string& details_json) {
  nlohmann::json body;
  body["error"]["code"] = std::string(to_string(error.code));
  body["error"]["message"] = error.message;
  body["error"]["details"] =
      details_json.empty() ? nlohmann::json(nullptr) : nlohmann::json::parse(details_json, nullptr, false);
  return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clinaudit::http
