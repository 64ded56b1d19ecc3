#include "render/cusum_json.hpp"

#include <cmath>
#include <string>

namespace clinaudit::render {
namespace {

nlohmann::json number_or_null(double value) { return std::isfinite(value) ? nlohmann::json(value) : nullptr; }

}  // namespace

nlohmann::json to_json(const stats::RacusumChart& chart, const stats::RacusumOptions& options) {
  nlohmann::json out = nlohmann::json::object();
  out["patients"] = chart.points.size();
  out["observed"] = chart.observed;
  out["expected"] = number_or_null(chart.expected);
  out["parameters"] = {{"odds_ratio", options.upper ? nlohmann::json(options.upper_odds_ratio) : nullptr},
                       {"limit", options.upper ? nlohmann::json(options.upper_limit) : nullptr},
                       {"lower_odds_ratio", options.lower ? nlohmann::json(options.lower_odds_ratio) : nullptr},
                       {"lower_limit", options.lower ? nlohmann::json(options.lower_limit) : nullptr},
                       {"null_odds_ratio", options.null_odds_ratio},
                       {"reset", options.reset}};
  nlohmann::json signals = nlohmann::json::array();
  for (const auto& signal : chart.signals) {
    signals.push_back({{"patient", signal.index + 1},
                       {"chart", signal.side == stats::CusumSide::upper ? "upper" : "lower"},
                       {"value", signal.value}});
  }
  out["signals"] = std::move(signals);
  nlohmann::json points = nlohmann::json::array();
  for (std::size_t t = 0; t < chart.points.size(); ++t) {
    const auto& point = chart.points[t];
    points.push_back({{"patient", t + 1},
                      {"weight", number_or_null(options.upper ? point.weight_upper : point.weight_lower)},
                      {"weight_lower", number_or_null(point.weight_lower)},
                      {"upper", number_or_null(point.upper)},
                      {"lower", number_or_null(point.lower)},
                      {"vlad", number_or_null(point.vlad)},
                      {"signal_upper", point.signal_upper},
                      {"signal_lower", point.signal_lower}});
  }
  out["points"] = std::move(points);
  return out;
}

nlohmann::json to_json(const CusumLimitReport& report) {
  nlohmann::json out = nlohmann::json::object();
  out["h"] = report.limit.h;
  out["arl"] = report.limit.arl;
  out["method"] = report.simulated ? "simulation" : "markov";
  out["odds_ratio"] = report.odds_ratio;
  out["true_odds_ratio"] = report.true_odds_ratio;
  out["target_arl"] = report.target_arl > 0 ? nlohmann::json(report.target_arl) : nullptr;
  if (report.simulated) {
    out["runs"] = report.limit.runs;
    out["seed"] = report.seed;
    out["standard_error"] = report.limit.standard_error;
  } else {
    out["states"] = report.limit.states;
    out["scaling"] = report.scaling;
  }
  return out;
}

}  // namespace clinaudit::render
