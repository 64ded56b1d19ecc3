// The risk-adjusted CUSUM (upper and lower, with VLAD) for every provider over episodes in
// date order, as a national audit runs it: episodes are grouped by provider (keeping date
// order) and each provider's chart is computed with stats::racusum_chart. Also the Markov chain
// limit search. Figures and the comparison with R: docs/performance.md, "CUSUM".
#include <benchmark/benchmark.h>

#include <span>
#include <vector>

#include "cusum_episodes.hpp"
#include "stats/racusum.hpp"
#include "stats/racusum_arl.hpp"

namespace clinaudit::bench {
namespace {

const Episodes& episodes(std::size_t count) {
  static std::size_t made = 0;
  static Episodes data;
  if (made != count) {
    data = make_episodes(count);
    made = count;
  }
  return data;
}

// Groups episodes by provider (a stable counting sort) and charts each provider.
std::size_t chart_all_providers(const Episodes& data) {
  std::vector<std::size_t> start(kProviders + 1, 0);
  for (const auto g : data.provider) ++start[g + 1];
  for (std::uint32_t g = 0; g < kProviders; ++g) start[g + 1] += start[g];
  std::vector<double> risk(data.risk.size());
  std::vector<double> outcome(data.outcome.size());
  std::vector<std::size_t> next(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < data.provider.size(); ++i) {
    const std::size_t at = next[data.provider[i]]++;
    risk[at] = data.risk[i];
    outcome[at] = data.outcome[i];
  }
  const stats::RacusumOptions options;  // RA 2 and 1/2, h 4.5 and 4, reset on
  std::size_t signals = 0;
  for (std::uint32_t g = 0; g < kProviders; ++g) {
    const std::span<const double> r(risk.data() + start[g], start[g + 1] - start[g]);
    const std::span<const double> y(outcome.data() + start[g], start[g + 1] - start[g]);
    auto chart = stats::racusum_chart(r, y, options);
    if (chart) signals += chart->signals.size();
  }
  return signals;
}

void BM_RacusumAllProviders(benchmark::State& state) {
  const auto& data = episodes(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(chart_all_providers(data));
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.counters["providers"] = kProviders;
}
BENCHMARK(BM_RacusumAllProviders)->Arg(1'000'000)->Arg(10'000'000)->Unit(benchmark::kMillisecond);

// The control limit for in-control ARL 10,000 (RA = 2) for a 10,000-patient mix by the Markov
// chain (600 grid points per unit, vlad's grid search).
void BM_RacusumLimitMarkov(benchmark::State& state) {
  const auto& data = episodes(1'000'000);
  const auto mix = stats::risk_mix(std::span<const double>(data.risk.data(), 10'000));
  for (auto _ : state) benchmark::DoNotOptimize(stats::racusum_limit_markov(*mix, 2.0, 10'000.0));
}
BENCHMARK(BM_RacusumLimitMarkov)->Unit(benchmark::kMillisecond)->Iterations(3);

}  // namespace
}  // namespace clinaudit::bench

BENCHMARK_MAIN();
