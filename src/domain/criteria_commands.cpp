#include "domain/criteria_commands.hpp"

#include <string>

namespace clinaudit::domain {
namespace {

// The audit, when `who` may see it; not_found otherwise, as for one that does not exist.
Result<Audit> visible_audit(Store& store, const Principal& who, AuditId id) {
  auto audit = store.audit(id);
  if (!audit) return audit.error();
  if (!may_see_audit(who, *audit)) {
    return Error{ErrorCode::not_found, "audit id " + std::to_string(id.value) + " does not exist"};
  }
  return audit;
}

Result<Audit> changeable_audit(Store& store, const Principal& who, AuditId id) {
  CLINAUDIT_TRY(auto audit, visible_audit(store, who, id));
  CLINAUDIT_TRY_VOID(may_change_criteria(who, audit));
  return audit;
}

// The criterion, when it is one of `audit`'s.
Result<Criterion> criterion_of(Store& store, AuditId audit, CriterionId id) {
  auto found = store.criterion(id);
  if (found && found->audit_id != audit) {
    return Error{ErrorCode::not_found, "criterion id " + std::to_string(id.value) + " does not exist"};
  }
  return found;
}

}  // namespace

Result<void> may_change_criteria(const Principal& who, const Audit& audit) {
  if (!allows(who, Permission::manage_local_audits)) {
    return Error{ErrorCode::forbidden, "your role does not change audits' criteria"};
  }
  if (audit.kind != AuditKind::local_audit) {
    return Error{ErrorCode::forbidden, "criteria are recorded for local audits"};
  }
  if (audit.owner != who.organisation_id) {
    return Error{ErrorCode::forbidden, "a local audit's criteria are changed by its own organisation"};
  }
  return {};
}

Result<CriteriaView> criteria_view(Store& store, const Principal& who, AuditId id) {
  CriteriaView view;
  CLINAUDIT_TRY(view.audit, visible_audit(store, who, id));
  view.may_change = static_cast<bool>(may_change_criteria(who, view.audit));
  CLINAUDIT_TRY(const auto criteria, store.criteria_of(id));
  for (const auto& c : criteria) {
    CLINAUDIT_TRY(auto figures, criterion_figures(c));
    view.criteria.push_back(std::move(figures));
  }
  if (!view.audit.reaudit_of) return view;
  auto earlier = visible_audit(store, who, *view.audit.reaudit_of);
  if (!earlier) return earlier.error().code == ErrorCode::not_found ? Result<CriteriaView>(view) : earlier.error();
  CLINAUDIT_TRY(const auto before, store.criteria_of(earlier->id));
  CLINAUDIT_TRY(view.comparison, compare_criteria(before, criteria));
  view.not_repeated = criteria_not_repeated(before, criteria);
  view.repeats = std::move(*earlier);
  return view;
}

Result<CriterionId> add_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                                  const Criterion& draft) {
  CLINAUDIT_TRY_VOID(changeable_audit(store, who, audit));
  Criterion row = draft;
  row.id = {};
  row.audit_id = audit;
  CLINAUDIT_TRY_VOID(check(row));
  return store.add_criterion(row, actor);
}

Result<void> change_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                              const Criterion& draft) {
  CLINAUDIT_TRY_VOID(changeable_audit(store, who, audit));
  CLINAUDIT_TRY(auto row, criterion_of(store, audit, draft.id));
  row.statement = draft.statement;
  row.target_percent = draft.target_percent;
  row.exceptions = draft.exceptions;
  CLINAUDIT_TRY_VOID(check(row));
  return store.update_criterion(row, actor);
}

Result<void> move_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit, CriterionId id,
                            int step) {
  CLINAUDIT_TRY_VOID(changeable_audit(store, who, audit));
  CLINAUDIT_TRY_VOID(criterion_of(store, audit, id));
  return store.move_criterion(id, step, actor);
}

Result<void> remove_criterion(Store& store, const Principal& who, const Actor& actor, AuditId audit, CriterionId id) {
  CLINAUDIT_TRY_VOID(changeable_audit(store, who, audit));
  CLINAUDIT_TRY_VOID(criterion_of(store, audit, id));
  return store.remove_criterion(id, actor);
}

Result<void> record_criterion_results(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                                      const std::vector<Criterion>& rows) {
  CLINAUDIT_TRY_VOID(changeable_audit(store, who, audit));
  return store.record_criterion_results(audit, rows, actor);
}

}  // namespace clinaudit::domain
