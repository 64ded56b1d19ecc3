#include "stats/case_mix.hpp"

#include <optional>
#include <thread>

#include "core/worker_threads.hpp"
#include "stats/discrimination.hpp"
#include "stats/ranked_risks.hpp"

namespace clinaudit::stats {

Result<CaseMixResult> case_mix_model(ModelFrame frame, std::span<const std::uint8_t> outcome,
                                     std::optional<Covariate> group, const CaseMixOptions& options) {
  if (options.funnel && !group) {
    return Error{ErrorCode::invalid_input, "a funnel plot compares groups: name the group column"};
  }
  if (group && group->codes.size() != frame.rows) {
    return Error{ErrorCode::invalid_input, "the group column must have one value per episode"};
  }
  LogisticOptions fit_options = options.fit;
  fit_options.keep_fitted = true;
  auto fit = fit_logistic(frame, outcome, fit_options);
  if (!fit) return fit.error();
  CaseMixResult result;
  result.fit = std::move(*fit);
  frame = ModelFrame{};  // its memory is reused by the sorted risks below

  {
    // The checks after the fit run on the fit's threads: the sort in halves, and the
    // c-statistic beside Hosmer-Lemeshow and calibration (each reads the sorted risks only).
    const unsigned threads = worker_threads(options.fit.threads);
    auto ranked = rank_risks(result.fit.fitted, outcome, threads);
    if (!ranked) return ranked.error();
    std::optional<Result<double>> c;
    std::jthread beside;  // joins when it goes out of scope, whatever happens here
    if (threads > 1) {
      beside = std::jthread([&] { c = c_statistic(*ranked); });
    } else {
      c = c_statistic(*ranked);
    }
    auto hl = hosmer_lemeshow(*ranked, options.hosmer_lemeshow_groups);
    result.calibration = calibration_in_the_large(*ranked);
    if (beside.joinable()) beside.join();
    if (!*c) return c->error();
    result.c_statistic = **c;
    if (!hl) return hl.error();
    result.hosmer_lemeshow = std::move(*hl);
  }

  if (group) {
    group->categorical = true;
    order_levels_as_r(*group);
    auto groups = observed_expected(group->codes, group->levels, outcome, result.fit.fitted);
    if (!groups) return groups.error();
    result.groups = std::move(*groups);
  }
  if (options.funnel) {
    std::vector<UnitCount> rows;
    rows.reserve(result.groups.size());
    for (const auto& g : result.groups) rows.push_back(UnitCount{g.group, static_cast<double>(g.observed), g.expected});
    FunnelOptions funnel_options = *options.funnel;
    funnel_options.type = FunnelType::ratio;
    auto plot = funnel_plot(rows, funnel_options);
    if (!plot) return Error{plot.error().code, "funnel plot of the groups' O/E: " + plot.error().message};
    result.funnel = std::move(*plot);
  }
  return result;
}

}  // namespace clinaudit::stats
