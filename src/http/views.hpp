#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/analysis_run.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/notifications.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "http/app.hpp"

// The API's semantics, apart from the transport: each function reads (or writes) what
// one page or API route shows, within the caller's organisation scope (http/policy.hpp),
// and returns plain data that http/json_views.cpp writes as JSON and http/pages/ as HTML.
namespace clinaudit::http {

// One national audit on the Quality Account list and this organisation's record for it.
struct ParticipationRow {
  domain::Audit audit;
  bool eligible_by_type = false;  // the list names this organisation's type
  std::optional<domain::Participation> record;
};

struct ParticipationSummary {
  std::int64_t on_list = 0;                       // audits on the year's list for this organisation's type
  std::int64_t eligible = 0;                      // recorded as eligible
  std::int64_t participating = 0;                 // recorded as taking part
  std::int64_t not_recorded = 0;                  // on the list, no eligibility recorded: a gap to fix
  std::optional<double> mean_case_ascertainment;  // over rows with both counts
};

// A measure whose latest SPC point is a special cause of concern, or which has an open
// unfavourable outlier case.
struct MeasureSignal {
  domain::Audit audit;
  domain::Measure measure;
  std::string variation;  // the Making Data Count variation icon, e.g. "concern_high"
  std::string assurance;
  std::string latest_period;
  std::optional<double> latest_value;
};

struct OutlierRow {
  domain::OutlierCase item;
  std::string audit_title;
  std::string measure_name;
  std::string organisation_name;
};

// One outlier case with its track's stages, the record of who did what, and whether the
// caller may complete the current stage.
struct OutlierCaseView {
  OutlierRow row;
  std::vector<domain::OutlierStage> stages;  // the stages of its track, in order
  std::vector<domain::OutlierEvent> events;
  std::map<std::int64_t, std::string> people;  // user id -> email, for the events
  bool may_act = false;
};

// What an analysis run computed, with the providers' names.
struct AnalysisRunView {
  domain::Audit audit;
  domain::AnalysisRun run;
  std::map<std::int64_t, std::string> names;  // organisation id -> name
};

struct ActionRow {
  domain::Action item;
  std::string audit_title;
  std::string owner;
  bool overdue = false;
};

// A risk-adjusted CUSUM signal of one of this organisation's national audits.
struct CusumSignalRow {
  domain::Audit audit;
  domain::CusumAlert alert;
};

struct DashboardView {
  FinancialYear year;
  Date today;
  ParticipationSummary participation;
  std::int64_t open_alerts = 0;
  std::int64_t open_alarms = 0;
  std::vector<OutlierRow> open_outliers;
  std::vector<MeasureSignal> deteriorating;
  std::vector<CusumSignalRow> cusum_signals;  // this organisation's, in the last 12 months
  std::vector<ActionRow> overdue_actions;
  std::int64_t open_actions = 0;
  std::optional<domain::BoardMeeting> next_meeting;
};

struct AuditRow {
  domain::Audit audit;
  std::optional<domain::Participation> participation;  // this organisation's, for the year
};

struct AuditQuery {
  std::optional<domain::AuditKind> kind;  // none: all
  bool local_only = false;
  bool national_only = false;
  std::optional<domain::AuditStatus> status;
  std::string topic;
  FinancialYear year;
};

// A funnel plot of one measure's latest period: SVG plus the units, flagged.
struct FunnelView {
  std::string period;
  std::string svg;  // empty when there are too few units to draw
  std::string note;
  std::vector<std::pair<std::string, std::string>> flags;  // unit name, flag
};

struct MeasureView {
  domain::Measure measure;
  std::vector<domain::MeasureResult> own_results;  // this organisation, by period
  std::optional<FunnelView> funnel;
  std::string variation;  // SPC icons over own results, when there are enough points
  std::string assurance;
  std::string spc_svg;  // the XmR chart of own results with its icons, when there are enough points
};

struct AuditView {
  domain::Audit audit;
  FinancialYear year;
  std::optional<domain::Participation> participation;
  std::vector<MeasureView> measures;
  std::vector<OutlierRow> outliers;
  std::vector<domain::ReportReview> reviews;
  std::vector<ActionRow> actions;
};

struct NationalRow {
  domain::Organisation organisation;
  std::optional<domain::Participation> participation;
};

struct NationalView {
  domain::Audit audit;
  FinancialYear year;
  std::vector<NationalRow> providers;
  std::vector<MeasureView> measures;                     // funnels over every provider, published or not
  std::vector<domain::AnalysisRunRecord> runs;           // the year's analysis runs, newest first
  std::vector<domain::StoredCusumAlert> alerts;          // CUSUM signals in the year, by date
  std::map<OrganisationId, std::string> provider_names;  // for the alerts
};

// One provider in a national audit, for national analysts: its SPC chart per measure and
// its risk-adjusted CUSUM over the year's episodes (the case-mix model fitted on every
// provider's episodes of the year).
struct NationalProviderView {
  domain::Audit audit;
  domain::Organisation organisation;
  FinancialYear year;
  std::vector<std::pair<std::string, std::string>> spc;  // measure name, SVG
  std::string cusum_svg;                                 // "" when the year holds no episodes
  std::int64_t episodes = 0;
  std::int64_t cusum_signals = 0;
};

struct UserRow {
  domain::User user;
};

Result<DashboardView> dashboard_view(Context& context);
Result<std::vector<ParticipationRow>> participation_rows(Context& context, FinancialYear year);
ParticipationSummary summarise(const std::vector<ParticipationRow>& rows);
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
// invalid_input for an unknown decision or a withdrawal outside review.
Result<void> complete_outlier_stage(Context& context, OutlierCaseId id, const std::string& decision,
                                    const std::string& note);

enum class ActionFilter { all, mine, overdue };
Result<std::vector<ActionRow>> action_rows(Context& context, ActionFilter filter, std::optional<AuditId> audit);

// Writes: each validates the fields it is given and makes one Store call.
// Participation fields per audit id N: eligible_N, participating_N (yes|no|""),
// reason_N, completed_N (yes|no|""), submitted_N, required_N (whole numbers or "").
// Only audits named by a field are written. Errors: invalid_input naming the field.
Result<std::int64_t> save_participation(Context& context, FinancialYear year);
// Fields: title, due_on (YYYY-MM-DD), audit_id (optional), owner_id (optional), owner_name.
Result<ActionId> create_action(Context& context);
// Fields: evidence. Errors: not_found for another organisation's action, conflict when closed.
Result<void> close_action(Context& context, ActionId id);
Result<std::vector<domain::User>> organisation_users(Context& context);
// The caller's in-app notifications for today: the messages of the daily checks
// (docs/governance.md, "Notifications") that the caller receives, whether or not they
// were e-mailed yet.
Result<std::vector<domain::Notification>> my_notifications(Context& context);
// Fields: email, name, role, password. Errors: invalid_input, conflict for a known email,
// forbidden for the national analyst role outside the national body.
Result<UserId> create_user(Context& context);

// Parses a financial year query value ("2025/26"); the year containing today when empty.
Result<FinancialYear> year_from(const Context& context, const std::string& text);

}  // namespace clinaudit::http
