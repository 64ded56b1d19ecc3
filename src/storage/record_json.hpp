#pragma once

// The audit log's picture of a record: a JSON object of its fields, with enums as their
// stored names, dates as "YYYY-MM-DD" and unknown values as null. Secrets (password
// hashes) are never written to the log; only whether one changed. Written once for every
// database, so the log reads the same whichever one holds it. Pure; thread-safe.

#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/analysis_record.hpp"
#include "domain/audit.hpp"
#include "domain/audit_supplier.hpp"
#include "domain/dataset.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/participation.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::storage {

nlohmann::json record_json(const domain::Organisation& row);
nlohmann::json record_json(const domain::User& row);
nlohmann::json record_json(const domain::AuditSupplier& row);
nlohmann::json record_json(const domain::Audit& row);
nlohmann::json record_json(const domain::QaListEntry& row);
nlohmann::json record_json(const domain::Participation& row);
nlohmann::json record_json(const domain::Measure& row);
nlohmann::json record_json(const domain::MeasureResult& row);
nlohmann::json record_json(const domain::ReportReview& row);
nlohmann::json record_json(const domain::AuditReport& row);  // with its recommendations
nlohmann::json record_json(const domain::Action& row);
nlohmann::json record_json(const domain::ActionEvent& row);
nlohmann::json record_json(const domain::BoardMeeting& row);
nlohmann::json record_json(const domain::BoardItem& row);
nlohmann::json record_json(const domain::OutlierCase& row);
nlohmann::json record_json(const domain::OutlierEvent& row);
nlohmann::json record_json(const domain::Survey& row);
nlohmann::json record_json(const domain::SurveyResponse& row);
nlohmann::json record_json(const domain::SurveyInvitation& row);  // never the token hash

nlohmann::json record_json(const domain::Dataset& row);                  // its columns, in order
nlohmann::json record_json(const domain::OutlierTimetableVersion& row);  // without its author and time
nlohmann::json record_json(const domain::AnalysisRunRecord& row);
nlohmann::json record_json(const domain::StoredCusumAlert& row);

// The JSON as stored: compact, invalid UTF-8 replaced.
std::string json_text(const nlohmann::json& value);

}  // namespace clinaudit::storage
