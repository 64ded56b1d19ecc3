#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/forward_programme.hpp"
#include "domain/nice_register.hpp"
#include "domain/organisation_figures.hpp"
#include "domain/quality_account.hpp"
#include "domain/store.hpp"

// The annual clinical audit report of a trust for a financial year (docs/governance.md, "The
// annual clinical audit report"): the programme delivered against plan, the local audits
// completed by division, the national and local audit reports reviewed, NICE compliance, the
// actions completed and the re-audit outcomes. Its reviewed reports are the Quality Account's (the same
// statement, quality_account_for), so the two documents cannot disagree. Every signed-in user
// of the organisation reads it.
namespace clinaudit::domain {

// The local audits completed in the year, for one division ("No division" for those without).
struct CompletedByDivision {
  std::string division;
  std::vector<ProgrammeItem> audits;  // by completion date
};

struct AnnualAuditReport {
  std::string organisation;
  FinancialYear year;
  Date as_of;
  ForwardProgramme programme;                  // the year's programme, as it stands on as_of
  std::vector<CompletedByDivision> completed;  // local audits completed within the year
  int completed_count = 0;
  QualityAccountStatement quality_account;  // its national_reviews and local_reviews are the year's
  int national_reports_published = 0;       // national reports published in the year
  int national_reports_reviewed = 0;        // of those, reviewed (by as_of)
  int actions_completed = 0;                // actions completed within the year
  int actions_completed_on_time = 0;        // of those, by their due date
  int actions_overdue = 0;  // due within the year and not done by then, at its end (today for the year under way)
  std::vector<ReauditOutcome> reaudits;  // re-audits of the year's programme with results
  // The NICE guidance register as it stands on as_of: its figures, the guidance judged to apply
  // (by reference) and how many pieces were reviewed within the year.
  NiceSummary nice;
  std::vector<TrackedGuidance> nice_applicable;
  int nice_reviewed = 0;
};

// The report of `who`'s organisation for `year`, as it stands on `today`. Errors: the store's
// and the statistics'.
Result<AnnualAuditReport> annual_audit_report(Store& store, const Principal& who, Date today, FinancialYear year);

}  // namespace clinaudit::domain
