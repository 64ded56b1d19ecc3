#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// A trust's register of outlier notices from audit suppliers that do not use clinaudit (over
// forty national programmes): the trust records the notice and runs its stages here, among
// the cases the national audits' analyses open, with the same deadlines and reminders.
namespace clinaudit::domain {

// The notice as the form sends it, every field text; register_outlier_notice checks them.
struct NoticeRegistration {
  std::string audit;        // the id of a national audit in the register
  std::string supplier;     // who sent it; empty: the audit's provider body
  std::string measure;      // the supplier's measure, in words
  std::string period;       // the reporting period, e.g. "2025/26" or "2024"
  std::string stage;        // what the notice asks of the trust: a key of notice_stages(), whose
                            // track gives the level (alarm or alert)
  std::string received_on;  // YYYY-MM-DD, not after today
  std::string reply_by;     // YYYY-MM-DD, optional: the deadline the notice gives
  std::string value;        // the trust's value, optional
  std::string limit;        // the limit it passed, optional
};

// The stages a notice can start the trust at: on the alarm and alert tracks, each stage that
// the provider or its chief executive owns (its response, its review, the acknowledgement).
std::vector<OutlierStage> notice_stages(const OutlierTimetable& timetable);

// What the registration form offers: the register's national audits (by title) and the
// stages a notice can start at. Errors: forbidden as for register_outlier_notice; the store's.
struct NoticeChoices {
  std::vector<Audit> audits;
  std::vector<OutlierStage> stages;
};
Result<NoticeChoices> notice_choices(Store& store, const Principal& who);

// Registers the notice as an outlier case of `who`'s organisation, opened on the day it was
// received, at `stage` (confirmed when that stage comes after an alarm's review), due on
// `reply_by` or else the stage's working days after the day it was received; the record says
// who registered it. Worse than expected always: a better result needs no local process.
// Errors: forbidden unless `who` holds manage_outliers in a trust (not the national body);
// invalid_input naming the field ("measure: ...") for a missing or unknown audit (national
// audits only), an empty measure, period or supplier (when the audit names no provider body),
// an unknown level or stage, a date that is not a date or lies ahead, a reply-by date before the
// notice, or a value or limit that is not a number; the store's.
Result<OutlierCaseId> register_outlier_notice(Store& store, const Principal& who, const Actor& actor, Date today,
                                              const NoticeRegistration& notice);

}  // namespace clinaudit::domain
