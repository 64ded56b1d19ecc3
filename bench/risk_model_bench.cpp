// Kernels of the national case-mix pipeline (docs/performance.md, case-mix): the IRLS fit of
// the logistic model on columnar episodes, and reading an episode CSV with the columnar reader
// against the general CsvReader. Data are synthetic, from a fixed seed.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/episode_columns.hpp"
#include "stats/logistic_regression.hpp"

namespace {

using clinaudit::stats::Covariate;
using clinaudit::stats::ModelFrame;

struct Episodes {
  ModelFrame frame;
  std::vector<std::uint8_t> outcome;
};

std::uint64_t next(std::uint64_t& state) {
  state = state * 6364136223846793005ULL + 1442695040888963407ULL;
  return state >> 11;
}

// 12 numeric covariates and 3 categorical (5, 5 and 10 levels): 30 terms, as the scale test.
Episodes make_episodes(std::size_t rows) {
  Episodes data;
  std::uint64_t state = 42;
  auto uniform = [&state] { return static_cast<double>(next(state)) * 0x1.0p-53; };
  data.frame.rows = rows;
  for (int c = 0; c < 12; ++c) data.frame.covariates.push_back(Covariate{"x" + std::to_string(c), false, {}, {}, {}});
  const int levels[3] = {5, 5, 10};
  for (int f = 0; f < 3; ++f) {
    Covariate factor{"f" + std::to_string(f), true, {}, {}, {}};
    for (int l = 0; l < levels[f]; ++l) factor.levels.push_back(std::to_string(l + 1));
    data.frame.covariates.push_back(std::move(factor));
  }
  for (std::size_t i = 0; i < rows; ++i) {
    double eta = -4.5;
    for (int c = 0; c < 12; ++c) {
      const double x = c == 0 ? std::floor(18 + 87 * uniform()) : (uniform() < 0.2 ? 1.0 : 0.0);
      data.frame.covariates[static_cast<std::size_t>(c)].values.push_back(x);
      eta += c == 0 ? 0.03 * (x - 65) : 0.3 * x;
    }
    for (int f = 0; f < 3; ++f) {
      const auto code = static_cast<std::uint32_t>(uniform() * levels[f]);
      data.frame.covariates[static_cast<std::size_t>(12 + f)].codes.push_back(code);
      eta += 0.1 * code;
    }
    data.outcome.push_back(uniform() < 1 / (1 + std::exp(-eta)) ? 1 : 0);
  }
  return data;
}

void BM_FitLogistic(benchmark::State& state) {
  static const Episodes data = make_episodes(1000000);
  clinaudit::stats::LogisticOptions options;
  options.threads = static_cast<unsigned>(state.range(0));
  // Second argument 0: every pass computes the cross-products (the fit before the deviance
  // was computed first in a likely last pass), for a same-run comparison.
  if (state.range(1) == 0) options.deviance_first = clinaudit::stats::LogisticOptions::DevianceFirst::never;
  int iterations = 0;
  for (auto _ : state) {
    auto fit = clinaudit::stats::fit_logistic(data.frame, data.outcome, options);
    if (!fit) state.SkipWithError(fit.error().message.c_str());
    iterations = fit ? fit->iterations : 0;
    benchmark::DoNotOptimize(fit);
  }
  state.counters["irls_iterations"] = iterations;
  state.counters["episodes/s"] =
      benchmark::Counter(static_cast<double>(data.frame.rows), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_FitLogistic)->ArgsProduct({{1, 2}, {0, 1}})->Unit(benchmark::kMillisecond)->UseRealTime();

// 200,000 rows shaped like bench/generate_episodes output (provider, date, 15 covariates, outcome).
const std::string& episode_csv() {
  static const std::string text = [] {
    std::string out =
        "provider,admit_date,age,sex,imd_quintile,emergency,charlson,chf,copd,diabetes,ckd,cancer,dementia,"
        "prior_adm,ethnic_group,diag_group,weekend,died\n";
    std::uint64_t state = 7;
    for (int i = 0; i < 200000; ++i) {
      out += "P" + std::to_string(100 + next(state) % 150) + ",2022-0" + std::to_string(1 + i % 9) + "-1" +
             std::to_string(i % 10) + "," + std::to_string(18 + next(state) % 88);
      for (int c = 0; c < 14; ++c)
        out += "," + std::to_string(next(state) % (c == 12 ? 10 : c == 1 || c == 11 ? 5 : 2));
      out += "," + std::to_string(next(state) % 25 == 0 ? 1 : 0) + "\n";
    }
    return out;
  }();
  return text;
}

void BM_ReadEpisodeColumns(benchmark::State& state) {
  const auto& text = episode_csv();
  clinaudit::ingest::EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = {"age",      "sex", "emergency", "charlson", "chf",       "copd",
                     "diabetes", "ckd", "cancer",    "dementia", "prior_adm", "weekend"};
  request.categories = {"imd_quintile", "ethnic_group", "diag_group", "provider"};
  for (auto _ : state) {
    std::istringstream input(text);
    auto columns = clinaudit::ingest::read_episode_columns(input, request);
    if (!columns) state.SkipWithError(columns.error().message.c_str());
    benchmark::DoNotOptimize(columns);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ReadEpisodeColumns)->Unit(benchmark::kMillisecond);

// The general reader on the same text, records only (no conversion): the baseline that the
// columnar reader was written to beat.
void BM_ReadCsvReader(benchmark::State& state) {
  const auto& text = episode_csv();
  for (auto _ : state) {
    std::istringstream input(text);
    clinaudit::ingest::CsvReader reader(input);
    std::vector<std::string> fields;
    std::int64_t records = 0;
    while (true) {
      auto more = reader.next(fields);
      if (!more || !*more) break;
      ++records;
    }
    benchmark::DoNotOptimize(records);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_ReadCsvReader)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
