#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Predicted risks sorted once, for the discrimination and calibration checks that need
// ranks or quantiles (c_statistic, hosmer_lemeshow). Sorting is a radix sort on the bit
// patterns of the risks: O(n) time, 2n doubles of memory.
struct RankedRisks {
  std::vector<double> all;     // every risk, ascending
  std::vector<double> events;  // the risks of the episodes with outcome 1, ascending
  std::int64_t non_events = 0;
};

// Sorts `risk` (one per episode, each in [0, 1]) and the risks of the events (outcome 1), on
// `threads` threads (0 = one per hardware thread; the result does not depend on it).
// Errors: invalid_input when the lengths differ, a risk is outside [0, 1] or not a number,
// or an outcome is not 0 or 1. Pure apart from the thread it may start; safe from any thread.
Result<RankedRisks> rank_risks(std::span<const double> risk, std::span<const std::uint8_t> outcome,
                               unsigned threads = 1);

}  // namespace clinaudit::stats
