#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"

// The records of an organisation's report tracker (docs/guide-audit-manager.md, "The report
// tracker"): who leads the review of a published report and by when, and the baseline
// assessment of each of its recommendations. The use cases are in domain/report_tracker.hpp.
namespace clinaudit::domain {

// How far the organisation meets one recommendation of a national report.
enum class Compliance { compliant, partly_compliant, not_compliant, not_applicable };

std::string_view to_string(Compliance compliance);
std::optional<Compliance> parse_compliance(std::string_view text);
std::string_view display_name(Compliance compliance);  // "Partly compliant"

// A recommendation that needs actions: partly or not compliant.
inline bool needs_action(Compliance compliance) {
  return compliance == Compliance::partly_compliant || compliance == Compliance::not_compliant;
}

// Who in the organisation leads the review of a report, and by when the committee should
// have reviewed it. One per organisation and report; assigning again replaces it. The lead
// is a user of the organisation (`lead`, with their name in `lead_name`) or someone without
// an account (`lead_name` only). The report's title, date and audit are read with it.
struct ReportAssignment {
  std::int64_t id = 0;
  OrganisationId organisation_id;
  AuditReportId report_id;
  std::optional<UserId> lead;
  std::string lead_name;
  Date deadline;
  std::string assigned_at;  // ISO 8601 UTC
  std::string assigned_by;  // who assigned it, as a person reads it
  // Read from the report; ignored on a write.
  AuditId audit_id;
  std::string report_title;
  Date published_on;
};

// One baseline assessment of a recommendation (by its number in the report). A later one
// replaces it as the recommendation's assessment; the earlier ones stay as its history.
struct RecommendationAssessment {
  std::int64_t id = 0;
  OrganisationId organisation_id;
  AuditReportId report_id;
  int number = 0;
  Compliance compliance = Compliance::not_compliant;
  std::string evidence;
  std::optional<UserId> assessed_by_user;
  std::string assessed_by;  // who assessed it, as a person reads it
  std::string assessed_at;  // ISO 8601 UTC
};

// Where the review of a report stands in the tracker, in the order it moves on.
enum class TrackerStage { not_assigned, assigned, baseline_assessed, actions_raised, reviewed };

std::string_view to_string(TrackerStage stage);
std::optional<TrackerStage> parse_tracker_stage(std::string_view text);
std::string_view display_name(TrackerStage stage);  // "Baseline assessed"

Result<void> check(const ReportAssignment& row);          // a lead (a user or a name), a time
Result<void> check(const RecommendationAssessment& row);  // a number from 1, evidence, a time

}  // namespace clinaudit::domain
