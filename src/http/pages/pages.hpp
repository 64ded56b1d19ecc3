#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "domain/audit_reports.hpp"
#include "domain/board_meeting_service.hpp"
#include "domain/criteria_commands.hpp"
#include "domain/dataset_setup.hpp"
#include "domain/measure_setup.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/register_setup.hpp"
#include "domain/survey_answers.hpp"
#include "http/app.hpp"
#include "http/import_flow.hpp"
#include "http/views.hpp"
#include "ingest/import_service.hpp"
#include "render/html.hpp"

// One builder per page: view data in, a whole HTML document out.
namespace clinaudit::http::pages {

// A demo account shown on the sign-in page in demo mode.
struct DemoAccount {
  std::string email;
  std::string role;
  std::string password;
};

std::string login_page(const Context& context, const std::string& next, const std::optional<Error>& error,
                       const std::string& email);
std::string dashboard_page(const Context& context, const DashboardView& view);
std::string audits_page(const Context& context, const std::vector<AuditRow>& rows, const AuditQuery& query);
std::string audit_page(const Context& context, const AuditView& view);
// The national body's home (/): its audits, open outlier cases by stage and deadline, the
// latest analysis runs and new CUSUM signals; no trust figures.
std::string national_home_page(const Context& context, const NationalHomeView& home);
// The national view (/national): the national home, then the year's national audits.
std::string national_index_page(const Context& context, const NationalIndexView& view);
std::string national_page(const Context& context, const NationalView& view);
std::string participation_page(const Context& context, const std::vector<ParticipationRow>& rows, FinancialYear year,
                               const std::optional<Error>& error, const std::string& message);
std::string actions_page(const Context& context, const std::vector<ActionRow>& rows, ActionFilter filter,
                         const std::vector<domain::User>& people, const std::vector<AuditRow>& audits,
                         const std::optional<Error>& error, const std::string& message);
// One action with its history and the forms that change it (those `context`'s user may use):
// `refused_form` ("edit", "owner", "due-date", "notes", "close", "reopen") is the form whose
// submission `error` refused, shown again with what was typed.
std::string action_page(const Context& context, const ActionDetail& detail, const std::vector<domain::User>& people,
                        const std::vector<AuditRow>& audits, const std::optional<Error>& error,
                        std::string_view refused_form, const std::string& message);
// Governance reports (http/report_routes.cpp): the index, the Quality Account section
// around report::quality_account_html, and a survey's results around report::survey_html.
std::string reports_page(const Context& context, const std::vector<domain::Survey>& surveys, Date meeting);
// `notes` (the deadline and the records' gaps) stand above the section, outside the text to paste.
std::string quality_account_page(const Context& context, FinancialYear year, const render::Html& notes,
                                 const render::Html& section);
std::string survey_page(const Context& context, const domain::Survey& survey, const render::Html& results);
// A one-time survey link (http/survey_routes.cpp): the questionnaire posting to `action`,
// showing `values` and a message at each question of `problems`; the thank-you page; and
// the page for a link that is used (error conflict) or unknown (anything else).
std::string survey_form_page(const Context& context, const domain::Survey& survey, const std::string& action,
                             const domain::SubmittedAnswers& values,
                             const std::vector<domain::AnswerProblem>& problems);
std::string survey_thanks_page(const Context& context, const domain::Survey& survey);
std::string survey_link_closed_page(const Context& context, const Error& error);
std::string national_provider_page(const Context& context, const NationalProviderView& view);
// A national audit's dataset (http/dataset_routes.cpp): its columns, and for those who may
// change it the form showing `draft` (the declared columns, or what was sent back with `error`).
std::string dataset_page(const Context& context, const domain::DatasetView& view,
                         const std::vector<domain::DatasetColumn>& draft, const std::optional<Error>& error,
                         const std::string& message);
std::string analysis_run_page(const Context& context, const AnalysisRunView& view);
// The caller's in-app notifications for today (the daily checks' messages addressed to them).
std::string notifications_page(const Context& context, const std::vector<domain::Notification>& rows);
// What the forms of an outlier case's page hold when shown again: a refusal (at the field
// it names: decision, note or reason) and what was typed.
struct OutlierCaseForms {
  std::optional<Error> error;
  std::string decision;  // "done", "confirm" or "withdraw"
  std::string note;
  std::string reason;
  bool reopening = false;  // the refusal is the reopening form's
  bool document = false;   // the refusal is the document upload's
};
std::string outlier_case_page(const Context& context, const OutlierCaseView& view, const OutlierCaseForms& forms = {});
// The confirmation step of completing a stage: "Complete stage '<stage>'?", restating the
// decision and the note, with Confirm and Go back (which shows the case's form again with
// what was typed).
std::string outlier_stage_confirmation_page(const Context& context, const OutlierCaseView& view,
                                            const domain::StageCompletionCheck& check, const std::string& decision,
                                            const std::string& note);
std::string outliers_page(const Context& context, const std::vector<OutlierRow>& rows);
// The organisation's users and the form to add one; a refused form keeps the name, e-mail
// address and role typed (never the password) and marks the field at fault.
std::string users_page(const Context& context, const std::vector<domain::User>& users,
                       const std::optional<Error>& error, const std::string& message);
// One user for an administrator: the form to change their name and role (as typed after a
// refusal), deactivating or reactivating them, and making a one-time password link; `link`
// is shown once, just after it was made.
std::string user_page(const Context& context, const domain::User& user, const std::optional<Error>& error,
                      const std::string& message, const std::optional<domain::PasswordResetLink>& link);
// The public page of a password reset link: the form for a new password (with `error` at
// it after a refusal), and the page after the password was set.
std::string password_reset_page(const Context& context, const domain::User& user, const std::optional<Error>& error);
std::string password_reset_done_page(const Context& context);

// The board engagement record (http/board_routes.cpp): the organisation's meetings with the
// engagement metrics and, when `choices` is given (the caller may record), the form showing
// `draft` with each of `problems` at its field; and one meeting with the actions it raised
// and, for a booked meeting awaiting its outcome when `choices` is given, the form recording
// it (from the meeting's day) in the same way.
std::string board_meetings_page(const Context& context, const domain::BoardMeetingList& list,
                                const std::optional<domain::BoardReferences>& choices,
                                const domain::BoardMeetingDraft& draft,
                                const std::vector<domain::FieldProblem>& problems, std::size_t item_rows,
                                std::size_t action_rows);
std::string board_meeting_page(const Context& context, const domain::BoardMeetingDetails& details,
                               const std::vector<ActionRow>& actions, const std::string& message,
                               const std::optional<domain::BoardReferences>& choices,
                               const domain::BoardMeetingDraft& draft,
                               const std::vector<domain::FieldProblem>& problems, std::size_t item_rows,
                               std::size_t action_rows);

// The CSV import pages (http/import_flow.cpp). `choices` holds what the signed-in user may
// import: the kinds of file and, for those who import episodes, the national audits.
struct ImportChoices {
  std::vector<ingest::ImportKind> kinds;
  bool episodes = false;
  std::optional<std::vector<domain::Audit>> audits;  // absent: no audit to choose
};
std::string import_page(const Context& context, const ImportChoices& choices);
// A checked file: its problems with the form again (offering `choices`), or the confirmation
// of a clean file (`choices` unused).
std::string import_check_page(const Context& context, const ImportCheck& check, const ImportChoices& choices);
// After an import: what was written, and the outlier checks of any yearly results.
std::string import_done_page(const Context& context, const ImportDone& done);

// The outlier-management stage table (http/timetable_routes.cpp): the table in force
// (`in_force` absent: the shipped default), the stored versions newest first, and the form
// showing `name` and `csv` with the `problems` of a refused table and a `message`.
struct OutlierTimetableView {
  domain::OutlierTimetable timetable;
  std::optional<domain::OutlierTimetableVersion> in_force;
  std::vector<domain::OutlierTimetableVersion> versions;
};
struct OutlierTimetableForm {
  std::vector<std::string> problems;
  std::string name;
  std::string csv;
  std::string message;
};
std::string outlier_timetable_page(const Context& context, const OutlierTimetableView& view,
                                   const OutlierTimetableForm& form);

// Setting up the register, audits and measures (http/setup_routes.cpp). Each form shows
// `values` (what was typed, or the record being changed), a refused change's `error` next
// to the form and at the field it names ("code: ..."), and a `message` after a change.
struct SetupForm {
  std::map<std::string, std::string> values;
  std::optional<Error> error;
  std::string message;
  std::string value(const std::string& name) const;
};
std::string organisations_page(const Context& context, const std::vector<domain::Organisation>& organisations,
                               const SetupForm& form);
// The organisation's details form (`form`), its users, and the form that adds one
// (`user_form`: what was typed, without the password, after a refusal).
std::string organisation_page(const Context& context, const domain::Organisation& organisation,
                              const std::vector<domain::User>& users, const SetupForm& form,
                              const SetupForm& user_form);
std::string national_audits_page(const Context& context, const std::vector<domain::Audit>& audits,
                                 const SetupForm& form);
// The audit's details form (`form`) and one Quality Account list form per year of `years`
// (`qa_form` is the one posted, naming its year).
std::string national_audit_page(const Context& context, const domain::NationalAuditSetup& setup,
                                const std::vector<FinancialYear>& years, const SetupForm& form,
                                const SetupForm& qa_form);
// Adding a local audit (`audit` absent) or changing one.
std::string local_audit_page(const Context& context, const std::optional<domain::Audit>& audit, const SetupForm& form);
std::string measures_page(const Context& context, const domain::AuditMeasures& view, const SetupForm& form);
std::string measure_page(const Context& context, const domain::Audit& audit, const domain::Measure& measure,
                         const SetupForm& form);
// Published audit reports (pages/audit_report_pages.cpp): the register, an audit's reports
// with the form to record one (holding `draft` after a refusal), and one report with the
// organisation's review form (holding `draft` after a refused review), the review's actions
// and the organisation's report tracker summary (`tracker`, pages/report_tracker_pages).
std::string audit_reports_page(const Context& context, const std::vector<domain::ReportRow>& rows);
std::string audit_report_list_page(const Context& context, const domain::Audit& audit,
                                   const std::vector<domain::ReportRow>& rows, const std::optional<Error>& error,
                                   const domain::NewReport& draft);
std::string audit_report_page(const Context& context, const domain::ReportDetails& details,
                              const std::vector<ActionRow>& actions, const std::optional<Error>& error,
                              const std::string& message, const std::optional<domain::NewReview>& draft = {},
                              const render::Html& tracker = {});

// Shared fragments.
render::Html actions_table(const Context& context, const std::vector<ActionRow>& rows, bool with_close);
render::Html outliers_table(const std::vector<OutlierRow>& rows, bool with_organisation);
// A case's level in words, coloured: red alarm, amber alert, blue better than expected.
render::Html outlier_level(const domain::OutlierCase& c);
render::Html measure_section(const MeasureView& view, bool national);
// An audit's published reports, for its page, with the link to record one.
render::Html audit_reports_section(const Context& context, const domain::Audit& audit,
                                   const std::vector<domain::ReportRow>& rows);

// An audit's criteria (http/pages/criteria_pages.cpp): the section of the audit's page, the
// form of one criterion (changing `criterion`, or a refused new one when it is empty), and
// the form of the results per criterion; `error` is a refusal to show with what was typed.
render::Html criteria_section(const Context& context, const domain::CriteriaView& view);
std::string criterion_page(const Context& context, const domain::CriteriaView& view,
                           const std::optional<CriterionId>& criterion, const std::optional<Error>& error);
std::string criterion_results_page(const Context& context, const domain::CriteriaView& view,
                                   const std::optional<Error>& error);

}  // namespace clinaudit::http::pages
