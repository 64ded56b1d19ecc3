#pragma once

// The rules a record must keep before it is written, whatever the database: codes and
// names present, periods in order, counts not negative. The store checks each record with
// these before it writes, so both databases refuse the same input with the same words.
// Pure; thread-safe. Errors: invalid_input naming the record and what is wrong.

#include <string>
#include <vector>

#include "core/result.hpp"
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

namespace clinaudit::domain {

Result<void> check(const Organisation& row);   // a code and a name
Result<void> check(const User& row);           // an email address
Result<void> check(const AuditSupplier& row);  // a code and a name
// A code and a title; an end date not before the start date; not a re-audit of itself.
Result<void> check(const Audit& row);
Result<void> check(const Measure& row);        // a code
Result<void> check(const MeasureResult& row);  // a period that does not end before it starts
Result<void> check(const Participation& row);  // case counts not negative
Result<void> check(const ReportReview& row);   // its report, or the report's title
// A title; a link that is empty or an https:// address without spaces; recommendations
// numbered from 1 without a gap or a repeat, each with its text.
Result<void> check(const AuditReport& row);
Result<void> check(const Action& row);                   // a title
Result<void> check(const ActionEvent& row);              // a time; a note for a note, a reason, evidence
Result<void> check(const BoardMeeting& row);             // the committee's name
Result<void> check(const Survey& row);                   // a title
Result<void> check(const OutlierTimetableVersion& row);  // a name and a stage table
Result<void> check(const AnalysisRunRecord& row);        // period, input checksum and method
// A dataset: at least one column; each name a lower-case identifier (is_column_name),
// given once and not "provider" or "admission_date" (every episode has those); a range
// only on numbers, its minimum not above its maximum; allowed values on categories only,
// at least one, none empty, repeated or holding "|" (the CSV form's separator).
Result<void> check(const Dataset& row);

// "measure 3, organisation 7, 2025-04-01 to 2026-03-31": how messages name a result.
std::string describe(const MeasureResult& row);
// "7/3/2025/26": how messages and the audit log name a participation record.
std::string describe(const Participation& row);

}  // namespace clinaudit::domain
