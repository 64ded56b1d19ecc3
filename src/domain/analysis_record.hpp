#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/measure.hpp"
#include "stats/funnel.hpp"
#include "stats/racusum.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::domain {

// One measure an analysis run computed, as the store keeps it: where its values came from
// and how many episodes it used and left out for a missing value.
struct AnalysisRunMeasure {
  MeasureId measure_id;
  std::string measure_code;
  std::string measure_name;  // read back from the measure; not written
  MeasureSource source = MeasureSource::episode_model_ratio;
  std::string outcome_column;
  std::string formula;          // episode_model_ratio: the case-mix model; empty otherwise
  std::string expected_column;  // episode_expected_column: the expected-risk column; empty otherwise
  std::int64_t rows_used = 0;
  std::int64_t rows_dropped = 0;
  std::int64_t units_flagged = 0;
  std::int64_t cases_opened = 0;
};

// An analysis run as the store keeps it: which data it read (the checksum of the episodes),
// with which method, parameters and software version, so that a published result can be
// reproduced and a run on unchanged data recognised.
struct AnalysisRunRecord {
  AnalysisRunId id;
  AuditId audit_id;
  MeasureId measure_id;  // the first measure computed (the run's measures list them all)
  std::string period;    // the financial year analysed, e.g. "2025/26"
  Date from;
  Date to;
  Date run_on;  // the day of the run (deadlines of the cases it opened count from it)
  std::int64_t episodes = 0;
  std::string input_checksum;
  std::string software_version;
  std::string method;
  std::string parameters;  // JSON: the funnel and CUSUM settings used
  std::int64_t units_flagged = 0;
  std::int64_t cases_opened = 0;
  std::vector<AnalysisRunMeasure> measures;  // every measure computed, in the audit's order
  std::string created_at;                    // set by the store
  std::string created_by;                    // set by the store: the actor
};

// A risk-adjusted CUSUM signal kept as a record: one per measure, provider, side and signal
// date, raised by the first run that found it.
struct StoredCusumAlert {
  std::int64_t id = 0;
  AnalysisRunId run_id;
  AuditId audit_id;
  MeasureId measure_id;  // the measure whose risks the chart followed (when not set: the run's)
  OrganisationId organisation_id;
  bool upper = true;  // upper: outcomes worse than expected; lower: better
  Date signalled_on;  // admission date of the episode at which the chart crossed its limit
  std::int64_t episodes_monitored = 0;
  double value = 0;
  Date raised_on;  // the day of the run that raised it
};

// A provider's risk-adjusted CUSUM signal in an audit's stored monitoring.
struct CusumMonitoringSignal {
  OrganisationId organisation_id;
  bool upper = true;  // upper: outcomes worse than expected; lower: better
  Date signalled_on;  // admission date of the episode at which the chart crossed its limit
  std::int64_t episodes_monitored = 0;
  double value = 0;
};

// A national audit's risk-adjusted CUSUM monitoring as the store keeps it
// (domain/cusum_monitoring.hpp): every provider's signals over the episodes admitted in a
// window, with what they were computed from and when.
struct CusumMonitoringRecord {
  AuditId audit_id;
  Date from;  // the window: episodes admitted from `from` to `to`
  Date to;
  std::int64_t episodes = 0;
  std::string input_checksum;  // episode_checksum of those episodes
  std::string software_version;
  std::string computed_at;  // set by the store
  std::vector<CusumMonitoringSignal> signals;
};

// A period's value on an organisation's chart of a measure.
struct ChartPoint {
  Date period_start;   // the first day of the period (a month)
  double value = 0;    // a proportion in [0, 1]; a ratio or rate as given
  bool crude = false;  // a ratio shown as events / cases, having no expected count yet
};

// An organisation's Making Data Count chart of a measure as the store keeps it
// (domain/stored_measure_charts.hpp): the series, the XmR chart over it, and what it was
// computed from and when.
struct StoredMeasureChart {
  MeasureId measure_id;
  OrganisationId organisation_id;
  AuditId audit_id;                // the measure's audit: read back, not written
  std::vector<ChartPoint> points;  // in period order
  stats::XmrChart chart;           // over the points' values
  std::string input_checksum;      // of the measure's chart settings and the points
  std::string software_version;
  std::string computed_at;  // set by the store
};

// A measure's funnel plot over the results one view of it compares in its comparison period
// (funnel_period_end): every provider's, or those a trust may see (domain/stored_measure_funnels.hpp),
// as the store keeps it: the plot with its units named by organisation id, the limit curves a
// chart of it draws, and what it was computed from and when. Without a plot, `note` says why
// (funnel_of).
struct StoredMeasureFunnel {
  MeasureId measure_id;
  AuditId audit_id;    // the measure's audit: read back, not written
  std::string period;  // "YYYY-MM-DD to YYYY-MM-DD"
  Date period_end;     // of the results compared
  std::optional<stats::FunnelPlot> plot;
  std::vector<stats::FunnelCurvePoint> curve;  // stats::funnel_chart_curve of the plot
  std::string note;
  std::string input_checksum;  // funnel_checksum of the results it compares
  bool every_result = false;   // drawn over every result of its measure (the national view's)
  std::string software_version;
  std::string computed_at;  // set by the store when empty
};

// One provider's risk-adjusted CUSUM over a financial year's episodes of a national audit
// (domain/stored_provider_cusum.hpp), its lines kept at a bounded number of points.
struct ProviderCusumChart {
  OrganisationId organisation_id;
  std::int64_t episodes = 0;           // the provider's patients charted, in admission order
  stats::RacusumChart chart;           // the kept points; every signal; observed and expected in full
  std::vector<std::int64_t> patients;  // the patient (0-based, in admission order) of each kept point
  std::vector<Date> signal_dates;      // the admission date of each signal's patient
};

// Every provider's CUSUM of a national audit in one financial year as the store keeps it, with
// what it was computed from and when; `note` says why there is none (the model could not be
// fitted) when the year's episodes gave no chart.
struct ProviderCusumRecord {
  AuditId audit_id;
  FinancialYear year;
  std::int64_t episodes = 0;   // the year's episodes, every provider's
  std::string input_checksum;  // of those episodes and the audit's measure settings
  std::string software_version;
  std::string computed_at;  // set by the store
  std::string note;
  std::vector<ProviderCusumChart> providers;  // by organisation id
};

// What Store::add_analysis_run stored.
struct RecordedAnalysisRun {
  AnalysisRunId id;
  std::vector<StoredCusumAlert> new_alerts;  // the alerts not held before, with their ids
};

}  // namespace clinaudit::domain
