#pragma once

#include <cstdint>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/governance.hpp"
#include "domain/outlier_case.hpp"
#include "domain/store.hpp"

// What stands open for an organisation on a day: the outlier cases still in the process,
// the overdue actions and the risk-adjusted CUSUM signals of the past year. The dashboard
// and the board pack both show these, so both take them from here.
namespace clinaudit::domain {

// A CUSUM signal with the audit it belongs to.
struct AuditCusumSignal {
  Audit audit;
  CusumAlert alert;
};

// An audit's stored CUSUM monitoring: its window, episodes and when it was computed.
struct AuditCusumMonitoring {
  Audit audit;
  CusumMonitoringRecord monitoring;  // its signals left out
};

struct OpenConcerns {
  std::vector<OutlierCase> open_outliers;       // OutlierCase::is_open(), in the store's order
  std::vector<Action> overdue_actions;          // overdue on the day, in the store's order
  std::int64_t open_actions = 0;                // open or in progress, overdue or not
  std::vector<AuditCusumSignal> cusum_signals;  // the organisation's, signalled in the 365 days to the day
  // What the signals were computed from, and when: the stored monitoring of each national
  // audit among those seen (without its signals), in the audits' order.
  std::vector<AuditCusumMonitoring> cusum_monitoring;
};

// The open concerns of `organisation` on `day`, over `audits` (those it may see) in their
// order; CUSUM signals from the national ones' stored monitoring (domain/cusum_monitoring.hpp),
// none for an audit not yet computed. Errors: the store's.
Result<OpenConcerns> open_concerns(Store& store, OrganisationId organisation, const std::vector<Audit>& audits,
                                   Date day);

}  // namespace clinaudit::domain
