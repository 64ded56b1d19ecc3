#include "http/nice_json.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

using nlohmann::json;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

json optional_date(const std::optional<Date>& day) { return day ? json(day->to_string()) : json(nullptr); }

json assessment_json(const domain::NiceAssessment& row) {
  return json{{"compliance", std::string(domain::to_string(row.compliance))},
              {"evidence", row.evidence},
              {"assessed_by", row.assessed_by},
              {"assessed_at", row.assessed_at}};
}

json guidance_json(const domain::TrackedGuidance& item) {
  const auto& g = item.guidance;
  json audits = json::array();
  for (const auto audit : g.audits) audits.push_back(audit.value);
  return json{{"id", g.id.value},
              {"reference", g.reference()},
              {"type", std::string(domain::to_string(g.type))},
              {"title", g.title},
              {"published_on", g.published_on.to_string()},
              {"applicability", std::string(domain::to_string(g.applicability))},
              {"applicability_note", g.applicability_note},
              {"lead_user_id", g.lead ? json(g.lead->value) : json(nullptr)},
              {"lead_name", g.lead_name},
              {"division_id", g.division ? json(g.division->value) : json(nullptr)},
              {"division", item.division_name},
              {"review_due", optional_date(g.review_due)},
              {"last_reviewed_on", optional_date(g.last_reviewed_on)},
              {"review_overdue", item.review_overdue},
              {"status", std::string(domain::to_string(item.status))},
              {"recommendations", item.recommendations},
              {"assessed", item.assessed},
              {"compliant", item.compliant},
              {"partly_compliant", item.partly_compliant},
              {"not_compliant", item.not_compliant},
              {"not_applicable", item.not_applicable},
              {"without_action", item.without_action},
              {"actions", item.actions},
              {"open_actions", item.open_actions},
              {"audit_ids", audits}};
}

json summary_json(const domain::NiceSummary& s) {
  return json{{"guidance", s.guidance},
              {"applicable", s.applicable},
              {"to_be_assessed", s.to_be_assessed},
              {"not_applicable", s.not_applicable},
              {"compliant", s.compliant},
              {"partly_compliant", s.partly_compliant},
              {"not_compliant", s.not_compliant},
              {"baseline_incomplete", s.baseline_incomplete},
              {"reviews_overdue", s.reviews_overdue},
              {"recommendations_without_action", s.recommendations_without_action},
              {"open_actions", s.open_actions}};
}

}  // namespace

std::string to_json(const domain::NiceRegister& data) {
  json items = json::array();
  for (const auto& item : data.items) items.push_back(guidance_json(item));
  return dump(json{{"summary", summary_json(data.summary)}, {"guidance", items}});
}

std::string to_json(const domain::GuidanceDetails& details) {
  json out = guidance_json(details.item);
  json items = json::array();
  for (const auto& item : details.recommendations) {
    json history = json::array();
    for (const auto& earlier : item.history) history.push_back(assessment_json(earlier));
    json actions = json::array();
    for (const auto& action : item.actions) {
      actions.push_back(json{{"id", action.id.value},
                             {"title", action.title},
                             {"due_on", action.due_on.to_string()},
                             {"status", std::string(domain::to_string(action.status))}});
    }
    items.push_back(json{{"id", item.recommendation.id.value},
                         {"label", item.recommendation.label},
                         {"text", item.recommendation.text},
                         {"assessment", item.assessment ? assessment_json(*item.assessment) : json(nullptr)},
                         {"history", history},
                         {"actions", actions},
                         {"without_action", item.without_action}});
  }
  out["recommendation_assessments"] = items;
  json audits = json::array();
  for (const auto& audit : details.audits) {
    audits.push_back(json{{"id", audit.id.value}, {"code", audit.code}, {"title", audit.title}});
  }
  out["audits"] = audits;
  return dump(out);
}

}  // namespace clinaudit::http
