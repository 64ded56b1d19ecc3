#pragma once

#include "core/result.hpp"
#include "demo/governance.hpp"
#include "domain/store.hpp"

namespace clinaudit::demo {

// The home trust's report tracker, over the national reports add_demo_board_and_reviews
// wrote: the reviewed ones assigned and assessed (one with an action still in progress from
// a recommendation not complied with), and the newest assigned but overdue, its baseline
// not begun.
Result<void> add_demo_report_tracker(domain::Store& store, const DemoGovernanceContext& context);

}  // namespace clinaudit::demo
