#include "stats/racusum_arl.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <string>

#include "core/number_format.hpp"
#include "stats/racusum.hpp"

namespace clinaudit::stats {
namespace {

// One possible step of the chart: a patient of mix class i who dies or survives.
struct Step {
  double weight = 0;       // W for the chart's R_A
  double probability = 0;  // share of the class × probability of that outcome
};

Result<void> check_parameters(const RiskMix& mix, double odds_ratio, double true_odds_ratio) {
  if (mix.risks.empty() || mix.risks.size() != mix.shares.size()) return invalid_input("the patient mix is empty");
  if (!(odds_ratio > 0.0) || odds_ratio == 1.0 || !std::isfinite(odds_ratio)) {
    return invalid_input("the odds ratio R_A must be positive and not 1, not " + format_number(odds_ratio));
  }
  if (!(true_odds_ratio > 0.0) || !std::isfinite(true_odds_ratio)) {
    return invalid_input("the true odds ratio must be positive, not " + format_number(true_odds_ratio));
  }
  return {};
}

std::vector<Step> steps_of(const RiskMix& mix, double odds_ratio, double true_odds_ratio) {
  std::vector<Step> steps;
  steps.reserve(2 * mix.risks.size());
  for (std::size_t i = 0; i < mix.risks.size(); ++i) {
    const double p = mix.risks[i];
    const double dies = true_odds_ratio * p / (1.0 - p + true_odds_ratio * p);
    steps.push_back({racusum_weight(p, 1, odds_ratio), mix.shares[i] * dies});
    steps.push_back({racusum_weight(p, 0, odds_ratio), mix.shares[i] * (1.0 - dies)});
  }
  return steps;
}

// The distribution of the integer jump on the grid of `scaling` points per unit.
std::map<std::int64_t, double> grid_jumps(const std::vector<Step>& steps, const MarkovOptions& options) {
  std::map<std::int64_t, double> jumps;
  for (const auto& step : steps) {
    const double scaled = step.weight * options.scaling;
    if (options.rounding == ArlRounding::simple) {
      jumps[static_cast<std::int64_t>(std::round(scaled))] += step.probability;
      continue;
    }
    const double below = std::floor(scaled);
    const double above = std::ceil(scaled);
    if (below == above) {  // on a grid point: all of it stays there
      jumps[static_cast<std::int64_t>(below)] += step.probability;
      continue;
    }
    jumps[static_cast<std::int64_t>(below)] += step.probability * (above - scaled);
    jumps[static_cast<std::int64_t>(above)] += step.probability * (scaled - below);
  }
  return jumps;
}

// Levinson's recursion for several right-hand sides at once.
Result<std::vector<std::vector<double>>> solve_toeplitz_many(std::span<const double> diagonals,
                                                             const std::vector<std::vector<double>>& rhs) {
  const std::size_t n = rhs.empty() ? 0 : rhs.front().size();
  if (n == 0 || diagonals.size() != 2 * n - 1) return invalid_input("Toeplitz system of mismatched sizes");
  const auto t = [&](std::ptrdiff_t k) {
    return diagonals[static_cast<std::size_t>(static_cast<std::ptrdiff_t>(n) - 1 + k)];
  };
  if (t(0) == 0.0) return invalid_input("Toeplitz system with a zero pivot");
  std::vector<double> forward{1.0 / t(0)};
  std::vector<double> backward{1.0 / t(0)};
  std::vector<std::vector<double>> x;
  x.reserve(rhs.size());
  for (const auto& y : rhs) x.push_back({y[0] / t(0)});
  std::vector<double> next_forward;
  std::vector<double> next_backward;
  for (std::size_t m = 1; m < n; ++m) {
    const auto sm = static_cast<std::ptrdiff_t>(m);
    double error_forward = 0;
    double error_backward = 0;
    for (std::size_t j = 0; j < m; ++j) {
      const auto sj = static_cast<std::ptrdiff_t>(j);
      error_forward += t(sm - sj) * forward[j];
      error_backward += t(-1 - sj) * backward[j];
    }
    const double denominator = 1.0 - error_forward * error_backward;
    if (denominator == 0.0 || !std::isfinite(denominator)) return invalid_input("Toeplitz system with a zero pivot");
    next_forward.assign(m + 1, 0.0);
    next_backward.assign(m + 1, 0.0);
    for (std::size_t j = 0; j <= m; ++j) {
      const double f = j < m ? forward[j] : 0.0;       // [f; 0]
      const double b = j > 0 ? backward[j - 1] : 0.0;  // [0; b]
      next_forward[j] = (f - error_forward * b) / denominator;
      next_backward[j] = (b - error_backward * f) / denominator;
    }
    forward.swap(next_forward);
    backward.swap(next_backward);
    for (std::size_t k = 0; k < rhs.size(); ++k) {
      double error_x = 0;
      for (std::size_t j = 0; j < m; ++j) error_x += t(sm - static_cast<std::ptrdiff_t>(j)) * x[k][j];
      x[k].push_back(0.0);
      const double correction = rhs[k][m] - error_x;
      for (std::size_t j = 0; j <= m; ++j) x[k][j] += correction * backward[j];
    }
  }
  return x;
}

// ARL by the chain with N transient states; `jumps` maps grid jumps to probabilities.
Result<double> chain_arl(const std::map<std::int64_t, double>& jumps, std::int64_t states) {
  const auto n = static_cast<std::size_t>(states);
  // T = I − Q restricted to the SPRT's states 0..N−1: T[i][j] = δ − q(j − i), so the diagonal
  // t_k (k = i − j) is δ_k0 − q(−k).
  std::vector<double> diagonals(2 * n - 1, 0.0);
  diagonals[n - 1] = 1.0;
  for (const auto& [jump, probability] : jumps) {
    const std::int64_t k = -jump;
    if (k <= -states || k >= states) continue;  // leaves [0, N) from anywhere
    diagonals[static_cast<std::size_t>(states - 1 + k)] -= probability;
  }
  std::vector<double> ones(n, 1.0);
  std::vector<double> exits_below(n, 0.0);  // P(one step takes state i below 0)
  for (std::size_t i = 0; i < n; ++i) {
    for (const auto& [jump, probability] : jumps) {
      if (jump >= -static_cast<std::int64_t>(i)) break;  // map is ordered: the rest land >= 0
      exits_below[i] += probability;
    }
  }
  auto solved = solve_toeplitz_many(diagonals, {ones, exits_below});
  if (!solved) return solved.error();
  const double length = (*solved)[0][0];
  const double below = (*solved)[1][0];
  if (!(below < 1.0)) return invalid_input("the chart can never signal with these weights and limit");
  return length / (1.0 - below);
}

double uniform(std::mt19937_64& generator) { return static_cast<double>(generator() >> 11) * 0x1.0p-53; }

// A sampler of chart steps: a patient class from the mix, then the outcome.
class StepSampler {
 public:
  StepSampler(const RiskMix& mix, double odds_ratio, double true_odds_ratio) {
    double total = 0;
    for (std::size_t i = 0; i < mix.risks.size(); ++i) {
      total += mix.shares[i];
      cumulative_.push_back(total);
      const double p = mix.risks[i];
      dies_.push_back(true_odds_ratio * p / (1.0 - p + true_odds_ratio * p));
      death_weight_.push_back(racusum_weight(p, 1, odds_ratio));
      survival_weight_.push_back(racusum_weight(p, 0, odds_ratio));
    }
    for (auto& c : cumulative_) c /= total;
  }

  double draw(std::mt19937_64& generator) const {
    const double u = uniform(generator);
    auto at = std::upper_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin();
    const auto i = static_cast<std::size_t>(std::min<std::ptrdiff_t>(at, std::ssize(cumulative_) - 1));
    return uniform(generator) < dies_[i] ? death_weight_[i] : survival_weight_[i];
  }

  double largest_weight() const {
    return std::max(*std::max_element(death_weight_.begin(), death_weight_.end()),
                    *std::max_element(survival_weight_.begin(), survival_weight_.end()));
  }

 private:
  std::vector<double> cumulative_;
  std::vector<double> dies_;
  std::vector<double> death_weight_;
  std::vector<double> survival_weight_;
};

std::mt19937_64 run_generator(std::uint64_t seed, std::int64_t run) {
  const auto r = static_cast<std::uint64_t>(run);
  std::seed_seq sequence{static_cast<std::uint32_t>(seed), static_cast<std::uint32_t>(seed >> 32),
                         static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(r >> 32)};
  return std::mt19937_64(sequence);
}

// A run's record highs: (patient number, value) each time the chart reaches a new maximum.
struct Record {
  std::int64_t time = 0;
  double value = 0;
};

Result<void> check_simulation(const SimulationOptions& options) {
  if (options.runs < 2)
    return invalid_input("at least 2 simulated runs are needed, not " + std::to_string(options.runs));
  if (options.max_run_length < 1) return invalid_input("the longest run allowed must be positive");
  return {};
}

// Simulates every run until the chart reaches `cap`; keeps each run's record highs.
Result<std::vector<std::vector<Record>>> simulate_records(const StepSampler& sampler, double cap,
                                                          const SimulationOptions& options) {
  std::vector<std::vector<Record>> runs(static_cast<std::size_t>(options.runs));
  for (std::int64_t r = 0; r < options.runs; ++r) {
    auto generator = run_generator(options.seed, r);
    auto& records = runs[static_cast<std::size_t>(r)];
    double value = 0;
    double best = 0;
    for (std::int64_t t = 1;; ++t) {
      if (t > options.max_run_length) {
        return invalid_input("a simulated run passed " + std::to_string(options.max_run_length) +
                             " patients without a signal: the limit is too high for this patient mix");
      }
      value = std::max(0.0, value + sampler.draw(generator));
      if (value > best) {
        best = value;
        records.push_back({t, value});
        if (value >= cap) break;
      }
    }
  }
  return runs;
}

// The run length of one run at limit h: the first record at or above h.
std::int64_t run_length(const std::vector<Record>& records, double h) {
  const auto at =
      std::lower_bound(records.begin(), records.end(), h, [](const Record& a, double v) { return a.value < v; });
  return at->time;
}

double mean_run_length(const std::vector<std::vector<Record>>& runs, double h) {
  double total = 0;
  for (const auto& records : runs) total += static_cast<double>(run_length(records, h));
  return total / static_cast<double>(runs.size());
}

double standard_error(const std::vector<std::vector<Record>>& runs, double h, double mean) {
  double squares = 0;
  for (const auto& records : runs) {
    const double d = static_cast<double>(run_length(records, h)) - mean;
    squares += d * d;
  }
  const auto n = static_cast<double>(runs.size());
  return std::sqrt(squares / (n - 1.0) / n);
}

}  // namespace

Result<std::vector<double>> solve_toeplitz(std::span<const double> diagonals, std::span<const double> rhs) {
  auto solved = solve_toeplitz_many(diagonals, {std::vector<double>(rhs.begin(), rhs.end())});
  if (!solved) return solved.error();
  return std::move((*solved)[0]);
}

Result<RiskMix> risk_mix(std::span<const double> risks) {
  if (risks.empty()) return invalid_input("no risks were given");
  std::vector<double> sorted;
  sorted.reserve(risks.size());
  for (std::size_t i = 0; i < risks.size(); ++i) {
    if (!std::isfinite(risks[i]) || risks[i] < 0.0 || risks[i] > 1.0) {
      return invalid_input("patient " + std::to_string(i + 1) + ": risk " + format_number(risks[i]) +
                           " is not a probability in [0, 1]");
    }
    sorted.push_back(risks[i]);
  }
  std::sort(sorted.begin(), sorted.end());
  RiskMix mix;
  const auto n = static_cast<double>(sorted.size());
  for (std::size_t i = 0; i < sorted.size();) {
    std::size_t j = i;
    while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
    mix.risks.push_back(sorted[i]);
    mix.shares.push_back(static_cast<double>(j - i) / n);
    i = j;
  }
  return mix;
}

Result<double> racusum_arl_markov(const RiskMix& mix, double odds_ratio, double true_odds_ratio, double h,
                                  const MarkovOptions& options) {
  if (auto ok = check_parameters(mix, odds_ratio, true_odds_ratio); !ok) return ok.error();
  if (!(options.scaling >= 1.0) || !std::isfinite(options.scaling))
    return invalid_input("the scaling must be at least 1");
  if (!(h > 0.0) || !std::isfinite(h)) return invalid_input("the limit h must be positive, not " + format_number(h));
  const double states = std::round(h * options.scaling);
  if (states < 1.0) return invalid_input("the limit h = " + format_number(h) + " is below one grid step");
  if (states > 1e6) return invalid_input("the limit h = " + format_number(h) + " needs too many Markov chain states");
  const auto jumps = grid_jumps(steps_of(mix, odds_ratio, true_odds_ratio), options);
  if (jumps.rbegin()->first <= 0) return invalid_input("the chart can never signal: no patient has a positive weight");
  return chain_arl(jumps, static_cast<std::int64_t>(states));
}

Result<CusumLimit> racusum_limit_markov(const RiskMix& mix, double odds_ratio, double target_arl,
                                        const MarkovOptions& options) {
  if (!(target_arl > 1.0) || !std::isfinite(target_arl)) {
    return invalid_input("the target in-control ARL must be greater than 1, not " + format_number(target_arl));
  }
  const auto arl_at = [&](double h) -> Result<double> {
    if (std::round(h * options.scaling) < 1.0) return 0.0;  // below one grid step: signals at once
    return racusum_arl_markov(mix, odds_ratio, 1.0, h, options);
  };
  // vlad's racusum_crit_mc search, step for step, so that the same inputs give the same h.
  double arl = 0;
  int whole = 1;
  for (; whole < 10; ++whole) {
    auto value = arl_at(whole);
    if (!value) return value.error();
    arl = *value;
    if (arl > target_arl) break;
  }
  if (whole == 10) {
    auto value = arl_at(10.0);
    if (!value) return value.error();
    if (*value < target_arl) {
      return invalid_input("the target ARL " + format_number(target_arl) + " needs a limit above h = 10");
    }
  }
  constexpr int kDigits = 4;
  double h = whole;
  double start = whole;
  for (int j = 1; j <= kDigits; ++j) {
    for (int step = 1; step <= 19; ++step) {
      h = start + std::pow(-1.0, j) * step / std::pow(10.0, j);
      auto value = arl_at(h);
      if (!value) return value.error();
      arl = *value;
      if ((j % 2 == 1 && arl < target_arl) || (j % 2 == 0 && arl > target_arl)) break;
    }
    start = h;
  }
  if (arl < target_arl) h += 1.0 / std::pow(10.0, kDigits);
  // The search adds tenths, hundredths...; report the 4-decimal value it stands for.
  h = std::round(h * std::pow(10.0, kDigits)) / std::pow(10.0, kDigits);
  auto achieved = arl_at(h);
  if (!achieved) return achieved.error();
  CusumLimit limit;
  limit.h = h;
  limit.arl = *achieved;
  limit.states = static_cast<std::int64_t>(std::round(h * options.scaling));
  return limit;
}

Result<CusumLimit> racusum_arl_simulated(const RiskMix& mix, double odds_ratio, double true_odds_ratio, double h,
                                         const SimulationOptions& options) {
  if (auto ok = check_parameters(mix, odds_ratio, true_odds_ratio); !ok) return ok.error();
  if (auto ok = check_simulation(options); !ok) return ok.error();
  if (!(h > 0.0) || !std::isfinite(h)) return invalid_input("the limit h must be positive, not " + format_number(h));
  const StepSampler sampler(mix, odds_ratio, true_odds_ratio);
  if (sampler.largest_weight() <= 0.0)
    return invalid_input("the chart can never signal: no patient has a positive weight");
  auto runs = simulate_records(sampler, h, options);
  if (!runs) return runs.error();
  CusumLimit result;
  result.h = h;
  result.arl = mean_run_length(*runs, h);
  result.standard_error = standard_error(*runs, h, result.arl);
  result.runs = options.runs;
  return result;
}

Result<CusumLimit> racusum_limit_simulated(const RiskMix& mix, double odds_ratio, double target_arl,
                                           const SimulationOptions& options) {
  if (auto ok = check_parameters(mix, odds_ratio, 1.0); !ok) return ok.error();
  if (auto ok = check_simulation(options); !ok) return ok.error();
  if (!(target_arl > 1.0) || !std::isfinite(target_arl)) {
    return invalid_input("the target in-control ARL must be greater than 1, not " + format_number(target_arl));
  }
  const StepSampler sampler(mix, odds_ratio, 1.0);
  if (sampler.largest_weight() <= 0.0)
    return invalid_input("the chart can never signal: no patient has a positive weight");
  // A coarse chain says roughly where h lies; the runs are simulated a little beyond it, and
  // further if the simulated ARL there is still short of the target.
  auto pilot = racusum_limit_markov(mix, odds_ratio, target_arl, MarkovOptions{100, ArlRounding::paired});
  double cap = pilot ? pilot->h + 0.3 : 10.0;
  std::vector<std::vector<Record>> runs;
  for (;;) {
    auto simulated = simulate_records(sampler, cap, options);
    if (!simulated) return simulated.error();
    runs = std::move(*simulated);
    if (mean_run_length(runs, cap) >= target_arl) break;
    cap += 0.5;
  }
  // The estimated ARL only changes at record values: find the first at which it reaches the
  // target; any h above the record before it gives the same run lengths.
  // Every run has a record at or above `reach` (the smallest final record, >= cap), so the
  // search stays at or below it, where every run length is known.
  double reach = runs.front().back().value;
  for (const auto& records : runs) reach = std::min(reach, records.back().value);
  std::vector<double> values;
  for (const auto& records : runs) {
    for (const auto& record : records) {
      if (record.value <= reach) values.push_back(record.value);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  std::size_t low = 0;
  std::size_t high = values.size() - 1;  // values[high] == reach, whose ARL >= the ARL at cap
  while (low < high) {
    const std::size_t middle = low + (high - low) / 2;
    if (mean_run_length(runs, values[middle]) >= target_arl)
      high = middle;
    else
      low = middle + 1;
  }
  const double previous = low == 0 ? 0.0 : values[low - 1];
  constexpr double kDecimals = 1e4;
  const double h = std::min(std::floor(previous * kDecimals + 1.0) / kDecimals, reach);
  CusumLimit result;
  result.h = h;
  result.arl = mean_run_length(runs, h);
  result.standard_error = standard_error(runs, h, result.arl);
  result.runs = options.runs;
  return result;
}

}  // namespace clinaudit::stats
