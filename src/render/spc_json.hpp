#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>

#include "stats/control_chart.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::render {

// The JSON form of a Making Data Count XmR chart:
//   {"improvement", "target", "variation_icon", "assurance_icon", "warnings": [...],
//    "groups": [{"first_date", "points", "baseline_points", "mean", "amr", "lpl", "upl"}],
//    "points": [{"date", "value", "mean", "lpl", "upl", "near_lower", "near_upper",
//                "rule", "point_type"}]}
// `dates` label the points (same length). Absent limits are null. Deterministic; thread-safe.
nlohmann::json to_json(const stats::XmrChart& chart, std::span<const std::string> dates,
                       stats::ImprovementDirection improvement, const std::optional<double>& target);

// The JSON form of a control chart:
//   {"chart", "points": [{"x", "y", "n", "cl", "lcl", "ucl", "lcl_95", "ucl_95", "part",
//                         "baseline", "included", "signal", "runs_signal"}],
//    "parts": [{"part", "first_x", "last_x", "n_obs", "n_useful", "longest_run",
//               "longest_run_limit", "crossings", "crossings_limit", "runs_signal",
//               "mean_lcl", "cl", "mean_ucl", "sigma_signals"}],
//    and the last part's runs analysis at the top level: "n_useful", "longest_run",
//    "longest_run_limit", "crossings", "crossings_limit", "runs_signal"}
// "signal" is a point beyond the 3-sigma limits. `x` labels the subgroups; a label that
// reads as a number is written as one. Missing values are null.
nlohmann::json to_json(const stats::ControlChart& chart, std::span<const std::string> x);

// The JSON form of a run chart (a ControlChart of type run):
//   {"centre", "n_useful", "longest_run", "longest_run_limit", "crossings",
//    "crossings_limit", "signal", "points": [{"x", "y", "centre", "part", "baseline",
//    "included"}], "parts": [as for control charts]}
// The top-level figures are the last part's.
nlohmann::json run_chart_json(const stats::ControlChart& chart, std::span<const std::string> x);

}  // namespace clinaudit::render
