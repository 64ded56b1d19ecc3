#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/action_list.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/open_concerns.hpp"
#include "domain/organisation_figures.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/participation_overview.hpp"
#include "domain/store.hpp"

// "What needs my attention?": the organisation's dashboard.
namespace clinaudit::domain {

// A measure whose latest SPC point is a special cause of concern over the organisation's
// own results.
struct MeasureSignal {
  Audit audit;
  Measure measure;
  std::string variation;  // the Making Data Count variation icon, e.g. "concern_high"
  std::string assurance;
  std::string latest_period;
  std::optional<double> latest_value;
};

// The dashboard's figures are the board pack's on the same day (organisation_figures).
struct Dashboard {
  FinancialYear year;
  Date today;
  ParticipationSummary participation;
  std::string participation_definition;  // what the participation figure counts, in a sentence
  std::int64_t open_alerts = 0;          // open cases other than worse-than-expected alarms
  std::int64_t open_alarms = 0;          // confirmed cases at alarm level, worse than expected
  std::int64_t open_potential = 0;       // the same, not yet confirmed
  std::vector<OutlierRow> open_outliers;
  std::vector<MeasureSignal> deteriorating;            // measures with special-cause concern
  std::vector<ReauditOutcome> reaudits;                // re-audits with a result before and after
  SpcCounts spc;                                       // the measures' latest SPC icons, counted
  std::int64_t spc_charts = 0;                         // the stored charts counted there
  std::string spc_computed_at;                         // the latest computation of one of them; empty: none
  std::int64_t deteriorating_count = 0;                // OrganisationFigures::deteriorating()
  std::vector<AuditCusumSignal> cusum_signals;         // this organisation's, in the last 12 months
  std::vector<AuditCusumMonitoring> cusum_monitoring;  // what they were computed from, and when
  std::vector<ActionRow> overdue_actions;
  std::int64_t open_actions = 0;
  std::optional<BoardMeeting> next_meeting;
  AuditCycleFigures cycle;  // the year's forward programme and overdue report reviews
};

// The dashboard of `who`'s organisation on `today`: the figures of organisation_figures (the
// financial year's participation, open concerns, SPC icons, re-audit outcomes), the measures
// whose SPC chart shows concern (shows_concern) named, and the next board meeting on or after
// today. Errors: the store's.
Result<Dashboard> dashboard_for(Store& store, const Principal& who, Date today);

}  // namespace clinaudit::domain
