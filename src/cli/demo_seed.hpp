#pragma once

#include "core/result.hpp"
#include "domain/clock.hpp"
#include "domain/store.hpp"

namespace clinaudit::cli {

// The password of every demo account (docs/security.md; shown on the sign-in page in
// demo mode only).
inline constexpr const char* kDemoPassword = "demo-password-2026";

// Fills an empty store with a small synthetic world so that `serve --demo` is usable:
// five providers of several types and the national body, a user for each role, national
// audits on this and last year's Quality Account list with participation, a measure with
// results for every provider (funnel plot) and 24 months of one trust's results (SPC),
// local audits, actions (some overdue), an outlier case, a report review and board
// meetings. Every name is fictional. Deterministic apart from the dates, which are placed
// around `clock.today()`. Errors: as the Store's.
Result<void> seed_demo(domain::Store& store, const domain::Clock& clock);

}  // namespace clinaudit::cli
