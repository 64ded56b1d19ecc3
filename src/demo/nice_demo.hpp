#pragma once

#include "core/result.hpp"
#include "demo/governance.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// The home trust's NICE guidance register, over the divisions and local audits that
// add_demo_register wrote: sepsis guidance partly met with an action under way and its audits
// linked; VTE guidance not met after the declining re-audit, one recommendation still without
// an action and its review overdue; falls guidance with its baseline half done; antimicrobial
// stewardship fully met; new caesarean birth guidance still to be assessed; and a technology
// appraisal that does not apply because the trust has no oncology service.
Result<void> add_demo_nice_register(domain::Store& store, const DemoGovernanceContext& context);

}  // namespace clinaudit::demo
