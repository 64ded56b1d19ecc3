#pragma once

#include <cstddef>
#include <span>

namespace clinaudit::stats {

// Anhøj's rules for non-random variation in a run chart (Anhøj & Olesen, PLoS One
// 2014;9:e113825; Anhøj, PLoS One 2015;10:e0121349), as qicharts2 applies them to every
// run and control chart.
struct RunsAnalysis {
  std::size_t n_obs = 0;     // points analysed (missing values included)
  std::size_t n_useful = 0;  // points not on the centre line and not missing
  // The rest is meaningful only when n_useful > 0.
  std::size_t longest_run = 0;        // most consecutive useful points on one side
  std::size_t longest_run_limit = 0;  // round(log2 n_useful) + 3
  std::size_t crossings = 0;          // times the line crosses the centre
  std::size_t crossings_limit = 0;    // 5th percentile of Binomial(n_useful - 1, 0.5)
  // longest_run > longest_run_limit or crossings < crossings_limit; a value exactly at
  // its limit does not signal.
  bool signal = false;
};

// The upper limit for the longest run among n useful points: round(log2 n) + 3
// (Schilling 2012). n >= 1.
std::size_t longest_run_limit(std::size_t n_useful);

// The lower limit for the number of crossings among n useful points: the smallest c with
// P(X <= c) >= 0.05 for X ~ Binomial(n - 1, 0.5), as R's qbinom(0.05, n - 1, 0.5)
// (Chen 2010). n >= 1.
std::size_t crossings_limit(std::size_t n_useful);

// The runs analysis of `values` against a centre line (`centre[i]` for value i; both the
// same length). NaN values are missing: counted in n_obs, otherwise skipped; values equal
// to the centre are not useful and do not break or start a run. Pure; thread-safe.
RunsAnalysis runs_analysis(std::span<const double> values, std::span<const double> centre);

}  // namespace clinaudit::stats
