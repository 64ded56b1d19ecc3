#include "domain/outlier_notices.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <utility>

#include "core/text.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

namespace {

// An optional number of the form: 0 when empty.
Result<double> number_or_zero(std::string_view field, const std::string& text) {
  const auto value = trimmed(text);
  if (value.empty()) return 0.0;
  double out = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), out);
  if (error != std::errc{} || end != value.data() + value.size() || !std::isfinite(out)) {
    return invalid_input(std::string(field) + ": enter a number, such as 12.5, or leave it empty");
  }
  return out;
}

}  // namespace

std::vector<OutlierStage> notice_stages(const OutlierTimetable& timetable) {
  std::vector<OutlierStage> out;
  for (const auto& stage : timetable.stages()) {
    if (stage.track == OutlierTrack::positive || stage.owner == OutlierParty::audit_provider) continue;
    out.push_back(stage);
  }
  return out;
}

namespace {

Result<void> may_register(const Principal& who) {
  if (who.organisation_type == OrganisationType::national_body || !allows(who, Permission::manage_outliers)) {
    return Error{ErrorCode::forbidden, "a trust's audit team registers the outlier notices it receives"};
  }
  return {};
}

}  // namespace

Result<NoticeChoices> notice_choices(Store& store, const Principal& who) {
  CLINAUDIT_TRY_VOID(may_register(who));
  NoticeChoices choices;
  CLINAUDIT_TRY(auto audits, store.audits({}));
  for (auto& audit : audits) {
    if (audit.kind != AuditKind::local_audit) choices.audits.push_back(std::move(audit));
  }
  std::sort(choices.audits.begin(), choices.audits.end(),
            [](const Audit& a, const Audit& b) { return a.title < b.title; });
  CLINAUDIT_TRY(const auto timetable, current_outlier_timetable(store));
  choices.stages = notice_stages(timetable);
  return choices;
}

Result<OutlierCaseId> register_outlier_notice(Store& store, const Principal& who, const Actor& actor, Date today,
                                              const NoticeRegistration& notice) {
  CLINAUDIT_TRY_VOID(may_register(who));
  OutlierCase item;
  item.organisation_id = who.organisation_id;
  std::int64_t audit_id = 0;
  const auto audit_text = trimmed(notice.audit);
  if (const auto [end, error] = std::from_chars(audit_text.data(), audit_text.data() + audit_text.size(), audit_id);
      audit_text.empty() || error != std::errc{} || end != audit_text.data() + audit_text.size()) {
    return invalid_input("audit: choose the national audit that sent the notice");
  }
  auto audit = store.audit(AuditId{audit_id});
  if (!audit && audit.error().code != ErrorCode::not_found) return audit.error();
  if (!audit || audit->kind == AuditKind::local_audit) {
    return invalid_input("audit: choose a national audit of the register");
  }
  item.audit_id = audit->id;
  OutlierNotice registered{trimmed(notice.supplier), trimmed(notice.measure)};
  if (registered.supplier.empty()) registered.supplier = audit->provider_body;
  if (registered.supplier.empty()) return invalid_input("supplier: name who sent the notice");
  if (registered.measure.empty()) return invalid_input("measure: name the measure the notice is about");
  item.notice = std::move(registered);
  item.period = trimmed(notice.period);
  if (item.period.empty()) return invalid_input("period: give the reporting period, such as 2025/26");
  item.high = true;
  item.unfavourable = true;
  CLINAUDIT_TRY(item.value, number_or_zero("value", notice.value));
  CLINAUDIT_TRY(item.limit, number_or_zero("limit", notice.limit));

  CLINAUDIT_TRY(const auto timetable, current_outlier_timetable(store));
  const auto stages = notice_stages(timetable);
  const auto stage =
      std::find_if(stages.begin(), stages.end(), [&](const OutlierStage& s) { return s.key == trimmed(notice.stage); });
  if (stage == stages.end()) return invalid_input("stage: choose what the notice asks of you");
  item.level = stage->track == OutlierTrack::alarm ? OutlierLevel::alarm : OutlierLevel::alert;
  const auto received = Date::parse(trimmed(notice.received_on));
  if (!received) return invalid_input("received_on: give the day the notice arrived as a date, such as 2026-04-20");
  if (*received > today) return invalid_input("received_on: the day the notice arrived cannot be after today");
  item.opened_on = *received;
  item.stage = stage->key;
  if (!trimmed(notice.reply_by).empty()) {
    const auto reply_by = Date::parse(trimmed(notice.reply_by));
    if (!reply_by) return invalid_input("reply_by: give the deadline as a date, such as 2026-05-25, or leave it empty");
    if (*reply_by < *received) return invalid_input("reply_by: the deadline cannot be before the notice arrived");
    item.stage_due_on = *reply_by;
  } else if (stage->working_days > 0) {
    item.stage_due_on = WorkingDayCalendar::england_and_wales().add_working_days(*received, stage->working_days);
  }
  // A stage after an alarm's review means the supplier has confirmed the alarm already.
  bool after_review = false;
  for (const auto* s = timetable.previous(stage->key); s != nullptr; s = timetable.previous(s->key)) {
    after_review = after_review || s->key == kReviewStage;
  }
  item.status = after_review ? OutlierStatus::confirmed : OutlierStatus::open;

  CLINAUDIT_TRY(item.id, store.add_outlier_case(item, actor));
  OutlierEvent event;
  event.case_id = item.id;
  event.stage = item.stage;
  event.what = "Notice from " + item.notice->supplier + " received on " + received->to_string() + ", registered";
  event.by = who.user_id;
  CLINAUDIT_TRY_VOID(store.update_outlier_case(item, event, actor));
  return item.id;
}

}  // namespace clinaudit::domain
