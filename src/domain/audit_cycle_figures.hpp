#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/forward_programme.hpp"
#include "domain/report_tracker.hpp"
#include "domain/store.hpp"

// The audit cycle as the dashboard and the board pack both show it (organisation_figures):
// the year's forward programme against plan, and the national report reviews past their
// deadline on the report tracker.
namespace clinaudit::domain {

struct AuditCycleFigures {
  FinancialYear year;
  DivisionProgress programme;                  // the whole trust's progress against the year's plan
  std::vector<DivisionProgress> divisions;     // the same by division
  int carried_without_reason = 0;              // audits carried in or over with no reason recorded
  std::vector<TrackedReport> overdue_reviews;  // national reports not reviewed by their deadline
};

// The figures of `member`'s organisation on `day` (the financial year containing it). The
// national body keeps neither a programme nor a tracker: its figures are empty.
Result<AuditCycleFigures> audit_cycle_figures(Store& store, const Principal& member, Date day);

}  // namespace clinaudit::domain
