#include "stats/logistic_regression.hpp"

#include <algorithm>
#include <atomic>
#include <cfloat>
#include <cmath>
#include <cstring>
#include <limits>
#include <thread>

#include "core/worker_threads.hpp"
#include "stats/cholesky.hpp"

namespace clinaudit::stats {
namespace {

// R's logit link (src/library/stats/src/family.c): eta beyond +-30 is held at the boundary.
constexpr double kThreshold = 30.0;
constexpr double kInverseEpsilon = 1.0 / DBL_EPSILON;

// The logit link's inverse and its derivative at eta, as R's family.c computes them
// (logit_linkinv and logit_mu_eta), sharing one exp.
struct LinkValues {
  double mu;
  double derivative;
};

// `e` is exp(eta), computed beforehand (with the other episodes' in one vectorised loop); it is
// not used beyond the boundary, where it may have overflowed.
[[gnu::always_inline]] inline LinkValues logit_link(double eta, double e) {
  const double one_plus = 1.0 + e;
  const double mu = eta < -kThreshold  ? DBL_EPSILON / (1.0 + DBL_EPSILON)
                    : eta > kThreshold ? kInverseEpsilon / (1.0 + kInverseEpsilon)
                                       : e / one_plus;
  const double derivative = eta < -kThreshold || eta > kThreshold ? DBL_EPSILON : e / (one_plus * one_plus);
  return {mu, derivative};
}

// Episodes are summed in blocks of this many rows (the unit of work of a thread, and the
// fixed summation order that makes the result independent of the number of threads) ...
constexpr std::size_t kBlockRows = 1U << 16;
// ... and, inside a block, in tiles small enough for the tile's columns to stay in L1.
constexpr std::size_t kTileRows = 128;

// Four doubles: one AVX2 register (two SSE2 registers on other machines).
using Lanes = double __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 4;
// Sums kept apart in registers: a multiply-add waits four or five cycles for its sum, so fewer
// chains leave the multiply-add units idle.
constexpr std::size_t kChains = 8;

// A dot product in kChains registers of partial sums (32 doubles).
[[gnu::always_inline]] inline double dot(const double* a, const double* b, std::size_t n) {
  Lanes acc[kChains] = {};
  std::size_t i = 0;
  for (; i + kChains * kLanes <= n; i += kChains * kLanes) {
    for (std::size_t k = 0; k < kChains; ++k) {
      Lanes x, y;
      std::memcpy(&x, a + i + k * kLanes, sizeof x);
      std::memcpy(&y, b + i + k * kLanes, sizeof y);
      acc[k] += x * y;
    }
  }
  const Lanes total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
  double sum = (total[0] + total[1]) + (total[2] + total[3]);
  for (; i < n; ++i) sum += a[i] * b[i];
  return sum;
}

// The model laid out for summing: a dense part (the intercept and the numeric covariates)
// and the categorical covariates' levels, reference levels included, in an "extended"
// parameter vector. Reference levels are dropped when the system is solved.
struct Layout {
  std::vector<const CompactNumbers*> numeric;  // dense columns 1..d-1
  std::vector<const std::uint32_t*> factor_codes;
  std::vector<std::size_t> factor_offset;  // extended index of level 0
  std::size_t dense = 1;                   // d
  std::size_t extended = 1;                // P_ext
  std::vector<std::size_t> term_index;     // extended index of each reported term
};

Layout make_layout(const ModelFrame& frame) {
  Layout layout;
  for (const auto& covariate : frame.covariates) {
    if (!covariate.categorical) layout.numeric.push_back(&covariate.values);
  }
  layout.dense = 1 + layout.numeric.size();
  std::size_t next = layout.dense;
  std::size_t numeric_seen = 0;
  layout.term_index.push_back(0);
  for (const auto& covariate : frame.covariates) {
    if (!covariate.categorical) {
      layout.term_index.push_back(1 + numeric_seen++);
      continue;
    }
    layout.factor_codes.push_back(covariate.codes.data());
    layout.factor_offset.push_back(next);
    for (std::size_t level = 1; level < covariate.levels.size(); ++level) layout.term_index.push_back(next + level);
    next += covariate.levels.size();
  }
  layout.extended = next;
  return layout;
}

// One pass over the episodes: from the coefficients (or, on the first pass, from R's starting
// values) to the linear predictor, the deviance, and the weighted cross-products of the next
// iteration. `sums` is the lower triangle of X'WX (extended, row-major, stride P_ext + 1) with
// X'Wz in the last column.
struct BlockSums {
  std::vector<double> sums;
  double deviance = 0;
  std::int64_t at_bound = 0;
};

struct Pass {
  const Layout& layout;
  std::span<const std::uint8_t> outcome;
  const std::vector<double>* beta;  // extended; null on the first pass
  double* fitted;                   // written when not null
  bool cross_products = true;       // false: the deviance (and the risks) only
};

// The dense part of the linear predictor of a tile's rows: the intercept plus each numeric
// covariate's term (`xs`: the tile's numeric columns, kTileRows apart), added in covariate
// order. Runs of 32 rows are summed in eight registers, which wait for memory once per
// covariate rather than once per covariate and row; each row's sum is the same as adding the
// terms to it one at a time.
[[gnu::always_inline]] inline void linear_predictor(const Layout& layout, const std::vector<double>& b,
                                                    const double* xs, std::size_t rows, double* eta) {
  constexpr std::size_t kRun = kChains * kLanes;
  const std::size_t d = layout.dense;
  std::size_t r = 0;
  for (; r + kRun <= rows; r += kRun) {
    Lanes sum[kChains];
    for (auto& lanes : sum) lanes = Lanes{b[0], b[0], b[0], b[0]};
    for (std::size_t a = 0; a + 1 < d; ++a) {
      const double coefficient = b[a + 1];
      const double* x = xs + a * kTileRows + r;
      for (std::size_t k = 0; k < kChains; ++k) {
        Lanes values;
        std::memcpy(&values, x + k * kLanes, sizeof values);
        sum[k] += coefficient * values;
      }
    }
    std::memcpy(eta + r, sum, sizeof sum);
  }
  for (; r < rows; ++r) {
    double sum = b[0];
    for (std::size_t a = 0; a + 1 < d; ++a) sum += b[a + 1] * xs[a * kTileRows + r];
    eta[r] = sum;
  }
}

// The weighted columns of a tile (`columns`, d of them, kTileRows apart) copied out row-major
// (`rows_out`, `row_width` apart), four columns and four rows at a time through registers.
[[gnu::always_inline]] inline void transpose_weighted(const double* columns, std::size_t d, std::size_t rows,
                                                      std::size_t row_width, double* rows_out) {
  std::size_t a = 0;
  for (; a + kLanes <= d; a += kLanes) {
    std::size_t r = 0;
    for (; r + kLanes <= rows; r += kLanes) {
      Lanes c[kLanes];
      for (std::size_t i = 0; i < kLanes; ++i) std::memcpy(&c[i], columns + (a + i) * kTileRows + r, sizeof c[i]);
      const Lanes even01 = __builtin_shufflevector(c[0], c[1], 0, 4, 2, 6);
      const Lanes odd01 = __builtin_shufflevector(c[0], c[1], 1, 5, 3, 7);
      const Lanes even23 = __builtin_shufflevector(c[2], c[3], 0, 4, 2, 6);
      const Lanes odd23 = __builtin_shufflevector(c[2], c[3], 1, 5, 3, 7);
      const Lanes row[kLanes] = {
          __builtin_shufflevector(even01, even23, 0, 1, 4, 5), __builtin_shufflevector(odd01, odd23, 0, 1, 4, 5),
          __builtin_shufflevector(even01, even23, 2, 3, 6, 7), __builtin_shufflevector(odd01, odd23, 2, 3, 6, 7)};
      for (std::size_t k = 0; k < kLanes; ++k) std::memcpy(rows_out + (r + k) * row_width + a, &row[k], sizeof row[k]);
    }
    for (; r < rows; ++r) {
      for (std::size_t i = 0; i < kLanes; ++i) rows_out[r * row_width + a + i] = columns[(a + i) * kTileRows + r];
    }
  }
  for (; a < d; ++a) {
    for (std::size_t r = 0; r < rows; ++r) rows_out[r * row_width + a] = columns[a * kTileRows + r];
  }
}

// One block of a pass: the body of the two compiled versions below.
[[gnu::always_inline]] inline void run_block_body(const Pass& pass, std::size_t begin, std::size_t end,
                                                  BlockSums& out) {
  const auto& layout = pass.layout;
  const auto& outcome = pass.outcome;
  const auto* beta = pass.beta;
  double* fitted = pass.fitted;
  const std::size_t d = layout.dense;
  const std::size_t stride = layout.extended + 1;
  if (pass.cross_products) {
    out.sums.assign(layout.extended * stride, 0.0);
  } else {
    out.sums.clear();
  }
  std::vector<double> eta(kTileRows), w(kTileRows), wz(kTileRows), ones(kTileRows, 1.0);
  std::vector<double> exp_eta(kTileRows), mus(kTileRows), derivatives(kTileRows), deviance_terms(kTileRows);
  // The weighted rows, row-major, each padded with zeros to a whole number of vectors (when a
  // level's row of the matrix is that long): adding the zeros changes nothing, and the add is
  // whole vectors.
  const std::size_t padded = (d + kLanes - 1) / kLanes * kLanes;
  const std::size_t row_width = padded <= stride ? padded : d;
  std::vector<double> wx(d * kTileRows), wx_rows(row_width * kTileRows, 0.0);
  // The tile's numeric columns as doubles, kTileRows apart (the columns may be stored narrower).
  std::vector<double> xs((d - 1) * kTileRows);
  const double bound = 10.0 * DBL_EPSILON;
  // Summed in registers in row order, then stored: the same sum as adding to `out` row by row.
  double deviance = out.deviance;
  std::int64_t at_bound = out.at_bound;
  for (std::size_t tile = begin; tile < end; tile += kTileRows) {
    const std::size_t rows = std::min(kTileRows, end - tile);
    for (std::size_t a = 0; a + 1 < d; ++a) layout.numeric[a]->copy_to(tile, rows, xs.data() + a * kTileRows);
    if (beta != nullptr) {
      const auto& b = *beta;
      linear_predictor(layout, b, xs.data(), rows, eta.data());
      for (std::size_t f = 0; f < layout.factor_codes.size(); ++f) {
        const double* level_beta = b.data() + layout.factor_offset[f];
        const std::uint32_t* codes = layout.factor_codes[f] + tile;
        for (std::size_t r = 0; r < rows; ++r) eta[r] += level_beta[codes[r]];
      }
    } else {
      // glm's start: mustart = (y + 0.5) / 2, eta = logit(mustart).
      for (std::size_t r = 0; r < rows; ++r) {
        const double start = (outcome[tile + r] + 0.5) / 2.0;
        eta[r] = std::log(start / (1.0 - start));
      }
    }
    // The tile's exponentials, then its logarithms, each in a loop of its own: compiled with the
    // vector math library (src/stats/CMakeLists.txt), four episodes to a call with AVX2.
    for (std::size_t r = 0; r < rows; ++r) exp_eta[r] = std::exp(eta[r]);
    for (std::size_t r = 0; r < rows; ++r) {
      const auto [mu, derivative] = logit_link(eta[r], exp_eta[r]);
      mus[r] = mu;
      derivatives[r] = derivative;
      // R's binomial deviance residual: log(1 / mu) for an event, log(1 / (1 - mu)) otherwise.
      deviance_terms[r] = 1.0 / (outcome[tile + r] != 0 ? mu : 1.0 - mu);
    }
    for (std::size_t r = 0; r < rows; ++r) deviance_terms[r] = std::log(deviance_terms[r]);
    for (std::size_t r = 0; r < rows; ++r) {
      const double mu = mus[r];
      const double derivative = derivatives[r];
      const bool event = outcome[tile + r] != 0;
      deviance += 2.0 * deviance_terms[r];
      if (mu < bound || mu > 1.0 - bound) ++at_bound;
      if (fitted != nullptr) fitted[tile + r] = mu;
      const double z = eta[r] + ((event ? 1.0 : 0.0) - mu) / derivative;
      w[r] = derivative * derivative / (mu * (1.0 - mu));
      wz[r] = w[r] * z;
    }
    if (!pass.cross_products) continue;
    for (std::size_t r = 0; r < rows; ++r) wx[r] = w[r];
    for (std::size_t a = 1; a < d; ++a) {
      const double* x = xs.data() + (a - 1) * kTileRows;
      double* target = wx.data() + a * kTileRows;
      for (std::size_t r = 0; r < rows; ++r) target[r] = w[r] * x[r];
    }
    // Dense block: (X'WX)_{ba} for a <= b, and X'Wz.
    for (std::size_t b = 0; b < d; ++b) {
      const double* xb = b == 0 ? ones.data() : xs.data() + (b - 1) * kTileRows;
      for (std::size_t a = 0; a <= b; ++a) out.sums[b * stride + a] += dot(wx.data() + a * kTileRows, xb, rows);
      out.sums[b * stride + layout.extended] += dot(wz.data(), xb, rows);
    }
    // Categorical levels against the dense columns, against earlier factors, and X'Wz. The
    // weighted row is copied out row-major first, so that adding it to a level's row of the
    // matrix is one contiguous (vectorised) add.
    if (layout.factor_codes.empty()) continue;
    transpose_weighted(wx.data(), d, rows, row_width, wx_rows.data());
    for (std::size_t f = 0; f < layout.factor_codes.size(); ++f) {
      const std::uint32_t* codes = layout.factor_codes[f] + tile;
      const std::size_t offset = layout.factor_offset[f];
      for (std::size_t r = 0; r < rows; ++r) {
        double* __restrict row = out.sums.data() + (offset + codes[r]) * stride;
        const double* __restrict weighted = wx_rows.data() + r * row_width;
        std::size_t a = 0;
        for (; a + kLanes <= row_width; a += kLanes) {
          Lanes sum, add;
          std::memcpy(&sum, row + a, sizeof sum);
          std::memcpy(&add, weighted + a, sizeof add);
          sum += add;
          std::memcpy(row + a, &sum, sizeof sum);
        }
        for (; a < row_width; ++a) row[a] += weighted[a];
        for (std::size_t g = 0; g < f; ++g) row[layout.factor_offset[g] + layout.factor_codes[g][tile + r]] += w[r];
        row[layout.extended] += wz[r];
      }
    }
  }
  out.deviance = deviance;
  out.at_bound = at_bound;
}

// The block's pass compiled twice, for CPUs with AVX2 and FMA and for any other, and chosen at
// run time: the cross-products are most of the fit's time, and the wider vectors speed them up.
// Fused multiply-adds round differently in the last bit, so two kinds of machine may differ
// there; one machine gives the same result whatever the number of threads.
#if defined(__x86_64__) && (defined(__clang__) || defined(__GNUC__))
[[gnu::target("avx2,fma")]] void run_block_avx2(const Pass& pass, std::size_t begin, std::size_t end, BlockSums& out) {
  run_block_body(pass, begin, end, out);
}
void run_block_any(const Pass& pass, std::size_t begin, std::size_t end, BlockSums& out) {
  run_block_body(pass, begin, end, out);
}
const bool kHasAvx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
void run_block(const Pass& pass, std::size_t begin, std::size_t end, BlockSums& out) {
  (kHasAvx2 ? run_block_avx2 : run_block_any)(pass, begin, end, out);
}
#else
void run_block(const Pass& pass, std::size_t begin, std::size_t end, BlockSums& out) {
  run_block_body(pass, begin, end, out);
}
#endif

// Runs a pass over all blocks on `threads` workers and adds the block results in block order.
BlockSums run_pass(const Pass& pass, std::size_t rows, unsigned threads) {
  const std::size_t blocks = (rows + kBlockRows - 1) / kBlockRows;
  std::vector<BlockSums> results(blocks);
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t block = next++; block < blocks; block = next++) {
      run_block(pass, block * kBlockRows, std::min(rows, (block + 1) * kBlockRows), results[block]);
    }
  };
  const unsigned count = static_cast<unsigned>(std::min<std::size_t>(std::max(1U, threads), blocks));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < count; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();

  BlockSums total;
  if (pass.cross_products) total.sums.assign(pass.layout.extended * (pass.layout.extended + 1), 0.0);
  for (const auto& block : results) {
    total.deviance += block.deviance;
    total.at_bound += block.at_bound;
    for (std::size_t i = 0; i < total.sums.size(); ++i) total.sums[i] += block.sums[i];  // none without cross-products
  }
  return total;
}

// The reported terms' normal equations (full symmetric matrix and right-hand side).
void reduce_system(const Layout& layout, const std::vector<double>& sums, std::vector<double>& matrix,
                   std::vector<double>& rhs) {
  const std::size_t stride = layout.extended + 1;
  const std::size_t p = layout.term_index.size();
  auto extended_entry = [&](std::size_t i, std::size_t j) {
    if (i < j) std::swap(i, j);
    // A level's own diagonal is its total weight, summed against the intercept column.
    if (i == j && i >= layout.dense) return sums[i * stride];
    return sums[i * stride + j];
  };
  matrix.assign(p * p, 0.0);
  rhs.assign(p, 0.0);
  for (std::size_t i = 0; i < p; ++i) {
    rhs[i] = sums[layout.term_index[i] * stride + layout.extended];
    for (std::size_t j = 0; j < p; ++j) matrix[i * p + j] = extended_entry(layout.term_index[i], layout.term_index[j]);
  }
}

Result<void> check_outcome(std::span<const std::uint8_t> outcome, std::size_t terms, std::int64_t& events) {
  events = 0;
  for (std::size_t i = 0; i < outcome.size(); ++i) {
    if (outcome[i] > 1) {
      return Error{ErrorCode::invalid_input, "episode " + std::to_string(i + 1) + ": the outcome is " +
                                                 std::to_string(outcome[i]) + "; it must be 0 or 1"};
    }
    events += outcome[i];
  }
  const auto n = static_cast<std::int64_t>(outcome.size());
  if (outcome.size() < terms) {
    return Error{ErrorCode::invalid_input,
                 "too few episodes: " + std::to_string(n) + " for a model with " + std::to_string(terms) + " terms"};
  }
  if (events == 0 || events == n) {
    return Error{ErrorCode::invalid_input, std::string("every outcome is ") + (events == 0 ? "0" : "1") +
                                               ": a logistic model needs both outcomes"};
  }
  return {};
}

}  // namespace

Result<LogisticFit> fit_logistic(const ModelFrame& frame, std::span<const std::uint8_t> outcome,
                                 const LogisticOptions& options) {
  if (auto valid = validate_frame(frame); !valid) return valid.error();
  if (options.max_iterations < 1) {
    return Error{ErrorCode::invalid_input,
                 "the iteration limit must be at least 1, not " + std::to_string(options.max_iterations)};
  }
  if (outcome.size() != frame.rows) {
    return Error{ErrorCode::invalid_input, "the outcome has " + std::to_string(outcome.size()) + " values for " +
                                               std::to_string(frame.rows) + " episodes"};
  }
  LogisticFit fit;
  fit.terms = term_names(frame);
  if (auto valid = check_outcome(outcome, fit.terms.size(), fit.events); !valid) return valid.error();
  fit.episodes = static_cast<std::int64_t>(frame.rows);

  const Layout layout = make_layout(frame);
  const std::size_t p = layout.term_index.size();
  const unsigned threads = worker_threads(options.threads);

  // Iteration 0: glm's starting values give the first weights and dev_old.
  auto current = run_pass(Pass{layout, outcome, nullptr, nullptr}, frame.rows, threads);
  double deviance_old = current.deviance;
  // Each pass writes the risks of the coefficients it was given, so the last pass leaves the
  // fitted risks of the final coefficients without a pass of its own.
  if (options.keep_fitted) fit.fitted.resize(frame.rows);
  double* const fitted = options.keep_fitted ? fit.fitted.data() : nullptr;
  std::vector<double> beta(layout.extended, 0.0), beta_old, matrix, rhs;
  Cholesky system;
  // The deviance's last two relative changes (none yet: infinite).
  double change = std::numeric_limits<double>::infinity(), change_before = change;
  for (int iteration = 1; iteration <= options.max_iterations; ++iteration) {
    reduce_system(layout, current.sums, matrix, rhs);
    if (!system.factorise(matrix, p)) {
      return Error{ErrorCode::invalid_input, "term '" + fit.terms[system.failed_column()] +
                                                 "' is a linear combination of the terms before it (or has no "
                                                 "episodes): leave it out or merge its levels"};
    }
    const auto solution = system.solve(rhs);
    beta_old = beta;
    for (std::size_t i = 0; i < p; ++i) beta[layout.term_index[i]] = solution[i];
    fit.iterations = iteration;
    // A pass's cross-products serve only the next iteration (the standard errors come from the
    // system just solved, as R's do). When this pass is likely the last, it computes the
    // deviance and the risks alone, without the rest of a pass's work; should the fit go on after
    // all, the full pass is run from the same coefficients, so the result is the same either
    // way. Likely the last: the last allowed, or the deviance's next change, predicted as
    // converging quadratically (each ratio of successive changes the square of the one before),
    // well below epsilon.
    const bool last_allowed = iteration == options.max_iterations;
    const double ratio = change / change_before;
    const bool likely_last = last_allowed || (std::isfinite(change_before) && std::isfinite(ratio) &&
                                              change * ratio * ratio < options.epsilon / 10);
    using DevianceFirst = LogisticOptions::DevianceFirst;
    const bool deviance_first = options.deviance_first == DevianceFirst::always ||
                                (options.deviance_first == DevianceFirst::when_likely_last && likely_last);
    current = run_pass(Pass{layout, outcome, &beta, fitted, !deviance_first}, frame.rows, threads);
    change_before = change;
    change = std::abs(current.deviance - deviance_old) / (std::abs(current.deviance) + 0.1);
    if (change < options.epsilon) {
      fit.converged = true;
      break;
    }
    if (deviance_first && !last_allowed) current = run_pass(Pass{layout, outcome, &beta, fitted}, frame.rows, threads);
    deviance_old = current.deviance;
  }

  const auto inverse = system.inverse_diagonal();
  for (std::size_t i = 0; i < p; ++i) {
    const double estimate = beta[layout.term_index[i]];
    fit.estimates.push_back(estimate);
    fit.std_errors.push_back(std::sqrt(inverse[i]));
    const double step = std::abs(estimate - beta_old[layout.term_index[i]]);
    if (step > 1e-3 * (1.0 + std::abs(estimate))) fit.diverging_terms.push_back(fit.terms[i]);
  }
  fit.deviance = current.deviance;
  fit.fitted_at_bound = current.at_bound;
  fit.aic = fit.deviance + 2.0 * static_cast<double>(p);
  const double n = static_cast<double>(fit.episodes);
  const double mean = static_cast<double>(fit.events) / n;
  fit.null_deviance = -2.0 * (static_cast<double>(fit.events) * std::log(mean) +
                              static_cast<double>(fit.episodes - fit.events) * std::log(1.0 - mean));
  return fit;
}

}  // namespace clinaudit::stats
