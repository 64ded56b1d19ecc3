#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/analysis_record.hpp"
#include "domain/audit.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/store.hpp"

// "What needs me in the national audits today?": the home page of the national body's
// people. Trust figures (participation, a trust's own actions) are not theirs and are not
// shown; the national audits, the outlier process across providers, the analysis runs and
// the CUSUM signals are.
namespace clinaudit::domain {

// CUSUM signals raised by a run in this many days up to today count as new.
inline constexpr int kNewSignalDays = 30;
// The home page lists at most this many analysis runs, newest first.
inline constexpr std::size_t kLatestRuns = 10;

// A national audit with its open cases and latest run.
struct NationalAuditLine {
  Audit audit;
  std::int64_t open_cases = 0;
  std::optional<Date> last_run_on;
};

// Open cases at one stage of the outlier process.
struct StageCount {
  std::string stage_name;  // in words, from the timetable in force
  std::int64_t open = 0;
  std::int64_t overdue = 0;  // of those, past their stage's deadline
  std::optional<Date> soonest_due;
};

struct NationalRunLine {
  Audit audit;
  AnalysisRunRecord run;
};

struct NationalSignalLine {
  Audit audit;
  std::string provider;  // "name (code)"
  std::string measure;   // the measure's name; empty when the run's measure is gone
  StoredCusumAlert alert;
};

// The national audit `id` when `who` acts for its provider (acts_for_audit_provider): the gate
// of every national route. Errors: not_found otherwise (an analyst of another supplier learns
// nothing of the audit), or for an unknown or local audit; the store's.
Result<Audit> audit_for_provider(Store& store, const Principal& who, AuditId id);

struct NationalHome {
  Date today;
  bool sees_cases = false;                      // national analysts: the cases, runs and signals below
  std::vector<NationalAuditLine> audits;        // every national audit and enquiry, by title
  std::vector<OutlierRow> open_cases;           // open or confirmed, soonest deadline first (sort_for_work)
  std::int64_t overdue_cases = 0;               // of those, past their stage's deadline
  std::vector<StageCount> stages;               // open cases by stage, in order of the soonest deadline
  std::vector<NationalRunLine> latest_runs;     // at most kLatestRuns, newest first
  std::vector<NationalSignalLine> new_signals;  // raised in the kNewSignalDays days to today, newest first
};

// The national home of `who` (a user of the national body) on `today`. The audits are every
// national audit and enquiry (a supplier's analysts will see their own later); the cases,
// runs and signals only when `who` may view national data (Permission::view_national), and
// are then across every provider. A case is overdue when its stage's deadline is before
// today. Errors: forbidden for a user outside the national body; the store's.
Result<NationalHome> national_home(Store& store, const Principal& who, Date today);

}  // namespace clinaudit::domain
