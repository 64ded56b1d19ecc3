#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/organisation.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

// What a notification is about (docs/governance.md, "Notifications", says who gets each).
enum class NotificationKind {
  outlier_opened,              // a new outlier case
  stage_deadline_approaching,  // an outlier stage is due within the warning window
  stage_deadline_passed,       // an outlier stage is overdue
  stage_escalation,            // ... by more than the escalation threshold: senior managers told
  action_due_soon,             // an open action is due within the next days
  action_overdue,              // an open action is past its due date
  action_escalation,           // ... by more than the escalation threshold: audit managers told
  report_published,            // a national report awaits the organisation's review
  report_not_reviewed,         // ... and still does some weeks after publication
  cusum_alert,                 // an analysis run found a new CUSUM signal of worse outcomes than expected
  board_meeting_soon,          // a booked board meeting is days away: its pack is ready
  board_outcome_not_recorded,  // a board meeting was held some days ago and its outcome is not recorded
  proposal_awaiting_decision,  // a local audit proposal has waited too long for the audit team's decision
  local_audit_past_end,        // an approved local audit is past its planned end date and not finished
  nice_review_overdue,         // NICE guidance that may apply is past its review date
  regulator_alarm_confirmed,   // the regulator is told of an outlier alarm the audit provider confirmed
  regulator_escalation,        // ... and of a provider that missed an alarm stage's deadline
};
std::string_view to_string(NotificationKind kind);

// One message for one or more people, in-app and by e-mail. `key` identifies the event
// (e.g. "outlier:12:review:deadline_passed:2026-04-09"): the daily job sends each key once,
// so a key changes when the event recurs (a new stage, a new due date).
struct Notification {
  std::string key;
  NotificationKind kind = NotificationKind::outlier_opened;
  OrganisationId organisation_id;       // the organisation the event concerns
  std::vector<std::string> recipients;  // e-mail addresses of active users, sorted, unique, never empty
  std::string subject;                  // one line, plain text
  std::string body;                     // plain text, lines separated by '\n'
  // What it is about, as a path of the web application: the outlier case ("/outliers/12"),
  // the action ("/actions/7"), the published report ("/audit-reports/3"), NICE guidance
  // ("/nice/2"), the measure whose
  // CUSUM signalled ("/measures/5") or the board meeting ("/board-meetings/4"). Never empty.
  std::string link;
  std::string link_text;  // the link's words, e.g. "Open outlier case 12"
  // The outlier case a regulator_escalation escalates: the daily job records the escalation
  // on the case (OutlierCase::escalated_on) once the notification is sent.
  std::optional<OutlierCaseId> escalates = std::nullopt;
};

// The link of `notification` as an e-mail gives it: absolute under `public_url` (the server's
// address as people reach it, e.g. "https://audit.example.nhs.uk", trailing '/' ignored), or
// the path alone when no public address is configured.
std::string notification_url(const Notification& notification, std::string_view public_url);

// The text of the e-mail of `notification`: its body, then its link (notification_url).
std::string notification_email_body(const Notification& notification, std::string_view public_url);

// The thresholds of the daily checks. Working days follow the calendar given (weekends and
// bank holidays not counted); `action_due_soon_days` counts calendar days.
struct NotificationRules {
  int stage_warn_working_days = 2;
  int stage_escalate_after_working_days = 5;
  int action_due_soon_days = 7;
  int action_escalate_after_working_days = 10;
  // A new outlier case or a published report is announced while it is at most this many
  // working days old, so that a day the job did not run is caught up.
  int announce_within_working_days = 5;
  int report_review_reminder_working_days = 20;
  // A local audit proposal reminds the audit managers once it has waited longer than this.
  int proposal_decision_working_days = 10;
  // A booked board meeting is announced to the board members this many calendar days ahead.
  int board_meeting_notice_days = 7;
  // A meeting whose outcome is not recorded this many working days after it is reminded to
  // the audit managers, while it is at most `board_outcome_within_days` calendar days old.
  int board_outcome_after_working_days = 5;
  int board_outcome_within_days = 90;
};

// A board or committee meeting and whether its outcome (what it looked at, decided or raised)
// is recorded: a booked meeting has none until it is.
struct MeetingState {
  BoardMeeting meeting;
  bool outcome_recorded = false;
};

// Everything the daily checks read, loaded in one go so that the rules stay pure.
struct NotificationInputs {
  std::vector<Organisation> organisations;
  std::vector<User> users;
  std::vector<Audit> audits;      // those the cases, actions and reviews refer to
  std::vector<Measure> measures;  // those the cases refer to
  std::vector<OutlierCase> outlier_cases;
  std::vector<Action> actions;
  std::vector<ReportReview> report_reviews;
  std::vector<ReportAssignment> report_assignments;  // the report tracker's leads and deadlines
  std::vector<StoredCusumAlert> cusum_alerts;
  std::vector<MeetingState> board_meetings;
  std::vector<LocalAuditEntry> local_audits;  // their Audit records are in `audits`
  std::vector<NiceGuidance> nice_guidance;    // the NICE guidance registers
};

// Reads the inputs from the store: every organisation and user, and the outlier cases,
// CUSUM alerts, actions, report reviews and board meetings of `organisation` (of every
// organisation when absent: the daily job and the national body). Board meetings are those
// held on or after `meetings_since` (all when absent), so that old meetings cost nothing.
// Errors: those of the store.
Result<NotificationInputs> load_notification_inputs(Store& store,
                                                    std::optional<OrganisationId> organisation = std::nullopt,
                                                    std::optional<Date> meetings_since = std::nullopt);

// The first day of the board meetings that the checks on `today` under `rules` look at.
Date meetings_since(Date today, const NotificationRules& rules);

// The notifications that hold on `today`, in a stable order (outlier cases, then CUSUM
// alerts, then actions, then report reviews, then board meetings, then local audits, each by id). Recipients by kind:
//   outlier_opened: the organisation's audit managers and clinical leads, and the national
//     analysts when the case is an alarm worse than expected; while an alarm is at the audit
//     provider's own check of the data (the first stage of the alarm track, when the audit
//     provider owns it) only the national analysts, and the organisation hears of the
//     potential outlier once the case is at the next stage (key "outlier:ID:provider_told");
//   stage deadline approaching / passed: the stage owner's people (the audit provider's
//     national analysts, the provider's clinical leads and audit managers, or for a chief
//     executive's stage the provider's named chief executive and its audit managers);
//   stage escalation: those, and the owner's senior managers (the national body's admins,
//     or the provider's admins and board members: the chief executive and medical director);
//   action due soon / overdue: the owner (the audit managers when the owner has no account);
//     action escalation: the owner and the organisation's audit managers;
//   report published / not reviewed: the organisation's audit managers and clinical leads,
//     and the report's assigned lead; an assigned report's reminder comes once its deadline
//     has passed (also for one without a review record), another's some weeks after
//     publication;
//   cusum_alert (an upper-chart signal, announced while the run that raised it is at most
//     `announce_within_working_days` old): the organisation's audit managers and clinical leads;
//   board_meeting_soon (a meeting whose outcome is not recorded, from `board_meeting_notice_days`
//     before it to its day): the organisation's board members;
//   board_outcome_not_recorded (from `board_outcome_after_working_days` after the meeting while
//     it is at most `board_outcome_within_days` old): the organisation's audit managers;
//   proposal_awaiting_decision (a local audit proposal waiting more than
//     `proposal_decision_working_days`): the organisation's audit managers;
//   local_audit_past_end (approved, not finished, past its planned end date): its lead (when
//     a user) and the organisation's audit managers;
//   regulator_alarm_confirmed (an alarm worse than expected, confirmed at its review, while it
//     is at the stage after the review, up to that stage's deadline) and
//     regulator_escalation (a stage of an alarm that the provider or its chief executive owns,
//     late by more than the escalation threshold): the regulators.
// Only active users receive anything; a notification with no one to receive it is left out.
// Pure; safe from any thread.
std::vector<Notification> daily_notifications(const NotificationInputs& inputs, Date today,
                                              const OutlierTimetable& timetable, const WorkingDayCalendar& calendar,
                                              const NotificationRules& rules = {});

// The notifications `email` receives (the in-app list of one user), in the same order.
std::vector<Notification> notifications_for(const std::vector<Notification>& all, std::string_view email);

// The in-app list of `who` on `today`: the day's notifications (daily_notifications under
// the outlier timetable in force and the England and Wales working days) that `who`
// receives, whether or not they were e-mailed yet. A national analyst and any user of the
// national body hear about every organisation's cases; anyone else about their own
// organisation's. Errors: the store's.
Result<std::vector<Notification>> in_app_notifications(Store& store, const Principal& who, Date today);

}  // namespace clinaudit::domain
