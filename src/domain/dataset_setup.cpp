#include "domain/dataset_setup.hpp"

namespace clinaudit::domain {
namespace {

Result<Audit> national_audit(Store& store, AuditId id) {
  auto audit = store.audit(id);
  if (!audit || audit->kind == AuditKind::local_audit) {
    if (audit || audit.error().code == ErrorCode::not_found) {
      return Error{ErrorCode::not_found, "no national audit " + std::to_string(id.value)};
    }
    return audit.error();
  }
  return audit;
}

}  // namespace

Result<DatasetView> dataset_view(Store& store, const Principal& who, AuditId audit) {
  DatasetView view;
  CLINAUDIT_TRY(view.audit, national_audit(store, audit));
  CLINAUDIT_TRY(view.dataset, store.dataset(audit));
  view.may_change = may_manage_audit_setup(who, view.audit).has_value();
  return view;
}

Result<void> declare_dataset(Store& store, const Principal& who, const Actor& actor, const Dataset& dataset) {
  CLINAUDIT_TRY(const auto audit, national_audit(store, dataset.audit_id));
  CLINAUDIT_TRY_VOID(may_manage_audit_setup(who, audit));
  return store.set_dataset(dataset, actor);
}

}  // namespace clinaudit::domain
