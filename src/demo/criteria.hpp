#pragma once

#include "core/result.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// The standards of three of the home trust's local audits with their results per criterion
// (after add_demo_local_audits): the antibiotic prescribing audit, one criterion on each side
// of its target, and the sepsis audit and its re-audit, whose comparison shows a clear
// improvement in screening at triage and no clear change in antibiotics within one hour.
Result<void> add_demo_criteria(domain::Store& store);

}  // namespace clinaudit::demo
