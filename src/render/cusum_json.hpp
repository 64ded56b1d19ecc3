#pragma once

#include <nlohmann/json.hpp>

#include "stats/racusum.hpp"
#include "stats/racusum_arl.hpp"

namespace clinaudit::render {

// The JSON form of a risk-adjusted CUSUM and VLAD chart, for the API, the CLI and the web app:
//   {"patients", "observed", "expected",
//    "parameters": {"odds_ratio", "limit", "lower_odds_ratio", "lower_limit",
//                   "null_odds_ratio", "reset"},
//    "signals": [{"patient", "chart": "upper|lower", "value"}],
//    "points": [{"patient", "weight", "weight_lower", "upper", "lower", "vlad",
//                "signal_upper", "signal_lower"}]}
// One point per patient in input order; "patient" counts from 1. "weight" is W_t of the upper
// chart, or of the lower chart when it is drawn alone. A chart that is off has null weights, values and parameters;
// "vlad" and "expected" are null when no risks were given. A signal's "value" is the value that crossed the limit (the
// point shows the value after the reset). Deterministic. Pure; thread-safe.
nlohmann::json to_json(const stats::RacusumChart& chart, const stats::RacusumOptions& options);

// The JSON form of a control limit or an ARL: {"h", "arl", "method", "odds_ratio",
// "target_arl" (null when h was given), "states" (Markov chain) or "runs", "seed" and
// "standard_error" (simulation)}.
struct CusumLimitReport {
  stats::CusumLimit limit;
  bool simulated = false;
  double odds_ratio = 2;
  double true_odds_ratio = 1;
  double target_arl = 0;  // 0 when the ARL was computed for a given h
  std::uint64_t seed = 0;
  double scaling = 600;
};
nlohmann::json to_json(const CusumLimitReport& report);

}  // namespace clinaudit::render
