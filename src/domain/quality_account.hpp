#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/organisation.hpp"
#include "domain/participation.hpp"

namespace clinaudit::domain {

// One national audit or enquiry as it appears in the statement.
struct QaAuditLine {
  Audit audit;
  bool participated = false;
  std::optional<bool> data_collection_completed;
  std::optional<std::int64_t> cases_submitted;
  std::optional<std::int64_t> cases_required;
  std::optional<double> case_ascertainment;  // submitted / required
  std::string reason_not_participating;
};

// A fact the statement needs that the records do not hold. Gaps are listed for the
// audit manager to fix and are never counted as yes or no.
struct QaGap {
  std::string audit_code;
  std::string audit_title;
  std::string missing;  // e.g. "eligibility not recorded"
};

// A reviewed audit report and the actions the organisation intends.
struct QaReviewLine {
  std::string audit_code;
  std::string report_title;
  Date reviewed_on;
  std::string committee;
  std::string intended_actions;
};

// Counts of one kind (national clinical audits, or national confidential enquiries).
struct QaCounts {
  int eligible = 0;      // covered the services the organisation provides
  int participated = 0;  // of those eligible
  std::optional<double> participation_share() const {
    if (eligible == 0) return std::nullopt;
    return static_cast<double>(participated) / eligible;
  }
};

// The clinical audit section of a Quality Account, with the statements the NHS (Quality
// Accounts) Regulations 2010, Schedule, Part 2 prescribes, for one organisation and
// financial year. Built from records only; every number is traceable to them.
struct QualityAccountStatement {
  Organisation organisation;
  FinancialYear year;
  QaCounts national_audits;
  QaCounts confidential_enquiries;
  std::vector<QaAuditLine> eligible;           // eligible audits and enquiries, by title
  std::vector<QaAuditLine> participated;       // those taken part in
  std::vector<QaAuditLine> completed;          // participated and data collection completed
  std::vector<QaReviewLine> national_reviews;  // national reports reviewed in the year
  std::vector<QaReviewLine> local_reviews;     // local audit reports reviewed in the year
  std::vector<QaGap> gaps;
  Date due_on;  // 30 June after the year ends
};

// Inputs for one organisation and year; the caller reads them from the Store.
struct QualityAccountInputs {
  Organisation organisation;
  FinancialYear year;
  std::vector<QaListEntry> qa_list;          // the year's list of national audits
  std::vector<Audit> audits;                 // every audit the list, reviews or participation name
  std::vector<Participation> participation;  // this organisation's rows for the year
  std::vector<ReportReview> reviews;         // this organisation's report reviews (any year)
};

// Builds the statement. An audit on the list whose eligible types include the
// organisation's type but has no recorded eligibility is a gap; so is unknown
// participation for an eligible audit, unknown completion for one taken part in, and
// unknown case counts for a completed one. Pure; safe from any thread.
QualityAccountStatement build_quality_account(const QualityAccountInputs& inputs);

// The Quality Account is due with NHS England by 30 June after the financial year.
Date quality_account_due_date(FinancialYear year);

}  // namespace clinaudit::domain
