#pragma once

#include <string>

#include "domain/report_tracker.hpp"

// The JSON of the report tracker (docs/api.md, "Report tracker"): stored keys for the
// compliance and the stage, as the rest of the API gives them.
namespace clinaudit::http {

std::string to_json(const domain::ReportTrackerList& list);
std::string to_json(const domain::ReportTracker& tracker);

}  // namespace clinaudit::http
