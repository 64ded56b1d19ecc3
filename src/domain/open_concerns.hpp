#pragma once

#include <cstdint>
#include <functional>
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

// Every provider's CUSUM signals of a national audit over the 730 days to a day (as
// cusum_signals(store, audit, day - 730, day)). A server may answer from a cache.
using CusumSignalSource = std::function<Result<std::vector<CusumAlert>>(const Audit& audit, Date day)>;

// The source that computes the signals afresh from the store's episodes.
CusumSignalSource fresh_cusum_signals(Store& store);

// A CUSUM signal with the audit it belongs to.
struct AuditCusumSignal {
  Audit audit;
  CusumAlert alert;
};

struct OpenConcerns {
  std::vector<OutlierCase> open_outliers;       // OutlierCase::is_open(), in the store's order
  std::vector<Action> overdue_actions;          // overdue on the day, in the store's order
  std::int64_t open_actions = 0;                // open or in progress, overdue or not
  std::vector<AuditCusumSignal> cusum_signals;  // the organisation's, signalled in the 365 days to the day
};

// The open concerns of `organisation` on `day`, over `audits` (those it may see) in their
// order; CUSUM signals come from `signals` for the national ones. Errors: the store's and
// the source's.
Result<OpenConcerns> open_concerns(Store& store, OrganisationId organisation, const std::vector<Audit>& audits,
                                   Date day, const CusumSignalSource& signals);

}  // namespace clinaudit::domain
