#include "domain/notifications.hpp"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <map>
#include <set>
#include <utility>

#include "domain/board_meeting_notifications.hpp"
#include "domain/display_names.hpp"
#include "domain/outlier_casework.hpp"

namespace clinaudit::domain {

namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};

// "2026-04-09 (Thursday)": a due date people can place in their week.
std::string day_text(Date date) {
  return date.to_string() + " (" + std::string(kWeekdays[date.iso_weekday() - 1]) + ")";
}

std::string plural(std::int64_t count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

// Looks records up by id and people up by organisation and role.
class Directory {
 public:
  explicit Directory(const NotificationInputs& inputs) : inputs_(inputs) {
    for (const auto& row : inputs.organisations) organisations_[row.id] = &row;
    for (const auto& row : inputs.audits) audits_[row.id] = &row;
    for (const auto& row : inputs.measures) measures_[row.id] = &row;
    for (const auto& row : inputs.users) users_[row.id] = &row;
  }

  std::string organisation_name(OrganisationId id) const {
    const auto found = organisations_.find(id);
    if (found == organisations_.end()) return "organisation " + std::to_string(id.value);
    return found->second->name + " (" + found->second->code + ")";
  }
  std::string audit_name(AuditId id) const {
    const auto found = audits_.find(id);
    if (found == audits_.end()) return "audit " + std::to_string(id.value);
    return found->second->title + " (" + found->second->code + ")";
  }
  std::string measure_name(MeasureId id) const {
    const auto found = measures_.find(id);
    return found == measures_.end() ? "measure " + std::to_string(id.value) : found->second->name;
  }
  // A case's value or limit as its page states it (outlier_value_words).
  std::string value_words(const OutlierCase& row, double value) const {
    const auto found = measures_.find(row.measure_id);
    return outlier_value_words(row, found == measures_.end() ? nullptr : found->second, value);
  }
  const Audit* audit(AuditId id) const {
    const auto found = audits_.find(id);
    return found == audits_.end() ? nullptr : found->second;
  }
  const User* user(UserId id) const {
    const auto found = users_.find(id);
    return found == users_.end() ? nullptr : found->second;
  }

  // Active users of `organisation` with one of `roles`, added to `out`.
  void add_people(std::set<std::string>& out, OrganisationId organisation, std::initializer_list<Role> roles) const {
    for (const auto& row : inputs_.users) {
      if (row.active && row.organisation_id == organisation && has_role(row, roles)) out.insert(row.email);
    }
  }
  // The organisation's chief executive for the outlier process, when named and active.
  void add_chief_executive(std::set<std::string>& out, OrganisationId organisation) const {
    const auto found = organisations_.find(organisation);
    if (found == organisations_.end() || !found->second->chief_executive) return;
    const User* person = user(*found->second->chief_executive);
    if (person != nullptr && person->active) out.insert(person->email);
  }
  // Active regulators (their accounts are filed under the national body).
  void add_regulators(std::set<std::string>& out) const {
    for (const auto& row : inputs_.users) {
      if (row.active && row.role == Role::regulator) out.insert(row.email);
    }
  }
  // Active users with one of `roles` in any national body, for `audit_id`'s cases: a national
  // analyst who works for an audit supplier hears of that supplier's audits only.
  void add_national(std::set<std::string>& out, std::initializer_list<Role> roles, AuditId audit_id) const {
    const Audit* about = audit(audit_id);
    for (const auto& row : inputs_.users) {
      if (!row.active || !has_role(row, roles)) continue;
      if (row.supplier_id && (about == nullptr || about->supplier_id != row.supplier_id)) continue;
      const auto found = organisations_.find(row.organisation_id);
      const bool national = found != organisations_.end() && found->second->type == OrganisationType::national_body;
      // A national analyst speaks for the audit provider wherever the account was filed.
      if (national || row.role == Role::national_analyst) out.insert(row.email);
    }
  }

 private:
  static bool has_role(const User& row, std::initializer_list<Role> roles) {
    return std::find(roles.begin(), roles.end(), row.role) != roles.end();
  }

  const NotificationInputs& inputs_;
  std::map<OrganisationId, const Organisation*> organisations_;
  std::map<AuditId, const Audit*> audits_;
  std::map<MeasureId, const Measure*> measures_;
  std::map<UserId, const User*> users_;
};

void add_notification(std::vector<Notification>& out, const std::set<std::string>& recipients,
                      Notification notification) {
  if (recipients.empty()) return;
  notification.recipients.assign(recipients.begin(), recipients.end());
  out.push_back(std::move(notification));
}

std::string footer(Date today) {
  return "\nSent by the daily checks of clinaudit for " + today.to_string() +
         ". Working days exclude weekends and bank holidays in England and Wales.\n";
}

std::string case_description(const OutlierCase& row, const Directory& directory) {
  const std::string measure = row.notice ? row.notice->measure : directory.measure_name(row.measure_id);
  std::string text = "Outlier case " + std::to_string(row.id.value) + ": " + directory.audit_name(row.audit_id) +
                     (row.notice ? " (a notice from " + row.notice->supplier + ")" : std::string()) + ", measure \"" +
                     measure + "\", " + directory.organisation_name(row.organisation_id) + ", period " + row.period +
                     ".\n";
  text += "Level: " + std::string(to_string(row.level)) + " (" + (row.high ? "high" : "low") + ", " +
          (row.unfavourable ? "worse" : "better") + " than expected); value " + directory.value_words(row, row.value) +
          " beyond the limit " + directory.value_words(row, row.limit) + ".\n";
  return text;
}

std::string_view owner_text(OutlierParty owner) {
  switch (owner) {
    case OutlierParty::audit_provider: return "the national audit provider";
    case OutlierParty::provider: return "the provider organisation";
    case OutlierParty::chief_executive: return "the provider's chief executive";
  }
  return "the provider organisation";
}

void link_to_case(Notification& notification, const OutlierCase& row) {
  const std::string id = std::to_string(row.id.value);
  notification.link = "/outliers/" + id;
  notification.link_text = "Open outlier case " + id;
}

// A notification about the case as a whole: its key "outlier:ID:<event>", its subject
// "<what>: AUDIT, ORGANISATION (case ID)" and its link.
Notification about_case(const OutlierCase& row, std::string_view event, NotificationKind kind, std::string_view what,
                        const Directory& directory) {
  const std::string id = std::to_string(row.id.value);
  Notification notification;
  notification.key = "outlier:" + id + ":" + std::string(event);
  notification.kind = kind;
  notification.organisation_id = row.organisation_id;
  notification.subject = std::string(what) + ": " + directory.audit_name(row.audit_id) + ", " +
                         directory.organisation_name(row.organisation_id) + " (case " + id + ")";
  link_to_case(notification, row);
  return notification;
}

// The first stage of an alarm when the audit provider owns it: its own check of the data and
// the analysis, during which (HQIP's guidance) the provider organisation is not yet told.
const OutlierStage* audit_providers_check(const OutlierCase& row, const OutlierTimetable& timetable) {
  if (track_for(row.level, row.unfavourable) != OutlierTrack::alarm) return nullptr;
  const auto* first = timetable.first(OutlierTrack::alarm);
  return first != nullptr && first->owner == OutlierParty::audit_provider ? first : nullptr;
}

void outlier_opened(std::vector<Notification>& out, const OutlierCase& row, const OutlierTimetable& timetable,
                    const Directory& directory, Date today, const WorkingDayCalendar& calendar,
                    const NotificationRules& rules) {
  // A registered notice is news to nobody: the trust's audit team entered it.
  if (!row.is_open() || row.notice) return;
  if (row.opened_on > today || calendar.working_days_between(row.opened_on, today) > rules.announce_within_working_days)
    return;
  const auto* check = audit_providers_check(row, timetable);
  const bool checking = check != nullptr && check->key == row.stage;
  std::set<std::string> to;
  if (!checking) directory.add_people(to, row.organisation_id, {Role::audit_manager, Role::clinical_lead});
  if (row.level == OutlierLevel::alarm && row.unfavourable)
    directory.add_national(to, {Role::national_analyst}, row.audit_id);
  // A better-than-expected result is learning to share, not an alarm.
  const std::string what = row.unfavourable ? "outlier " + std::string(to_string(row.level)) : "positive outlier";
  auto notification = about_case(row, "opened", NotificationKind::outlier_opened, "New " + what, directory);
  notification.body = case_description(row, directory) + "Opened on " + day_text(row.opened_on) +
                      ".\nFirst stage: " + stage_words(timetable.stages(), row.stage) +
                      (row.stage_due_on ? ", due " + day_text(*row.stage_due_on) : std::string()) + ".\n" +
                      (checking ? "The provider organisation is told of this potential outlier once the data and the "
                                  "analysis are checked.\n"
                                : std::string()) +
                      footer(today);
  add_notification(out, to, std::move(notification));
}

// The provider organisation hears of a potential outlier alarm once the audit provider has
// checked its data and analysis: announced while the case is at the stage after that check,
// for `announce_within_working_days` from the day it entered it (read back from its deadline).
void potential_outlier(std::vector<Notification>& out, const OutlierCase& row, const OutlierTimetable& timetable,
                       const Directory& directory, Date today, const WorkingDayCalendar& calendar,
                       const NotificationRules& rules) {
  const auto* check = audit_providers_check(row, timetable);
  if (!row.is_open() || row.notice || check == nullptr || !row.stage_due_on) return;
  const auto* told = timetable.next(check->key);
  if (told == nullptr || told->key != row.stage) return;
  const auto elapsed = told->working_days - calendar.working_days_between(today, *row.stage_due_on);
  if (elapsed > rules.announce_within_working_days) return;
  std::set<std::string> to;
  directory.add_people(to, row.organisation_id, {Role::audit_manager, Role::clinical_lead});
  auto notification =
      about_case(row, "provider_told", NotificationKind::outlier_opened, "Potential outlier alarm", directory);
  notification.body = case_description(row, directory) +
                      "The national audit has checked its data and analysis: this is a potential outlier, not yet "
                      "confirmed.\nStage: " +
                      told->name + ", due " + day_text(*row.stage_due_on) + ".\n" + footer(today);
  add_notification(out, to, std::move(notification));
}

// The regulator hears of an alarm once the audit provider confirms it at its review: announced
// while the case is at the stage after the review (informing the chief executive and the
// regulator), up to that stage's deadline.
void regulator_alarm_confirmed(std::vector<Notification>& out, const OutlierCase& row,
                               const OutlierTimetable& timetable, const Directory& directory, Date today) {
  // A registered notice's supplier, outside clinaudit, informs the regulator itself.
  if (row.notice || row.status != OutlierStatus::confirmed ||
      track_for(row.level, row.unfavourable) != OutlierTrack::alarm) {
    return;
  }
  const auto* after_review = timetable.next(kReviewStage);
  if (after_review == nullptr || after_review->key != row.stage) return;
  if (row.stage_due_on && today > *row.stage_due_on) return;
  std::set<std::string> to;
  directory.add_regulators(to);
  auto notification = about_case(row, "regulator_confirmed", NotificationKind::regulator_alarm_confirmed,
                                 "Confirmed outlier alarm", directory);
  notification.body = case_description(row, directory) +
                      "The national audit has reviewed the provider's explanation and confirmed this outlier "
                      "alarm.\nNext: " +
                      after_review->name + (row.stage_due_on ? ", due " + day_text(*row.stage_due_on) : std::string()) +
                      ".\n" + footer(today);
  add_notification(out, to, std::move(notification));
}

// A provider that misses the deadline of an alarm stage it owns (its response, its chief
// executive's acknowledgement) by more than the escalation threshold is escalated to the
// regulator, once per stage and deadline.
void regulator_escalation(std::vector<Notification>& out, const OutlierReminder& reminder, const OutlierCase& row,
                          const OutlierTimetable& timetable, const Directory& directory, Date today) {
  if (row.notice || reminder.kind != ReminderKind::escalation || reminder.owner == OutlierParty::audit_provider) return;
  if (track_for(row.level, row.unfavourable) != OutlierTrack::alarm) return;
  std::set<std::string> to;
  directory.add_regulators(to);
  const std::string id = std::to_string(row.id.value);
  const std::string stage = stage_words(timetable.stages(), reminder.stage);
  const std::string late = plural(reminder.working_days_overdue, "working day", "working days");
  Notification notification;
  notification.key = "outlier:" + id + ":" + reminder.stage + ":regulator:" + reminder.due_on.to_string();
  notification.kind = NotificationKind::regulator_escalation;
  notification.organisation_id = row.organisation_id;
  notification.escalates = row.id;
  notification.subject = "Outlier alarm escalated: " + directory.organisation_name(row.organisation_id) +
                         " has missed a deadline (case " + id + ")";
  link_to_case(notification, row);
  notification.body = case_description(row, directory) + "Stage: " + stage +
                      ".\nResponsible: " + std::string(owner_text(reminder.owner)) +
                      ".\nDue: " + day_text(reminder.due_on) + ".\nLate by: " + late + ".\n" + footer(today);
  add_notification(out, to, std::move(notification));
}

// A signal of worse outcomes than expected, found by the risk-adjusted CUSUM of an analysis
// run: the provider should look at its recent cases before any funnel plot flags it.
// Improvement signals are recorded and shown on the pages, not announced.
void cusum_alert(std::vector<Notification>& out, const StoredCusumAlert& row, const Directory& directory, Date today,
                 const WorkingDayCalendar& calendar, const NotificationRules& rules) {
  if (!row.upper) return;
  if (row.raised_on > today || calendar.working_days_between(row.raised_on, today) > rules.announce_within_working_days)
    return;
  std::set<std::string> to;
  directory.add_people(to, row.organisation_id, {Role::audit_manager, Role::clinical_lead});
  Notification notification;
  notification.key = "cusum:" + std::to_string(row.id) + ":raised";
  notification.kind = NotificationKind::cusum_alert;
  notification.organisation_id = row.organisation_id;
  notification.link = "/measures/" + std::to_string(row.measure_id.value);
  notification.link_text = "Open the measure: " + directory.measure_name(row.measure_id);
  notification.subject = "CUSUM alert: " + directory.audit_name(row.audit_id) + ", " +
                         directory.organisation_name(row.organisation_id) + " (signal on " +
                         row.signalled_on.to_string() + ")";
  notification.body = "Measure: " + directory.measure_name(row.measure_id) +
                      "\nThe risk-adjusted CUSUM of this organisation's patients crossed its limit (outcomes worse "
                      "than the case-mix model expects, odds doubled) with the patient admitted on " +
                      day_text(row.signalled_on) + ", after " + plural(row.episodes_monitored, "patient", "patients") +
                      " monitored this year.\nPlease review the recent cases; the funnel plot may not flag this "
                      "yet.\nFound by analysis run " +
                      std::to_string(row.run_id.value) + " on " + day_text(row.raised_on) + ".\n" + footer(today);
  add_notification(out, to, std::move(notification));
}

void outlier_reminder(std::vector<Notification>& out, const OutlierReminder& reminder, const OutlierCase& row,
                      const OutlierTimetable& timetable, const Directory& directory, Date today,
                      const NotificationRules& rules) {
  std::set<std::string> to;
  // A registered notice's supplier is outside clinaudit: the audit managers chase its stages.
  const bool national = reminder.owner == OutlierParty::audit_provider && !row.notice;
  if (national) {
    directory.add_national(to, {Role::national_analyst}, row.audit_id);
  } else if (reminder.owner == OutlierParty::audit_provider) {
    directory.add_people(to, row.organisation_id, {Role::audit_manager});
  } else if (reminder.owner == OutlierParty::chief_executive) {
    // The audit managers too: they prepare the chief executive's reply and chase it.
    directory.add_chief_executive(to, row.organisation_id);
    directory.add_people(to, row.organisation_id, {Role::audit_manager});
  } else {
    directory.add_people(to, row.organisation_id, {Role::clinical_lead, Role::audit_manager});
  }
  const std::string id = std::to_string(row.id.value);
  const std::string due = day_text(reminder.due_on);
  const std::string late = plural(reminder.working_days_overdue, "working day", "working days");
  const std::string overdue = late + " overdue";
  const std::string stage = stage_words(timetable.stages(), reminder.stage);
  Notification notification;
  notification.key = "outlier:" + id + ":" + reminder.stage + ":" + std::string(to_string(reminder.kind)) + ":" +
                     reminder.due_on.to_string();
  notification.organisation_id = row.organisation_id;
  link_to_case(notification, row);
  switch (reminder.kind) {
    case ReminderKind::deadline_approaching:
      notification.kind = NotificationKind::stage_deadline_approaching;
      notification.subject =
          "Reminder: outlier case " + id + ", stage due " + reminder.due_on.to_string() + ": " + stage;
      break;
    case ReminderKind::deadline_passed:
      notification.kind = NotificationKind::stage_deadline_passed;
      notification.subject = "Deadline passed: outlier case " + id + ", stage due " + reminder.due_on.to_string() +
                             " (" + overdue + "): " + stage;
      break;
    case ReminderKind::escalation:
      notification.kind = NotificationKind::stage_escalation;
      notification.subject = "Escalation: outlier case " + id + ", stage " + overdue + " (due " +
                             reminder.due_on.to_string() + "): " + stage;
      if (national) {
        directory.add_national(to, {Role::admin}, row.audit_id);
      } else {
        directory.add_people(to, row.organisation_id, {Role::admin, Role::board_member});
      }
      break;
  }
  std::string body = case_description(row, directory);
  body += "Stage: " + stage + ".\n";
  body += "Responsible: " +
          (row.notice && reminder.owner == OutlierParty::audit_provider
               ? "the audit supplier, " + row.notice->supplier + " (recorded by your audit team)"
               : std::string(owner_text(reminder.owner))) +
          ".\n";
  body += "Due: " + due + ".\n";
  if (reminder.kind != ReminderKind::deadline_approaching) body += "Late by: " + late + ".\n";
  if (reminder.kind == ReminderKind::escalation) {
    body += "Escalated to senior managers: the stage is more than " +
            plural(rules.stage_escalate_after_working_days, "working day", "working days") + " late.\n";
  }
  notification.body = body + footer(today);
  add_notification(out, to, std::move(notification));
}

void action_notifications(std::vector<Notification>& out, const Action& row, const Directory& directory, Date today,
                          const WorkingDayCalendar& calendar, const NotificationRules& rules) {
  if (row.status != ActionStatus::open && row.status != ActionStatus::in_progress) return;
  const std::int64_t days_left = row.due_on.days_since(today);
  const bool due_soon = days_left >= 0 && days_left <= rules.action_due_soon_days;
  const std::int64_t overdue_by = today > row.due_on ? calendar.working_days_between(row.due_on, today) : 0;
  // A date inside a long weekend is past, but not yet by a working day.
  if (!due_soon && overdue_by == 0) return;

  std::set<std::string> to;
  const User* owner = row.owner ? directory.user(*row.owner) : nullptr;
  const bool owner_reachable = owner != nullptr && owner->active;
  if (owner_reachable) to.insert(owner->email);
  const std::string owner_name = owner != nullptr ? owner->display_name : row.owner_name;
  const bool escalate = overdue_by > rules.action_escalate_after_working_days;
  if (!owner_reachable || escalate) directory.add_people(to, row.organisation_id, {Role::audit_manager});

  const std::string id = std::to_string(row.id.value);
  const std::string overdue = plural(overdue_by, "working day", "working days") + " overdue";
  Notification notification;
  notification.organisation_id = row.organisation_id;
  std::string kind_key;
  if (due_soon) {
    notification.kind = NotificationKind::action_due_soon;
    kind_key = "due_soon";
    notification.subject = "Action due " + row.due_on.to_string() + ": " + row.title;
  } else if (!escalate) {
    notification.kind = NotificationKind::action_overdue;
    kind_key = "overdue";
    notification.subject = "Action overdue: " + row.title + " (due " + row.due_on.to_string() + ", " + overdue + ")";
  } else {
    notification.kind = NotificationKind::action_escalation;
    kind_key = "escalation";
    notification.subject = "Escalation: action '" + row.title + "' is " + overdue;
  }
  notification.key = "action:" + id + ":" + kind_key + ":" + row.due_on.to_string();
  notification.link = "/actions/" + id;  // the action's page, with its history and forms
  notification.link_text = "Open action " + id;
  std::string body = "Action " + id + ": " + row.title + "\n";
  body += "Organisation: " + directory.organisation_name(row.organisation_id) + ".\n";
  if (row.audit_id) body += "Audit: " + directory.audit_name(*row.audit_id) + ".\n";
  body += "Owner: " + (owner_name.empty() ? std::string("not named") : owner_name) + ".\n";
  body += "Status: " + std::string(display_name(row.status)) + ".\n";
  body += "Due: " + day_text(row.due_on) + ".\n";
  if (overdue_by > 0) body += "Late by: " + plural(overdue_by, "working day", "working days") + ".\n";
  if (escalate) {
    body += "Escalated to the organisation's audit managers: the action is more than " +
            plural(rules.action_escalate_after_working_days, "working day", "working days") + " late.\n";
  }
  notification.body = body + footer(today);
  add_notification(out, to, std::move(notification));
}

// A review still to be done: announced when the report is new, then a reminder once it is
// late: past the lead's deadline when the report is assigned (the lead hears too), else
// report_review_reminder_working_days after publication. A report assigned but without a
// review record has only the reminder, keyed by its assignment (`assignment_key`).
void review_notifications(std::vector<Notification>& out, const ReportReview& row, const ReportAssignment* assignment,
                          const Directory& directory, Date today, const WorkingDayCalendar& calendar,
                          const NotificationRules& rules, bool assignment_key = false) {
  if (row.reviewed_on || row.published_on > today) return;
  const std::int64_t age = calendar.working_days_between(row.published_on, today);
  const bool announce = !assignment_key && age <= rules.announce_within_working_days;
  const bool late =
      assignment != nullptr ? today > assignment->deadline : age >= rules.report_review_reminder_working_days;
  if (!announce && !late) return;

  std::set<std::string> to;
  directory.add_people(to, row.organisation_id, {Role::audit_manager, Role::clinical_lead});
  if (assignment != nullptr && assignment->lead) {
    const User* lead = directory.user(*assignment->lead);
    if (lead != nullptr && lead->active) to.insert(lead->email);
  }
  Notification notification;
  notification.organisation_id = row.organisation_id;
  const std::string id = assignment_key ? "assignment:" + std::to_string(assignment->id) : std::to_string(row.id.value);
  if (announce) {
    notification.kind = NotificationKind::report_published;
    notification.key = "report:" + id + ":published";
    notification.subject = "National report published: " + row.report_title;
  } else {
    notification.kind = NotificationKind::report_not_reviewed;
    notification.key = "report:" + id + ":not_reviewed";
    notification.subject =
        "National report not yet reviewed: " + row.report_title + " (published " + row.published_on.to_string() + ")";
  }
  // A review recorded without its report (before reports were kept) has no report page.
  notification.link =
      row.report_id.value > 0 ? "/audit-reports/" + std::to_string(row.report_id.value) : std::string("/audit-reports");
  notification.link_text =
      row.report_id.value > 0 ? "Open the report and record its review" : "Open the published reports";
  std::string body = "Report: " + row.report_title + "\n";
  body += "Audit: " + directory.audit_name(row.audit_id) + ".\n";
  body += "Organisation: " + directory.organisation_name(row.organisation_id) + ".\n";
  body += "Published: " + day_text(row.published_on) + " (" + plural(age, "working day", "working days") + " ago).\n";
  if (assignment != nullptr) {
    body += "Lead: " + assignment->lead_name + ".\n";
    body += "Review deadline: " + day_text(assignment->deadline) + (late ? " (passed)" : "") + ".\n";
  }
  body += "Please record the review (date, committee and intended actions) for the Quality Account.\n";
  notification.body = body + footer(today);
  add_notification(out, to, std::move(notification));
}

// The local audit register's reminders (docs/governance.md, "The local audit register").
void local_audit_notifications(std::vector<Notification>& out, const LocalAuditEntry& row, const Directory& directory,
                               Date today, const WorkingDayCalendar& calendar, const NotificationRules& rules) {
  const Audit* audit = directory.audit(row.audit_id);
  if (audit == nullptr || !audit->owner) return;
  const std::string id = std::to_string(audit->id.value);
  Notification notification;
  notification.organisation_id = *audit->owner;
  notification.link = "/register/" + id;
  notification.link_text = "Open local audit " + audit->code;
  std::set<std::string> to;
  std::string body = "Local audit: " + directory.audit_name(audit->id) + "\n";
  body += "Organisation: " + directory.organisation_name(*audit->owner) + ".\n";
  if (row.stage == LocalAuditStage::proposed) {
    if (row.stage_at.size() < 10) return;  // recorded before the register kept the time
    const auto since = Date::parse(row.stage_at.substr(0, 10));
    if (!since) return;
    const std::int64_t waiting = calendar.working_days_between(*since, today);
    if (waiting <= rules.proposal_decision_working_days) return;
    notification.kind = NotificationKind::proposal_awaiting_decision;
    notification.key = "local_audit:" + id + ":awaiting_decision:" + since->to_string();
    notification.subject = "Local audit proposal awaiting a decision: " + audit->title;
    body +=
        "Proposed by: " + (row.proposed_by_name.empty() ? std::string("not recorded") : row.proposed_by_name) + ".\n";
    body += "Waiting since: " + day_text(*since) + ", " + plural(waiting, "working day", "working days") + ".\n";
    body += "Please approve it, ask for changes or decline it, with a reason.\n";
    directory.add_people(to, *audit->owner, {Role::audit_manager});
  } else {
    const bool under_way = row.stage != LocalAuditStage::changes_requested && !is_finished(row.stage);
    if (!under_way || !audit->end_date || *audit->end_date >= today) return;
    notification.kind = NotificationKind::local_audit_past_end;
    notification.key = "local_audit:" + id + ":past_end:" + audit->end_date->to_string();
    notification.subject = "Local audit past its planned end date: " + audit->title;
    body += "Stage: " + std::string(display_name(row.stage)) + ".\n";
    body += "Planned end: " + day_text(*audit->end_date) + ".\n";
    body += "Please move it on, or abandon it with a rationale.\n";
    if (row.lead) {
      const User* lead = directory.user(*row.lead);
      if (lead != nullptr && lead->active) to.insert(lead->email);
    }
    directory.add_people(to, *audit->owner, {Role::audit_manager});
  }
  notification.body = body + footer(today);
  add_notification(out, to, std::move(notification));
}

// A NICE guidance review past its date (docs/guide-audit-manager.md, "The NICE guidance
// register"): to its lead, when a user, and the organisation's audit managers, once for each
// review date.
void nice_notifications(std::vector<Notification>& out, const NiceGuidance& row, const Directory& directory,
                        Date today) {
  if (row.applicability == Applicability::not_applicable || !row.review_due || today <= *row.review_due) return;
  const std::string id = std::to_string(row.id.value);
  Notification notification;
  notification.kind = NotificationKind::nice_review_overdue;
  notification.organisation_id = row.organisation_id;
  notification.key = "nice:" + id + ":review_overdue:" + row.review_due->to_string();
  notification.subject = "NICE guidance review overdue: " + row.reference() + " " + row.title;
  notification.link = "/nice/" + id;
  notification.link_text = "Open " + row.reference() + " in the NICE guidance register";
  std::string body = "Guidance: " + row.reference() + " " + row.title + "\n";
  body += "Organisation: " + directory.organisation_name(row.organisation_id) + ".\n";
  body += "Lead: " + (row.lead_name.empty() ? std::string("none named") : row.lead_name) + ".\n";
  body += "Review due: " + day_text(*row.review_due) + ".\n";
  body += "Please review the guidance and its baseline, then record the review and the next review date.\n";
  notification.body = body + footer(today);
  std::set<std::string> to;
  if (row.lead) {
    const User* lead = directory.user(*row.lead);
    if (lead != nullptr && lead->active) to.insert(lead->email);
  }
  directory.add_people(to, row.organisation_id, {Role::audit_manager});
  add_notification(out, to, std::move(notification));
}

template <typename Row>
std::vector<const Row*> by_id(const std::vector<Row>& rows) {
  std::vector<const Row*> sorted;
  sorted.reserve(rows.size());
  for (const auto& row : rows) sorted.push_back(&row);
  std::sort(sorted.begin(), sorted.end(), [](const Row* a, const Row* b) { return a->id < b->id; });
  return sorted;
}

}  // namespace

std::string_view to_string(NotificationKind kind) {
  switch (kind) {
    case NotificationKind::outlier_opened: return "outlier_opened";
    case NotificationKind::stage_deadline_approaching: return "stage_deadline_approaching";
    case NotificationKind::stage_deadline_passed: return "stage_deadline_passed";
    case NotificationKind::stage_escalation: return "stage_escalation";
    case NotificationKind::action_due_soon: return "action_due_soon";
    case NotificationKind::action_overdue: return "action_overdue";
    case NotificationKind::action_escalation: return "action_escalation";
    case NotificationKind::report_published: return "report_published";
    case NotificationKind::report_not_reviewed: return "report_not_reviewed";
    case NotificationKind::cusum_alert: return "cusum_alert";
    case NotificationKind::board_meeting_soon: return "board_meeting_soon";
    case NotificationKind::board_outcome_not_recorded: return "board_outcome_not_recorded";
    case NotificationKind::proposal_awaiting_decision: return "proposal_awaiting_decision";
    case NotificationKind::local_audit_past_end: return "local_audit_past_end";
    case NotificationKind::nice_review_overdue: return "nice_review_overdue";
    case NotificationKind::regulator_alarm_confirmed: return "regulator_alarm_confirmed";
    case NotificationKind::regulator_escalation: return "regulator_escalation";
  }
  return "unknown";
}

Date meetings_since(Date today, const NotificationRules& rules) {
  return today.plus_days(-rules.board_outcome_within_days);
}

Result<NotificationInputs> load_notification_inputs(Store& store, std::optional<OrganisationId> organisation,
                                                    std::optional<Date> meetings_since) {
  NotificationInputs inputs;
  CLINAUDIT_TRY(auto organisations, store.organisations());
  inputs.organisations = std::move(organisations);
  CLINAUDIT_TRY(auto users, store.users(std::nullopt));
  inputs.users = std::move(users);
  CLINAUDIT_TRY(auto cases, store.outlier_cases(organisation, std::nullopt));
  inputs.outlier_cases = std::move(cases);
  CLINAUDIT_TRY(auto alerts, store.cusum_alerts(organisation, std::nullopt));
  inputs.cusum_alerts = std::move(alerts);
  for (const auto& row : inputs.organisations) {
    if (organisation && row.id != *organisation) continue;
    CLINAUDIT_TRY(auto actions, store.actions(row.id));
    inputs.actions.insert(inputs.actions.end(), actions.begin(), actions.end());
    CLINAUDIT_TRY(auto reviews, store.report_reviews(row.id));
    inputs.report_reviews.insert(inputs.report_reviews.end(), reviews.begin(), reviews.end());
    CLINAUDIT_TRY(auto meetings, store.board_meetings(row.id));
    for (auto& meeting : meetings) {
      if (meetings_since && meeting.held_on < *meetings_since) continue;
      // Recorded: an action raised by the meeting, else an item it looked at.
      bool recorded = std::any_of(actions.begin(), actions.end(), [&meeting](const Action& action) {
        return action.source == ActionSource::board_decision && action.source_id == meeting.id.value;
      });
      if (!recorded) {
        CLINAUDIT_TRY(auto items, store.board_items(meeting.id));
        recorded = !items.empty();
      }
      inputs.board_meetings.push_back(MeetingState{std::move(meeting), recorded});
    }
    CLINAUDIT_TRY(auto local_audits, store.local_audit_entries(row.id));
    inputs.local_audits.insert(inputs.local_audits.end(), local_audits.begin(), local_audits.end());
    CLINAUDIT_TRY(auto guidance, store.nice_guidance(row.id));
    inputs.nice_guidance.insert(inputs.nice_guidance.end(), guidance.begin(), guidance.end());
    CLINAUDIT_TRY(auto assignments, store.report_assignments(row.id));
    inputs.report_assignments.insert(inputs.report_assignments.end(), assignments.begin(), assignments.end());
  }
  std::set<AuditId> audits;
  std::set<MeasureId> measures;
  for (const auto& row : inputs.outlier_cases) {
    audits.insert(row.audit_id);
    // A registered notice names the supplier's measure in words: no measure of clinaudit's.
    if (!row.notice) measures.insert(row.measure_id);
  }
  for (const auto& row : inputs.cusum_alerts) {
    audits.insert(row.audit_id);
    measures.insert(row.measure_id);
  }
  for (const auto& row : inputs.actions) {
    if (row.audit_id) audits.insert(*row.audit_id);
  }
  for (const auto& row : inputs.report_reviews) audits.insert(row.audit_id);
  for (const auto& row : inputs.local_audits) audits.insert(row.audit_id);
  for (const auto& row : inputs.report_assignments) audits.insert(row.audit_id);
  for (const AuditId id : audits) {
    CLINAUDIT_TRY(auto audit, store.audit(id));
    inputs.audits.push_back(std::move(audit));
  }
  for (const MeasureId id : measures) {
    CLINAUDIT_TRY(auto measure, store.measure(id));
    inputs.measures.push_back(std::move(measure));
  }
  return inputs;
}

std::vector<Notification> daily_notifications(const NotificationInputs& inputs, Date today,
                                              const OutlierTimetable& timetable, const WorkingDayCalendar& calendar,
                                              const NotificationRules& rules) {
  const Directory directory(inputs);
  std::vector<Notification> out;
  const auto cases = by_id(inputs.outlier_cases);
  for (const OutlierCase* row : cases) {
    outlier_opened(out, *row, timetable, directory, today, calendar, rules);
    potential_outlier(out, *row, timetable, directory, today, calendar, rules);
    regulator_alarm_confirmed(out, *row, timetable, directory, today);
    const auto reminders = outlier_reminders({*row}, timetable, calendar, today, rules.stage_warn_working_days,
                                             rules.stage_escalate_after_working_days);
    for (const auto& reminder : reminders) {
      outlier_reminder(out, reminder, *row, timetable, directory, today, rules);
      regulator_escalation(out, reminder, *row, timetable, directory, today);
    }
  }
  for (const StoredCusumAlert* row : by_id(inputs.cusum_alerts)) {
    cusum_alert(out, *row, directory, today, calendar, rules);
  }
  for (const Action* row : by_id(inputs.actions)) action_notifications(out, *row, directory, today, calendar, rules);
  // The assignment of each organisation's report, and the reports with a review record.
  std::map<std::pair<std::int64_t, std::int64_t>, const ReportAssignment*> assigned;
  for (const auto& row : inputs.report_assignments) assigned[{row.organisation_id.value, row.report_id.value}] = &row;
  std::set<std::pair<std::int64_t, std::int64_t>> with_review;
  for (const ReportReview* row : by_id(inputs.report_reviews)) {
    const std::pair key{row->organisation_id.value, row->report_id.value};
    with_review.insert(key);
    const auto found = assigned.find(key);
    review_notifications(out, *row, found == assigned.end() ? nullptr : found->second, directory, today, calendar,
                         rules);
  }
  for (const ReportAssignment* row : by_id(inputs.report_assignments)) {
    if (with_review.contains({row->organisation_id.value, row->report_id.value})) continue;
    ReportReview pending;
    pending.audit_id = row->audit_id;
    pending.organisation_id = row->organisation_id;
    pending.report_id = row->report_id;
    pending.report_title = row->report_title;
    pending.published_on = row->published_on;
    review_notifications(out, pending, row, directory, today, calendar, rules, true);
  }
  add_board_meeting_notifications(out, inputs, today, calendar, rules);
  for (const auto& row : inputs.local_audits) local_audit_notifications(out, row, directory, today, calendar, rules);
  for (const auto& row : inputs.nice_guidance) nice_notifications(out, row, directory, today);
  return out;
}

std::string notification_url(const Notification& notification, std::string_view public_url) {
  while (!public_url.empty() && public_url.back() == '/') public_url.remove_suffix(1);
  return std::string(public_url) + notification.link;
}

std::string notification_email_body(const Notification& notification, std::string_view public_url) {
  return notification.body + "\n" + notification.link_text + ": " + notification_url(notification, public_url) + "\n";
}

std::vector<Notification> notifications_for(const std::vector<Notification>& all, std::string_view email) {
  std::vector<Notification> mine;
  for (const auto& notification : all) {
    if (std::binary_search(notification.recipients.begin(), notification.recipients.end(), email)) {
      mine.push_back(notification);
    }
  }
  return mine;
}

Result<std::vector<Notification>> in_app_notifications(Store& store, const Principal& who, Date today) {
  const bool national = who.role == Role::national_analyst || who.organisation_type == OrganisationType::national_body;
  CLINAUDIT_TRY(auto inputs, load_notification_inputs(
                                 store, national ? std::nullopt : std::optional<OrganisationId>(who.organisation_id),
                                 meetings_since(today, NotificationRules{})));
  CLINAUDIT_TRY(auto timetable, current_outlier_timetable(store));
  const auto all = daily_notifications(inputs, today, timetable, WorkingDayCalendar::england_and_wales());
  auto mine = notifications_for(all, who.email);
  // A regulator opens an escalated case once the daily job has recorded the escalation.
  if (who.role == Role::regulator) {
    std::erase_if(mine, [&inputs, &who](const Notification& notification) {
      if (!notification.escalates) return false;
      const auto found = std::find_if(inputs.outlier_cases.begin(), inputs.outlier_cases.end(),
                                      [&](const OutlierCase& item) { return item.id == *notification.escalates; });
      if (found == inputs.outlier_cases.end()) return true;
      const auto audit = std::find_if(inputs.audits.begin(), inputs.audits.end(),
                                      [&](const Audit& row) { return row.id == found->audit_id; });
      return audit == inputs.audits.end() || !may_see_outlier_case(who, *found, *audit);
    });
  }
  return mine;
}

}  // namespace clinaudit::domain
