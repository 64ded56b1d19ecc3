#pragma once

#include "core/result.hpp"
#include "demo/governance.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// The home trust's local audit register: its divisions and specialties, the register entries
// and histories of the local audits add_demo_local_audits wrote (each where its status says,
// with its lead), and four proposals of the past weeks: one awaiting a decision for long
// enough to be chased, one sent back for changes, one declined and one abandoned during
// data collection. Written after add_demo_local_audits and the demo logins.
Result<void> add_demo_register(domain::Store& store, const DemoGovernanceContext& context);

}  // namespace clinaudit::demo
