#pragma once

#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/dataset_setup.hpp"

// The JSON form of a national audit's dataset (docs/api.md, "Datasets"): written for
// GET /api/audits/{id}/dataset and read from the body of PUT.
namespace clinaudit::http {

// {"audit_id", "audit_code", "may_change", "columns": [{"name", "type", "required",
// "minimum", "maximum", "allowed_values", "description"}]}; absent limits are null.
std::string to_json(const domain::DatasetView& view);

// Reads {"columns": [...]} as to_json writes them ("required", "minimum", "maximum",
// "allowed_values" and "description" may be left out). Errors: invalid_input naming the
// first value that cannot be read ("columns[2].type: ..."). Never throws.
Result<domain::Dataset> read_dataset_json(std::string_view text, AuditId audit);

}  // namespace clinaudit::http
