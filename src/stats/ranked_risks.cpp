#include "stats/ranked_risks.hpp"

#include <array>
#include <bit>
#include <cmath>
#include <string>

namespace clinaudit::stats {
namespace {

// LSD radix sort of non-negative doubles: their IEEE-754 bit patterns sort as unsigned
// integers. Four passes of 16 bits.
void radix_sort(std::vector<double>& values) {
  std::vector<std::uint64_t> keys(values.size()), scratch(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) keys[i] = std::bit_cast<std::uint64_t>(values[i] + 0.0);
  std::vector<std::size_t> count(1U << 16);
  for (unsigned shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (const auto key : keys) ++count[(key >> shift) & 0xFFFFU];
    if (count[(keys.empty() ? 0 : (keys[0] >> shift) & 0xFFFFU)] == keys.size()) continue;  // one digit value
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t here = c;
      c = sum;
      sum += here;
    }
    for (const auto key : keys) scratch[count[(key >> shift) & 0xFFFFU]++] = key;
    keys.swap(scratch);
  }
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = std::bit_cast<double>(keys[i]);
}

}  // namespace

Result<RankedRisks> rank_risks(std::span<const double> risk, std::span<const std::uint8_t> outcome) {
  if (risk.size() != outcome.size()) {
    return Error{ErrorCode::invalid_input,
                 std::to_string(risk.size()) + " risks for " + std::to_string(outcome.size()) + " outcomes"};
  }
  RankedRisks ranked;
  ranked.all.assign(risk.begin(), risk.end());
  for (std::size_t i = 0; i < risk.size(); ++i) {
    if (!(risk[i] >= 0.0 && risk[i] <= 1.0)) {
      return Error{ErrorCode::invalid_input, "episode " + std::to_string(i + 1) + ": the risk must lie in [0, 1]"};
    }
    if (outcome[i] > 1) {
      return Error{ErrorCode::invalid_input, "episode " + std::to_string(i + 1) + ": the outcome must be 0 or 1"};
    }
    if (outcome[i] == 1) ranked.events.push_back(risk[i]);
  }
  ranked.non_events = static_cast<std::int64_t>(risk.size() - ranked.events.size());
  radix_sort(ranked.all);
  radix_sort(ranked.events);
  return ranked;
}

}  // namespace clinaudit::stats
