#include "domain/audit_suppliers.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "domain/register_setup.hpp"

namespace clinaudit::domain {
namespace {

Result<void> may_keep_suppliers(const Principal& who) {
  if (allows(who, Permission::manage_register)) return {};
  return Error{ErrorCode::forbidden, "the audit suppliers are kept by the national body's administrators"};
}

Result<void> known_supplier(Store& store, std::optional<SupplierId> supplier) {
  if (!supplier) return {};
  CLINAUDIT_TRY(const auto all, store.suppliers());
  const bool found = std::any_of(all.begin(), all.end(), [&](const AuditSupplier& row) { return row.id == *supplier; });
  if (!found) return invalid_input("supplier_id: there is no audit supplier " + std::to_string(supplier->value));
  return {};
}

}  // namespace

Result<SupplierOverview> supplier_overview(Store& store, const Principal& who) {
  CLINAUDIT_TRY_VOID(may_keep_suppliers(who));
  SupplierOverview out;
  CLINAUDIT_TRY(const auto suppliers, store.suppliers());
  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::erase_if(audits, [](const Audit& audit) { return audit.kind == AuditKind::local_audit; });
  std::sort(audits.begin(), audits.end(), [](const Audit& a, const Audit& b) { return a.title < b.title; });
  CLINAUDIT_TRY(auto users, store.users(std::nullopt));
  std::erase_if(users, [](const User& user) { return user.role != Role::national_analyst; });
  for (const auto& supplier : suppliers) {
    SupplierLine line{supplier, {}, {}};
    for (const auto& audit : audits) {
      if (audit.supplier_id == supplier.id) line.audits.push_back(audit);
    }
    for (const auto& user : users) {
      if (user.supplier_id == supplier.id) line.analysts.push_back(user);
    }
    out.suppliers.push_back(std::move(line));
  }
  out.national_audits = std::move(audits);
  out.analysts = std::move(users);
  return out;
}

Result<SupplierId> add_audit_supplier(Store& store, const Principal& who, const Actor& actor, std::string_view code,
                                      std::string_view name) {
  CLINAUDIT_TRY_VOID(may_keep_suppliers(who));
  AuditSupplier row;
  CLINAUDIT_TRY(row.code, register_code(code, 12, "supplier"));
  row.name = trimmed(name);
  if (row.name.empty()) return invalid_input("name: enter the supplier's name");
  return store.add_supplier(row, actor);
}

Result<void> set_audit_supplier(Store& store, const Principal& who, const Actor& actor, AuditId audit_id,
                                std::optional<SupplierId> supplier) {
  CLINAUDIT_TRY_VOID(may_keep_suppliers(who));
  auto audit = store.audit(audit_id);
  if (!audit && audit.error().code != ErrorCode::not_found) return audit.error();
  if (!audit || audit->kind == AuditKind::local_audit) {
    return invalid_input("audit_id: there is no national audit " + std::to_string(audit_id.value));
  }
  CLINAUDIT_TRY_VOID(known_supplier(store, supplier));
  audit->supplier_id = supplier;
  return store.update_audit(*audit, actor);
}

Result<void> set_analyst_supplier(Store& store, const Principal& who, const Actor& actor, UserId user_id,
                                  std::optional<SupplierId> supplier) {
  CLINAUDIT_TRY_VOID(may_keep_suppliers(who));
  auto user = store.user(user_id);
  if (!user && user.error().code != ErrorCode::not_found) return user.error();
  if (!user || user->role != Role::national_analyst) {
    return invalid_input("user_id: only a national analyst works for an audit supplier");
  }
  CLINAUDIT_TRY_VOID(known_supplier(store, supplier));
  user->supplier_id = supplier;
  return store.update_user(*user, actor);
}

}  // namespace clinaudit::domain
