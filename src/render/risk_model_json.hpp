#pragma once

#include <nlohmann/json.hpp>

#include "stats/case_mix.hpp"

namespace clinaudit::render {

// The JSON form of a case-mix model, for the API and the CLI:
//   {"episodes", "events",
//    "coefficients": [{"term", "estimate", "std_error", "z", "p_value", "odds_ratio"}],
//    "deviance", "null_deviance", "aic", "iterations", "converged",
//    "separation": {"detected", "fitted_at_bound", "diverging_terms": [...]},
//    "c_statistic",
//    "calibration": {"in_the_large": {"episodes", "observed", "expected", "ratio", "difference"},
//                    "hosmer_lemeshow": {"statistic", "degrees_of_freedom", "p_value",
//                        "groups": [{"lower", "upper", "episodes", "observed", "expected"}]}},
//    "groups": [{"group", "episodes", "observed", "expected", "ratio"}],
//    "funnel": {...} (render/funnel_json.hpp; only when a funnel was computed)}
// z and p_value are the Wald test of summary.glm (p = 2 * P(Z > |z|)). Values that are not
// finite are null. Deterministic. Pure; thread-safe.
nlohmann::json to_json(const stats::CaseMixResult& result);

}  // namespace clinaudit::render
