#include "domain/outlier_flags.hpp"

#include <algorithm>

namespace clinaudit::domain {

OutlierCase flagged_case(const Measure& measure, OrganisationId organisation, const std::string& period,
                         stats::FunnelFlag flag, double value, const std::optional<stats::FunnelLimits>& limits) {
  const bool high = flag == stats::FunnelFlag::alert_high || flag == stats::FunnelFlag::alarm_high;
  const bool alarm = flag == stats::FunnelFlag::alarm_high || flag == stats::FunnelFlag::alarm_low;
  OutlierCase flagged;
  flagged.audit_id = measure.audit_id;
  flagged.measure_id = measure.id;
  flagged.organisation_id = organisation;
  flagged.period = period;
  flagged.level = alarm ? OutlierLevel::alarm : OutlierLevel::alert;
  flagged.high = high;
  // Higher than expected mortality is worse; a measure whose improvement is an increase
  // (a proportion of patients given the right care) is worse when low.
  flagged.unfavourable = measure.improvement == Improvement::increase ? !high : high;
  flagged.value = value;
  if (limits) {
    const auto& pair = alarm ? limits->l998 : limits->l95;
    flagged.limit = high ? pair.upper : pair.lower;
  }
  return flagged;
}

Result<FlagRecorded> record_outlier_flag(Store& store, std::vector<OutlierCase>& cases, const OutlierCase& flagged,
                                         const std::string& raised_because, const OutlierTimetable& timetable,
                                         const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                         OutlierCase& changed) {
  const auto held = std::find_if(cases.begin(), cases.end(), [&](const OutlierCase& c) {
    return c.organisation_id == flagged.organisation_id && c.measure_id == flagged.measure_id &&
           c.period == flagged.period;
  });
  if (held == cases.end()) {
    changed = open_outlier_case(flagged, timetable, calendar, today);
    CLINAUDIT_TRY(changed.id, store.add_outlier_case(changed, actor));
    cases.push_back(changed);
    return FlagRecorded::opened;
  }
  auto raised = raise_outlier_case(*held, flagged, timetable, calendar, today);
  if (!raised) return FlagRecorded::already_open;
  OutlierEvent event;
  event.case_id = raised->id;
  event.stage = raised->stage;
  event.what = raised_because;
  CLINAUDIT_TRY_VOID(store.update_outlier_case(*raised, event, actor));
  *held = *raised;
  changed = std::move(*raised);
  return FlagRecorded::raised;
}

}  // namespace clinaudit::domain
