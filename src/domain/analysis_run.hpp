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

// What an analysis run computed and did for one measure: the measure and its settings, the
// model (or expected risks) and funnel, and the outlier cases it opened.
struct MeasureRun {
  Measure measure;
  EpisodeAnalysisOptions options;
  EpisodeAnalysis analysis;
  std::int64_t cases_opened = 0;     // of the run's `opened`, those for this measure
  std::int64_t cases_raised = 0;     // of the run's `raised`, those for this measure
  std::int64_t already_open = 0;     // flagged units that already had a case for this measure and period
  std::int64_t flagged_in_year = 0;  // flagged units of an in-year run, which opens no case
  std::int64_t results_stored = 0;   // provider results of this measure written for the period
};

// What one analysis run computed and did, for the record and for reproducing a published
// result: the method and parameters, the software version, a checksum of the inputs, each
// measure's model and funnel, and the outlier cases it opened.
struct AnalysisRun {
  AuditId audit_id;
  std::string period;  // the financial year analysed, e.g. "2025/26"
  Date from;
  Date to;
  std::string method;  // e.g. "logistic case-mix model (IRLS); O/E funnel, log-scale overdispersion ..."
  std::string software_version;
  std::string input_checksum;  // FNV-1a 64-bit over the episodes in order, as hex
  std::int64_t episodes = 0;
  std::vector<MeasureRun> measures;          // every measure computed, in the audit's order
  bool complete_period = false;              // run after the year's last day: flagged units get cases
  std::vector<OutlierCase> opened;           // new cases this run opened, for every measure
  std::vector<OutlierCase> raised;           // alert cases this run raised to alarm, for every measure
  std::int64_t already_open = 0;             // flagged units that already had a case (any status) for the period
  std::int64_t results_stored = 0;           // provider results written for the period, every measure
  std::string parameters;                    // JSON: the funnel and CUSUM settings and each measure's source
  AnalysisRunId run_id;                      // the stored record of this run
  std::vector<StoredCusumAlert> new_alerts;  // CUSUM alerts no earlier run had raised
};

// Runs the national pipeline over one financial year for every measure of the audit computed
// from episodes (analysed_measures), each with its own outcome column and model: reads the
// episodes admitted in the year; for a ratio fits the case-mix model (or takes the dataset's
// expected risks), puts O/E per provider on the funnel and runs each provider's CUSUM; for
// a proportion puts each provider's share on a proportion funnel. Every measure is computed
// before anything is written, so one that fails leaves nothing behind. Then stores each
// provider's result per measure. Outlier cases are for complete periods only: a run on or
// before the year's last day (in-year monitoring) counts its flagged units and opens no case.
// A run after it opens an outlier case for every unit beyond the 95% or 99.8% limit that has
// no case yet for that measure and period (at the first stage of its track, due in working
// days from `today`), and raises an alert case to an alarm when the unit is now beyond the
// 99.8% limit (raise_outlier_case; the event says why). Stores the run (Store::add_analysis_run) with each
// measure's record and its CUSUM alerts, each kept once. Re-running on the same data computes
// the same numbers, opens no case and raises no alert again; it is recorded as a run of its own.
// Errors: not_found for an unknown audit or an audit without a measure to compute; invalid_input
// when the year holds no episodes or a measure cannot be computed (the message names its
// code); the store's and the statistics' errors.
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
// FNV-1a 64-bit checksum of what an analysis reads from the measures (code, source, outcome
// column, formula, expected column), in their order, as 16 hex digits.
std::string measure_settings_checksum(const std::vector<Measure>& measures);

}  // namespace clinaudit::domain
