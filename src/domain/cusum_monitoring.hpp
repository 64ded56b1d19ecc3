#pragma once

#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/store.hpp"

namespace clinaudit::domain {

// Every provider's risk-adjusted CUSUM signals in a national audit's episodes admitted in
// [from, to], the case-mix model fitted on all of them. Empty for a local audit, for fewer
// than 100 episodes, or when the model cannot be fitted (analysis runs report that).
// Errors: the store's.
Result<std::vector<CusumAlert>> cusum_signals(Store& store, const Audit& audit, Date from, Date to);

}  // namespace clinaudit::domain
