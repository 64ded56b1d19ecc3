#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// Average run length (ARL) of a risk-adjusted Bernoulli CUSUM, and the control limit h that
// gives a target in-control ARL, for a patient mix (the distribution of predicted risks).
//
// The chart is the one-sided CUSUM D_t = max(0, D_{t−1} + W_t), signal when D_t >= h, with
// Steiner's weight W_t for odds ratio R_A (stats/racusum.hpp). R_A > 1 is the upper
// (deterioration) chart; R_A < 1 is the lower (improvement) chart, whose C_t = −D_t. Patients
// are independent draws from the mix; each dies with probability
// p' = R_Q·p / (1 − p + R_Q·p), where R_Q is the true odds ratio (1 = in control).
//
// Markov chain (Brook & Evans, Biometrika 1972; Steiner et al., Biostatistics 2000; as the
// `vlad` R package's racusum_arl_mc, Knoth, Wittenberg & Gan, Stat Med 2019): the chart's value
// is put on the grid 0, 1/s, 2/s, ... with s = `scaling` (600 by default), giving
// N = round(h·s) transient states (2,700 for h = 4.5). Each weight W·s is split between the
// two grid points around it with probabilities in proportion to closeness ("paired rounding",
// Webster & Pettitt 2007; vlad's default) or rounded to the nearest ("simple", Steiner 2000).
// The chain is solved exactly as a Toeplitz system (a run is a sequence of SPRTs on
// [0, N) restarted at 0; ARL = E[SPRT length] / P(SPRT exits at the top)), in O(N²).
// Deterministic.
//
// Simulation: runs of the CUSUM with patients drawn from the mix, outcomes drawn with p',
// from std::mt19937_64; run r uses its own generator seeded from (seed, r), so results do not
// depend on the order in which runs are computed. ARL = mean run length, with its standard error.

// The patient mix: distinct risks and the share of patients with each (sums to 1).
struct RiskMix {
  std::vector<double> risks;   // sorted ascending, distinct, each in [0, 1]
  std::vector<double> shares;  // same length, positive
};

// The empirical mix of a risk column (each distinct value with its relative frequency).
// Errors: invalid_input when empty or when a risk is not in [0, 1] (naming the patient).
Result<RiskMix> risk_mix(std::span<const double> risks);

enum class ArlRounding { paired, simple };

struct MarkovOptions {
  double scaling = 600;  // grid points per unit of the CUSUM; vlad's default
  ArlRounding rounding = ArlRounding::paired;
};

// ARL of the chart with limit h by the Markov chain. `odds_ratio` (R_A) > 0 and != 1;
// `true_odds_ratio` (R_Q) > 0; h > 0 with round(h·scaling) >= 1.
// Errors: invalid_input for parameters out of range, or when the chart cannot signal
// (no positive weight). Pure; safe from any thread.
Result<double> racusum_arl_markov(const RiskMix& mix, double odds_ratio, double true_odds_ratio, double h,
                                  const MarkovOptions& options = {});

struct CusumLimit {
  double h = 0;               // the control limit
  double arl = 0;             // the in-control ARL that h gives (by the same method)
  double standard_error = 0;  // of `arl` (simulation only; 0 for the Markov chain)
  std::int64_t states = 0;    // transient states of the chain at h (Markov chain only)
  std::int64_t runs = 0;      // simulated runs (simulation only)
};

// The limit h for in-control ARL `target_arl` (> 1) by the Markov chain, found by the grid
// search of vlad's racusum_crit_mc: whole numbers 1..10, then one decimal place at a time
// (down, up, down, up) to 4 decimals, ending on the smallest value whose ARL is at least the
// target. Errors: as racusum_arl_markov, or when the target needs h > 10.
Result<CusumLimit> racusum_limit_markov(const RiskMix& mix, double odds_ratio, double target_arl,
                                        const MarkovOptions& options = {});

struct SimulationOptions {
  std::uint64_t seed = 20000;               // any value; the same seed gives the same answer
  std::int64_t runs = 10000;                // number of simulated runs, >= 2
  std::int64_t max_run_length = 100000000;  // a run this long is an error (the chart hardly signals)
};

// ARL of the chart with limit h by simulation. Errors: as racusum_arl_markov, or when a run
// exceeds max_run_length.
Result<CusumLimit> racusum_arl_simulated(const RiskMix& mix, double odds_ratio, double true_odds_ratio, double h,
                                         const SimulationOptions& options = {});

// The limit h for in-control ARL `target_arl` by simulation: every run is simulated once
// (common random numbers), so the estimated ARL is a non-decreasing step function of h, and h
// is the smallest value with 4 decimals at which it reaches the target.
// Errors: as racusum_arl_simulated.
Result<CusumLimit> racusum_limit_simulated(const RiskMix& mix, double odds_ratio, double target_arl,
                                           const SimulationOptions& options = {});

// Solves T·x = rhs for a Toeplitz matrix T[i][j] = diagonals[(n − 1) + i − j], n = rhs.size(),
// by Levinson's recursion in O(n²) (Golub & Van Loan, Matrix Computations, §4.7). Every
// leading principal submatrix must be non-singular (true for the M-matrices used here).
// Exposed for tests. Errors: invalid_input for a zero pivot or mismatched sizes.
Result<std::vector<double>> solve_toeplitz(std::span<const double> diagonals, std::span<const double> rhs);

}  // namespace clinaudit::stats
