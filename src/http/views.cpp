#include "http/views.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "domain/measure_series.hpp"
#include "platform/password.hpp"

namespace clinaudit::http {

namespace {

using domain::Action;

// The use case's measures with their charts drawn; the own-results SPC chart only when
// `with_spc`.
std::vector<MeasureView> drawn(std::vector<domain::MeasureSeries> series, bool with_spc) {
  std::vector<MeasureView> out;
  for (auto& item : series) {
    MeasureView view;
    if (with_spc && item.own_chart) {
      view.spc_svg = render::own_results_spc_svg(item.measure, *item.own_chart, item.own_periods);
    }
    if (item.funnel) view.funnel = render::funnel_panel(item.measure, *item.funnel);
    view.own_results = std::move(item.own_results);
    view.variation = std::move(item.variation);
    view.assurance = std::move(item.assurance);
    view.measure = std::move(item.measure);
    out.push_back(std::move(view));
  }
  return out;
}

std::optional<bool> yes_no(const std::string& text) {
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  return std::nullopt;
}

Result<std::optional<std::int64_t>> count_field(const Request& request, const std::string& name) {
  const auto text = request.field(name).value_or("");
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) {
    return Error{ErrorCode::invalid_input,
                 name + ": enter a whole number of cases, 0 or more (you entered \"" + text + "\")"};
  }
  return std::optional<std::int64_t>{value};
}

}  // namespace

Result<FinancialYear> year_from(const Context& context, const std::string& text) {
  if (text.empty()) return FinancialYear::containing(context.clock.today());
  return FinancialYear::parse(text);
}

Result<std::vector<ParticipationRow>> participation_rows(Context& context, FinancialYear year) {
  return domain::participation_rows(context.store, context.principal(), year);
}

Result<DashboardView> dashboard_view(Context& context) {
  domain::DashboardParams params;
  params.cusum_signals = [&context](const domain::Audit& audit, Date day) {
    return context.cusum.signals(context.store, audit, day);
  };
  return domain::dashboard_for(context.store, context.principal(), context.clock.today(), params);
}

Result<std::vector<AuditRow>> audit_register(Context& context, const AuditQuery& query) {
  return domain::audit_register(context.store, context.principal(), query);
}

Result<AuditView> audit_view(Context& context, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY(auto overview,
                domain::audit_overview(context.store, context.principal(), context.clock.today(), id, year));
  CLINAUDIT_TRY(auto measures, domain::measure_series(context.store, context.principal(), id, false));
  return AuditView{std::move(overview), drawn(std::move(measures), true)};
}

Result<NationalView> national_view(Context& context, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY(auto overview, domain::national_overview(context.store, id, year));
  CLINAUDIT_TRY(auto measures, domain::measure_series(context.store, context.principal(), id, true));
  return NationalView{std::move(overview), drawn(std::move(measures), false)};
}

Result<NationalProviderView> national_provider_view(Context& context, AuditId id, OrganisationId organisation,
                                                    FinancialYear year) {
  CLINAUDIT_TRY(auto provider, domain::national_provider(context.store, id, organisation, year));
  NationalProviderView view;
  for (const auto& item : provider.spc) {
    if (auto svg = render::own_results_spc_svg(item.measure, item.chart, item.periods); !svg.empty()) {
      view.spc.emplace_back(item.measure.name, std::move(svg));
    }
  }
  if (provider.cusum) {
    view.cusum_svg = render::provider_cusum_svg(
        *provider.cusum, "Risk-adjusted CUSUM, " + provider.organisation.name + ", " + year.to_string());
  }
  view.episodes = provider.episodes;
  view.cusum_signals = provider.cusum_signals;
  view.year = provider.year;
  view.audit = std::move(provider.audit);
  view.organisation = std::move(provider.organisation);
  return view;
}

Result<std::vector<OutlierRow>> outlier_rows(Context& context) {
  return domain::outlier_list(context.store, context.principal());
}

Result<OutlierCaseView> outlier_case_view(Context& context, OutlierCaseId id) {
  return domain::outlier_case_detail(context.store, context.principal(), id);
}

Result<void> complete_outlier_stage(Context& context, OutlierCaseId id, const std::string& decision,
                                    const std::string& note) {
  return domain::complete_outlier_stage(context.store, context.principal(), context.clock.today(),
                                        domain::StageCompletion{id, decision, note, context.clock.now_iso()});
}

Result<AnalysisRunView> run_national_analysis(Context& context, AuditId audit_id, FinancialYear year) {
  CLINAUDIT_TRY(auto audit, context.store.audit(audit_id));
  if (audit.kind == domain::AuditKind::local_audit) {
    return Error{ErrorCode::not_found, "no national audit " + std::to_string(audit_id.value)};
  }
  CLINAUDIT_TRY(auto timetable, domain::current_outlier_timetable(context.store));
  CLINAUDIT_TRY(auto run, domain::run_analysis(context.store, audit_id, year, timetable,
                                               domain::WorkingDayCalendar::england_and_wales(), context.clock.today(),
                                               context.actor(), CLINAUDIT_VERSION));
  AnalysisRunView view;
  view.audit = std::move(audit);
  view.run = std::move(run);
  for (const auto& [id, organisation] : domain::organisations_by_id(context.store)) view.names[id] = organisation.name;
  return view;
}

Result<std::vector<ActionRow>> action_rows(Context& context, ActionFilter filter, std::optional<AuditId> audit) {
  return domain::action_list(context.store, context.principal(), context.clock.today(), filter, audit);
}

Result<std::int64_t> save_participation(Context& context, FinancialYear year) {
  CLINAUDIT_TRY(auto rows, participation_rows(context, year));
  const Request& request = context.request;
  std::vector<domain::Participation> changes;
  for (const auto& row : rows) {
    const std::string n = std::to_string(row.audit.id.value);
    if (!request.field("eligible_" + n)) continue;
    domain::Participation record = row.record.value_or(domain::Participation{});
    record.organisation_id = context.principal().organisation_id;
    record.audit_id = row.audit.id;
    record.year = year;
    record.eligible = yes_no(request.field("eligible_" + n).value_or(""));
    record.participating = yes_no(request.field("participating_" + n).value_or(""));
    record.reason_not_participating = request.field("reason_" + n).value_or("");
    record.data_collection_completed = yes_no(request.field("completed_" + n).value_or(""));
    CLINAUDIT_TRY(auto submitted, count_field(request, "submitted_" + n));
    CLINAUDIT_TRY(auto required, count_field(request, "required_" + n));
    record.cases_submitted = submitted;
    record.cases_required = required;
    if (record.participating == false && record.eligible == true && record.reason_not_participating.empty()) {
      return Error{ErrorCode::invalid_input,
                   row.audit.title + ": give the reason for not taking part in an audit you are eligible for"};
    }
    changes.push_back(std::move(record));
  }
  if (changes.empty()) return Error{ErrorCode::invalid_input, "no participation fields were sent"};
  CLINAUDIT_TRY_VOID(context.store.upsert_participation(changes, context.actor()));
  return static_cast<std::int64_t>(changes.size());
}

Result<ActionId> create_action(Context& context) {
  const Request& request = context.request;
  Action action;
  action.organisation_id = context.principal().organisation_id;
  action.title = request.field("title").value_or("");
  if (action.title.empty()) return Error{ErrorCode::invalid_input, "title: say what must be done"};
  auto due = Date::parse(request.field("due_on").value_or(""));
  if (!due) return Error{ErrorCode::invalid_input, "due_on: enter the due date as YYYY-MM-DD"};
  action.due_on = *due;
  if (const auto audit = request.field("audit_id").value_or(""); !audit.empty()) {
    CLINAUDIT_TRY(auto id, id_from(audit));
    auto found = context.store.audit(AuditId{id});
    if (!found || !may_see_audit(context.principal(), *found)) {
      return Error{ErrorCode::invalid_input, "audit_id: there is no such audit"};
    }
    action.audit_id = found->id;
  }
  if (const auto owner = request.field("owner_id").value_or(""); !owner.empty()) {
    CLINAUDIT_TRY(auto id, id_from(owner));
    auto user = context.store.user(UserId{id});
    if (!user || user->organisation_id != action.organisation_id) {
      return Error{ErrorCode::invalid_input, "owner_id: choose someone in your organisation"};
    }
    action.owner = user->id;
  }
  action.owner_name = request.field("owner_name").value_or("");
  if (!action.owner && action.owner_name.empty()) action.owner = context.principal().user_id;
  if (auto source = domain::parse_action_source(request.field("source").value_or(""))) action.source = *source;
  return context.store.add_action(action, context.actor());
}

Result<void> close_action(Context& context, ActionId id) {
  auto action = context.store.action(id);
  if (!action || action->organisation_id != context.principal().organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  if (action->status == domain::ActionStatus::completed || action->status == domain::ActionStatus::cancelled) {
    return Error{ErrorCode::conflict, "this action is already closed"};
  }
  action->status = domain::ActionStatus::completed;
  action->completed_on = context.clock.today();
  action->evidence = context.request.field("evidence").value_or("");
  if (action->evidence.empty()) return Error{ErrorCode::invalid_input, "evidence: say what shows the action is done"};
  return context.store.update_action(*action, context.actor());
}

Result<std::vector<domain::User>> organisation_users(Context& context) {
  CLINAUDIT_TRY(auto users, context.store.users(context.principal().organisation_id));
  for (auto& user : users) user.password_hash.clear();
  return users;
}

Result<std::vector<domain::Notification>> my_notifications(Context& context) {
  return domain::in_app_notifications(context.store, context.principal(), context.clock.today());
}

Result<UserId> create_user(Context& context) {
  const Request& request = context.request;
  domain::User user;
  user.email = request.field("email").value_or("");
  std::transform(user.email.begin(), user.email.end(), user.email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (user.email.find('@') == std::string::npos)
    return Error{ErrorCode::invalid_input, "email: enter an email address"};
  user.display_name = request.field("name").value_or("");
  if (user.display_name.empty()) return Error{ErrorCode::invalid_input, "name: enter the person's name"};
  const auto role = domain::parse_role(request.field("role").value_or(""));
  if (!role) return Error{ErrorCode::invalid_input, "role: choose a role"};
  user.role = *role;
  user.organisation_id = context.principal().organisation_id;
  CLINAUDIT_TRY_VOID(may_assign_role(context.who->organisation, user.role));
  const auto password = request.field("password").value_or("");
  if (password.size() < 12) return Error{ErrorCode::invalid_input, "password: use at least 12 characters"};
  CLINAUDIT_TRY(auto hash, platform::hash_password(password));
  user.password_hash = std::move(hash);
  return context.store.add_user(user, context.actor());
}

}  // namespace clinaudit::http
