#include "http/criteria_json.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {
namespace {

using nlohmann::json;

json count(const std::optional<std::int64_t>& value) { return value ? json(*value) : json(nullptr); }

json figures_json(const domain::CriterionFigures& f) {
  const auto& c = f.criterion;
  return json{
      {"id", c.id.value},
      {"position", c.position},
      {"statement", c.statement},
      {"target_percent", c.target_percent},
      {"exceptions", c.exceptions},
      {"met", count(c.met)},
      {"applicable", count(c.applicable)},
      {"compliance", f.compliance ? json(*f.compliance) : json(nullptr)},
      {"interval", f.compliance ? json{{"lower", f.interval.lower}, {"upper", f.interval.upper}} : json(nullptr)},
      {"verdict", f.verdict ? json(domain::to_string(*f.verdict)) : json(nullptr)},
      {"verdict_text", f.verdict ? json(domain::display_name(*f.verdict)) : json(nullptr)}};
}

json comparison_json(const domain::CriterionComparison& row) {
  return json{{"statement", row.after.criterion.statement},
              {"after", figures_json(row.after)},
              {"before", row.before ? figures_json(*row.before) : json(nullptr)},
              {"change", row.change ? json{{"difference", row.change->difference},
                                           {"lower", row.change->interval.lower},
                                           {"upper", row.change->interval.upper}}
                                    : json(nullptr)},
              {"verdict", row.verdict ? json(domain::to_string(*row.verdict)) : json(nullptr)},
              {"verdict_text", row.verdict ? json(domain::display_name(*row.verdict)) : json(nullptr)}};
}

Error unreadable(std::size_t i, std::string_view field, std::string_view what) {
  return Error{ErrorCode::invalid_input,
               "results[" + std::to_string(i) + "]." + std::string(field) + ": " + std::string(what)};
}

}  // namespace

std::string to_json(const domain::CriteriaView& view) {
  json criteria = json::array();
  for (const auto& f : view.criteria) criteria.push_back(figures_json(f));
  json comparison = json::array();
  for (const auto& row : view.comparison) comparison.push_back(comparison_json(row));
  json not_repeated = json::array();
  for (const auto& c : view.not_repeated) not_repeated.push_back(json{{"id", c.id.value}, {"statement", c.statement}});
  json repeats = nullptr;
  if (view.repeats) {
    repeats = json{{"audit_id", view.repeats->id.value}, {"code", view.repeats->code}, {"title", view.repeats->title}};
  }
  return json{{"audit_id", view.audit.id.value},
              {"audit_code", view.audit.code},
              {"may_change", view.may_change},
              {"criteria", criteria},
              {"repeats", repeats},
              {"comparison", comparison},
              {"not_repeated", not_repeated}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<std::vector<domain::Criterion>> read_criterion_results_json(std::string_view text) {
  const auto body = json::parse(text, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("results") || !body["results"].is_array()) {
    return Error{ErrorCode::invalid_input,
                 "results: send {\"results\": [{\"criterion_id\", \"met\", \"applicable\"}]}"};
  }
  std::vector<domain::Criterion> rows;
  for (std::size_t i = 0; i < body["results"].size(); ++i) {
    const auto& item = body["results"][i];
    if (!item.is_object()) return unreadable(i, "criterion_id", "each result is an object");
    domain::Criterion row;
    const auto id = item.find("criterion_id");
    if (id == item.end() || !id->is_number_integer() || id->get<std::int64_t>() <= 0) {
      return unreadable(i, "criterion_id", "give the criterion's id");
    }
    row.id = CriterionId{id->get<std::int64_t>()};
    for (const auto* field : {"met", "applicable"}) {
      const auto value = item.find(field);
      if (value == item.end() || value->is_null()) continue;
      if (!value->is_number_integer()) return unreadable(i, field, "a whole number of cases, or null");
      (std::string_view(field) == "met" ? row.met : row.applicable) = value->get<std::int64_t>();
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace clinaudit::http
