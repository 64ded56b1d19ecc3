#pragma once

#include <nlohmann/json.hpp>

#include "stats/funnel.hpp"

namespace clinaudit::render {

// The JSON form of a funnel plot, for the API, the CLI and the web app:
//   {"type", "target",
//    "overdispersion": {"method", "trim", "units_used", "phi", "tau2", "applied"},
//    "units": [{"unit", "numerator", "denominator", "value", "z",
//               "limits": {"95": {"lower", "upper"}, "99.8": {"lower", "upper"}},
//               "unadjusted_limits": {same shape},
//               "flag": "none|alert_high|alarm_high|alert_low|alarm_low"}]}
// "limits" are the limits in use (overdispersion-adjusted when "applied"). Values that are
// absent (a unit with denominator 0, φ when not estimated, a z-score that is not finite)
// are null. Units keep the plot's order. Deterministic. Pure; thread-safe.
nlohmann::json to_json(const stats::FunnelPlot& plot);

}  // namespace clinaudit::render
