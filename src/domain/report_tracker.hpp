#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/action_commands.hpp"
#include "domain/audit_reports.hpp"
#include "domain/clock.hpp"
#include "domain/report_tracking.hpp"
#include "domain/store.hpp"

// An organisation's report tracker (docs/guide-audit-manager.md, "The report tracker"): each
// published report of the register (report_register) is assigned to a lead with a review
// deadline, each recommendation gets the organisation's baseline assessment, a partly or not
// compliant one gets actions, and the committee review (ReportReview) closes it. The tracker
// is the organisation's own: the national body keeps none and sees no organisation's
// (forbidden), and another organisation's report is not found.
//
// Who may change it: the organisation's audit managers and administrators assign reports
// and set the weeks; they and a report's assigned lead (a user) assess its recommendations
// and raise their actions.
namespace clinaudit::domain {

// Weeks after publication a review is due when the organisation has not said.
inline constexpr int kDefaultReviewWeeks = 12;

// Whether `who` assigns reports and sets the weeks: an audit manager or administrator of an
// organisation that is not the national body.
bool may_assign_reports(const Principal& who);

// The weeks after publication that `who`'s organisation's reviews are due by default.
Result<int> review_weeks(Store& store, const Principal& who);

// Sets them (1 to 104). Errors: forbidden (may_assign_reports); invalid_input naming
// review_weeks for a missing number or one out of range; the store's.
Result<void> set_review_weeks(Store& store, const Principal& who, const Actor& actor, std::optional<int> weeks);

// A report's assignment as a person gives it: a user of the organisation, else a name; a
// deadline, or none for the default (publication + the weeks). `deadline_unreadable` says
// a deadline was given that is not a date.
struct NewAssignment {
  std::optional<UserId> lead;
  std::string lead_name;
  std::optional<Date> deadline;
  bool deadline_unreadable = false;
};

// Assigns the report to its lead, replacing an earlier assignment. Errors: forbidden
// (may_assign_reports); not_found for a report `who` may not see; invalid_input naming
// lead_id for a user of another organisation or one whose role does not record reports,
// lead_name when neither is given, deadline for one that is not a date or is before the
// report was published; the store's.
Result<void> assign_report(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                           AuditReportId report, const NewAssignment& assignment);

// An assessment as a person gives it; the compliance is empty when none was chosen.
struct NewAssessment {
  std::optional<Compliance> compliance;
  std::string evidence;
};

// Records the organisation's assessment of recommendation `number` of the report, keeping the
// earlier ones as its history. Errors: forbidden for anyone but the audit managers,
// administrators and the report's assigned lead; not_found for a report `who` may not see or
// a number it does not have; invalid_input naming compliance or evidence when missing;
// conflict when it says what the current assessment says; the store's.
Result<void> assess_recommendation(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                   AuditReportId report, int number, const NewAssessment& assessment);

// Raises an action of the organisation (raise_action's rules) from recommendation `number`,
// assessed partly or not compliant: its source is audit_recommendation and its source_id the
// assessment in force, its audit the report's. Errors: as assess_recommendation's, and
// invalid_input when the recommendation is not assessed partly or not compliant.
Result<ActionId> raise_recommendation_action(Store& store, const Principal& who, const Actor& actor,
                                             AuditReportId report, int number, NewAction action);

// One recommendation in the tracker: its assessment in force, the earlier ones (newest
// first) and the actions raised from any of its assessments.
struct TrackedRecommendation {
  Recommendation recommendation;
  std::optional<RecommendationAssessment> assessment;
  std::vector<RecommendationAssessment> history;
  std::vector<Action> actions;  // by due date
};

// Where one report stands. The deadline is the assignment's, else publication + the weeks.
// A report is overdue when it is not reviewed and today is past its deadline.
struct TrackedReport {
  ReportRow row;
  std::optional<ReportAssignment> assignment;
  Date deadline;
  int recommendations = 0;  // how many the report has
  int assessed = 0;         // how many have an assessment
  int needing_action = 0;   // assessed partly or not compliant
  int actions = 0;          // raised from its recommendations
  int open_actions = 0;     // of those, open or in progress
  TrackerStage stage = TrackerStage::not_assigned;
  bool overdue = false;
};

// The trust-wide tracker: every report of the register, overdue first, then by deadline.
struct ReportTrackerList {
  std::vector<TrackedReport> reports;
  int review_weeks = kDefaultReviewWeeks;
  bool may_assign = false;
};

// Errors: forbidden for the national body; the store's.
Result<ReportTrackerList> report_tracker_list(Store& store, const Principal& who, Date today);

// One report's tracker.
struct ReportTracker {
  TrackedReport report;
  std::vector<TrackedRecommendation> recommendations;
  int review_weeks = kDefaultReviewWeeks;
  bool may_assign = false;
  bool may_assess = false;
  std::vector<User> leads;  // who may be assigned (active users who record reports), when may_assign
};

// Errors: forbidden for the national body; not_found for a report `who` may not see; the
// store's.
Result<ReportTracker> report_tracker(Store& store, const Principal& who, Date today, AuditReportId report);

}  // namespace clinaudit::domain
