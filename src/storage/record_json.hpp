#pragma once

// The audit log's picture of a record: a JSON object of its fields, with enums as their
// stored names, dates as "YYYY-MM-DD" and unknown values as null. Secrets (password
// hashes) are never written to the log; only whether one changed.

#include <SQLiteCpp/Database.h>

#include <nlohmann/json.hpp>
#include <string_view>

#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/participation.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::storage::sqlite {

nlohmann::json record_json(const domain::Organisation& row);
nlohmann::json record_json(const domain::User& row);
nlohmann::json record_json(const domain::Audit& row);
nlohmann::json record_json(const domain::QaListEntry& row);
nlohmann::json record_json(const domain::Participation& row);
nlohmann::json record_json(const domain::Measure& row);
nlohmann::json record_json(const domain::MeasureResult& row);
nlohmann::json record_json(const domain::ReportReview& row);
nlohmann::json record_json(const domain::Action& row);
nlohmann::json record_json(const domain::BoardMeeting& row);
nlohmann::json record_json(const domain::BoardItem& row);
nlohmann::json record_json(const domain::OutlierCase& row);
nlohmann::json record_json(const domain::OutlierEvent& row);
nlohmann::json record_json(const domain::Survey& row);
nlohmann::json record_json(const domain::SurveyResponse& row);
nlohmann::json record_json(const domain::SurveyInvitation& row);  // never the token hash

// Appends one audit-log entry on `db`, inside the caller's open transaction so that it
// lands or vanishes with the change. `before`/`after` may be null (creation, deletion).
void append_audit_log(SQLite::Database& db, const domain::Actor& actor, std::string_view action,
                      std::string_view entity, std::string_view key, const nlohmann::json* before,
                      const nlohmann::json* after);

}  // namespace clinaudit::storage::sqlite
