#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/criteria_commands.hpp"

// The JSON form of an audit's criteria and results per criterion (docs/api.md, "Criteria
// and results per criterion"): written for GET /api/audits/{id}/criteria and after each
// change, and the body of PUT /api/audits/{id}/criteria/results read back.
namespace clinaudit::http {

// {"audit_id", "audit_code", "may_change", "criteria": [...], "repeats", "comparison": [...],
// "not_repeated": [...]}; proportions in [0, 1], absent figures null.
std::string to_json(const domain::CriteriaView& view);

// Reads {"results": [{"criterion_id", "met", "applicable"}]} (met and applicable whole
// numbers, or both null to clear a result). Errors: invalid_input naming the first value
// that cannot be read ("results[1].met: ..."). Never throws.
Result<std::vector<domain::Criterion>> read_criterion_results_json(std::string_view text);

}  // namespace clinaudit::http
