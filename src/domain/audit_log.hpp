#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"

namespace clinaudit::domain {

// One change, written in the same transaction as the change itself. Append-only:
// no operation updates or deletes an entry. `before`/`after` are JSON objects of the
// record's fields ("" for a creation's before and a deletion's after).
struct AuditLogEntry {
  std::int64_t id = 0;
  std::string at;  // ISO 8601 UTC, e.g. "2026-11-26T15:36:00Z"
  std::optional<UserId> user_id;
  std::string actor;       // the user's email or the system actor's name
  std::string action;      // "create", "update", "delete", "import", "login", ...
  std::string entity;      // "organisation", "audit", "participation", ...
  std::string entity_key;  // the record's id or natural key
  std::string before;
  std::string after;
};

}  // namespace clinaudit::domain
