// Monthly SPC for a national body: 150 providers x 20 measures x 36 months, every series an
// XmR chart with Making Data Count rules and icons. The same synthetic data (fixed seed,
// written by --write-csv for the comparison in bench/spc_xmr_bench.R) each run.
#include <benchmark/benchmark.h>

#include <cstring>
#include <fstream>
#include <random>
#include <vector>

#include "stats/spc_xmr.hpp"

namespace {

constexpr int kProviders = 150;
constexpr int kMeasures = 20;
constexpr int kMonths = 36;

// Series of 36 months: a level per measure, noise, and a shift in a quarter of the series.
std::vector<std::vector<double>> make_series() {
  std::mt19937_64 rng(20240401);
  std::normal_distribution<double> noise(0.0, 1.0);
  std::uniform_real_distribution<double> level(50.0, 150.0);
  std::vector<std::vector<double>> all;
  all.reserve(kProviders * kMeasures);
  for (int s = 0; s < kProviders * kMeasures; ++s) {
    const double base = level(rng);
    const double sd = base * 0.05;
    const bool shifted = s % 4 == 0;
    std::vector<double> y(kMonths);
    for (int t = 0; t < kMonths; ++t)
      y[static_cast<std::size_t>(t)] = base + sd * noise(rng) + (shifted && t >= 24 ? 2 * sd : 0);
    all.push_back(std::move(y));
  }
  return all;
}

void BM_XmrAllSeries(benchmark::State& state) {
  const auto series = make_series();
  clinaudit::stats::XmrOptions options;
  options.improvement = clinaudit::stats::ImprovementDirection::increase;
  options.target = 100;
  std::size_t special = 0;
  for (auto _ : state) {
    special = 0;
    for (const auto& y : series) {
      auto chart = clinaudit::stats::xmr_chart(y, options);
      for (const auto& p : chart->points) special += p.rule != clinaudit::stats::SpcRule::common_cause;
    }
    benchmark::DoNotOptimize(special);
  }
  state.SetItemsProcessed(state.iterations() * kProviders * kMeasures);
  state.counters["series"] = kProviders * kMeasures;
  // Compare with the R comparison's count of special-cause points on the same data.
  state.counters["special_points"] = static_cast<double>(special);
}
BENCHMARK(BM_XmrAllSeries)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  // --write-csv FILE writes the benchmark's data (series,month,value) for the R comparison.
  if (argc == 3 && std::strcmp(argv[1], "--write-csv") == 0) {
    std::ofstream out(argv[2]);
    out << "series,month,value\n";
    const auto series = make_series();
    out.precision(17);
    for (std::size_t s = 0; s < series.size(); ++s) {
      for (std::size_t t = 0; t < series[s].size(); ++t) out << s + 1 << ',' << t + 1 << ',' << series[s][t] << '\n';
    }
    return out ? 0 : 1;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
