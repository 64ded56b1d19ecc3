#include "stats/discrimination.hpp"

#include <algorithm>

namespace clinaudit::stats {

Result<double> c_statistic(const RankedRisks& risks) {
  const auto events = static_cast<double>(risks.events.size());
  const auto non_events = static_cast<double>(risks.non_events);
  if (risks.events.empty() || risks.non_events == 0) {
    return Error{ErrorCode::invalid_input, "the c-statistic needs episodes with and without the outcome"};
  }
  // Mid-rank of a value v among all risks: (#below) + (#equal + 1) / 2. Events are sorted, so
  // the search for the next value can start where the last one ended.
  double rank_sum = 0.0;
  auto from = risks.all.begin();
  for (std::size_t i = 0; i < risks.events.size();) {
    const double value = risks.events[i];
    std::size_t same = 1;
    while (i + same < risks.events.size() && risks.events[i + same] == value) ++same;
    const auto lower = std::lower_bound(from, risks.all.end(), value);
    const auto upper = std::upper_bound(lower, risks.all.end(), value);
    const auto below = static_cast<double>(lower - risks.all.begin());
    const auto equal = static_cast<double>(upper - lower);
    rank_sum += static_cast<double>(same) * (below + (equal + 1.0) / 2.0);
    from = upper;
    i += same;
  }
  return (rank_sum - events * (events + 1.0) / 2.0) / (events * non_events);
}

}  // namespace clinaudit::stats
