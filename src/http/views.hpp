#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/action_list.hpp"
#include "domain/analysis_run.hpp"
#include "domain/audit_overview.hpp"
#include "domain/audit_reports.hpp"
#include "domain/criteria_commands.hpp"
#include "domain/dashboard.hpp"
#include "domain/national_home.hpp"
#include "domain/notifications.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/participation_overview.hpp"
#include "domain/store.hpp"
#include "domain/user_admin.hpp"
#include "http/app.hpp"
#include "http/dashboard_cache.hpp"
#include "render/measure_charts.hpp"

// What each page and API route shows, apart from the transport: each function calls the
// domain use case of its question as the signed-in user (within their organisation scope,
// domain/access.hpp) and adds the charts that render/ draws from it; http/json_views.cpp
// writes the result as JSON and http/pages/ as HTML. Completing an outlier stage is a
// domain call too; the other writes check their form's fields and make one Store call.
namespace clinaudit::http {

using domain::ActionDetail;
using domain::ActionFilter;
using domain::ActionRow;
using domain::AuditQuery;
using domain::AuditRow;
using domain::MeasureSignal;
using domain::NationalRow;
using domain::OutlierRow;
using domain::ParticipationRow;
using domain::ParticipationSummary;
using CusumSignalRow = domain::AuditCusumSignal;
using DashboardView = domain::Dashboard;
using NationalHomeView = domain::NationalHome;
using OutlierCaseView = domain::OutlierCaseDetail;
using FunnelView = render::FunnelPanel;

// One measure as a page shows it: the use case's series with its charts drawn.
struct MeasureView {
  domain::Measure measure;
  std::vector<domain::MeasureResult> own_results;  // this organisation, by period
  std::optional<FunnelView> funnel;
  std::string variation;  // SPC icons over own results, when there are enough points
  std::string assurance;
  render::DrawnChart spc;  // the XmR chart of own results with its icons, when there are enough points
};

struct AuditView : domain::AuditOverview {
  std::vector<MeasureView> measures;
  std::vector<domain::ReportRow> reports;  // published reports the caller sees, with their review
  domain::CriteriaView criteria;           // its standards and results per criterion
};

struct NationalView : domain::NationalOverview {
  std::vector<MeasureView> measures;  // funnels over every provider, published or not
};

// What an analysis run computed, with the providers' names.
struct AnalysisRunView {
  domain::Audit audit;
  domain::AnalysisRun run;
  std::map<std::int64_t, std::string> names;  // organisation id -> name
};

// One provider in a national audit, for national analysts, with its charts drawn
// (domain::NationalProvider).
struct NationalProviderView {
  domain::Audit audit;
  domain::Organisation organisation;
  FinancialYear year;
  std::vector<std::pair<std::string, render::DrawnChart>> spc;  // measure name, chart
  // The national audit page's funnel of each measure, this provider ringed and named.
  std::vector<std::pair<std::string, render::FunnelPanel>> funnels;  // measure name, funnel
  std::string cusum_svg;                                             // "" when the year holds no episodes
  std::int64_t episodes = 0;
  std::int64_t cusum_signals = 0;
  bool cusum_computed = false;    // the year's CUSUM has been computed (domain::NationalProvider)
  std::string cusum_computed_at;  // when
  std::string cusum_note;         // why it gave no chart
};

// The organisation's dashboard with its JSON, shared with the server's kept copy
// (DashboardCache) rather than copied: a request reads it and never changes it.
Result<std::shared_ptr<const KeptDashboard>> dashboard_view(Context& context);

// The home page (/): the organisation's dashboard, or for the national body's people their
// national home (domain::national_home), where trust figures would mean nothing.
struct HomeView {
  std::shared_ptr<const KeptDashboard> dashboard;
  std::optional<NationalHomeView> national;
};
Result<HomeView> home_view(Context& context);

// The national view (/national): the national home, then the year's national audits.
struct NationalIndexView {
  NationalHomeView home;
  FinancialYear year;
  std::vector<AuditRow> audits;  // the national audits on the year's list, by title
};
Result<NationalIndexView> national_index_view(Context& context, FinancialYear year);
Result<std::vector<ParticipationRow>> participation_rows(Context& context, FinancialYear year);
Result<std::vector<AuditRow>> audit_register(Context& context, const AuditQuery& query);
Result<AuditView> audit_view(Context& context, AuditId id, FinancialYear year);
Result<NationalView> national_view(Context& context, AuditId id, FinancialYear year);
// Errors: not_found for a local or unknown audit or an unknown organisation.
Result<NationalProviderView> national_provider_view(Context& context, AuditId audit, OrganisationId organisation,
                                                    FinancialYear year);
Result<std::vector<OutlierRow>> outlier_rows(Context& context);
// Errors: not_found for a case the caller may not see (as for one that does not exist).
Result<OutlierCaseView> outlier_case_view(Context& context, OutlierCaseId id);
// Runs the national analysis of an audit for a financial year (domain::run_analysis) as the
// caller. Errors: not_found for a local or unknown audit; the run's errors.
Result<AnalysisRunView> run_national_analysis(Context& context, AuditId audit, FinancialYear year);
// Completes the case's current stage today with `decision` ("done", "confirm" or
// "withdraw") and a note, recorded against the caller. Errors: not_found as above;
// forbidden when the stage is the other party's; conflict when the case is closed;
// invalid_input for an unknown decision, a withdrawal outside review or an empty note.
Result<void> complete_outlier_stage(Context& context, OutlierCaseId id, const std::string& decision,
                                    const std::string& note);
// The same checks, writing nothing: what completing would record (the confirmation step).
Result<domain::StageCompletionCheck> check_outlier_stage(Context& context, OutlierCaseId id,
                                                         const std::string& decision, const std::string& note);
// Reopens the stage completed last (domain::reopen_outlier_stage) with a reason, as the caller.
Result<void> reopen_outlier_stage(Context& context, OutlierCaseId id, const std::string& reason);

Result<std::vector<ActionRow>> action_rows(Context& context, ActionFilter filter, std::optional<AuditId> audit);

// Writes: each reads the form's fields into a domain command (domain/participation_update,
// action_commands, user_admin) and runs it as the caller; the rules live there.
// Participation fields per audit id N: eligible_N, participating_N (yes|no|""),
// reason_N, completed_N (yes|no|""), submitted_N, required_N (whole numbers or "").
// Only audits named by a field are written. Errors: invalid_input naming the field.
Result<std::int64_t> save_participation(Context& context, FinancialYear year);
// Fields: title, due_on (YYYY-MM-DD), audit_id (optional), owner_id (optional), owner_name.
Result<ActionId> create_action(Context& context);
// Fields: evidence, completed_on (YYYY-MM-DD; without the field, today). Errors: not_found
// for another organisation's action, conflict when closed, invalid_input naming the field.
Result<void> close_action(Context& context, ActionId id);
// One action of the caller's organisation with its history (domain::action_detail).
Result<ActionDetail> action_detail(Context& context, ActionId id);
// The changes of an action (domain/action_commands), each with an entry in its history.
// Fields: title, audit_id (empty: no audit).
Result<void> edit_action(Context& context, ActionId id);
// Fields: owner_id (a user of the organisation), else owner_name (free text).
Result<void> reassign_action(Context& context, ActionId id);
// Fields: due_on (YYYY-MM-DD), reason.
Result<void> change_due_date(Context& context, ActionId id);
// Fields: note.
Result<void> add_progress_note(Context& context, ActionId id);
// Fields: reason.
Result<void> reopen_action(Context& context, ActionId id);
Result<std::vector<domain::User>> organisation_users(Context& context);
// The caller's in-app notifications for today: the messages of the daily checks
// (docs/governance.md, "Notifications") that the caller receives, whether or not they
// were e-mailed yet.
Result<std::vector<domain::Notification>> my_notifications(Context& context);
// Fields: email, name, role, password. Errors: invalid_input, conflict for a known email,
// forbidden for the national analyst role outside the national body.
Result<UserId> create_user(Context& context);
// One user of the caller's organisation (domain::organisation_user), without the password
// hash. Errors: not_found for another organisation's user.
Result<domain::User> organisation_user(Context& context, UserId id);
// Fields: name, role. Errors: as domain::edit_user.
Result<void> edit_user(Context& context, UserId id);
// Errors: as domain::set_user_active.
Result<void> set_user_active(Context& context, UserId id, bool active);
// Names the caller's organisation's chief executive from the form's `chief_executive` (a
// user id; empty for nobody). Errors: invalid_input ("chief_executive: ...") for a value
// that names no active user of the organisation; domain::name_chief_executive's.
Result<void> name_chief_executive(Context& context);
// A one-time link to set a new password (domain::start_password_reset), with a token from
// OpenSSL's random generator, stored as its SHA-256 hash.
Result<domain::PasswordResetLink> start_password_reset(Context& context, UserId id);
// The public link's user, and setting the password through it (field: password).
Result<domain::User> password_reset_user(Context& context, const std::string& token);
Result<UserId> reset_password(Context& context, const std::string& token);

// Parses a financial year query value ("2025/26"); the year containing today when empty.
Result<FinancialYear> year_from(const Context& context, const std::string& text);

}  // namespace clinaudit::http
