#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/outlier_case.hpp"
#include "domain/user.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

// Who must act at a stage: the national audit provider, the provider organisation whose
// results are outlying (its audit team and clinical leads), or that organisation's chief
// executive in person (Organisation::chief_executive), who acknowledges an alarm.
enum class OutlierParty { audit_provider, provider, chief_executive };
std::string_view to_string(OutlierParty party);

// The kind of case, which decides the sequence of stages: alarm (beyond 3 SD, worse than
// expected) escalates to the chief executive and public disclosure; alert (beyond 2 SD)
// asks for a local review; positive (better than expected) is recorded and shared.
enum class OutlierTrack { alarm, alert, positive };
std::string_view to_string(OutlierTrack track);

// The alarm stage at which an alarm is confirmed or withdrawn; every timetable has it.
inline constexpr std::string_view kReviewStage = "review";

struct OutlierStage {
  OutlierTrack track = OutlierTrack::alarm;
  std::string key;
  std::string name;
  OutlierParty owner = OutlierParty::audit_provider;
  int working_days = 0;  // 0: no deadline
};

// The stage table, as data: HQIP revises its guidance, so the table is configuration an
// administrator can replace, not code. Immutable once built; safe to share.
class OutlierTimetable {
 public:
  // Reads "level,key,name,owner,working_days" rows (owner: audit_provider, provider or
  // chief_executive) (that header first), stages in file
  // order per level. Errors: invalid_input listing every problem with its line and column
  // (unknown level or owner, a number of days that is not a whole number >= 0, an empty or
  // repeated key), then a level with no stages, then an alarm level without kReviewStage.
  static Result<OutlierTimetable> from_csv(std::string_view text);
  // The table as from_csv reads it.
  std::string to_csv() const;
  // The timetable shipped in data/outlier-timetable-default.csv.
  static const OutlierTimetable& default_timetable();

  const std::vector<OutlierStage>& stages() const { return stages_; }
  const OutlierStage* find(std::string_view key) const;
  const OutlierStage* first(OutlierTrack track) const;
  // The stage after `key` on its track, or nullptr after the last.
  const OutlierStage* next(std::string_view key) const;
  // The stage before `key` on its track, or nullptr for the first (or an unknown key).
  const OutlierStage* previous(std::string_view key) const;

 private:
  std::vector<OutlierStage> stages_;
};

class Store;

// The timetable in force: the latest version stored, else the shipped default. New cases
// and newly entered stages take their deadlines from it; a case keeps the deadline it was
// given. Errors: the store's; invalid_input when the stored version no longer parses.
Result<OutlierTimetable> current_outlier_timetable(Store& store);
// The table of a stored version, or the shipped default for none.
Result<OutlierTimetable> timetable_of(const std::optional<OutlierTimetableVersion>& version);

// The open cases (open or confirmed) whose current stage `timetable` lacks on their track:
// one problem per case, naming the case and the stage. Such a table would leave the case
// with no next stage and no deadline.
std::vector<std::string> stages_missing_for(const OutlierTimetable& timetable, const std::vector<OutlierCase>& cases);

// Checks `csv` with OutlierTimetable::from_csv and against the stages open cases are at
// (stages_missing_for) and, only when both find nothing, stores it as the version named
// `name` (which is then in force). Errors: invalid_input with the problems joined by "; "
// (nothing stored), or the store's.
Result<std::int64_t> store_outlier_timetable(Store& store, std::string_view name, std::string_view csv,
                                             const Actor& actor);

// Which track a flagged unit goes on.
OutlierTrack track_for(OutlierLevel level, bool unfavourable);

// Opens a case at the first stage of its track, due `working_days` after `today`.
// The caller fills in the audit, measure, organisation, period, value and limit.
OutlierCase open_outlier_case(OutlierCase flagged, const OutlierTimetable& timetable,
                              const WorkingDayCalendar& calendar, Date today);

// A later analysis of the same period, on more complete data, puts a unit whose case is an
// alert beyond the alarm limit in the same direction: the case becomes an alarm with the new
// value and limit, keeping its id and history. An unfavourable one moves to the first stage
// of the alarm track (due `working_days` after `today`) and is open again even when its alert
// stages were done; a favourable one keeps its stage. nullopt when there is nothing to raise:
// the case is already an alarm, was withdrawn, or `flagged` points the other way.
std::optional<OutlierCase> raise_outlier_case(OutlierCase current, const OutlierCase& flagged,
                                              const OutlierTimetable& timetable, const WorkingDayCalendar& calendar,
                                              Date today);

// What the person completing a stage decided. Only the review stage of an alarm may
// withdraw; completing any other stage moves on.
enum class StageDecision { done, confirm, withdraw };

// Completes the case's current stage on `today` and moves it to the next one (with its
// new deadline), or closes it after the last. Errors: conflict when the case is not open
// or the stage is unknown in the timetable; invalid_input for a withdrawal outside review.
Result<OutlierCase> complete_stage(OutlierCase current, StageDecision decision, const OutlierTimetable& timetable,
                                   const WorkingDayCalendar& calendar, Date today);

// Reopens the stage completed last, on `today`: the case, still open (or confirmed), returns
// from its current stage to the one before it on its track, due `working_days` after
// `today` (a deadline recomputed from the day of reopening, as on entering any stage). An
// alarm taken back to its review is open again (no longer confirmed). Returns the case and
// the stage reopened. Errors: conflict when the case is not open, its stage is unknown in the
// timetable, or it is at the first stage of its track (no stage has been completed).
struct ReopenedStage {
  OutlierCase item;
  OutlierStage stage;  // the stage the case is back at
};
Result<ReopenedStage> reopen_stage(OutlierCase current, const OutlierTimetable& timetable,
                                   const WorkingDayCalendar& calendar, Date today);

// A reminder or escalation the daily check raises.
enum class ReminderKind { deadline_approaching, deadline_passed, escalation };
std::string_view to_string(ReminderKind kind);

struct OutlierReminder {
  OutlierCaseId case_id;
  ReminderKind kind = ReminderKind::deadline_approaching;
  std::string stage;
  OutlierParty owner = OutlierParty::audit_provider;
  Date due_on;
  std::int64_t working_days_overdue = 0;  // 0 unless passed
};

// The reminders due on `today` for open (and confirmed) cases: deadline within
// `warn_working_days` (approaching), passed, and passed by more than
// `escalate_after_working_days` (escalation to the owner's senior managers).
std::vector<OutlierReminder> outlier_reminders(const std::vector<OutlierCase>& cases, const OutlierTimetable& timetable,
                                               const WorkingDayCalendar& calendar, Date today,
                                               int warn_working_days = 2, int escalate_after_working_days = 5);

}  // namespace clinaudit::domain
