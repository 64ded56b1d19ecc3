#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/clock.hpp"
#include "domain/mailer.hpp"
#include "domain/notifications.hpp"
#include "domain/store.hpp"

namespace clinaudit::domain {

// What one run of the daily notification job did.
struct NotificationRunReport {
  Date today;
  bool working_day = true;            // false: a weekend or bank holiday, nothing was done
  std::int64_t already_sent = 0;      // due today but recorded by an earlier run
  std::vector<Notification> emailed;  // sent by e-mail and recorded
  std::vector<Notification> in_app;   // recorded without e-mail (no mailer given)
  std::vector<Notification> failed;   // the mail server refused them; not recorded, retried next run
  std::vector<std::string> failures;  // one message per failed notification
};

// The daily notification job: computes the notifications that hold on `today`
// (daily_notifications), leaves out those whose key the audit log already holds under the
// entity "notification", sends the rest through `mailer` (or, when `mailer` is null, only
// records them for the in-app list) and records each one sent in the audit log (action
// "email" or "in_app", entity_key the notification's key, `after` a JSON object with the
// kind, recipients, subject and link). An e-mail ends with the notification's link, absolute
// under `public_url` when one is given (notification_email_body). A regulator_escalation
// sent also records the escalation on its case (OutlierCase::escalated_on, and an event on the
// case's record), from when the regulator sees the case. Running it again on the same day therefore sends
// nothing twice. On a day that is not a working day of `calendar` it does nothing: the next working day catches up. A
// notification the mail server refuses is reported in `failed` and tried again by the next run. Errors: those of the
// store (reading, or recording a sent message; a message sent but not recorded may be sent again by the next run). Not
// safe to run twice at the same moment on one database (the second may send again).
Result<NotificationRunReport> run_daily_notifications(Store& store, Mailer* mailer, const Clock& clock, Date today,
                                                      const OutlierTimetable& timetable,
                                                      const WorkingDayCalendar& calendar,
                                                      const NotificationRules& rules = {},
                                                      std::string_view public_url = {});

}  // namespace clinaudit::domain
