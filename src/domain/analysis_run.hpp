#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::domain {

// What one analysis run computed and did, for the record and for reproducing a published
// result: the method and parameters, the software version, a checksum of the inputs, the
// model and funnel, and the outlier cases it opened.
struct AnalysisRun {
  AuditId audit_id;
  MeasureId measure_id;
  std::string period;  // the financial year analysed, e.g. "2025/26"
  Date from;
  Date to;
  std::string method;  // e.g. "logistic case-mix model (IRLS); O/E funnel, log-scale overdispersion ..."
  std::string software_version;
  std::string input_checksum;  // FNV-1a 64-bit over the episodes in order, as hex
  std::int64_t episodes = 0;
  EpisodeAnalysis analysis;
  std::vector<OutlierCase> opened;           // new cases this run opened
  std::int64_t already_open = 0;             // flagged units that already had a case (any status) for the period
  std::int64_t results_stored = 0;           // provider results (observed, expected) written for the period
  std::string parameters;                    // JSON: the funnel and CUSUM settings used
  AnalysisRunId run_id;                      // the stored record of this run
  std::vector<StoredCusumAlert> new_alerts;  // CUSUM alerts no earlier run had raised
};

// Runs the national pipeline for an audit's ratio measure over one financial year: reads
// the episodes admitted in the year, fits the case-mix model, puts O/E per provider on the
// funnel, runs each provider's CUSUM, and opens an outlier case for every unit beyond the
// 95% or 99.8% limit that has no case yet for that measure and period (at the first stage of
// its track, due in working days from `today`). Stores the run (Store::add_analysis_run) with
// its CUSUM alerts, each kept once. Re-running on the same data computes the same numbers,
// opens no case and raises no alert again; it is recorded as a run of its own.
// Errors: not_found for an unknown audit or an audit without a ratio measure; invalid_input
// when the year holds no episodes; the store's and the statistics' errors.
Result<AnalysisRun> run_analysis(Store& store, AuditId audit, FinancialYear year, const OutlierTimetable& timetable,
                                 const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                 std::string software_version);

// run_analysis on the year's episodes that the caller has already read (Store::episodes for
// the year, in admission order), so that the daily job, which reads them to compare their
// checksum with the latest run's, does not read them twice. Same errors.
Result<AnalysisRun> run_analysis_on(Store& store, AuditId audit, FinancialYear year, const EpisodeColumns& episodes,
                                    const OutlierTimetable& timetable, const WorkingDayCalendar& calendar, Date today,
                                    const Actor& actor, std::string software_version);

// run_analysis as a person starts it (the national page, `clinaudit analyse`): with the
// outlier timetable in force and England and Wales working days. Errors: not_found for a
// local audit; the timetable's and run_analysis's.
Result<AnalysisRun> run_national_analysis(Store& store, const Audit& audit, FinancialYear year, Date today,
                                          const Actor& actor, std::string software_version);

// FNV-1a 64-bit checksum of the episodes (provider, date, outcome, covariates), as 16 hex digits.
std::string episode_checksum(const EpisodeColumns& episodes);

}  // namespace clinaudit::domain
