#include "domain/notification_run.hpp"

#include <array>
#include <cstdio>
#include <set>
#include <utility>

namespace clinaudit::domain {

namespace {

constexpr std::string_view kEntity = "notification";
constexpr std::string_view kActor = "clinaudit jobs";

std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          std::array<char, 8> escaped{};
          std::snprintf(escaped.data(), escaped.size(), "\\u%04x", static_cast<unsigned>(c));
          out += escaped.data();
        } else {
          out += c;
        }
    }
  }
  return out + "\"";
}

// The audit log's record of a sent notification: enough to show who was told what.
std::string record_of(const Notification& notification) {
  std::string out = "{\"kind\":" + json_string(to_string(notification.kind)) +
                    ",\"organisation_id\":" + std::to_string(notification.organisation_id.value) + ",\"recipients\":[";
  for (std::size_t i = 0; i < notification.recipients.size(); ++i) {
    if (i > 0) out += ",";
    out += json_string(notification.recipients[i]);
  }
  return out + "],\"subject\":" + json_string(notification.subject) + ",\"link\":" + json_string(notification.link) +
         "}";
}

Result<void> record(Store& store, const Clock& clock, const Notification& notification, std::string_view how) {
  AuditLogEntry entry;
  entry.at = clock.now_iso();
  entry.actor = std::string(kActor);
  entry.action = std::string(how);
  entry.entity = std::string(kEntity);
  entry.entity_key = notification.key;
  entry.after = record_of(notification);
  return store.log_event(entry);
}

// Records on the case that it was escalated to the regulator (who sees it from now on), with
// the event on its record; a case escalated before keeps its first day.
Result<void> record_escalation(Store& store, const Clock& clock, const Notification& notification, Date today) {
  CLINAUDIT_TRY(auto item, store.outlier_case(*notification.escalates));
  if (item.escalated_on) return {};
  item.escalated_on = today;
  OutlierEvent event;
  event.case_id = item.id;
  event.stage = item.stage;
  event.what = "Escalated to the regulator: " + notification.subject;
  event.at = clock.now_iso();
  return store.update_outlier_case(item, event, Actor{std::nullopt, std::string(kActor)});
}

// Records `notification` as sent, and the escalation it makes.
Result<void> record_sent(Store& store, const Clock& clock, const Notification& notification, std::string_view how,
                         Date today) {
  CLINAUDIT_TRY_VOID(record(store, clock, notification, how));
  if (notification.escalates) return record_escalation(store, clock, notification, today);
  return {};
}

}  // namespace

Result<NotificationRunReport> run_daily_notifications(Store& store, Mailer* mailer, const Clock& clock, Date today,
                                                      const OutlierTimetable& timetable,
                                                      const WorkingDayCalendar& calendar,
                                                      const NotificationRules& rules, std::string_view public_url) {
  NotificationRunReport report;
  report.today = today;
  report.working_day = calendar.is_working_day(today);
  if (!report.working_day) return report;

  CLINAUDIT_TRY(auto inputs, load_notification_inputs(store, std::nullopt, meetings_since(today, rules)));
  CLINAUDIT_TRY(auto log, store.audit_log(kEntity, -1));
  std::set<std::string> sent;
  for (const auto& entry : log) sent.insert(entry.entity_key);

  for (auto& notification : daily_notifications(inputs, today, timetable, calendar, rules)) {
    if (sent.contains(notification.key)) {
      ++report.already_sent;
      continue;
    }
    if (mailer == nullptr) {
      CLINAUDIT_TRY_VOID(record_sent(store, clock, notification, "in_app", today));
      report.in_app.push_back(std::move(notification));
      continue;
    }
    const auto delivered = mailer->send(
        MailMessage{notification.recipients, notification.subject, notification_email_body(notification, public_url)});
    if (!delivered) {
      report.failures.push_back(notification.key + ": " + delivered.error().message);
      report.failed.push_back(std::move(notification));
      continue;
    }
    CLINAUDIT_TRY_VOID(record_sent(store, clock, notification, "email", today));
    sent.insert(notification.key);
    report.emailed.push_back(std::move(notification));
  }
  return report;
}

}  // namespace clinaudit::domain
