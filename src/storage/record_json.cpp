#include "storage/record_json.hpp"

#include <optional>
#include <string>

namespace clinaudit::storage {
namespace {

using nlohmann::json;

template <typename T>
json optional_json(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}
json optional_json(const std::optional<Date>& value) { return value ? json(value->to_string()) : json(nullptr); }
template <typename Tag>
json optional_json(const std::optional<Id<Tag>>& value) {
  return value ? json(value->value) : json(nullptr);
}

}  // namespace

json record_json(const domain::Organisation& row) {
  return json{{"id", row.id.value},
              {"code", row.code},
              {"name", row.name},
              {"type", domain::to_string(row.type)},
              {"region", row.region}};
}

json record_json(const domain::User& row) {
  return json{{"id", row.id.value},
              {"email", row.email},
              {"display_name", row.display_name},
              {"role", domain::to_string(row.role)},
              {"organisation_id", row.organisation_id.value},
              {"password_set", !row.password_hash.empty()},
              {"active", row.active},
              {"supplier_id", optional_json(row.supplier_id)}};
}

json record_json(const domain::AuditSupplier& row) {
  return json{{"id", row.id.value}, {"code", row.code}, {"name", row.name}};
}

json record_json(const domain::Audit& row) {
  return json{{"id", row.id.value},
              {"code", row.code},
              {"title", row.title},
              {"kind", domain::to_string(row.kind)},
              {"topic", row.topic},
              {"provider_body", row.provider_body},
              {"standards", row.standards},
              {"status", domain::to_string(row.status)},
              {"owner", optional_json(row.owner)},
              {"reaudit_of", optional_json(row.reaudit_of)},
              {"start_date", optional_json(row.start_date)},
              {"end_date", optional_json(row.end_date)},
              {"supplier_id", optional_json(row.supplier_id)}};
}

json record_json(const domain::QaListEntry& row) {
  json types = json::array();
  for (const auto type : row.eligible_types) types.push_back(domain::to_string(type));
  return json{{"audit_id", row.audit_id.value}, {"year", row.year.to_string()}, {"eligible_types", types}};
}

json record_json(const domain::Participation& row) {
  return json{{"organisation_id", row.organisation_id.value},
              {"audit_id", row.audit_id.value},
              {"year", row.year.to_string()},
              {"eligible", optional_json(row.eligible)},
              {"participating", optional_json(row.participating)},
              {"reason_not_participating", row.reason_not_participating},
              {"data_collection_completed", optional_json(row.data_collection_completed)},
              {"cases_submitted", optional_json(row.cases_submitted)},
              {"cases_required", optional_json(row.cases_required)}};
}

json record_json(const domain::Measure& row) {
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"code", row.code},
              {"name", row.name},
              {"type", domain::to_string(row.type)},
              {"improvement", domain::to_string(row.improvement)},
              {"target", optional_json(row.target)},
              {"rate_multiplier", row.rate_multiplier},
              {"unit", row.unit},
              {"source", domain::to_string(row.source)},
              {"outcome_column", row.outcome_column},
              {"formula", row.formula},
              {"expected_column", row.expected_column}};
}

json record_json(const domain::MeasureResult& row) {
  return json{{"id", row.id.value},
              {"measure_id", row.measure_id.value},
              {"organisation_id", row.organisation_id.value},
              {"period_start", row.period_start.to_string()},
              {"period_end", row.period_end.to_string()},
              {"numerator", optional_json(row.numerator)},
              {"denominator", optional_json(row.denominator)},
              {"expected", optional_json(row.expected)},
              {"value", optional_json(row.value)},
              {"published", row.published}};
}

json record_json(const domain::ReportReview& row) {
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"organisation_id", row.organisation_id.value},
              {"report_title", row.report_title},
              {"published_on", row.published_on.to_string()},
              {"reviewed_on", optional_json(row.reviewed_on)},
              {"committee", row.committee},
              {"intended_actions", row.intended_actions},
              {"report_id", row.report_id.value},
              {"findings", row.findings}};
}

json record_json(const domain::AuditReport& row) {
  json recommendations = json::array();
  for (const auto& recommendation : row.recommendations) {
    recommendations.push_back(json{{"number", recommendation.number}, {"text", recommendation.text}});
  }
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"organisation_id", optional_json(row.organisation_id)},
              {"title", row.title},
              {"published_on", row.published_on.to_string()},
              {"link", row.link},
              {"recommendations", recommendations}};
}

json record_json(const domain::Action& row) {
  return json{{"id", row.id.value},
              {"organisation_id", row.organisation_id.value},
              {"audit_id", optional_json(row.audit_id)},
              {"title", row.title},
              {"owner", optional_json(row.owner)},
              {"owner_name", row.owner_name},
              {"due_on", row.due_on.to_string()},
              {"status", domain::to_string(row.status)},
              {"evidence", row.evidence},
              {"completed_on", optional_json(row.completed_on)},
              {"source", domain::to_string(row.source)},
              {"source_id", row.source_id},
              {"reaudit_id", optional_json(row.reaudit_id)},
              {"raised_on", optional_json(row.raised_on)}};
}

json record_json(const domain::ActionEvent& row) {
  return json{{"id", row.id},
              {"action_id", row.action_id.value},
              {"kind", domain::to_string(row.kind)},
              {"at", row.at},
              {"by", optional_json(row.by)},
              {"by_name", row.by_name},
              {"note", row.note},
              {"from", row.from},
              {"to", row.to}};
}

json record_json(const domain::BoardMeeting& row) {
  return json{{"id", row.id.value},
              {"organisation_id", row.organisation_id.value},
              {"committee", row.committee},
              {"held_on", row.held_on.to_string()}};
}

json record_json(const domain::BoardItem& row) {
  return json{{"id", row.id},
              {"meeting_id", row.meeting_id.value},
              {"kind", domain::to_string(row.kind)},
              {"ref_id", row.ref_id},
              {"title", row.title},
              {"decision", row.decision}};
}

json record_json(const domain::OutlierCase& row) {
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
              {"stage_due_on", optional_json(row.stage_due_on)},
              {"status", domain::to_string(row.status)},
              {"escalated_on", optional_json(row.escalated_on)},
              {"notice", row.notice ? json{{"supplier", row.notice->supplier}, {"measure", row.notice->measure}}
                                    : json(nullptr)}};
}

json record_json(const domain::OutlierEvent& row) {
  return json{{"id", row.id},     {"case_id", row.case_id.value}, {"stage", row.stage},
              {"what", row.what}, {"by", optional_json(row.by)},  {"at", row.at}};
}

json record_json(const domain::Survey& row) {
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
              {"questions", questions}};
}

json record_json(const domain::SurveyResponse& row) {
  json answers = json::array();
  for (const auto& [code, answer] : row.answers) answers.push_back(json::array({code, answer}));
  return json{
      {"id", row.id},
      {"survey_id", row.survey_id.value},
      {"organisation_type", row.organisation_type ? json(domain::to_string(*row.organisation_type)) : json(nullptr)},
      {"region", row.region},
      {"role", row.role},
      {"answers", answers},
      {"invitation_id", row.invitation_id ? json(*row.invitation_id) : json(nullptr)}};
}

json record_json(const domain::SurveyInvitation& row) {
  return json{
      {"id", row.id},
      {"survey_id", row.survey_id.value},
      {"label", row.label},
      {"organisation_type", row.organisation_type ? json(domain::to_string(*row.organisation_type)) : json(nullptr)},
      {"region", row.region},
      {"role", row.role},
      {"used", row.used}};
}

json record_json(const domain::OutlierTimetableVersion& row) {
  return json{{"id", row.id}, {"name", row.name}, {"csv", row.csv}};
}

json record_json(const domain::AnalysisRunRecord& row) {
  json measures = json::array();
  for (const auto& m : row.measures) {
    measures.push_back({{"measure_id", m.measure_id.value},
                        {"code", m.measure_code},
                        {"source", domain::to_string(m.source)},
                        {"outcome_column", m.outcome_column},
                        {"formula", m.formula},
                        {"expected_column", m.expected_column},
                        {"rows_used", m.rows_used},
                        {"rows_dropped", m.rows_dropped},
                        {"units_flagged", m.units_flagged},
                        {"cases_opened", m.cases_opened}});
  }
  return json{{"id", row.id.value},
              {"audit_id", row.audit_id.value},
              {"measure_id", row.measure_id.value},
              {"period", row.period},
              {"run_on", row.run_on.to_string()},
              {"episodes", row.episodes},
              {"input_checksum", row.input_checksum},
              {"software_version", row.software_version},
              {"method", row.method},
              {"parameters", row.parameters},
              {"units_flagged", row.units_flagged},
              {"cases_opened", row.cases_opened},
              {"measures", measures}};
}

json record_json(const domain::StoredCusumAlert& row) {
  return json{{"id", row.id},
              {"run_id", row.run_id.value},
              {"organisation_id", row.organisation_id.value},
              {"measure_id", row.measure_id.value},
              {"side", row.upper ? "upper" : "lower"},
              {"signalled_on", row.signalled_on.to_string()},
              {"episodes_monitored", row.episodes_monitored}};
}

std::string json_text(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

nlohmann::json record_json(const domain::Dataset& row) {
  nlohmann::json columns = nlohmann::json::array();
  for (const auto& column : row.columns) {
    columns.push_back({{"name", column.name},
                       {"type", domain::to_string(column.type)},
                       {"required", column.required},
                       {"minimum", column.minimum ? nlohmann::json(*column.minimum) : nlohmann::json(nullptr)},
                       {"maximum", column.maximum ? nlohmann::json(*column.maximum) : nlohmann::json(nullptr)},
                       {"allowed_values", column.allowed_values},
                       {"description", column.description}});
  }
  return {{"audit_id", row.audit_id.value}, {"columns", columns}};
}

}  // namespace clinaudit::storage
