#include "stats/racusum.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/number_format.hpp"
#include "stats/not_a_number.hpp"

namespace clinaudit::stats {
namespace {

std::string patient(std::size_t position) { return "patient " + std::to_string(position + 1); }

// One chart's running value: the upper chart accumulates +W and is floored at 0; the lower
// chart accumulates −W and is capped at 0, so both are handled as "distance from 0".
struct Side {
  bool on = false;
  double odds_ratio = 1;
  double limit = 0;
  double value = 0;  // >= 0: C_t for the upper chart, −C_t for the lower chart

  // Adds a weight; returns the crossing value when the chart signals.
  bool step(double weight, bool reset, double& crossed) {
    value = std::max(0.0, value + weight);
    if (value >= limit) {
      crossed = value;
      if (reset) value = 0;
      return true;
    }
    return false;
  }
};

}  // namespace

double racusum_weight(double risk, int outcome, double odds_ratio, double null_odds_ratio) {
  const double null_term = 1.0 - risk + null_odds_ratio * risk;
  const double alternative_term = 1.0 - risk + odds_ratio * risk;
  const double event = outcome == 1 ? std::log(odds_ratio / null_odds_ratio) : 0.0;
  // R_0 = 1 is by far the common case: keep Steiner's form exactly (log(1) = 0 adds nothing).
  if (null_odds_ratio == 1.0) return event - std::log(alternative_term);
  return event + std::log(null_term / alternative_term);
}

Result<void> check_patient(std::size_t position, double risk, double outcome) {
  if (!std::isfinite(risk) || risk < 0.0 || risk > 1.0) {
    return invalid_input(patient(position) + ": risk " + format_number(risk) + " is not a probability in [0, 1]");
  }
  if (outcome != 0.0 && outcome != 1.0) {
    return invalid_input(patient(position) + ": outcome " + format_number(outcome) + " is not 0 or 1");
  }
  return {};
}

Result<void> check_options(const RacusumOptions& options) {
  if (!options.upper && !options.lower) return invalid_input("both the upper and the lower chart are off");
  if (options.upper) {
    if (!(options.upper_odds_ratio > 1.0) || !std::isfinite(options.upper_odds_ratio)) {
      return invalid_input("the upper chart's odds ratio must be greater than 1, not " +
                           format_number(options.upper_odds_ratio));
    }
    if (!(options.upper_limit > 0.0) || !std::isfinite(options.upper_limit)) {
      return invalid_input("the upper chart's limit h must be positive, not " + format_number(options.upper_limit));
    }
  }
  if (options.lower) {
    if (!(options.lower_odds_ratio > 0.0 && options.lower_odds_ratio < 1.0)) {
      return invalid_input("the lower chart's odds ratio must lie between 0 and 1, not " +
                           format_number(options.lower_odds_ratio));
    }
    if (!(options.lower_limit > 0.0) || !std::isfinite(options.lower_limit)) {
      return invalid_input("the lower chart's limit h must be positive, not " + format_number(options.lower_limit));
    }
  }
  if (!(options.null_odds_ratio > 0.0) || !std::isfinite(options.null_odds_ratio)) {
    return invalid_input("the null odds ratio must be positive, not " + format_number(options.null_odds_ratio));
  }
  return {};
}

Result<RacusumChart> racusum_chart(std::span<const double> risks, std::span<const double> outcomes,
                                   const RacusumOptions& options) {
  if (risks.size() != outcomes.size()) {
    return invalid_input("there are " + std::to_string(risks.size()) + " risks but " + std::to_string(outcomes.size()) +
                         " outcomes");
  }
  if (auto ok = check_options(options); !ok) return ok.error();
  Side upper{options.upper, options.upper_odds_ratio, options.upper_limit, 0};
  Side lower{options.lower, options.lower_odds_ratio, options.lower_limit, 0};

  RacusumChart chart;
  chart.points.reserve(risks.size());
  double vlad = 0;
  for (std::size_t t = 0; t < risks.size(); ++t) {
    if (auto ok = check_patient(t, risks[t], outcomes[t]); !ok) return ok.error();
    const int y = outcomes[t] == 1.0 ? 1 : 0;
    RacusumPoint point;
    point.weight_upper = upper.on ? racusum_weight(risks[t], y, upper.odds_ratio, options.null_odds_ratio) : kNaN;
    point.weight_lower = lower.on ? racusum_weight(risks[t], y, lower.odds_ratio, options.null_odds_ratio) : kNaN;
    double crossed = 0;
    if (upper.on) {
      point.signal_upper = upper.step(point.weight_upper, options.reset, crossed);
      if (point.signal_upper) chart.signals.push_back({t, CusumSide::upper, crossed});
      point.upper = upper.value;
    } else {
      point.upper = kNaN;
    }
    if (lower.on) {
      point.signal_lower = lower.step(point.weight_lower, options.reset, crossed);
      if (point.signal_lower) chart.signals.push_back({t, CusumSide::lower, -crossed});
      point.lower = lower.value == 0.0 ? 0.0 : -lower.value;  // never write −0
    } else {
      point.lower = kNaN;
    }
    vlad += risks[t] - outcomes[t];
    point.vlad = vlad;
    chart.observed += outcomes[t];
    chart.expected += risks[t];
    chart.points.push_back(point);
  }
  return chart;
}

Result<RacusumChart> cusum_chart_from_weights(std::span<const double> weights, std::span<const double> risks,
                                              std::span<const double> outcomes, const RacusumOptions& options) {
  if (outcomes.size() != weights.size() || (!risks.empty() && risks.size() != weights.size())) {
    return invalid_input("the weights, risks and outcomes are not all the same length");
  }
  if (!(options.upper_limit > 0.0) || !std::isfinite(options.upper_limit)) {
    return invalid_input("the limit h must be positive, not " + format_number(options.upper_limit));
  }
  Side upper{true, 0, options.upper_limit, 0};
  RacusumChart chart;
  chart.points.reserve(weights.size());
  double vlad = 0;
  for (std::size_t t = 0; t < weights.size(); ++t) {
    if (!std::isfinite(weights[t])) return invalid_input(patient(t) + ": weight is not a finite number");
    const double risk = risks.empty() ? 0.0 : risks[t];
    if (auto ok = check_patient(t, risk, outcomes[t]); !ok) return ok.error();
    RacusumPoint point;
    point.weight_upper = weights[t];
    point.weight_lower = kNaN;
    double crossed = 0;
    point.signal_upper = upper.step(weights[t], options.reset, crossed);
    if (point.signal_upper) chart.signals.push_back({t, CusumSide::upper, crossed});
    point.upper = upper.value;
    point.lower = kNaN;
    vlad += risk - outcomes[t];
    point.vlad = risks.empty() ? kNaN : vlad;
    chart.observed += outcomes[t];
    chart.expected += risk;
    chart.points.push_back(point);
  }
  if (risks.empty()) chart.expected = kNaN;
  return chart;
}

}  // namespace clinaudit::stats
