#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/audit_supplier.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// The national body's list of audit suppliers: which supplier runs each national audit, and
// which national analysts work for which supplier (acts_for_audit_provider). Kept by the
// national body's administrators (manage_register); every change is in the audit log.
namespace clinaudit::domain {

struct SupplierLine {
  AuditSupplier supplier;
  std::vector<Audit> audits;   // the national audits it runs, by title
  std::vector<User> analysts;  // the national analysts who work for it, by e-mail
};

struct SupplierOverview {
  std::vector<SupplierLine> suppliers;  // by name
  std::vector<Audit> national_audits;   // every national audit and enquiry, by title
  std::vector<User> analysts;           // every national analyst, by e-mail
};

// Errors: forbidden without manage_register; the store's.
Result<SupplierOverview> supplier_overview(Store& store, const Principal& who);

// Adds a supplier: `code` upper-cased, 1 to 12 letters, digits or "-_./"; `name` required.
// Errors: forbidden as above; invalid_input naming the field; conflict for a code held.
Result<SupplierId> add_audit_supplier(Store& store, const Principal& who, const Actor& actor, std::string_view code,
                                      std::string_view name);

// Names the supplier that runs a national audit, or none (the national body's own analysts
// run it). Errors: forbidden as above; invalid_input "audit_id: ..." for a local or unknown
// audit, "supplier_id: ..." for an unknown supplier.
Result<void> set_audit_supplier(Store& store, const Principal& who, const Actor& actor, AuditId audit,
                                std::optional<SupplierId> supplier);

// Names the supplier a national analyst works for, or none (every national audit). Errors:
// forbidden as above; invalid_input "user_id: ..." for anyone but a national analyst,
// "supplier_id: ..." for an unknown supplier.
Result<void> set_analyst_supplier(Store& store, const Principal& who, const Actor& actor, UserId user,
                                  std::optional<SupplierId> supplier);

}  // namespace clinaudit::domain
