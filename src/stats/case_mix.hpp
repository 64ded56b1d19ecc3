#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "core/result.hpp"
#include "stats/calibration.hpp"
#include "stats/funnel.hpp"
#include "stats/logistic_regression.hpp"
#include "stats/model_frame.hpp"
#include "stats/observed_expected.hpp"

namespace clinaudit::stats {

// The national case-mix pipeline (../METHODS §2 then §1): fit the logistic model, judge its
// discrimination and calibration, sum observed and expected deaths per group, and optionally
// put the groups' O/E on a funnel plot.
struct CaseMixOptions {
  LogisticOptions fit;
  int hosmer_lemeshow_groups = 10;
  // When set, the groups' O/E ratios go through funnel_plot (type ratio, denominator E).
  std::optional<FunnelOptions> funnel;
};

struct CaseMixResult {
  LogisticFit fit;
  double c_statistic = 0;
  HosmerLemeshow hosmer_lemeshow;
  CalibrationInTheLarge calibration;
  std::vector<GroupOutcome> groups;  // empty without a group column; in R's factor order
  std::optional<FunnelPlot> funnel;
};

// Runs the pipeline. `group`, when given, is a categorical column naming each episode's
// group (provider); its levels are put in R's factor order (order_levels_as_r), which is
// the order of `groups` and of the funnel's units. `frame`'s categorical covariates must
// already be in the level order wanted (order_levels_as_r for R's).
// Errors: those of fit_logistic, rank_risks and funnel_plot (a funnel needs at least two
// groups with expected deaths), and invalid_input when a funnel is asked for without groups.
// `frame` is taken by value and released once the model is fitted, so that a national file's
// columns do not stay in memory beside the checks' sorted risks (pass it with std::move).
// Pure apart from the fit's worker threads; safe from any thread.
Result<CaseMixResult> case_mix_model(ModelFrame frame, std::span<const std::uint8_t> outcome,
                                     std::optional<Covariate> group, const CaseMixOptions& options);

}  // namespace clinaudit::stats
