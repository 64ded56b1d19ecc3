#include "http/json_views.hpp"

#include <nlohmann/json.hpp>

namespace clinaudit::http {

namespace {

using nlohmann::json;

// The criterion a re-audit outcome is of, or null for the outcome of its measure.
json criterion_or_null(const domain::ReauditOutcome& r) {
  return r.criterion.empty() ? json(nullptr) : json(r.criterion);
}

template <typename T>
json opt(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

json date_or_null(const std::optional<Date>& date) { return date ? json(date->to_string()) : json(nullptr); }

json participation_json(const std::optional<domain::Participation>& record) {
  if (!record) return nullptr;
  return json{{"organisation_id", record->organisation_id.value},
              {"audit_id", record->audit_id.value},
              {"year", record->year.to_string()},
              {"eligible", opt(record->eligible)},
              {"participating", opt(record->participating)},
              {"reason_not_participating", record->reason_not_participating},
              {"data_collection_completed", opt(record->data_collection_completed)},
              {"cases_submitted", opt(record->cases_submitted)},
              {"cases_required", opt(record->cases_required)},
              {"case_ascertainment", opt(record->case_ascertainment())}};
}

json audit_json(const domain::Audit& audit) {
  return json{{"id", audit.id.value},
              {"code", audit.code},
              {"title", audit.title},
              {"kind", std::string(to_string(audit.kind))},
              {"topic", audit.topic},
              {"provider_body", audit.provider_body},
              {"status", std::string(to_string(audit.status))},
              {"owner_organisation_id", audit.owner ? json(audit.owner->value) : json(nullptr)},
              {"reaudit_of", audit.reaudit_of ? json(audit.reaudit_of->value) : json(nullptr)},
              {"start_date", date_or_null(audit.start_date)},
              {"end_date", date_or_null(audit.end_date)}};
}

json outlier_json(const OutlierRow& row) {
  const auto& item = row.item;
  return json{{"id", item.id.value},
              {"audit_id", item.audit_id.value},
              {"audit", row.audit_title},
              {"measure_id", item.notice ? json(nullptr) : json(item.measure_id.value)},
              {"measure", row.measure_name},
              {"supplier", item.notice ? json(item.notice->supplier) : json(nullptr)},
              {"organisation_id", item.organisation_id.value},
              {"organisation", row.organisation_name},
              {"period", item.period},
              {"level", std::string(to_string(item.level))},
              {"high", item.high},
              {"unfavourable", item.unfavourable},
              {"value", item.value},
              {"limit", item.limit},
              {"stage", item.stage},
              {"opened_on", item.opened_on.to_string()},
              {"stage_due_on", date_or_null(item.stage_due_on)},
              {"status", std::string(to_string(item.status))},
              {"whose_turn", row.whose_turn},
              {"escalated_on", date_or_null(item.escalated_on)}};
}

json action_json(const ActionRow& row) {
  const auto& item = row.item;
  return json{{"id", item.id.value},
              {"title", item.title},
              {"audit_id", item.audit_id ? json(item.audit_id->value) : json(nullptr)},
              {"audit", row.audit_title},
              {"owner_id", item.owner ? json(item.owner->value) : json(nullptr)},
              {"owner", row.owner},
              {"due_on", item.due_on.to_string()},
              {"status", std::string(to_string(item.status))},
              {"overdue", row.overdue},
              {"evidence", item.evidence},
              {"completed_on", date_or_null(item.completed_on)},
              {"raised_on", date_or_null(item.raised_on)},
              {"source", std::string(to_string(item.source))}};
}

json measure_json(const MeasureView& view) {
  json results = json::array();
  for (const auto& row : view.own_results) {
    results.push_back(json{{"period_start", row.period_start.to_string()},
                           {"period_end", row.period_end.to_string()},
                           {"numerator", opt(row.numerator)},
                           {"denominator", opt(row.denominator)},
                           {"expected", opt(row.expected)},
                           {"value", opt(row.value)},
                           {"published", row.published}});
  }
  json funnel = nullptr;
  if (view.funnel) {
    json flags = json::array();
    for (const auto& [unit, flag] : view.funnel->flags) flags.push_back(json{{"unit", unit}, {"flag", flag}});
    funnel = json{{"period", view.funnel->period}, {"flags", flags}, {"note", view.funnel->note}};
  }
  return json{{"id", view.measure.id.value},
              {"code", view.measure.code},
              {"name", view.measure.name},
              {"type", std::string(to_string(view.measure.type))},
              {"improvement", std::string(to_string(view.measure.improvement))},
              {"target", opt(view.measure.target)},
              {"results", results},
              {"funnel", funnel},
              {"variation_icon", view.variation.empty() ? json(nullptr) : json(view.variation)},
              {"assurance_icon", view.assurance.empty() ? json(nullptr) : json(view.assurance)}};
}

template <typename Row, typename F>
json array_of(const std::vector<Row>& rows, F&& convert) {
  json out = json::array();
  for (const auto& row : rows) out.push_back(convert(row));
  return out;
}

}  // namespace

std::string to_json(const DashboardView& view) {
  const auto& p = view.participation;
  json next = nullptr;
  if (view.next_meeting) {
    next = json{{"committee", view.next_meeting->committee}, {"held_on", view.next_meeting->held_on.to_string()}};
  }
  return json{{"year", view.year.to_string()},
              {"today", view.today.to_string()},
              {"participation",
               {{"on_list", p.on_list},
                {"eligible", p.eligible},
                {"participating", p.participating},
                {"not_recorded", p.not_recorded},
                {"mean_case_ascertainment", opt(p.mean_case_ascertainment)},
                {"definition", view.participation_definition}}},
              {"open_outliers",
               {{"alert", view.open_alerts}, {"alarm", view.open_alarms}, {"potential_alarm", view.open_potential}}},
              {"deteriorating_count", view.deteriorating_count},
              {"spc_charts", view.spc_charts},
              {"spc_computed_at", view.spc_computed_at},
              {"programme",
               {{"year", view.cycle.year.to_string()},
                {"in_plan", view.cycle.programme.in_plan},
                {"completed", view.cycle.programme.completed},
                {"overdue", view.cycle.programme.overdue},
                {"carried_without_reason", view.cycle.carried_without_reason}}},
              {"overdue_report_reviews", view.cycle.overdue_reviews.size()},
              {"nice_guidance",
               {{"applicable", view.cycle.nice.applicable},
                {"compliant", view.cycle.nice.compliant},
                {"partly_compliant", view.cycle.nice.partly_compliant},
                {"not_compliant", view.cycle.nice.not_compliant},
                {"recommendations_without_action", view.cycle.nice.recommendations_without_action},
                {"reviews_overdue", view.cycle.nice.reviews_overdue}}},
              {"spc",
               {{"improving", view.spc.improving},
                {"concern", view.spc.concern},
                {"common_cause", view.spc.common_cause},
                {"neutral", view.spc.neutral}}},
              {"reaudits", array_of(view.reaudits,
                                    [](const domain::ReauditOutcome& r) {
                                      return json{{"audit_id", r.reaudit.id.value},
                                                  {"audit", r.reaudit.title},
                                                  {"criterion", criterion_or_null(r)},
                                                  {"original_audit_id", r.original.id.value},
                                                  {"before", r.before_numerator / r.before_denominator},
                                                  {"after", r.after_numerator / r.after_denominator},
                                                  {"verdict", r.verdict}};
                                    })},
              {"outlier_cases", array_of(view.open_outliers, outlier_json)},
              {"deteriorating",
               array_of(view.deteriorating,
                        [](const MeasureSignal& s) {
                          return json{{"audit_id", s.audit.id.value},     {"audit", s.audit.title},
                                      {"measure_id", s.measure.id.value}, {"measure", s.measure.name},
                                      {"variation_icon", s.variation},    {"assurance_icon", s.assurance},
                                      {"latest_period", s.latest_period}, {"latest_value", opt(s.latest_value)}};
                        })},
              {"cusum_signals", array_of(view.cusum_signals,
                                         [](const CusumSignalRow& s) {
                                           return json{{"audit_id", s.audit.id.value},
                                                       {"audit", s.audit.title},
                                                       {"side", s.alert.side_name()},
                                                       {"signalled_on", s.alert.signalled_on.to_string()},
                                                       {"episodes_monitored", s.alert.episodes_monitored},
                                                       {"value", s.alert.value}};
                                         })},
              {"cusum_monitoring", array_of(view.cusum_monitoring,
                                            [](const domain::AuditCusumMonitoring& m) {
                                              return json{{"audit_id", m.audit.id.value},
                                                          {"audit", m.audit.title},
                                                          {"window_from", m.monitoring.from.to_string()},
                                                          {"window_to", m.monitoring.to.to_string()},
                                                          {"episodes", m.monitoring.episodes},
                                                          {"input_checksum", m.monitoring.input_checksum},
                                                          {"software_version", m.monitoring.software_version},
                                                          {"computed_at", m.monitoring.computed_at}};
                                            })},
              {"open_actions", view.open_actions},
              {"overdue_actions", array_of(view.overdue_actions, action_json)},
              {"next_board_meeting", next}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

json national_home_json(const NationalHomeView& home) {
  return json{{"today", home.today.to_string()},
              {"sees_cases", home.sees_cases},
              {"audits", array_of(home.audits,
                                  [](const domain::NationalAuditLine& line) {
                                    json item = audit_json(line.audit);
                                    item["open_cases"] = line.open_cases;
                                    item["last_run_on"] = date_or_null(line.last_run_on);
                                    return item;
                                  })},
              {"open_cases", array_of(home.open_cases, outlier_json)},
              {"overdue_cases", home.overdue_cases},
              {"stages", array_of(home.stages,
                                  [](const domain::StageCount& s) {
                                    return json{{"stage", s.stage_name},
                                                {"open", s.open},
                                                {"overdue", s.overdue},
                                                {"soonest_due", date_or_null(s.soonest_due)}};
                                  })},
              {"latest_runs", array_of(home.latest_runs,
                                       [](const domain::NationalRunLine& r) {
                                         return json{{"id", r.run.id.value},
                                                     {"audit_id", r.audit.id.value},
                                                     {"audit", r.audit.title},
                                                     {"period", r.run.period},
                                                     {"run_on", r.run.run_on.to_string()},
                                                     {"created_at", r.run.created_at},
                                                     {"created_by", r.run.created_by},
                                                     {"units_flagged", r.run.units_flagged},
                                                     {"cases_opened", r.run.cases_opened}};
                                       })},
              {"new_cusum_signals", array_of(home.new_signals,
                                             [](const domain::NationalSignalLine& s) {
                                               return json{{"audit_id", s.audit.id.value},
                                                           {"audit", s.audit.title},
                                                           {"organisation_id", s.alert.organisation_id.value},
                                                           {"organisation", s.provider},
                                                           {"measure_id", s.alert.measure_id.value},
                                                           {"measure", s.measure},
                                                           {"side", s.alert.upper ? "upper" : "lower"},
                                                           {"signalled_on", s.alert.signalled_on.to_string()},
                                                           {"raised_on", s.alert.raised_on.to_string()},
                                                           {"episodes_monitored", s.alert.episodes_monitored}};
                                             })},
              {"new_signal_days", domain::kNewSignalDays}};
}

}  // namespace

std::string to_json(const NationalHomeView& home) {
  return national_home_json(home).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const NationalIndexView& view) {
  json out = national_home_json(view.home);
  out["year"] = view.year.to_string();
  out["year_audits"] = array_of(view.audits, [](const AuditRow& row) { return audit_json(row.audit); });
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<ParticipationRow>& rows, FinancialYear year) {
  return json{{"year", year.to_string()},
              {"audits", array_of(rows,
                                  [](const ParticipationRow& row) {
                                    return json{{"audit", audit_json(row.audit)},
                                                {"eligible_by_type", row.eligible_by_type},
                                                {"participation", participation_json(row.record)}};
                                  })}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<AuditRow>& rows, FinancialYear year) {
  return json{{"year", year.to_string()},
              {"audits", array_of(rows,
                                  [](const AuditRow& row) {
                                    json item = audit_json(row.audit);
                                    item["participation"] = participation_json(row.participation);
                                    return item;
                                  })}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const AuditView& view) {
  return json{{"audit", audit_json(view.audit)},
              {"year", view.year.to_string()},
              {"participation", participation_json(view.participation)},
              {"measures", array_of(view.measures, measure_json)},
              {"outlier_cases", array_of(view.outliers, outlier_json)},
              {"report_reviews", array_of(view.reviews,
                                          [](const domain::ReportReview& r) {
                                            return json{{"id", r.id.value},
                                                        {"report_title", r.report_title},
                                                        {"published_on", r.published_on.to_string()},
                                                        {"reviewed_on", date_or_null(r.reviewed_on)},
                                                        {"committee", r.committee},
                                                        {"intended_actions", r.intended_actions}};
                                          })},
              {"actions", array_of(view.actions, action_json)}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

// One measure an analysis run computed, as stored.
json run_measure_json(const domain::AnalysisRunMeasure& m) {
  return json{{"measure_id", m.measure_id.value},
              {"code", m.measure_code},
              {"name", m.measure_name},
              {"source", domain::to_string(m.source)},
              {"outcome_column", m.outcome_column},
              {"formula", m.formula},
              {"expected_column", m.expected_column},
              {"rows_used", m.rows_used},
              {"rows_dropped", m.rows_dropped},
              {"units_flagged", m.units_flagged},
              {"cases_opened", m.cases_opened}};
}

// A run's parameters as the object they were stored as (the text itself if it is not JSON).
json parameters_json(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  return parsed.is_discarded() ? json(text) : parsed;
}

}  // namespace

std::string to_json(const NationalView& view) {
  return json{{"audit", audit_json(view.audit)},
              {"year", view.year.to_string()},
              {"providers", array_of(view.providers,
                                     [](const NationalRow& row) {
                                       return json{{"organisation_id", row.organisation.id.value},
                                                   {"code", row.organisation.code},
                                                   {"name", row.organisation.name},
                                                   {"participation", participation_json(row.participation)}};
                                     })},
              {"measures", array_of(view.measures, measure_json)},
              {"analysis_runs", array_of(view.runs,
                                         [](const domain::AnalysisRunRecord& run) {
                                           return json{{"id", run.id.value},
                                                       {"period", run.period},
                                                       {"run_on", run.run_on.to_string()},
                                                       {"created_by", run.created_by},
                                                       {"episodes", run.episodes},
                                                       {"input_checksum", run.input_checksum},
                                                       {"software_version", run.software_version},
                                                       {"method", run.method},
                                                       {"parameters", parameters_json(run.parameters)},
                                                       {"units_flagged", run.units_flagged},
                                                       {"cases_opened", run.cases_opened},
                                                       {"measures", array_of(run.measures, run_measure_json)}};
                                         })},
              {"cusum_alerts", array_of(view.alerts,
                                        [](const domain::StoredCusumAlert& alert) {
                                          return json{{"id", alert.id},
                                                      {"organisation_id", alert.organisation_id.value},
                                                      {"side", alert.upper ? "upper" : "lower"},
                                                      {"signalled_on", alert.signalled_on.to_string()},
                                                      {"episodes_monitored", alert.episodes_monitored},
                                                      {"run_id", alert.run_id.value},
                                                      {"raised_on", alert.raised_on.to_string()}};
                                        })}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<OutlierRow>& rows) {
  return json{{"outlier_cases", array_of(rows, outlier_json)}}.dump(-1, ' ', false,
                                                                    nlohmann::json::error_handler_t::replace);
}

namespace {

// The documents of an action or a case, each with the API address of its download.
json documents_json(const std::vector<domain::EvidenceDocument>& documents, const std::string& path) {
  json out = json::array();
  for (const auto& d : documents) {
    out.push_back(json{{"id", d.id},
                       {"file_name", d.file_name},
                       {"media_type", d.media_type},
                       {"size", d.size},
                       {"size_words", domain::size_in_words(d.size)},
                       {"sha256", d.sha256},
                       {"stage", d.stage.empty() ? json(nullptr) : json(d.stage)},
                       {"uploaded_by", d.uploaded_by_name},
                       {"uploaded_at", d.uploaded_at},
                       {"download", "/api" + path + "/documents/" + std::to_string(d.id)}});
  }
  return out;
}

}  // namespace

std::string to_json(const OutlierCaseView& view) {
  json stages = json::array();
  for (const auto& stage : view.stages) {
    stages.push_back({{"key", stage.key},
                      {"name", stage.name},
                      {"owner", std::string(to_string(stage.owner))},
                      {"working_days", stage.working_days}});
  }
  json events = json::array();
  for (const auto& event : view.events) {
    const auto by = event.by ? view.people.find(event.by->value) : view.people.end();
    events.push_back({{"stage", event.stage},
                      {"what", event.what},
                      {"by", by == view.people.end() ? json(nullptr) : json(by->second)},
                      {"at", event.at}});
  }
  return json{{"outlier_case", outlier_json(view.row)},
              {"stages", stages},
              {"events", events},
              {"may_complete_stage", view.may_act},
              {"may_reopen_stage", view.may_reopen ? json(view.may_reopen->key) : json(nullptr)},
              {"documents", documents_json(view.documents, "/outliers/" + std::to_string(view.row.item.id.value))}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<ActionRow>& rows) {
  return json{{"actions", array_of(rows, action_json)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const ActionDetail& detail) {
  json history = json::array();
  for (const auto& event : detail.history) {
    history.push_back(json{{"kind", std::string(to_string(event.kind))},
                           {"at", event.at},
                           {"by", event.by_name},
                           {"note", event.note},
                           {"from", event.from},
                           {"to", event.to}});
  }
  auto action = action_json(detail.row);
  action["original_due_on"] = detail.original_due_on.to_string();
  const auto documents = documents_json(detail.documents, "/actions/" + std::to_string(detail.row.item.id.value));
  return json{{"action", action}, {"history", history}, {"documents", documents}}.dump(
      -1, ' ', false, nlohmann::json::error_handler_t::replace);
}

namespace {

json user_json(const domain::User& u) {
  return json{{"id", u.id.value},
              {"email", u.email},
              {"name", u.display_name},
              {"role", std::string(to_string(u.role))},
              {"organisation_id", u.organisation_id.value},
              {"active", u.active}};
}

}  // namespace

std::string to_json(const std::vector<domain::User>& users) {
  return json{{"users", array_of(users, user_json)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const domain::User& user) {
  return json{{"user", user_json(user)}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_json(const std::vector<domain::Notification>& notifications) {
  // Recipients are left out: the caller is one of them, and the others are not the caller's business.
  return json{{"notifications", array_of(notifications,
                                         [](const domain::Notification& n) {
                                           return json{{"key", n.key},
                                                       {"kind", std::string(to_string(n.kind))},
                                                       {"organisation_id", n.organisation_id.value},
                                                       {"subject", n.subject},
                                                       {"body", n.body},
                                                       {"link", n.link}};
                                         })}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string me_json(const SignedIn& who) {
  return json{{"id", who.user.id.value},
              {"email", who.user.email},
              {"name", who.user.display_name},
              {"role", std::string(to_string(who.user.role))},
              {"organisation",
               {{"id", who.organisation.id.value}, {"code", who.organisation.code}, {"name", who.organisation.name}}},
              {"csrf_token", who.csrf_token}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace clinaudit::http
