#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/analysis_run.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/result_outliers.hpp"
#include "domain/store.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

// One audit and year the daily job looked at.
struct ScheduledAnalysis {
  std::string audit_code;
  std::string period;
  bool ran = false;           // false: the episodes are those the latest run read
  std::int64_t episodes = 0;  // episodes admitted in the year
  std::int64_t cases_opened = 0;
  std::int64_t cases_raised = 0;  // alert cases raised to alarm
  std::int64_t new_alerts = 0;
  std::string failure;  // why the run failed (the model could not be fitted, ...); empty when it did not
};

struct ScheduledAnalysisReport {
  std::vector<ScheduledAnalysis> analyses;  // by audit code, then the earlier year first
  // The checks of imported yearly results (check_result_outliers), by audit code.
  std::vector<ResultOutlierCheck> result_checks;
  std::int64_t result_cases_opened = 0;
  std::int64_t result_cases_raised = 0;
  std::int64_t ran() const;
  std::int64_t failed() const;
};

// The analysis runs of the daily job: for every national audit with a measure to compute (analysed_measures), for the
// financial year containing `today` and the year before, runs the analysis (run_analysis)
// when the year holds episodes and either no run of that audit and year is stored or the
// checksum of its episodes differs from the latest run's, i.e. new or corrected data has
// arrived, or the latest run was in-year and the year has ended (outlier cases open on
// complete years only, run_analysis), or the audit's measures computed from episodes (their sources, outcomes, formulas
// and expected columns) are no longer those the latest run computed. Unchanged data is not analysed again, so cases and
// alerts open as soon as data arrives and a quiet day writes nothing. A run that fails (e.g. a model that cannot be
// fitted) is reported and the others go on. Every national audit's imported yearly results
// of the two years are checked for outliers too (check_result_outliers), which changes
// nothing when they have not changed. Errors: the store's, when it cannot be read.
Result<ScheduledAnalysisReport> run_due_analyses(Store& store, const OutlierTimetable& timetable,
                                                 const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                                 const std::string& software_version);

}  // namespace clinaudit::domain
