#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit_criteria.hpp"
#include "domain/criteria_results.hpp"
#include "domain/store.hpp"

// "What standards is this audit measured against, and how did it do?": the criteria of an
// audit with their results against target, a re-audit's comparison with the audit it
// repeats, and the changes the audit team makes to them. Criteria belong to local audits;
// their own organisation's audit managers, clinical leads and administrators change them
// (may_change_criteria), everyone who sees the audit reads them.
namespace clinaudit::domain {

struct CriteriaView {
  Audit audit;
  bool may_change = false;
  std::vector<CriterionFigures> criteria;  // in the audit's order
  // For a re-audit whose earlier audit the caller sees: that audit, this audit's criteria
  // compared with its criteria, and its criteria this audit does not repeat.
  std::optional<Audit> repeats;
  std::vector<CriterionComparison> comparison;
  std::vector<Criterion> not_repeated;
};

// Whether `who` may change `audit`'s criteria and results: a local audit of their own
// organisation, with a role that manages local audits. Errors: forbidden, saying why.
Result<void> may_change_criteria(const Principal& who, const Audit& audit);

// The criteria of `audit` as `who` sees them. Errors: not_found for an audit they may not
// see (as for one that does not exist); the store's and the statistics'.
Result<CriteriaView> criteria_view(Store& store, const Principal& who, AuditId audit);

// The changes, each as `who` (may_change_criteria), audit-logged as `actor`. Each refuses an
// audit `who` may not see, or a criterion not of `audit`, as not_found; a broken rule as
// invalid_input naming the field (check(Criterion)).
Result<CriterionId> add_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                                  const Criterion& draft);
// Changes the statement, target and exceptions of `draft.id`.
Result<void> change_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                              const Criterion& draft);
// Moves a criterion one place earlier (step < 0) or later (step > 0).
Result<void> move_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit, CriterionId id,
                            int step);
Result<void> remove_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit, CriterionId id);
// Sets the results of the criteria `rows` name (id, met, applicable), all or nothing. An
// error names the criterion by its place and the field: "criterion 2: met: ...".
Result<void> record_criterion_results(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                                      const std::vector<Criterion>& rows);

}  // namespace clinaudit::domain
