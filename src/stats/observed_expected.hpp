#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Observed and expected events of one group (a provider, a surgeon): O = episodes with
// outcome 1, E = sum of the episodes' predicted risks (indirect standardisation).
struct GroupOutcome {
  std::string group;
  std::int64_t episodes = 0;
  std::int64_t observed = 0;
  double expected = 0;
  double ratio() const { return expected > 0 ? static_cast<double>(observed) / expected : 0.0; }
};

// Sums episodes by group. `codes` give each episode's group as an index into `names`;
// the result has one entry per name, in the order of `names` (groups without episodes
// included, with zeros). Errors: invalid_input when lengths differ or a code has no name.
// Pure; safe from any thread.
Result<std::vector<GroupOutcome>> observed_expected(std::span<const std::uint32_t> codes,
                                                    const std::vector<std::string>& names,
                                                    std::span<const std::uint8_t> outcome,
                                                    std::span<const double> risk);

}  // namespace clinaudit::stats
