#include "domain/outlier_workflow.hpp"

#include <charconv>
#include <set>
#include <string>

namespace clinaudit::embedded {
std::string_view outlier_timetable_default_csv();
}  // namespace clinaudit::embedded

namespace clinaudit::domain {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto at = line.find(separator);
    parts.push_back(line.substr(0, at));
    if (at == std::string_view::npos) break;
    line.remove_prefix(at + 1);
  }
  return parts;
}

Error bad_line(std::size_t number, const std::string& what) {
  return Error{ErrorCode::invalid_input, "outlier timetable, line " + std::to_string(number) + ": " + what};
}

}  // namespace

std::string_view to_string(OutlierParty party) {
  return party == OutlierParty::provider ? "provider" : "audit_provider";
}

std::string_view to_string(OutlierTrack track) {
  switch (track) {
    case OutlierTrack::alarm: return "alarm";
    case OutlierTrack::alert: return "alert";
    case OutlierTrack::positive: return "positive";
  }
  return "alarm";
}

std::string_view to_string(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::deadline_approaching: return "deadline_approaching";
    case ReminderKind::deadline_passed: return "deadline_passed";
    case ReminderKind::escalation: return "escalation";
  }
  return "deadline_approaching";
}

Result<OutlierTimetable> OutlierTimetable::from_csv(std::string_view text) {
  OutlierTimetable timetable;
  std::set<std::string, std::less<>> keys;
  std::size_t number = 0;
  for (auto line : split(text, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1 || line.empty()) continue;
    const auto fields = split(line, ',');
    if (fields.size() != 5) return bad_line(number, "expected 5 fields: level,key,name,owner,working_days");
    OutlierStage stage;
    if (fields[0] == "alarm")
      stage.track = OutlierTrack::alarm;
    else if (fields[0] == "alert")
      stage.track = OutlierTrack::alert;
    else if (fields[0] == "positive")
      stage.track = OutlierTrack::positive;
    else
      return bad_line(number, "level '" + std::string(fields[0]) + "' is not alarm, alert or positive");
    stage.key = std::string(fields[1]);
    stage.name = std::string(fields[2]);
    if (fields[3] == "provider")
      stage.owner = OutlierParty::provider;
    else if (fields[3] == "audit_provider")
      stage.owner = OutlierParty::audit_provider;
    else
      return bad_line(number, "owner '" + std::string(fields[3]) + "' is not provider or audit_provider");
    const auto [end, ec] = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(), stage.working_days);
    if (ec != std::errc() || end != fields[4].data() + fields[4].size() || stage.working_days < 0) {
      return bad_line(number, "working_days '" + std::string(fields[4]) + "' is not a whole number of days");
    }
    if (stage.key.empty() || !keys.insert(stage.key).second) {
      return bad_line(number, "stage key '" + stage.key + "' is empty or repeated");
    }
    timetable.stages_.push_back(std::move(stage));
  }
  for (const auto track : {OutlierTrack::alarm, OutlierTrack::alert, OutlierTrack::positive}) {
    if (timetable.first(track) == nullptr) {
      return Error{ErrorCode::invalid_input,
                   "outlier timetable: no stages for level '" + std::string(to_string(track)) + "'"};
    }
  }
  return timetable;
}

const OutlierTimetable& OutlierTimetable::default_timetable() {
  // The shipped file is checked by a test, so parsing it cannot fail here.
  static const OutlierTimetable kTimetable = *from_csv(embedded::outlier_timetable_default_csv());
  return kTimetable;
}

const OutlierStage* OutlierTimetable::find(std::string_view key) const {
  for (const auto& stage : stages_) {
    if (stage.key == key) return &stage;
  }
  return nullptr;
}

const OutlierStage* OutlierTimetable::first(OutlierTrack track) const {
  for (const auto& stage : stages_) {
    if (stage.track == track) return &stage;
  }
  return nullptr;
}

const OutlierStage* OutlierTimetable::next(std::string_view key) const {
  const OutlierStage* current = find(key);
  if (current == nullptr) return nullptr;
  bool after = false;
  for (const auto& stage : stages_) {
    if (after && stage.track == current->track) return &stage;
    if (&stage == current) after = true;
  }
  return nullptr;
}

OutlierTrack track_for(OutlierLevel level, bool unfavourable) {
  if (!unfavourable) return OutlierTrack::positive;
  return level == OutlierLevel::alarm ? OutlierTrack::alarm : OutlierTrack::alert;
}

namespace {

void enter_stage(OutlierCase& row, const OutlierStage& stage, const WorkingDayCalendar& calendar, Date today) {
  row.stage = stage.key;
  row.stage_due_on =
      stage.working_days > 0 ? std::optional<Date>(calendar.add_working_days(today, stage.working_days)) : std::nullopt;
}

}  // namespace

OutlierCase open_outlier_case(OutlierCase flagged, const OutlierTimetable& timetable,
                              const WorkingDayCalendar& calendar, Date today) {
  flagged.opened_on = today;
  flagged.status = OutlierStatus::open;
  enter_stage(flagged, *timetable.first(track_for(flagged.level, flagged.unfavourable)), calendar, today);
  return flagged;
}

Result<OutlierCase> complete_stage(OutlierCase current, StageDecision decision, const OutlierTimetable& timetable,
                                   const WorkingDayCalendar& calendar, Date today) {
  if (current.status != OutlierStatus::open && current.status != OutlierStatus::confirmed) {
    return Error{ErrorCode::conflict, "outlier case " + std::to_string(current.id.value) + " is already " +
                                          std::string(to_string(current.status))};
  }
  const OutlierStage* stage = timetable.find(current.stage);
  if (stage == nullptr) {
    return Error{ErrorCode::conflict, "stage '" + current.stage + "' is not in the outlier timetable in force"};
  }
  const bool review = stage->track == OutlierTrack::alarm && stage->key == "review";
  if (decision == StageDecision::withdraw) {
    if (!review) return Error{ErrorCode::invalid_input, "an outlier can be withdrawn only at the review stage"};
    current.status = OutlierStatus::withdrawn;
    current.stage_due_on = std::nullopt;
    return current;
  }
  if (review) current.status = OutlierStatus::confirmed;
  const OutlierStage* following = timetable.next(stage->key);
  if (following == nullptr) {
    current.status = OutlierStatus::closed;
    current.stage_due_on = std::nullopt;
    return current;
  }
  enter_stage(current, *following, calendar, today);
  return current;
}

std::vector<OutlierReminder> outlier_reminders(const std::vector<OutlierCase>& cases, const OutlierTimetable& timetable,
                                               const WorkingDayCalendar& calendar, Date today, int warn_working_days,
                                               int escalate_after_working_days) {
  std::vector<OutlierReminder> reminders;
  for (const auto& row : cases) {
    if ((row.status != OutlierStatus::open && row.status != OutlierStatus::confirmed) || !row.stage_due_on) continue;
    const OutlierStage* stage = timetable.find(row.stage);
    if (stage == nullptr) continue;
    OutlierReminder reminder{row.id, ReminderKind::deadline_approaching, row.stage, stage->owner, *row.stage_due_on, 0};
    if (today > *row.stage_due_on) {
      reminder.working_days_overdue = calendar.working_days_between(*row.stage_due_on, today);
      reminder.kind = reminder.working_days_overdue > escalate_after_working_days ? ReminderKind::escalation
                                                                                  : ReminderKind::deadline_passed;
      reminders.push_back(reminder);
    } else if (calendar.working_days_between(today, *row.stage_due_on) <= warn_working_days) {
      reminders.push_back(reminder);
    }
  }
  return reminders;
}

}  // namespace clinaudit::domain
