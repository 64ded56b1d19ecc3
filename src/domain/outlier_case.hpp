#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

enum class OutlierLevel { alert, alarm };  // beyond 2 SD (95%) / beyond 3 SD (99.8%)
enum class OutlierStatus { open, confirmed, withdrawn, closed };

std::string_view to_string(OutlierLevel level);
std::optional<OutlierLevel> parse_outlier_level(std::string_view text);
std::string_view to_string(OutlierStatus status);
std::optional<OutlierStatus> parse_outlier_status(std::string_view text);

// An outlier notice that an audit supplier outside clinaudit sent a trust, which the trust
// registered to run its stages here: the supplier and the supplier's measure, in words.
struct OutlierNotice {
  std::string supplier;  // e.g. "Royal College of Surgeons of England"
  std::string measure;   // e.g. "90-day mortality after oesophagectomy"
};

// A unit beyond the funnel limits in a reporting cycle, and where it stands in the
// outlier-management timetable. `stage` names a row of the versioned stage table.
struct OutlierCase {
  OutlierCaseId id;
  AuditId audit_id;
  MeasureId measure_id;
  OrganisationId organisation_id;
  std::string period;  // the reporting cycle, e.g. "2024/25"
  OutlierLevel level = OutlierLevel::alert;
  bool high = true;          // above the target
  bool unfavourable = true;  // worse than expected given the improvement direction
  double value = 0;
  double limit = 0;  // the limit it passed
  std::string stage;
  Date opened_on;
  std::optional<Date> stage_due_on;
  OutlierStatus status = OutlierStatus::open;
  // The day the daily job escalated the case to the regulator, the provider having missed a
  // stage's deadline by more than the escalation threshold; none until then.
  std::optional<Date> escalated_on = std::nullopt;
  // Set for a notice registered by the trust (its measure_id is then 0: no measure of
  // clinaudit's); empty for a case a national audit's analysis opened here.
  std::optional<OutlierNotice> notice = std::nullopt;

  // Still in the outlier-management process: open, or confirmed and awaiting its
  // remaining stages (withdrawn and closed cases are done).
  bool is_open() const { return status == OutlierStatus::open || status == OutlierStatus::confirmed; }
};

// One step recorded against an outlier case: who did what, when.
struct OutlierEvent {
  std::int64_t id = 0;
  OutlierCaseId case_id;
  std::string stage;
  std::string what;
  std::optional<UserId> by;
  std::string at;  // ISO 8601 timestamp, UTC
};

// One stored version of the outlier-management stage table (domain::OutlierTimetable reads
// `csv`). Versions are only ever added; the latest one is in force.
struct OutlierTimetableVersion {
  std::int64_t id = 0;
  std::string name;        // e.g. "HQIP 2025 guidance"
  std::string csv;         // level,key,name,owner,working_days
  std::string created_at;  // ISO 8601 timestamp, UTC; set by the store
  std::string created_by;  // the actor's name; set by the store
};

}  // namespace clinaudit::domain
