#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "domain/local_audit_views.hpp"

// The local audit register in the JSON API (docs/api.md, "The local audit register"): enum
// values as their keys, with the words a person reads beside them.
namespace clinaudit::http {

nlohmann::json register_json(const domain::LocalAuditRegister& view);
nlohmann::json local_audit_json(const domain::LocalAuditRecord& record);
nlohmann::json structure_json(const std::vector<domain::TrustUnit>& units);

}  // namespace clinaudit::http
