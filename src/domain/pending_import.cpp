#include "domain/pending_import.hpp"

#include <algorithm>

namespace clinaudit::domain {

std::size_t pending_charge(std::size_t content_bytes) { return std::max(content_bytes, kMinimumPendingCharge); }

PendingImportPlan plan_pending_import(std::size_t charge, const std::vector<std::size_t>& own_oldest_first,
                                      std::size_t total_held, const PendingImportBudget& budget) {
  if (charge > std::min(budget.per_user_bytes, budget.total_bytes)) return {PendingImportHeld::too_large, 0};
  std::size_t own_bytes = 0;
  for (const auto c : own_oldest_first) own_bytes += c;
  std::size_t dropped = 0;
  std::size_t freed = 0;
  const auto over = [&] {
    return own_bytes - freed + charge > budget.per_user_bytes || total_held - freed + charge > budget.total_bytes;
  };
  while (dropped < own_oldest_first.size() && over()) freed += own_oldest_first[dropped++];
  if (over()) return {PendingImportHeld::full, 0};
  return {PendingImportHeld::held, dropped};
}

}  // namespace clinaudit::domain
