#pragma once

#include <string>

#include "core/ids.hpp"

namespace clinaudit::domain {

// The body that runs a national audit for its commissioner (a royal college, a university
// unit): its national analysts see and act on its own audits only (Audit::supplier_id,
// User::supplier_id). The national body's administrators keep the list.
struct AuditSupplier {
  SupplierId id;
  std::string code;  // unique, e.g. "RCP"
  std::string name;  // e.g. "Royal College of Physicians"
};

}  // namespace clinaudit::domain
