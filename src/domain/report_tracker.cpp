#include "domain/report_tracker.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "domain/access.hpp"

namespace clinaudit::domain {
namespace {

Result<void> organisation_only(const Principal& who) {
  if (is_national_body(who)) {
    return Error{ErrorCode::forbidden, "the report tracker is kept by each organisation for its own reviews"};
  }
  return {};
}

Result<ReportDetails> seen_report(Store& store, const Principal& who, AuditReportId report) {
  CLINAUDIT_TRY_VOID(organisation_only(who));
  return report_details(store, who, report);
}

// The organisation's assignment of the report, if it has one.
Result<std::optional<ReportAssignment>> assignment_of(Store& store, OrganisationId organisation, AuditReportId report) {
  CLINAUDIT_TRY(auto all, store.report_assignments(organisation));
  for (auto& row : all) {
    if (row.report_id == report) return std::optional<ReportAssignment>(std::move(row));
  }
  return std::optional<ReportAssignment>();
}

// Whether `who` may assess the report's recommendations and raise their actions.
bool may_work_on(const Principal& who, const std::optional<ReportAssignment>& assignment) {
  if (may_assign_reports(who)) return true;
  return assignment && assignment->lead && *assignment->lead == who.user_id && !is_national_body(who);
}

// The assessment in force of each recommendation number (the latest of `rows`, oldest first).
std::map<int, RecommendationAssessment> latest_by_number(const std::vector<RecommendationAssessment>& rows) {
  std::map<int, RecommendationAssessment> out;
  for (const auto& row : rows) out[row.number] = row;
  return out;
}

// The recommendation number each assessment id is of.
std::map<std::int64_t, int> number_by_assessment(const std::vector<RecommendationAssessment>& rows) {
  std::map<std::int64_t, int> out;
  for (const auto& row : rows) out[row.id] = row.number;
  return out;
}

bool is_open(const Action& action) {
  return action.status == ActionStatus::open || action.status == ActionStatus::in_progress;
}

// The report's place in the tracker from its records.
TrackedReport tracked(ReportRow row, std::optional<ReportAssignment> assignment,
                      const std::vector<RecommendationAssessment>& assessments, const std::vector<Action>& actions,
                      int weeks, Date today) {
  TrackedReport out;
  out.deadline = assignment ? assignment->deadline : row.report.published_on.plus_days(std::int64_t{7} * weeks);
  out.recommendations = static_cast<int>(row.report.recommendations.size());
  const auto latest = latest_by_number(assessments);
  for (const auto& recommendation : row.report.recommendations) {
    const auto found = latest.find(recommendation.number);
    if (found == latest.end()) continue;
    ++out.assessed;
    if (needs_action(found->second.compliance)) ++out.needing_action;
  }
  const auto numbers = number_by_assessment(assessments);
  for (const auto& action : actions) {
    if (action.source != ActionSource::audit_recommendation || !numbers.contains(action.source_id)) continue;
    ++out.actions;
    if (is_open(action)) ++out.open_actions;
  }
  if (row.reviewed()) {
    out.stage = TrackerStage::reviewed;
  } else if (out.actions > 0) {
    out.stage = TrackerStage::actions_raised;
  } else if (out.recommendations > 0 && out.assessed == out.recommendations) {
    out.stage = TrackerStage::baseline_assessed;
  } else if (assignment) {
    out.stage = TrackerStage::assigned;
  }
  out.overdue = !row.reviewed() && today > out.deadline;
  out.row = std::move(row);
  out.assignment = std::move(assignment);
  return out;
}

std::vector<RecommendationAssessment> of_report(const std::vector<RecommendationAssessment>& rows,
                                                AuditReportId report) {
  std::vector<RecommendationAssessment> out;
  for (const auto& row : rows) {
    if (row.report_id == report) out.push_back(row);
  }
  return out;
}

// The tracker's checks before an assessment or an action: the report seen, the number one of
// its recommendations, `who` its audit manager or lead.
struct WorkTarget {
  ReportDetails details;
  std::optional<ReportAssignment> assignment;
};

Result<WorkTarget> work_target(Store& store, const Principal& who, AuditReportId report, int number) {
  CLINAUDIT_TRY(auto details, seen_report(store, who, report));
  CLINAUDIT_TRY(auto assignment, assignment_of(store, who.organisation_id, report));
  if (!may_work_on(who, assignment)) {
    return Error{ErrorCode::forbidden,
                 "the report's recommendations are assessed by the audit managers and the report's lead"};
  }
  const auto& recommendations = details.row.report.recommendations;
  if (std::none_of(recommendations.begin(), recommendations.end(),
                   [&](const Recommendation& row) { return row.number == number; })) {
    return Error{ErrorCode::not_found, "the report has no recommendation " + std::to_string(number)};
  }
  return WorkTarget{std::move(details), std::move(assignment)};
}

std::string actor_name(const Actor& actor, const Principal& who) { return actor.name.empty() ? who.email : actor.name; }

}  // namespace

bool may_assign_reports(const Principal& who) {
  return !is_national_body(who) && (who.role == Role::audit_manager || who.role == Role::admin);
}

Result<int> review_weeks(Store& store, const Principal& who) {
  CLINAUDIT_TRY(const auto weeks, store.report_review_weeks(who.organisation_id));
  return weeks.value_or(kDefaultReviewWeeks);
}

Result<void> set_review_weeks(Store& store, const Principal& who, const Actor& actor, std::optional<int> weeks) {
  if (!may_assign_reports(who)) {
    return Error{ErrorCode::forbidden, "the review weeks are set by the organisation's audit managers"};
  }
  if (!weeks || *weeks < 1 || *weeks > 104)
    return invalid_input("review_weeks: give a whole number of weeks from 1 to 104");
  return store.set_report_review_weeks(who.organisation_id, *weeks, actor);
}

Result<void> assign_report(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                           AuditReportId report, const NewAssignment& request) {
  CLINAUDIT_TRY(const auto details, seen_report(store, who, report));
  if (!may_assign_reports(who)) return Error{ErrorCode::forbidden, "reports are assigned by the audit managers"};
  ReportAssignment row;
  row.organisation_id = who.organisation_id;
  row.report_id = report;
  if (request.lead) {
    auto user = store.user(*request.lead);
    if (!user || user->organisation_id != who.organisation_id || !user->active) {
      return invalid_input("lead_id: choose someone in your organisation");
    }
    if (!role_allows(user->role, Permission::record_reports)) {
      return invalid_input("lead_id: choose someone whose role records report reviews");
    }
    row.lead = user->id;
    row.lead_name = user->display_name.empty() ? user->email : user->display_name;
  } else {
    row.lead_name = request.lead_name;
    if (row.lead_name.empty())
      return invalid_input("lead_name: choose the lead, or give the name of someone without an account");
  }
  if (request.deadline_unreadable)
    return invalid_input("deadline: enter the deadline as YYYY-MM-DD, or leave it empty");
  const auto& published = details.row.report.published_on;
  if (request.deadline) {
    if (*request.deadline < published) {
      return invalid_input("deadline: the deadline cannot come before the report was published (" +
                           published.to_string() + ")");
    }
    row.deadline = *request.deadline;
  } else {
    CLINAUDIT_TRY(const int weeks, review_weeks(store, who));
    row.deadline = published.plus_days(std::int64_t{7} * weeks);
  }
  row.assigned_at = clock.now_iso();
  row.assigned_by = actor_name(actor, who);
  return store.set_report_assignment(row, actor);
}

Result<void> assess_recommendation(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                   AuditReportId report, int number, const NewAssessment& request) {
  CLINAUDIT_TRY(const auto target, work_target(store, who, report, number));
  if (!request.compliance) {
    return invalid_input("compliance: choose compliant, partly compliant, not compliant or not applicable");
  }
  if (request.evidence.empty()) return invalid_input("evidence: say what shows it (or why it does not apply)");
  CLINAUDIT_TRY(const auto earlier, store.recommendation_assessments(who.organisation_id, report));
  const auto latest = latest_by_number(earlier);
  if (const auto found = latest.find(number); found != latest.end() &&
                                              found->second.compliance == *request.compliance &&
                                              found->second.evidence == request.evidence) {
    return Error{ErrorCode::conflict, "the assessment is the same as the one in force"};
  }
  RecommendationAssessment row;
  row.organisation_id = who.organisation_id;
  row.report_id = report;
  row.number = number;
  row.compliance = *request.compliance;
  row.evidence = request.evidence;
  row.assessed_by_user = who.user_id;
  row.assessed_by = actor_name(actor, who);
  row.assessed_at = clock.now_iso();
  CLINAUDIT_TRY(const auto stored, store.add_recommendation_assessment(row, actor));
  static_cast<void>(stored);
  return {};
}

Result<ActionId> raise_recommendation_action(Store& store, const Principal& who, const Actor& actor,
                                             AuditReportId report, int number, NewAction action) {
  CLINAUDIT_TRY(const auto target, work_target(store, who, report, number));
  CLINAUDIT_TRY(const auto assessments, store.recommendation_assessments(who.organisation_id, report));
  const auto latest = latest_by_number(assessments);
  const auto found = latest.find(number);
  if (found == latest.end() || !needs_action(found->second.compliance)) {
    return invalid_input("compliance: actions are raised from a recommendation assessed as partly or not compliant");
  }
  action.audit = target.details.row.audit.id;
  action.source = ActionSource::audit_recommendation;
  action.source_id = found->second.id;
  return raise_action(store, who, actor, action);
}

Result<ReportTrackerList> report_tracker_list(Store& store, const Principal& who, Date today) {
  CLINAUDIT_TRY_VOID(organisation_only(who));
  ReportTrackerList list;
  CLINAUDIT_TRY(list.review_weeks, review_weeks(store, who));
  list.may_assign = may_assign_reports(who);
  CLINAUDIT_TRY(auto rows, report_register(store, who));
  CLINAUDIT_TRY(auto assignments, store.report_assignments(who.organisation_id));
  CLINAUDIT_TRY(const auto assessments, store.recommendation_assessments(who.organisation_id, std::nullopt));
  CLINAUDIT_TRY(const auto actions, store.actions(who.organisation_id));
  std::map<std::int64_t, ReportAssignment> by_report;
  for (auto& row : assignments) by_report[row.report_id.value] = std::move(row);
  for (auto& row : rows) {
    std::optional<ReportAssignment> assignment;
    if (const auto found = by_report.find(row.report.id.value); found != by_report.end()) assignment = found->second;
    const auto report_assessments = of_report(assessments, row.report.id);
    list.reports.push_back(
        tracked(std::move(row), std::move(assignment), report_assessments, actions, list.review_weeks, today));
  }
  std::stable_sort(list.reports.begin(), list.reports.end(), [](const TrackedReport& a, const TrackedReport& b) {
    return std::tuple(!a.overdue, a.row.reviewed(), a.deadline, a.row.report.id.value) <
           std::tuple(!b.overdue, b.row.reviewed(), b.deadline, b.row.report.id.value);
  });
  return list;
}

Result<ReportTracker> report_tracker(Store& store, const Principal& who, Date today, AuditReportId report) {
  CLINAUDIT_TRY(auto details, seen_report(store, who, report));
  ReportTracker out;
  CLINAUDIT_TRY(out.review_weeks, review_weeks(store, who));
  CLINAUDIT_TRY(auto assignment, assignment_of(store, who.organisation_id, report));
  CLINAUDIT_TRY(const auto assessments, store.recommendation_assessments(who.organisation_id, report));
  CLINAUDIT_TRY(auto actions, store.actions(who.organisation_id));
  out.may_assign = may_assign_reports(who);
  out.may_assess = may_work_on(who, assignment);
  const auto numbers = number_by_assessment(assessments);
  for (const auto& recommendation : details.row.report.recommendations) {
    TrackedRecommendation item;
    item.recommendation = recommendation;
    for (auto it = assessments.rbegin(); it != assessments.rend(); ++it) {
      if (it->number != recommendation.number) continue;
      if (!item.assessment) {
        item.assessment = *it;
      } else {
        item.history.push_back(*it);
      }
    }
    for (const auto& action : actions) {
      if (action.source != ActionSource::audit_recommendation) continue;
      const auto found = numbers.find(action.source_id);
      if (found != numbers.end() && found->second == recommendation.number) item.actions.push_back(action);
    }
    out.recommendations.push_back(std::move(item));
  }
  out.report = tracked(std::move(details.row), std::move(assignment), assessments, actions, out.review_weeks, today);
  if (out.may_assign) {
    CLINAUDIT_TRY(auto users, store.users(who.organisation_id));
    for (auto& user : users) {
      if (user.active && role_allows(user.role, Permission::record_reports)) out.leads.push_back(std::move(user));
    }
  }
  return out;
}

}  // namespace clinaudit::domain
