#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/measure.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/working_days.hpp"
#include "stats/funnel.hpp"

// From a unit beyond a funnel limit in a complete period to the register of outlier cases,
// whichever analysis found it (an episode analysis run, or the check of imported results).
namespace clinaudit::domain {

// What recording one flagged unit did.
enum class FlagRecorded {
  opened,        // the unit had no case for the measure and period: one was opened
  raised,        // its alert case was raised to an alarm
  already_open,  // it has a case (of any status) that stays as it is
};

// The case a unit beyond a funnel limit of `measure` in `period` gets: its level and direction
// from `flag` (not none), worse unless the measure improves by increasing and the unit is high,
// its value, and the limit it passed from `limits` (0 without them).
OutlierCase flagged_case(const Measure& measure, OrganisationId organisation, const std::string& period,
                         stats::FunnelFlag flag, double value, const std::optional<stats::FunnelLimits>& limits);

// Records `flagged` (audit, measure, organisation, period, level, direction, value and limit
// filled in) among `cases`, the audit's cases of every status. With no case for the unit,
// measure and period it opens one at the first stage of its track (open_outlier_case); an
// alert case the unit now passes the alarm limit of is raised (raise_outlier_case) with an
// event saying `raised_because`; any other case stays, so a case withdrawn at review stays
// withdrawn when the same data are analysed again. `cases` follows the store, and `changed`
// holds the case opened or raised. Errors: the store's.
Result<FlagRecorded> record_outlier_flag(Store& store, std::vector<OutlierCase>& cases, const OutlierCase& flagged,
                                         const std::string& raised_because, const OutlierTimetable& timetable,
                                         const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                         OutlierCase& changed);

}  // namespace clinaudit::domain
