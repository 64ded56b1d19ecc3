#include "render/risk_model_json.hpp"

#include <cmath>
#include <string>

#include "render/funnel_json.hpp"
#include "stats/normal.hpp"

namespace clinaudit::render {
namespace {

nlohmann::json number(double value) { return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr); }

nlohmann::json coefficients_json(const stats::LogisticFit& fit) {
  nlohmann::json rows = nlohmann::json::array();
  for (std::size_t i = 0; i < fit.terms.size(); ++i) {
    const double estimate = fit.estimates[i];
    const double se = fit.std_errors[i];
    const double z = estimate / se;
    rows.push_back({{"term", fit.terms[i]},
                    {"estimate", number(estimate)},
                    {"std_error", number(se)},
                    {"z", number(z)},
                    {"p_value", number(2.0 * stats::normal_cdf(-std::abs(z)))},
                    {"odds_ratio", number(std::exp(estimate))}});
  }
  return rows;
}

nlohmann::json calibration_json(const stats::CaseMixResult& result) {
  const auto& large = result.calibration;
  const auto& hl = result.hosmer_lemeshow;
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& group : hl.groups) {
    groups.push_back({{"lower", group.lower},
                      {"upper", group.upper},
                      {"episodes", group.episodes},
                      {"observed", group.observed},
                      {"expected", group.expected}});
  }
  return {{"in_the_large",
           {{"episodes", large.episodes},
            {"observed", large.observed},
            {"expected", number(large.expected)},
            {"ratio", number(large.ratio)},
            {"difference", number(large.difference)}}},
          {"hosmer_lemeshow",
           {{"statistic", number(hl.statistic)},
            {"degrees_of_freedom", hl.degrees_of_freedom},
            {"p_value", number(hl.p_value)},
            {"groups", std::move(groups)}}}};
}

}  // namespace

nlohmann::json to_json(const stats::CaseMixResult& result) {
  const auto& fit = result.fit;
  nlohmann::json out = nlohmann::json::object();
  out["episodes"] = fit.episodes;
  out["events"] = fit.events;
  out["coefficients"] = coefficients_json(fit);
  out["deviance"] = number(fit.deviance);
  out["null_deviance"] = number(fit.null_deviance);
  out["aic"] = number(fit.aic);
  out["iterations"] = fit.iterations;
  out["converged"] = fit.converged;
  out["separation"] = {{"detected", fit.separation()},
                       {"fitted_at_bound", fit.fitted_at_bound},
                       {"diverging_terms", fit.diverging_terms}};
  out["c_statistic"] = number(result.c_statistic);
  out["calibration"] = calibration_json(result);
  nlohmann::json groups = nlohmann::json::array();
  for (const auto& group : result.groups) {
    groups.push_back({{"group", group.group},
                      {"episodes", group.episodes},
                      {"observed", group.observed},
                      {"expected", number(group.expected)},
                      {"ratio", group.expected > 0 ? number(group.ratio()) : nlohmann::json(nullptr)}});
  }
  out["groups"] = std::move(groups);
  if (result.funnel) out["funnel"] = to_json(*result.funnel);
  return out;
}

}  // namespace clinaudit::render
