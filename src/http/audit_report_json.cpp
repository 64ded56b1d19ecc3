#include "http/audit_report_json.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

using nlohmann::json;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json review_json(const std::optional<domain::ReportReview>& review) {
  if (!review) return nullptr;
  return json{{"id", review->id.value},
              {"reviewed_on", review->reviewed_on ? json(review->reviewed_on->to_string()) : json(nullptr)},
              {"committee", review->committee},
              {"findings", review->findings},
              {"intended_actions", review->intended_actions}};
}

json row_json(const domain::ReportRow& row) {
  json recommendations = json::array();
  for (const auto& recommendation : row.report.recommendations) {
    recommendations.push_back(json{{"number", recommendation.number}, {"text", recommendation.text}});
  }
  return json{{"id", row.report.id.value},
              {"audit_id", row.audit.id.value},
              {"audit_code", row.audit.code},
              {"audit_title", row.audit.title},
              {"title", row.report.title},
              {"published_on", row.report.published_on.to_string()},
              {"link", row.report.link},
              {"published_nationally", !row.report.organisation_id.has_value()},
              {"recommendations", recommendations},
              {"reviewed", row.reviewed()},
              {"review", review_json(row.review)}};
}

}  // namespace

std::string to_json(const std::vector<domain::ReportRow>& rows) {
  json out = json::array();
  for (const auto& row : rows) out.push_back(row_json(row));
  return dump(json{{"reports", out}});
}

std::string to_json(const domain::ReportDetails& details) {
  json out = row_json(details.row);
  json actions = json::array();
  for (const auto& action : details.actions) {
    actions.push_back(json{{"id", action.id.value},
                           {"title", action.title},
                           {"due_on", action.due_on.to_string()},
                           {"status", std::string(domain::to_string(action.status))}});
  }
  out["actions"] = actions;
  return dump(out);
}

}  // namespace clinaudit::http
