#pragma once

#include <vector>

#include "core/date.hpp"
#include "domain/notifications.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

// The board meeting notifications that hold on `today` (daily_notifications gives them after
// the others), one per meeting by id, appended to `out`:
//   board_meeting_soon: a meeting without an outcome from `rules.board_meeting_notice_days`
//     calendar days before it up to its day, to the organisation's board members, so that
//     they read the pack; keyed by the meeting and its date;
//   board_outcome_not_recorded: a meeting held `rules.board_outcome_after_working_days`
//     working days or more ago (and at most `rules.board_outcome_within_days` calendar days)
//     whose outcome is not recorded, to the organisation's audit managers, who record it.
// Both link to the meeting's page. Only active users receive them. Pure; thread-safe.
void add_board_meeting_notifications(std::vector<Notification>& out, const NotificationInputs& inputs, Date today,
                                     const WorkingDayCalendar& calendar, const NotificationRules& rules);

}  // namespace clinaudit::domain
