#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/audit_cycle_figures.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/open_concerns.hpp"
#include "domain/outlier_casework.hpp"
#include "domain/participation_overview.hpp"
#include "domain/store.hpp"
#include "stats/proportion_difference.hpp"
#include "stats/spc_xmr.hpp"

// "How is the organisation doing on a day?": the figures the dashboard and the board pack
// both show, computed once here so that the two cannot disagree. Each count says what it
// counts in its comment, and participation_definition says it in a sentence for the reader.
namespace clinaudit::domain {

// A measure's monthly series for the organisation on a Making Data Count XmR chart, as stored
// when its results or settings last changed.
struct MeasureChart {
  Audit audit;
  Measure measure;
  std::vector<std::string> periods;  // "YYYY-MM"
  Date latest_start;                 // the start of the last charted period
  std::vector<double> values;        // proportions in [0, 1]; ratios and rates as given
  bool crude = false;                // a ratio measure shown as events / cases (no expected yet)
  stats::XmrChart chart;
  std::string computed_at;  // when the stored chart was computed (domain/stored_measure_charts.hpp)
};

// Before and after of a re-audit, with Newcombe's interval for the change: of one criterion
// (named) when the re-audit's criteria have results to compare (domain/criteria_results.hpp),
// otherwise of the audits' first proportion measure.
struct ReauditOutcome {
  Audit original;
  Audit reaudit;
  std::string criterion;  // the criterion's statement; empty for the measure's outcome
  double before_numerator = 0, before_denominator = 0;
  double after_numerator = 0, after_denominator = 0;
  stats::ProportionDifference change;  // after - before
  std::string verdict;                 // "improved", "declined" or "no clear change"
};

// The measures' latest SPC points, counted by icon.
struct SpcCounts {
  std::int64_t improving = 0;     // special-cause improvement (high or low)
  std::int64_t concern = 0;       // special-cause concern (high or low): deteriorating
  std::int64_t common_cause = 0;  // common-cause variation only
  std::int64_t neutral = 0;       // special cause on a measure without an improvement direction
  std::int64_t passing = 0;       // consistently passing the target
  std::int64_t failing = 0;       // consistently falling short of the target
  std::int64_t hit_and_miss = 0;  // inconsistently passing and falling short
};

struct OrganisationFigures {
  Date day;
  FinancialYear year;                  // the financial year containing the day
  ParticipationSummary participation;  // participation_definition says what it counts
  std::vector<MeasureChart> measures;  // charts of kMinimumSpcPoints or more own results up to the day
  SpcCounts spc;
  std::vector<ReauditOutcome> reaudits;  // the organisation's re-audits with a result before and after
  std::int64_t reaudits_improved = 0, reaudits_declined = 0, reaudits_unclear = 0;
  std::vector<OutlierRow> open_outliers;  // open or confirmed cases, soonest deadline first (sort_for_work)
  std::int64_t open_alarms = 0;           // of those, confirmed, at alarm level (beyond 3 SD) and worse than expected
  std::int64_t open_potential = 0;        // at alarm level and worse than expected, not yet confirmed (HQIP: potential)
  std::int64_t open_others = 0;           // the rest: alert level, or better than expected
  std::vector<Action> overdue_actions;    // not completed, due before the day
  std::int64_t open_actions = 0;          // open or in progress, overdue or not
  std::vector<AuditCusumSignal> cusum_signals;         // the organisation's, signalled in the 365 days to the day
  std::int64_t cusum_worse = 0;                        // of those, worse than expected
  std::vector<AuditCusumMonitoring> cusum_monitoring;  // what the signals were computed from, and when
  AuditCycleFigures cycle;                             // the year's forward programme and overdue report reviews

  // What deteriorates: measures with special-cause concern, re-audits that declined and
  // CUSUM signals of worse-than-expected outcomes.
  std::int64_t deteriorating() const { return spc.concern + reaudits_declined + cusum_worse; }
};

// The figures of `organisation` on `day`, over the audits it may see (visible_to); CUSUM
// signals from `signals`. Participation is summarise(participation_rows) for the financial
// year containing the day. CUSUM signals are the stored monitoring's (open_concerns).
// Errors: not_found for an unknown organisation; the store's and the statistics'.
Result<OrganisationFigures> organisation_figures(Store& store, OrganisationId organisation, Date day);

// The organisation's re-audits among `audits` with a result before and after: per criterion
// where the re-audit's criteria have results to compare, else of the audits' first proportion
// measure. Errors: the store's and the statistics'.
Result<std::vector<ReauditOutcome>> reaudit_outcomes(Store& store, OrganisationId organisation,
                                                     const std::vector<Audit>& audits);

// What the participation figure counts, in a sentence: "Participation: 11 of the 12 national
// audits and confidential enquiries on the 2026/27 Quality Account list that we are recorded
// as eligible for." Pure.
std::string participation_definition(const ParticipationSummary& participation, FinancialYear year);

}  // namespace clinaudit::domain
