#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "stats/model_frame.hpp"

namespace clinaudit::stats {

// How the fit is run. The defaults are R's glm.control(): epsilon = 1e-8, maxit = 25.
struct LogisticOptions {
  double epsilon = 1e-8;
  int max_iterations = 25;
  // Worker threads for the passes over the episodes; 0 = one per hardware thread. The result
  // does not depend on this: episodes are summed in fixed blocks, in block order.
  unsigned threads = 1;
  // Keep the per-episode fitted risks in LogisticFit::fitted.
  bool keep_fitted = true;
  // Whether the pass after a solve first computes the deviance and the risks alone (without
  // the cross-products a next iteration needs), running the full pass too only if the fit goes
  // on: when the deviance's changes say it is likely the last (and at the iteration limit), or
  // always, or never. The result does not depend on it; `always` and `never` are there to show
  // that it does not.
  enum class DevianceFirst { when_likely_last, always, never };
  DevianceFirst deviance_first = DevianceFirst::when_likely_last;
};

// A fitted logistic regression. Terms are "(Intercept)", then each covariate's terms in
// frame order (ModelFrame, term_names). Standard errors are those of summary.glm: the
// square roots of the diagonal of (X'WX)^-1 with the weights of the final iteration
// (dispersion 1).
struct LogisticFit {
  std::vector<std::string> terms;
  std::vector<double> estimates;  // log odds ratios; the intercept is the log odds at zero/reference
  std::vector<double> std_errors;
  double deviance = 0;       // -2 log likelihood of the fitted model
  double null_deviance = 0;  // of the intercept-only model
  double aic = 0;            // deviance + 2 * number of terms (0/1 outcomes)
  std::int64_t episodes = 0;
  std::int64_t events = 0;  // episodes with outcome 1
  int iterations = 0;       // IRLS iterations, counted as glm() counts them
  bool converged = false;
  // Separation: episodes whose fitted risk is numerically 0 or 1 (below 10 * DBL_EPSILON from
  // either end, R's warning threshold), and the terms whose estimate was still moving by more
  // than 1e-3 * (1 + |estimate|) at the last iteration (estimates diverging to infinity).
  std::int64_t fitted_at_bound = 0;
  std::vector<std::string> diverging_terms;
  bool separation() const { return fitted_at_bound > 0 || !diverging_terms.empty(); }
  // The fitted risk of each episode (empty unless options.keep_fitted).
  std::vector<double> fitted;
};

// Fits logit P(outcome = 1) = X b by iteratively reweighted least squares exactly as R's
// glm(family = binomial) does (R Core Team, glm.fit in package stats; McCullagh & Nelder,
// Generalized Linear Models, 2nd ed., 1989, section 4.4): start from mu = (y + 0.5) / 2, R's
// clamped logit link (|eta| > 30 is held at the boundary), stop when
// |dev - dev_old| / (|dev| + 0.1) < epsilon or after max_iterations. Each iteration solves
// the normal equations X'WX b = X'Wz by a Cholesky factorisation of the p x p matrix, which
// the episodes are summed into block by block: time O(n p_active^2) per iteration, where
// p_active = 1 + numeric covariates + categorical covariates, and memory O(p^2) beyond the
// inputs.
// `outcome` holds one 0/1 value per frame row. Pure apart from the worker threads it starts;
// safe to call from several threads at once.
// Errors: invalid_input when the iteration limit is below 1 (as glm.control), when an outcome
// is not 0 or 1 (naming the episode), when every outcome is the same, when there are fewer
// episodes than terms, when the frame is invalid (validate_frame), or when a term is a linear
// combination of others (naming it; R would report it as NA "not defined because of
// singularities").
// Non-convergence and separation are not errors: they are reported in the result.
Result<LogisticFit> fit_logistic(const ModelFrame& frame, std::span<const std::uint8_t> outcome,
                                 const LogisticOptions& options = {});

}  // namespace clinaudit::stats
