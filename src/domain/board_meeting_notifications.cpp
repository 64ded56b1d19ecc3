#include "domain/board_meeting_notifications.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>

namespace clinaudit::domain {
namespace {

constexpr std::array<std::string_view, 7> kWeekdays = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                       "Friday", "Saturday", "Sunday"};

std::string day_text(Date date) {
  return date.to_string() + " (" + std::string(kWeekdays[date.iso_weekday() - 1]) + ")";
}

// "today", "tomorrow", "in 5 days".
std::string when_text(std::int64_t days) {
  if (days == 0) return "today";
  if (days == 1) return "tomorrow";
  return "in " + std::to_string(days) + " days";
}

std::string organisation_name(const NotificationInputs& inputs, OrganisationId id) {
  for (const auto& row : inputs.organisations) {
    if (row.id == id) return row.name + " (" + row.code + ")";
  }
  return "organisation " + std::to_string(id.value);
}

std::vector<std::string> people(const NotificationInputs& inputs, OrganisationId organisation, Role role) {
  std::set<std::string> found;
  for (const auto& row : inputs.users) {
    if (row.active && row.organisation_id == organisation && row.role == role) found.insert(row.email);
  }
  return {found.begin(), found.end()};
}

Notification about(const BoardMeeting& meeting) {
  Notification notification;
  notification.organisation_id = meeting.organisation_id;
  notification.link = "/board-meetings/" + std::to_string(meeting.id.value);
  notification.link_text = "Open the meeting: " + meeting.committee + ", " + meeting.held_on.to_string();
  return notification;
}

std::string footer(Date today) {
  return "\nSent by the daily checks of clinaudit for " + today.to_string() +
         ". Working days exclude weekends and bank holidays in England and Wales.\n";
}

}  // namespace

void add_board_meeting_notifications(std::vector<Notification>& out, const NotificationInputs& inputs, Date today,
                                     const WorkingDayCalendar& calendar, const NotificationRules& rules) {
  std::vector<const MeetingState*> meetings;
  meetings.reserve(inputs.board_meetings.size());
  for (const auto& row : inputs.board_meetings) meetings.push_back(&row);
  std::sort(meetings.begin(), meetings.end(),
            [](const MeetingState* a, const MeetingState* b) { return a->meeting.id < b->meeting.id; });
  for (const MeetingState* row : meetings) {
    if (row->outcome_recorded) continue;
    const auto& meeting = row->meeting;
    const std::string id = std::to_string(meeting.id.value);
    const std::string organisation = organisation_name(inputs, meeting.organisation_id);
    const std::int64_t days_ahead = meeting.held_on.days_since(today);
    if (days_ahead >= 0 && days_ahead <= rules.board_meeting_notice_days) {
      auto recipients = people(inputs, meeting.organisation_id, Role::board_member);
      if (recipients.empty()) continue;
      Notification notification = about(meeting);
      notification.kind = NotificationKind::board_meeting_soon;
      notification.key = "board_meeting:" + id + ":soon:" + meeting.held_on.to_string();
      notification.subject = meeting.committee + " " + when_text(days_ahead) + " (" + meeting.held_on.to_string() +
                             "): the board pack is ready";
      notification.body = "Meeting: " + meeting.committee + ", " + organisation +
                          ".\nDate: " + day_text(meeting.held_on) +
                          ".\nThe board pack for the meeting (assure, advise and alert; outlier cases; charts of "
                          "the measures; actions) is ready to read: open the meeting's page for it.\n" +
                          footer(today);
      notification.recipients = std::move(recipients);
      out.push_back(std::move(notification));
      continue;
    }
    if (days_ahead >= 0 || -days_ahead > rules.board_outcome_within_days) continue;
    const std::int64_t since = calendar.working_days_between(meeting.held_on, today);
    if (since < rules.board_outcome_after_working_days) continue;
    auto recipients = people(inputs, meeting.organisation_id, Role::audit_manager);
    if (recipients.empty()) continue;
    Notification notification = about(meeting);
    notification.kind = NotificationKind::board_outcome_not_recorded;
    notification.key = "board_meeting:" + id + ":outcome_not_recorded";
    notification.subject = "Outcome not recorded: " + meeting.committee + " of " + meeting.held_on.to_string();
    notification.body = "Meeting: " + meeting.committee + ", " + organisation +
                        ".\nHeld on: " + day_text(meeting.held_on) + " (" + std::to_string(since) +
                        " working days ago).\n" +
                        "Please record what the meeting looked at and decided, and the actions it raised, for the "
                        "board's engagement and the Quality Account.\n" +
                        footer(today);
    notification.recipients = std::move(recipients);
    out.push_back(std::move(notification));
  }
}

}  // namespace clinaudit::domain
