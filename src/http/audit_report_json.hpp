#pragma once

#include <string>
#include <vector>

#include "domain/audit_reports.hpp"

// The JSON of published audit reports and their reviews (docs/api.md, "Audit reports").
namespace clinaudit::http {

std::string to_json(const std::vector<domain::ReportRow>& rows);
std::string to_json(const domain::ReportDetails& details);

}  // namespace clinaudit::http
