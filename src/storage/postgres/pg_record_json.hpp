#pragma once

#include <string>

#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/participation.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::storage::postgres {

// The audit log's before/after form of each record: a JSON object of its fields, with
// enums as their stored text, dates as "YYYY-MM-DD" and unknown values as null. A user's
// password hash is never written to the log (only whether it changed). Pure; thread-safe.
std::string record_json(const domain::Organisation& row);
std::string record_json(const domain::User& row);
std::string record_json(const domain::Audit& row);
std::string record_json(const domain::QaListEntry& row);
std::string record_json(const domain::Participation& row);
std::string record_json(const domain::Measure& row);
std::string record_json(const domain::MeasureResult& row);
std::string record_json(const domain::ReportReview& row);
std::string record_json(const domain::Action& row);
std::string record_json(const domain::BoardMeeting& row, const std::vector<domain::BoardItem>& items);
std::string record_json(const domain::OutlierCase& row);
std::string record_json(const domain::OutlierEvent& row);
std::string record_json(const domain::Survey& row);
std::string record_json(const domain::SurveyResponse& row);
std::string record_json(const domain::SurveyInvitation& row);  // never the token hash

// A JSON array of strings, and its inverse (used for survey options and answers).
std::string json_string_array(const std::vector<std::string>& values);

}  // namespace clinaudit::storage::postgres
