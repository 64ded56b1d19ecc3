#include "core/error.hpp"

namespace clinaudit {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::invalid_input: return "invalid_input";
    case ErrorCode::not_found: return "not_found";
    case ErrorCode::conflict: return "conflict";
    case ErrorCode::unauthenticated: return "unauthenticated";
    case ErrorCode::forbidden: return "forbidden";
    case ErrorCode::storage_unavailable: return "storage_unavailable";
    case ErrorCode::not_implemented: return "not_implemented";
    case ErrorCode::internal: return "internal";
  }
  return "internal";
}

}  // namespace clinaudit
