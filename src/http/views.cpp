#include "http/views.hpp"

#include <charconv>
#include <map>

#include "domain/access.hpp"
#include "domain/action_commands.hpp"
#include "domain/measure_series.hpp"
#include "domain/participation_update.hpp"
#include "domain/user_admin.hpp"
#include "http/dashboard_cache.hpp"
#include "http/document_views.hpp"
#include "http/json_views.hpp"
#include "platform/password.hpp"
#include "platform/random_token.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {

namespace {

// The use case's measures with their charts drawn; the own-results SPC chart only when
// `with_spc`.
std::vector<MeasureView> drawn(std::vector<domain::MeasureSeries> series, bool with_spc) {
  std::vector<MeasureView> out;
  for (auto& item : series) {
    MeasureView view;
    if (with_spc && item.own_chart) {
      view.spc = render::own_results_spc(item.measure, *item.own_chart, item.own_periods);
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

Result<std::shared_ptr<const KeptDashboard>> dashboard_view(Context& context) {
  const Date today = context.clock.today();
  const auto computed_now = [&context, today]() -> Result<std::shared_ptr<const KeptDashboard>> {
    CLINAUDIT_TRY(auto computed, domain::dashboard_for(context.store, context.principal(), today));
    auto kept = std::make_shared<KeptDashboard>();
    kept->json = to_json(computed);
    kept->dashboard = std::move(computed);
    return std::shared_ptr<const KeptDashboard>(std::move(kept));
  };
  if (context.dashboards == nullptr) return computed_now();
  // The version before the records: a change committed while the dashboard is computed moves
  // it on, so the next request computes the dashboard again rather than keep an older one.
  CLINAUDIT_TRY(const auto version, context.store.data_version());
  const OrganisationId organisation = context.principal().organisation_id;
  if (auto held = context.dashboards->find(organisation, today, version)) return held;
  CLINAUDIT_TRY(auto kept, computed_now());
  context.dashboards->keep(organisation, today, version, kept);
  return kept;
}

Result<HomeView> home_view(Context& context) {
  if (!allows(context.principal(), Permission::view_organisation)) {
    return Error{ErrorCode::forbidden, "your role sees outlier cases only"};
  }
  HomeView view;
  if (domain::is_national_body(context.principal())) {
    CLINAUDIT_TRY(auto home, domain::national_home(context.store, context.principal(), context.clock.today()));
    view.national = std::move(home);
  } else {
    CLINAUDIT_TRY(auto dashboard, dashboard_view(context));
    view.dashboard = std::move(dashboard);
  }
  return view;
}

Result<NationalIndexView> national_index_view(Context& context, FinancialYear year) {
  NationalIndexView view;
  CLINAUDIT_TRY(auto home, domain::national_home(context.store, context.principal(), context.clock.today()));
  view.home = std::move(home);
  view.year = year;
  AuditQuery query;
  query.year = year;
  query.national_only = true;
  CLINAUDIT_TRY(auto rows, audit_register(context, query));
  // An analyst of one audit supplier is shown its audits only.
  std::erase_if(rows, [&context](const AuditRow& row) {
    return context.principal().supplier && !domain::acts_for_audit_provider(context.principal(), row.audit);
  });
  view.audits = std::move(rows);
  return view;
}

Result<std::vector<AuditRow>> audit_register(Context& context, const AuditQuery& query) {
  return domain::audit_register(context.store, context.principal(), query);
}

Result<AuditView> audit_view(Context& context, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY(auto overview,
                domain::audit_overview(context.store, context.principal(), context.clock.today(), id, year));
  CLINAUDIT_TRY(auto measures, domain::measure_series(context.store, context.principal(), id, false));
  CLINAUDIT_TRY(auto reports, domain::audit_report_list(context.store, context.principal(), id));
  CLINAUDIT_TRY(auto criteria, domain::criteria_view(context.store, context.principal(), id));
  return AuditView{std::move(overview), drawn(std::move(measures), true), std::move(reports), std::move(criteria)};
}

Result<NationalView> national_view(Context& context, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY_VOID(domain::audit_for_provider(context.store, context.principal(), id));
  CLINAUDIT_TRY(auto overview, domain::national_overview(context.store, id, year));
  CLINAUDIT_TRY(auto measures, domain::measure_series(context.store, context.principal(), id, true));
  return NationalView{std::move(overview), drawn(std::move(measures), false)};
}

Result<NationalProviderView> national_provider_view(Context& context, AuditId id, OrganisationId organisation,
                                                    FinancialYear year) {
  CLINAUDIT_TRY_VOID(domain::audit_for_provider(context.store, context.principal(), id));
  CLINAUDIT_TRY(auto provider, domain::national_provider(context.store, id, organisation, year));
  NationalProviderView view;
  for (const auto& item : provider.spc) {
    if (auto chart = render::measure_spc(item.measure, item.chart, item.periods,
                                         item.measure.name + ": " + provider.organisation.name + " by period");
        !chart.svg.empty()) {
      view.spc.emplace_back(item.measure.name, std::move(chart));
    }
  }
  // The funnels the national audit page draws (no new fit), with this provider pointed out.
  CLINAUDIT_TRY(auto measures, domain::measure_series(context.store, context.principal(), id, true));
  for (auto& item : measures) {
    if (!item.funnel) continue;
    item.funnel->own_unit = provider.organisation.name;
    view.funnels.emplace_back(item.measure.name, render::funnel_panel(item.measure, *item.funnel, "this provider"));
  }
  if (provider.cusum) {
    view.cusum_svg = render::provider_cusum_svg(
        *provider.cusum, "Risk-adjusted CUSUM, " + provider.organisation.name + ", " + year.to_string());
  }
  view.episodes = provider.episodes;
  view.cusum_signals = provider.cusum_signals;
  view.cusum_computed = provider.cusum_computed;
  view.cusum_computed_at = std::move(provider.cusum_computed_at);
  view.cusum_note = std::move(provider.cusum_note);
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

Result<domain::StageCompletionCheck> check_outlier_stage(Context& context, OutlierCaseId id,
                                                         const std::string& decision, const std::string& note) {
  return domain::check_outlier_stage_completion(context.store, context.principal(), context.clock.today(),
                                                domain::StageCompletion{id, decision, note, context.clock.now_iso()});
}

Result<void> reopen_outlier_stage(Context& context, OutlierCaseId id, const std::string& reason) {
  return domain::reopen_outlier_stage(context.store, context.principal(), context.clock.today(),
                                      domain::StageReopening{id, reason, context.clock.now_iso()});
}

Result<AnalysisRunView> run_national_analysis(Context& context, AuditId audit_id, FinancialYear year) {
  CLINAUDIT_TRY(auto audit, domain::audit_for_provider(context.store, context.principal(), audit_id));
  CLINAUDIT_TRY(auto run, domain::run_national_analysis(context.store, audit, year, context.clock.today(),
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
  // The editor names its fields by audit id (eligible_N, participating_N...); the use case
  // checks that each audit named is on the year's list.
  constexpr std::string_view kEligible = "eligible_";
  const Request& request = context.request;
  std::vector<domain::ParticipationAnswer> answers;
  for (const auto& [name, value] : request.fields) {
    if (!name.starts_with(kEligible)) continue;
    const std::string n = name.substr(kEligible.size());
    CLINAUDIT_TRY(const auto id, id_from(n));
    domain::ParticipationAnswer answer;
    answer.audit = AuditId{id};
    answer.eligible = yes_no(value);
    answer.participating = yes_no(request.field("participating_" + n).value_or(""));
    answer.reason_not_participating = request.field("reason_" + n).value_or("");
    answer.data_collection_completed = yes_no(request.field("completed_" + n).value_or(""));
    CLINAUDIT_TRY(answer.cases_submitted, count_field(request, "submitted_" + n));
    CLINAUDIT_TRY(answer.cases_required, count_field(request, "required_" + n));
    answers.push_back(std::move(answer));
  }
  return domain::record_participation(context.store, context.principal(), context.actor(), year, answers);
}

Result<ActionId> create_action(Context& context) {
  const Request& request = context.request;
  domain::NewAction action;
  action.title = request.field("title").value_or("");
  if (auto due = Date::parse(request.field("due_on").value_or(""))) action.due_on = *due;
  if (const auto audit = request.field("audit_id").value_or(""); !audit.empty()) {
    CLINAUDIT_TRY(auto id, id_from(audit));
    action.audit = AuditId{id};
  }
  if (const auto owner = request.field("owner_id").value_or(""); !owner.empty()) {
    CLINAUDIT_TRY(auto id, id_from(owner));
    action.owner = UserId{id};
  }
  action.owner_name = request.field("owner_name").value_or("");
  action.source = domain::parse_action_source(request.field("source").value_or(""));
  action.raised_on = context.clock.today();
  return domain::raise_action(context.store, context.principal(), context.actor(), action);
}

namespace {

// The date in `text`, or none when it is missing or not a date (the use case names the field).
std::optional<Date> date_or_none(const std::string& text) {
  auto parsed = Date::parse(text);
  if (!parsed) return std::nullopt;
  return *parsed;
}

}  // namespace

Result<void> close_action(Context& context, ActionId id) {
  const Request& request = context.request;
  domain::ActionCompletion completion;
  completion.evidence = request.field("evidence").value_or("");
  const auto day = request.field("completed_on");
  if (!day) {
    completion.completed_on = context.clock.today();  // the API's older form: done today
  } else {
    completion.completed_on = date_or_none(*day);
  }
  // A file sent with the completion is checked before anything is written, so that a wrong
  // one leaves the action open and the form as it was typed.
  const bool with_file = request.files.contains("completion_document");
  const auto upload = uploaded_file(context, "completion_document");
  const auto rules = document_rules(context);
  if (with_file) {
    if (auto checked = domain::checked_upload(upload, rules); !checked) {
      auto error = checked.error();
      if (error.message.rfind("document: ", 0) == 0) error.message = "completion_" + error.message;
      return error;
    }
  }
  CLINAUDIT_TRY_VOID(
      domain::complete_action(context.store, context.principal(), context.actor(), context.clock, id, completion));
  if (with_file) {
    CLINAUDIT_TRY_VOID(domain::attach_action_document(context.store, context.principal(), context.actor(),
                                                      context.clock, id, upload, rules));
  }
  return {};
}

Result<ActionDetail> action_detail(Context& context, ActionId id) {
  return domain::action_detail(context.store, context.principal(), context.clock.today(), id);
}

Result<void> edit_action(Context& context, ActionId id) {
  const Request& request = context.request;
  domain::ActionEdit edit;
  edit.title = request.field("title").value_or("");
  if (const auto audit = request.field("audit_id").value_or(""); !audit.empty()) {
    CLINAUDIT_TRY(auto audit_id, id_from(audit));
    edit.audit = AuditId{audit_id};
  }
  return domain::edit_action(context.store, context.principal(), context.actor(), context.clock, id, edit);
}

Result<void> reassign_action(Context& context, ActionId id) {
  const Request& request = context.request;
  std::optional<UserId> owner;
  if (const auto chosen = request.field("owner_id").value_or(""); !chosen.empty()) {
    CLINAUDIT_TRY(auto user, id_from(chosen));
    owner = UserId{user};
  }
  return domain::reassign_action(context.store, context.principal(), context.actor(), context.clock, id, owner,
                                 request.field("owner_name").value_or(""));
}

Result<void> change_due_date(Context& context, ActionId id) {
  const Request& request = context.request;
  return domain::change_due_date(context.store, context.principal(), context.actor(), context.clock, id,
                                 date_or_none(request.field("due_on").value_or("")),
                                 request.field("reason").value_or(""));
}

Result<void> add_progress_note(Context& context, ActionId id) {
  return domain::add_progress_note(context.store, context.principal(), context.actor(), context.clock, id,
                                   context.request.field("note").value_or(""));
}

Result<void> reopen_action(Context& context, ActionId id) {
  return domain::reopen_action(context.store, context.principal(), context.actor(), context.clock, id,
                               context.request.field("reason").value_or(""));
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
  domain::NewUser person;
  person.email = request.field("email").value_or("");
  person.display_name = request.field("name").value_or("");
  person.role = domain::parse_role(request.field("role").value_or(""));
  person.password = request.field("password").value_or("");
  return domain::add_user(context.store, context.who->organisation, context.actor(), std::move(person),
                          [](std::string_view password) { return platform::hash_password(password); });
}

namespace {

const domain::ResetTokens& reset_tokens() {
  static const domain::ResetTokens kTokens{[] { return platform::openssl_random_hex(32); },
                                           [](std::string_view token) { return platform::sha256_hex(token); }};
  return kTokens;
}

Result<std::string> argon2id(std::string_view password) { return platform::hash_password(password); }

}  // namespace

Result<domain::User> organisation_user(Context& context, UserId id) {
  CLINAUDIT_TRY(auto user, domain::organisation_user(context.store, context.who->organisation, id));
  user.password_hash.clear();
  return user;
}

Result<void> edit_user(Context& context, UserId id) {
  const Request& request = context.request;
  domain::UserChanges changes;
  changes.display_name = request.field("name").value_or("");
  changes.role = domain::parse_role(request.field("role").value_or(""));
  return domain::edit_user(context.store, context.who->organisation, context.actor(), id, std::move(changes));
}

Result<void> set_user_active(Context& context, UserId id, bool active) {
  return domain::set_user_active(context.store, context.who->organisation, context.actor(), id, active);
}

Result<void> name_chief_executive(Context& context) {
  const auto chosen = context.request.field("chief_executive").value_or("");
  std::optional<UserId> user;
  const Error unknown{ErrorCode::invalid_input, "chief_executive: choose a person from the list"};
  if (!chosen.empty()) {
    const auto id = id_from(chosen);
    if (!id) return unknown;
    user = UserId{*id};
  }
  auto named = domain::name_chief_executive(context.store, context.who->organisation, context.actor(), user);
  if (!named && named.error().code == ErrorCode::not_found) return unknown;
  return named;
}

Result<domain::PasswordResetLink> start_password_reset(Context& context, UserId id) {
  return domain::start_password_reset(context.store, context.clock, reset_tokens(), context.who->organisation,
                                      context.actor(), id);
}

Result<domain::User> password_reset_user(Context& context, const std::string& token) {
  return domain::password_reset_user(context.store, context.clock, reset_tokens(), token);
}

Result<UserId> reset_password(Context& context, const std::string& token) {
  return domain::reset_password(context.store, context.clock, reset_tokens(), token,
                                context.request.field("password").value_or(""), argon2id);
}

}  // namespace clinaudit::http
