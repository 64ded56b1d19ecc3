#include "stats/observed_expected.hpp"

namespace clinaudit::stats {

Result<std::vector<GroupOutcome>> observed_expected(std::span<const std::uint32_t> codes,
                                                    const std::vector<std::string>& names,
                                                    std::span<const std::uint8_t> outcome,
                                                    std::span<const double> risk) {
  if (codes.size() != outcome.size() || codes.size() != risk.size()) {
    return Error{ErrorCode::invalid_input, "groups, outcomes and risks must have one entry per episode"};
  }
  std::vector<GroupOutcome> groups(names.size());
  for (std::size_t g = 0; g < names.size(); ++g) groups[g].group = names[g];
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (codes[i] >= names.size()) {
      return Error{ErrorCode::invalid_input, "episode " + std::to_string(i + 1) + " has no group name"};
    }
    auto& group = groups[codes[i]];
    ++group.episodes;
    group.observed += outcome[i];
    group.expected += risk[i];
  }
  return groups;
}

}  // namespace clinaudit::stats
