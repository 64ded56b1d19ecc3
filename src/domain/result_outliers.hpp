#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/measure.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/working_days.hpp"

// Outlier detection on the results an audit supplier imports, for the measures a national
// audit does not compute from episodes (MeasureSource::imported_results): proportions,
// rates and ratios, each on its own funnel. HQIP's process applies to complete reporting
// periods, so only yearly results of a year that has ended are checked; monthly and
// quarterly results are monitoring (SPC), and never open a case.
namespace clinaudit::domain {

// Whether `from` to `to` is a reporting year: twelve whole months from the first of a month
// (a financial year, a calendar year, or any other yearly cycle).
bool is_reporting_year(Date from, Date to);

// A reporting year as cases name it: "2025/26" for a financial year, "2025" for a calendar
// year, else "2025-07-01 to 2026-06-30".
std::string reporting_year_name(Date from, Date to);

// One measure and reporting year the check looked at.
struct ResultOutlierCheck {
  std::string audit_code;
  Measure measure;
  std::string period;  // reporting_year_name
  Date from;
  Date to;
  std::int64_t providers = 0;  // providers on the funnel
  std::int64_t flagged = 0;    // providers beyond the 95% or 99.8% limit
  std::int64_t cases_opened = 0;
  std::int64_t cases_raised = 0;
  std::int64_t already_open = 0;  // flagged providers whose case for the measure and year stays as it is
  std::string note;               // why the year could not be checked; empty when it was
};

// What a check found, for a line after the measure and year: "20 providers, 1 beyond the
// limits, 1 outlier case(s) opened, 0 raised to alarm", or why the year could not be checked.
std::string result_check_findings(const ResultOutlierCheck& check);

struct ResultOutlierReport {
  std::vector<ResultOutlierCheck> checks;  // by measure code, then the earlier year first
  std::vector<OutlierCase> opened;         // cases opened, every measure
  std::vector<OutlierCase> raised;         // alert cases raised to alarm, every measure
};

// Checks the audit's imported results for outliers on `today`: for every measure of type
// proportion, rate or ratio whose results are imported, each reporting year (is_reporting_year)
// that has ended before `today` and ends in the financial year containing `today` or the
// year before, whose results give at least three providers a numerator and a positive
// denominator (the expected count, for a ratio). The year's providers go on the measure's
// funnel (as the audit page draws it: the measure's target, else the providers' overall
// value; 95% and 99.8% limits, widened for overdispersion), and each provider beyond a limit
// is recorded as an outlier (record_outlier_flag): a case opened at the first stage of its
// track, or an alert case raised to an alarm. Checking the same results again changes
// nothing; results of more providers may raise a case. A local audit has nothing to check.
// Errors: not_found for an unknown audit; the store's.
Result<ResultOutlierReport> check_result_outliers(Store& store, AuditId audit, const OutlierTimetable& timetable,
                                                  const WorkingDayCalendar& calendar, Date today, const Actor& actor);

}  // namespace clinaudit::domain
