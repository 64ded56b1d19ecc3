#include "storage/postgres/pg_record_json.hpp"

#include <nlohmann/json.hpp>

#include <optional>

namespace clinaudit::storage::postgres {
namespace {

using nlohmann::json;

template <typename Tag>
json id_or_null(const std::optional<Id<Tag>>& id) {
  return id ? json(id->value) : json(nullptr);
}

json date_or_null(const std::optional<Date>& date) { return date ? json(date->to_string()) : json(nullptr); }

template <typename T>
json value_or_null(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

}  // namespace

std::string record_json(const domain::Organisation& row) {
  return json{{"id", row.id.value},
              {"code", row.code},
              {"name", row.name},
              {"type", domain::to_string(row.type)},
              {"region", row.region}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::User& row) {
  return json{{"id", row.id.value},
              {"email", row.email},
              {"display_name", row.display_name},
              {"role", domain::to_string(row.role)},
              {"organisation_id", row.organisation_id.value},
              {"password_set", !row.password_hash.empty()},
              {"active", row.active}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::Audit& row) {
  return json{{"id", row.id.value},
              {"code", row.code},
              {"title", row.title},
              {"kind", domain::to_string(row.kind)},
              {"topic", row.topic},
              {"provider_body", row.provider_body},
              {"standards", row.standards},
              {"status", domain::to_string(row.status)},
              {"owner", id_or_null(row.owner)},
              {"reaudit_of", id_or_null(row.reaudit_of)},
              {"start_date", date_or_null(row.start_date)},
              {"end_date", date_or_null(row.end_date)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::QaListEntry& row) {
  json types = json::array();
  for (const auto type : row.eligible_types) types.push_back(domain::to_string(type));
  return json{{"audit_id", row.audit_id.value}, {"year", row.year.to_string()}, {"eligible_types", types}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::Participation& row) {
  return json{{"organisation_id", row.organisation_id.value},
              {"audit_id", row.audit_id.value},
              {"year", row.year.to_string()},
              {"eligible", value_or_null(row.eligible)},
              {"participating", value_or_null(row.participating)},
              {"reason_not_participating", row.reason_not_participating},
              {"data_collection_completed", value_or_null(row.data_collection_completed)},
              {"cases_submitted", value_or_null(row.cases_submitted)},
              {"cases_required", value_or_null(row.cases_required)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::Measure& row) {
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"code", row.code},
              {"name", row.name},
              {"type", domain::to_string(row.type)},
              {"improvement", domain::to_string(row.improvement)},
              {"target", value_or_null(row.target)},
              {"rate_multiplier", row.rate_multiplier}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::MeasureResult& row) {
  return json{{"id", row.id.value},
              {"measure_id", row.measure_id.value},
              {"organisation_id", row.organisation_id.value},
              {"period_start", row.period_start.to_string()},
              {"period_end", row.period_end.to_string()},
              {"numerator", value_or_null(row.numerator)},
              {"denominator", value_or_null(row.denominator)},
              {"expected", value_or_null(row.expected)},
              {"value", value_or_null(row.value)},
              {"published", row.published}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::ReportReview& row) {
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"organisation_id", row.organisation_id.value},
              {"report_title", row.report_title},
              {"published_on", row.published_on.to_string()},
              {"reviewed_on", date_or_null(row.reviewed_on)},
              {"committee", row.committee},
              {"intended_actions", row.intended_actions}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::Action& row) {
  return json{{"id", row.id.value},
              {"organisation_id", row.organisation_id.value},
              {"audit_id", id_or_null(row.audit_id)},
              {"title", row.title},
              {"owner", id_or_null(row.owner)},
              {"owner_name", row.owner_name},
              {"due_on", row.due_on.to_string()},
              {"status", domain::to_string(row.status)},
              {"evidence", row.evidence},
              {"completed_on", date_or_null(row.completed_on)},
              {"source", domain::to_string(row.source)},
              {"source_id", row.source_id},
              {"reaudit_id", id_or_null(row.reaudit_id)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::BoardMeeting& row, const std::vector<domain::BoardItem>& items) {
  json list = json::array();
  for (const auto& item : items) {
    list.push_back(json{{"kind", domain::to_string(item.kind)},
                        {"ref_id", item.ref_id},
                        {"title", item.title},
                        {"decision", item.decision}});
  }
  return json{{"id", row.id.value},
              {"organisation_id", row.organisation_id.value},
              {"committee", row.committee},
              {"held_on", row.held_on.to_string()},
              {"items", list}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::OutlierCase& row) {
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"measure_id", row.measure_id.value},
              {"organisation_id", row.organisation_id.value},
              {"period", row.period},
              {"level", domain::to_string(row.level)},
              {"high", row.high},
              {"unfavourable", row.unfavourable},
              {"value", row.value},
              {"limit", row.limit},
              {"stage", row.stage},
              {"opened_on", row.opened_on.to_string()},
              {"stage_due_on", date_or_null(row.stage_due_on)},
              {"status", domain::to_string(row.status)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::OutlierEvent& row) {
  return json{{"id", row.id},     {"case_id", row.case_id.value}, {"stage", row.stage},
              {"what", row.what}, {"by", id_or_null(row.by)},     {"at", row.at}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::Survey& row) {
  json questions = json::array();
  for (const auto& question : row.questions) {
    questions.push_back(json{{"code", question.code},
                             {"text", question.text},
                             {"kind", domain::to_string(question.kind)},
                             {"options", question.options}});
  }
  return json{{"id", row.id.value},
              {"title", row.title},
              {"wave", row.wave},
              {"anonymous", row.anonymous},
              {"questions", questions}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::SurveyResponse& row) {
  json answers = json::array();
  for (const auto& [code, answer] : row.answers) answers.push_back(json::array({code, answer}));
  return json{
      {"id", row.id},
      {"survey_id", row.survey_id.value},
      {"organisation_type", row.organisation_type ? json(domain::to_string(*row.organisation_type)) : json(nullptr)},
      {"region", row.region},
      {"role", row.role},
      {"answers", answers},
      {"invitation_id", row.invitation_id ? json(*row.invitation_id) : json(nullptr)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string record_json(const domain::SurveyInvitation& row) {
  return json{
      {"id", row.id},
      {"survey_id", row.survey_id.value},
      {"label", row.label},
      {"organisation_type", row.organisation_type ? json(domain::to_string(*row.organisation_type)) : json(nullptr)},
      {"region", row.region},
      {"role", row.role},
      {"used", row.used}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string json_string_array(const std::vector<std::string>& values) {
  return nlohmann::json(values).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clinaudit::storage::postgres
