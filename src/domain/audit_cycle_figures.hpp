#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/forward_programme.hpp"
#include "domain/nice_register.hpp"
#include "domain/report_tracker.hpp"
#include "domain/store.hpp"

// The audit cycle as the dashboard and the board pack both show it (organisation_figures):
// the year's forward programme against plan, the national report reviews past their deadline
// on the report tracker, and the NICE guidance register's compliance.
namespace clinaudit::domain {

struct AuditCycleFigures {
  FinancialYear year;
  DivisionProgress programme;                  // the whole trust's progress against the year's plan
  std::vector<DivisionProgress> divisions;     // the same by division
  int carried_without_reason = 0;              // audits carried in or over with no reason recorded
  std::vector<TrackedReport> overdue_reviews;  // national reports not reviewed by their deadline
  NiceSummary nice;                            // the NICE guidance register's figures
  // Guidance that needs the board's attention: applicable and not or partly met, with a
  // recommendation not met and no action, or past its review date; overdue reviews first.
  std::vector<TrackedGuidance> nice_attention;
};

// The figures of `member`'s organisation on `day` (the financial year containing it). The
// national body keeps no programme, tracker or register: its figures are empty.
Result<AuditCycleFigures> audit_cycle_figures(Store& store, const Principal& member, Date day);

}  // namespace clinaudit::domain
