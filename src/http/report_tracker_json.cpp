#include "http/report_tracker_json.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

using nlohmann::json;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json assignment_json(const std::optional<domain::ReportAssignment>& row) {
  if (!row) return nullptr;
  return json{{"lead_user_id", row->lead ? json(row->lead->value) : json(nullptr)},
              {"lead_name", row->lead_name},
              {"deadline", row->deadline.to_string()},
              {"assigned_at", row->assigned_at},
              {"assigned_by", row->assigned_by}};
}

json assessment_json(const domain::RecommendationAssessment& row) {
  return json{{"compliance", std::string(domain::to_string(row.compliance))},
              {"evidence", row.evidence},
              {"assessed_by", row.assessed_by},
              {"assessed_at", row.assessed_at}};
}

json report_json(const domain::TrackedReport& row) {
  const auto& review = row.row.review;
  return json{{"report_id", row.row.report.id.value},
              {"title", row.row.report.title},
              {"audit_id", row.row.audit.id.value},
              {"audit_title", row.row.audit.title},
              {"published_on", row.row.report.published_on.to_string()},
              {"assignment", assignment_json(row.assignment)},
              {"deadline", row.deadline.to_string()},
              {"recommendations", row.recommendations},
              {"assessed", row.assessed},
              {"needing_action", row.needing_action},
              {"actions", row.actions},
              {"open_actions", row.open_actions},
              {"stage", std::string(domain::to_string(row.stage))},
              {"overdue", row.overdue},
              {"reviewed_on", row.row.reviewed() ? json(review->reviewed_on->to_string()) : json(nullptr)},
              {"committee", row.row.reviewed() ? json(review->committee) : json(nullptr)},
              {"findings", row.row.reviewed() ? json(review->findings) : json(nullptr)}};
}

}  // namespace

std::string to_json(const domain::ReportTrackerList& list) {
  json reports = json::array();
  for (const auto& row : list.reports) reports.push_back(report_json(row));
  return dump(json{{"review_weeks", list.review_weeks}, {"reports", reports}});
}

std::string to_json(const domain::ReportTracker& tracker) {
  json out = report_json(tracker.report);
  out["review_weeks"] = tracker.review_weeks;
  json items = json::array();
  for (const auto& item : tracker.recommendations) {
    json history = json::array();
    for (const auto& earlier : item.history) history.push_back(assessment_json(earlier));
    json actions = json::array();
    for (const auto& action : item.actions) {
      actions.push_back(json{{"id", action.id.value},
                             {"title", action.title},
                             {"due_on", action.due_on.to_string()},
                             {"status", std::string(domain::to_string(action.status))}});
    }
    items.push_back(json{{"number", item.recommendation.number},
                         {"text", item.recommendation.text},
                         {"assessment", item.assessment ? assessment_json(*item.assessment) : json(nullptr)},
                         {"history", history},
                         {"actions", actions}});
  }
  out["recommendation_assessments"] = items;
  return dump(out);
}

}  // namespace clinaudit::http
