#include "domain/outlier_workflow.hpp"

#include "domain/store.hpp"

#include <array>
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

constexpr std::string_view kHeader = "level,key,name,owner,working_days";
constexpr std::array<std::string_view, 5> kColumns{"level", "key", "name", "owner", "working_days"};
// At most this many problems are listed; a file wrong throughout says so soon enough.
constexpr std::size_t kMaxProblems = 20;

std::string at_cell(std::size_t line, std::size_t column) {
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (" +
         std::string(kColumns.at(column - 1)) + ")";
}

// The table is written back as CSV without quoting (to_csv): a cell that a spreadsheet would
// run as a formula (OWASP, "CSV Injection") cannot be neutralised there, so it is refused here.
constexpr std::string_view kFormulaStarts = "=, +, -, @, a tab or a carriage return (a spreadsheet would run it)";
bool formula_like(std::string_view cell) {
  return !cell.empty() && (cell.front() == '=' || cell.front() == '+' || cell.front() == '-' || cell.front() == '@' ||
                           cell.front() == '\t' || cell.front() == '\r');
}

}  // namespace

std::string_view to_string(OutlierParty party) {
  switch (party) {
    case OutlierParty::audit_provider: return "audit_provider";
    case OutlierParty::provider: return "provider";
    case OutlierParty::chief_executive: return "chief_executive";
  }
  return "audit_provider";
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
  std::vector<std::string> problems;
  std::set<std::string, std::less<>> keys;
  std::size_t number = 0;
  for (auto line : split(text, '\n')) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (number == 1) {
      if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);  // a byte-order mark from a spreadsheet
      if (line != kHeader) problems.push_back("line 1: the header must be " + std::string(kHeader));
      continue;
    }
    if (line.empty()) continue;
    const auto fields = split(line, ',');
    if (fields.size() != kColumns.size()) {
      problems.push_back("line " + std::to_string(number) + ": expected 5 fields (" + std::string(kHeader) +
                         "), found " + std::to_string(fields.size()) + "; a name may not contain a comma");
      continue;
    }
    OutlierStage stage;
    bool good = true;
    if (fields[0] == "alarm") {
      stage.track = OutlierTrack::alarm;
    } else if (fields[0] == "alert") {
      stage.track = OutlierTrack::alert;
    } else if (fields[0] == "positive") {
      stage.track = OutlierTrack::positive;
    } else {
      problems.push_back(at_cell(number, 1) + ": '" + std::string(fields[0]) + "' is not alarm, alert or positive");
      good = false;
    }
    stage.key = std::string(fields[1]);
    if (formula_like(stage.key)) {
      problems.push_back(at_cell(number, 2) + ": a key may not begin with " + std::string(kFormulaStarts));
      good = false;
    } else if (stage.key.empty()) {
      problems.push_back(at_cell(number, 2) + ": the stage key is empty");
      good = false;
    } else if (!keys.insert(stage.key).second) {
      problems.push_back(at_cell(number, 2) + ": stage key '" + stage.key + "' is repeated");
      good = false;
    }
    stage.name = std::string(fields[2]);
    if (formula_like(stage.name)) {
      problems.push_back(at_cell(number, 3) + ": a name may not begin with " + std::string(kFormulaStarts));
      good = false;
    } else if (stage.name.empty()) {
      problems.push_back(at_cell(number, 3) + ": the stage name is empty");
      good = false;
    }
    if (fields[3] == "provider") {
      stage.owner = OutlierParty::provider;
    } else if (fields[3] == "audit_provider") {
      stage.owner = OutlierParty::audit_provider;
    } else if (fields[3] == "chief_executive") {
      stage.owner = OutlierParty::chief_executive;
    } else {
      problems.push_back(at_cell(number, 4) + ": '" + std::string(fields[3]) +
                         "' is not audit_provider, provider or chief_executive");
      good = false;
    }
    const auto [end, ec] = std::from_chars(fields[4].data(), fields[4].data() + fields[4].size(), stage.working_days);
    if (fields[4].empty() || ec != std::errc() || end != fields[4].data() + fields[4].size() ||
        stage.working_days < 0) {
      problems.push_back(at_cell(number, 5) + ": '" + std::string(fields[4]) +
                         "' is not a whole number of days (0 or more)");
      good = false;
    }
    if (good) timetable.stages_.push_back(std::move(stage));
  }
  if (problems.empty()) {
    for (const auto track : {OutlierTrack::alarm, OutlierTrack::alert, OutlierTrack::positive}) {
      if (timetable.first(track) == nullptr) {
        problems.push_back("no stages for level '" + std::string(to_string(track)) + "'");
      }
    }
  }
  if (problems.empty()) {
    // complete_stage() confirms or withdraws an alarm at this stage; without it no alarm
    // could ever be withdrawn.
    const OutlierStage* review = timetable.find(kReviewStage);
    if (review == nullptr || review->track != OutlierTrack::alarm) {
      problems.push_back("the alarm level must have a stage with key '" + std::string(kReviewStage) +
                         "' (where an alarm is confirmed or withdrawn)");
    }
  }
  if (!problems.empty()) {
    std::string message = "outlier timetable: ";
    for (std::size_t i = 0; i < problems.size() && i < kMaxProblems; ++i) {
      if (i > 0) message += "; ";
      message += problems[i];
    }
    if (problems.size() > kMaxProblems) {
      message += "; and " + std::to_string(problems.size() - kMaxProblems) + " more";
    }
    return Error{ErrorCode::invalid_input, message};
  }
  return timetable;
}

std::string OutlierTimetable::to_csv() const {
  std::string out = std::string(kHeader) + "\n";
  for (const auto& stage : stages_) {
    out += std::string(to_string(stage.track)) + "," + stage.key + "," + stage.name + "," +
           std::string(to_string(stage.owner)) + "," + std::to_string(stage.working_days) + "\n";
  }
  return out;
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

const OutlierStage* OutlierTimetable::previous(std::string_view key) const {
  const OutlierStage* current = find(key);
  if (current == nullptr) return nullptr;
  const OutlierStage* before = nullptr;
  for (const auto& stage : stages_) {
    if (&stage == current) return before;
    if (stage.track == current->track) before = &stage;
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

Result<OutlierTimetable> timetable_of(const std::optional<OutlierTimetableVersion>& version) {
  if (!version) return OutlierTimetable::default_timetable();
  auto parsed = OutlierTimetable::from_csv(version->csv);
  if (!parsed) {
    return Error{parsed.error().code,
                 "the outlier timetable in force ('" + version->name + "') cannot be read: " + parsed.error().message};
  }
  return parsed;
}

Result<OutlierTimetable> current_outlier_timetable(Store& store) {
  CLINAUDIT_TRY(auto stored, store.current_outlier_timetable());
  return timetable_of(stored);
}

std::vector<std::string> stages_missing_for(const OutlierTimetable& timetable, const std::vector<OutlierCase>& cases) {
  std::vector<std::string> problems;
  for (const auto& row : cases) {
    if (!row.is_open()) continue;
    if (row.stage.empty()) continue;  // every stage done: nothing left to time
    const OutlierTrack track = track_for(row.level, row.unfavourable);
    const OutlierStage* stage = timetable.find(row.stage);
    if (stage != nullptr && stage->track == track) continue;
    problems.push_back("outlier case " + std::to_string(row.id.value) + " is at stage '" + row.stage + "' of the " +
                       std::string(to_string(track)) +
                       " level, which this table has not got; keep that stage (its days may change) or finish the "
                       "case's stage first");
  }
  return problems;
}

Result<std::int64_t> store_outlier_timetable(Store& store, std::string_view name, std::string_view csv,
                                             const Actor& actor) {
  if (name.empty()) return Error{ErrorCode::invalid_input, "outlier timetable: give the version a name"};
  CLINAUDIT_TRY(auto parsed, OutlierTimetable::from_csv(csv));
  CLINAUDIT_TRY(auto cases, store.outlier_cases(std::nullopt, std::nullopt));
  if (auto stranded = stages_missing_for(parsed, cases); !stranded.empty()) {
    std::string message = "outlier timetable: ";
    for (std::size_t i = 0; i < stranded.size(); ++i) message += (i > 0 ? "; " : "") + stranded[i];
    return Error{ErrorCode::invalid_input, message};
  }
  return store.add_outlier_timetable(OutlierTimetableVersion{0, std::string(name), std::string(csv), "", ""}, actor);
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

std::optional<OutlierCase> raise_outlier_case(OutlierCase current, const OutlierCase& flagged,
                                              const OutlierTimetable& timetable, const WorkingDayCalendar& calendar,
                                              Date today) {
  if (current.level == OutlierLevel::alarm || flagged.level != OutlierLevel::alarm) return std::nullopt;
  if (current.status == OutlierStatus::withdrawn || current.high != flagged.high) return std::nullopt;
  const OutlierTrack before = track_for(current.level, current.unfavourable);
  current.level = OutlierLevel::alarm;
  current.value = flagged.value;
  current.limit = flagged.limit;
  const OutlierTrack after = track_for(current.level, current.unfavourable);
  if (after != before) {
    current.status = OutlierStatus::open;
    enter_stage(current, *timetable.first(after), calendar, today);
  }
  return current;
}

Result<OutlierCase> complete_stage(OutlierCase current, StageDecision decision, const OutlierTimetable& timetable,
                                   const WorkingDayCalendar& calendar, Date today) {
  if (!current.is_open()) {
    return Error{ErrorCode::conflict, "outlier case " + std::to_string(current.id.value) + " is already " +
                                          std::string(to_string(current.status))};
  }
  const OutlierStage* stage = timetable.find(current.stage);
  if (stage == nullptr) {
    return Error{ErrorCode::conflict, "stage '" + current.stage + "' is not in the outlier timetable in force"};
  }
  const bool review = stage->track == OutlierTrack::alarm && stage->key == kReviewStage;
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

Result<ReopenedStage> reopen_stage(OutlierCase current, const OutlierTimetable& timetable,
                                   const WorkingDayCalendar& calendar, Date today) {
  if (!current.is_open()) {
    return Error{ErrorCode::conflict, "outlier case " + std::to_string(current.id.value) + " is already " +
                                          std::string(to_string(current.status)) + ": its stages cannot be reopened"};
  }
  if (timetable.find(current.stage) == nullptr) {
    return Error{ErrorCode::conflict, "stage '" + current.stage + "' is not in the outlier timetable in force"};
  }
  const OutlierStage* before = timetable.previous(current.stage);
  if (before == nullptr) {
    return Error{ErrorCode::conflict, "no stage of outlier case " + std::to_string(current.id.value) +
                                          " has been completed yet: there is nothing to reopen"};
  }
  // The review is where an alarm is confirmed: taken back there, it is open until reviewed again.
  if (before->track == OutlierTrack::alarm && before->key == kReviewStage) current.status = OutlierStatus::open;
  enter_stage(current, *before, calendar, today);
  return ReopenedStage{std::move(current), *before};
}

std::vector<OutlierReminder> outlier_reminders(const std::vector<OutlierCase>& cases, const OutlierTimetable& timetable,
                                               const WorkingDayCalendar& calendar, Date today, int warn_working_days,
                                               int escalate_after_working_days) {
  std::vector<OutlierReminder> reminders;
  for (const auto& row : cases) {
    if (!row.is_open() || !row.stage_due_on) continue;
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
