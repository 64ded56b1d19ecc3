#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"

namespace clinaudit::domain {

// An analysis run as the store keeps it: which data it read (the checksum of the episodes),
// with which method, parameters and software version, so that a published result can be
// reproduced and a run on unchanged data recognised.
struct AnalysisRunRecord {
  AnalysisRunId id;
  AuditId audit_id;
  MeasureId measure_id;
  std::string period;  // the financial year analysed, e.g. "2025/26"
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
  std::string created_at;  // set by the store
  std::string created_by;  // set by the store: the actor
};

// A risk-adjusted CUSUM signal kept as a record: one per measure, provider, side and signal
// date, raised by the first run that found it.
struct StoredCusumAlert {
  std::int64_t id = 0;
  AnalysisRunId run_id;
  AuditId audit_id;
  MeasureId measure_id;
  OrganisationId organisation_id;
  bool upper = true;  // upper: outcomes worse than expected; lower: better
  Date signalled_on;  // admission date of the episode at which the chart crossed its limit
  std::int64_t episodes_monitored = 0;
  double value = 0;
  Date raised_on;  // the day of the run that raised it
};

// What Store::add_analysis_run stored.
struct RecordedAnalysisRun {
  AnalysisRunId id;
  std::vector<StoredCusumAlert> new_alerts;  // the alerts not held before, with their ids
};

}  // namespace clinaudit::domain
