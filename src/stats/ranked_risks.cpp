#include "stats/ranked_risks.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <string>
#include <thread>

#include "core/worker_threads.hpp"

namespace clinaudit::stats {
namespace {

// LSD radix sort of `n` non-negative doubles: their IEEE-754 bit patterns sort as unsigned
// integers. Four passes of 16 bits, between `values` and `scratch` (as long); the result is in
// `values`.
void radix_sort(double* values, double* scratch, std::size_t n) {
  const auto digit = [](double value, unsigned shift) {
    return static_cast<std::size_t>((std::bit_cast<std::uint64_t>(value) >> shift) & 0xFFFFU);
  };
  double* from = values;
  double* to = scratch;
  std::vector<std::size_t> count(1U << 16);
  for (unsigned shift = 0; shift < 64; shift += 16) {
    std::fill(count.begin(), count.end(), 0);
    for (std::size_t i = 0; i < n; ++i) ++count[digit(from[i], shift)];
    if (n == 0 || count[digit(from[0], shift)] == n) continue;  // one digit value
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t here = c;
      c = sum;
      sum += here;
    }
    for (std::size_t i = 0; i < n; ++i) to[count[digit(from[i], shift)]++] = from[i];
    std::swap(from, to);
  }
  if (from != values) std::copy(from, from + n, values);
}

// Below this many risks a second thread costs more than it saves.
constexpr std::size_t kTwoThreadsFrom = std::size_t{1} << 16;

// Sorts `values` (of a national file's millions of risks, each array is memory first written
// here). On two threads each sorts half, and the halves are merged: a sort of numbers has one
// result, so it is the same whichever way it was reached.
void sort_risks(std::vector<double>& values, unsigned threads) {
  const std::size_t n = values.size();
  std::vector<double> scratch(n);
  if (threads < 2 || n < kTwoThreadsFrom) {
    radix_sort(values.data(), scratch.data(), n);
    return;
  }
  const std::size_t half = n / 2;
  std::jthread first([&] { radix_sort(values.data(), scratch.data(), half); });  // joined on any way out
  radix_sort(values.data() + half, scratch.data() + half, n - half);
  first.join();
  const auto middle = values.begin() + static_cast<std::ptrdiff_t>(half);
  std::merge(values.begin(), middle, middle, values.end(), scratch.begin());
  values.swap(scratch);
}

}  // namespace

Result<RankedRisks> rank_risks(std::span<const double> risk, std::span<const std::uint8_t> outcome, unsigned threads) {
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
    ranked.all[i] += 0.0;  // -0.0 is +0.0, whose bit pattern sorts first
    if (outcome[i] == 1) ranked.events.push_back(ranked.all[i]);
  }
  ranked.non_events = static_cast<std::int64_t>(risk.size() - ranked.events.size());
  const unsigned workers = worker_threads(threads);
  sort_risks(ranked.all, workers);
  sort_risks(ranked.events, workers);
  return ranked;
}

}  // namespace clinaudit::stats
