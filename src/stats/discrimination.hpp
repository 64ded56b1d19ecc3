#pragma once

#include "core/result.hpp"
#include "stats/ranked_risks.hpp"

namespace clinaudit::stats {

// The c-statistic (area under the ROC curve) of predicted risks: the probability that a
// randomly chosen episode with the outcome has a higher predicted risk than one without,
// ties counting 1/2 (Hanley & McNeil, Radiology 1982;143:29-36). Computed from the rank sum
// of the events among all risks (the Mann-Whitney form, mid-ranks for ties):
// (sum of event ranks - n1 (n1 + 1) / 2) / (n1 n0). O(n log n1) on ranked risks.
// Errors: invalid_input when there are no events or no non-events. Pure; safe from any thread.
Result<double> c_statistic(const RankedRisks& risks);

}  // namespace clinaudit::stats
