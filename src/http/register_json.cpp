#include "http/register_json.hpp"

namespace clinaudit::http {

namespace {

template <typename IdType>
nlohmann::json id_or_null(const std::optional<IdType>& id) {
  return id ? nlohmann::json(id->value) : nlohmann::json(nullptr);
}

nlohmann::json date_or_null(const std::optional<Date>& date) {
  return date ? nlohmann::json(date->to_string()) : nlohmann::json(nullptr);
}

nlohmann::json row_json(const domain::RegisterRow& row) {
  const auto& a = row.audit;
  const auto& e = row.entry;
  return {{"id", a.id.value},
          {"code", a.code},
          {"title", a.title},
          {"topic", a.topic},
          {"standards", a.standards},
          {"status", domain::to_string(a.status)},
          {"stage", domain::to_string(e.stage)},
          {"stage_name", domain::display_name(e.stage)},
          {"stage_at", e.stage_at},
          {"division_id", id_or_null(e.division)},
          {"division", row.division},
          {"specialty_id", id_or_null(e.specialty)},
          {"specialty", row.specialty},
          {"lead_id", id_or_null(e.lead)},
          {"lead", row.lead},
          {"supervisor", e.supervisor},
          {"reason", e.reason ? nlohmann::json(domain::to_string(*e.reason)) : nlohmann::json(nullptr)},
          {"programme_tier", e.tier ? nlohmann::json(domain::to_string(*e.tier)) : nlohmann::json(nullptr)},
          {"sample_method", e.sample_method},
          {"data_protection_confirmed", e.data_protection_confirmed},
          {"data_protection_note", e.data_protection_note},
          {"proposed_by", e.proposed_by_name},
          {"proposed_at", e.proposed_at},
          {"start_date", date_or_null(a.start_date)},
          {"end_date", date_or_null(a.end_date)},
          {"reaudit_of", id_or_null(a.reaudit_of)},
          {"past_end", row.past_end}};
}

}  // namespace

nlohmann::json register_json(const domain::LocalAuditRegister& view) {
  auto rows = nlohmann::json::array();
  for (const auto& row : view.rows) rows.push_back(row_json(row));
  return {{"audits", rows}};
}

nlohmann::json local_audit_json(const domain::LocalAuditRecord& record) {
  auto out = row_json(record.row);
  auto history = nlohmann::json::array();
  for (const auto& event : record.history) {
    history.push_back({{"kind", domain::to_string(event.kind)},
                       {"stage", domain::to_string(event.stage)},
                       {"at", event.at},
                       {"by", event.by_name},
                       {"note", event.note}});
  }
  out["history"] = history;
  out["next_stage"] = record.next ? nlohmann::json(domain::to_string(*record.next)) : nlohmann::json(nullptr);
  out["may_revise"] = record.may_revise;
  out["may_decide"] = record.may_decide;
  out["may_move_on"] = record.may_move_on;
  out["may_abandon"] = record.may_abandon;
  out["may_carry_over"] = record.may_carry_over;
  return out;
}

nlohmann::json structure_json(const std::vector<domain::TrustUnit>& units) {
  auto rows = nlohmann::json::array();
  for (const auto& unit : units) {
    rows.push_back({{"id", unit.id.value},
                    {"name", unit.name},
                    {"division_id", id_or_null(unit.division)},
                    {"retired", unit.retired}});
  }
  return {{"units", rows}};
}

}  // namespace clinaudit::http
