#include "stats/funnel.hpp"

#include <cfloat>
#include <cmath>
#include <string>
#include <unordered_map>

#include "stats/overdispersion.hpp"

namespace clinaudit::stats {
namespace {

// Sums rows by unit, keeping the order in which units first appear.
Result<std::vector<FunnelUnit>> sum_by_unit(std::span<const UnitCount> rows, const FunnelOptions& options) {
  std::vector<FunnelUnit> units;
  std::unordered_map<std::string, std::size_t> index;
  for (const auto& row : rows) {
    if (!std::isfinite(row.numerator) || row.numerator < 0.0) {
      return invalid_input("unit '" + row.unit + "': the numerator must be a non-negative number");
    }
    if (!std::isfinite(row.denominator) || row.denominator < 0.0) {
      return invalid_input("unit '" + row.unit + "': the denominator must be a non-negative number");
    }
    const auto [it, inserted] = index.try_emplace(row.unit, units.size());
    if (inserted) units.push_back(FunnelUnit{row.unit, 0.0, 0.0, {}, {}, {}, {}, FunnelFlag::none});
    units[it->second].numerator += row.numerator;
    units[it->second].denominator += row.denominator;
  }
  for (auto& unit : units) {
    if (options.denominator_decimals)
      unit.denominator = round_decimals(unit.denominator, *options.denominator_decimals);
    if (options.type == FunnelType::proportion && unit.numerator > unit.denominator) {
      return invalid_input("unit '" + unit.unit + "': a proportion's numerator (" + std::to_string(unit.numerator) +
                           ") exceeds its denominator (" + std::to_string(unit.denominator) + ")");
    }
  }
  return units;
}

OverdispersionMethod resolve(FunnelType type, OverdispersionMethod method) {
  if (method != OverdispersionMethod::automatic) return method;
  return type == FunnelType::proportion ? OverdispersionMethod::arcsine : OverdispersionMethod::log;
}

Result<void> check_scale(FunnelType type, OverdispersionMethod method) {
  const bool proportion = type == FunnelType::proportion;
  if (proportion && (method == OverdispersionMethod::log || method == OverdispersionMethod::sqrt)) {
    return invalid_input("the " + std::string(to_string(method)) +
                         " overdispersion scale applies to ratios and rates; use arcsine or multiplicative for "
                         "proportions");
  }
  if (!proportion && method == OverdispersionMethod::arcsine) {
    return invalid_input("the arcsine overdispersion scale applies to proportions; use log, sqrt or multiplicative");
  }
  return {};
}

// The unadjusted z-score and its standard error on the scale of `method`.
struct Score {
  double z = 0;
  double s = 0;
  double y = 0;      // the transformed value
  double theta = 0;  // the transformed target
};

Score score(OverdispersionMethod method, FunnelType type, double t, double o, double d) {
  Score out;
  const double e = t * d;  // expected count for ratios and rates
  switch (method) {
    case OverdispersionMethod::log:
      out.s = 1.0 / std::sqrt(e);
      out.y = std::log(o / e);
      out.z = out.y / out.s;
      return out;
    case OverdispersionMethod::sqrt:
      out.s = 1.0 / (2.0 * std::sqrt(e));
      out.y = std::sqrt(o / e);
      out.theta = 1.0;
      out.z = 2.0 * (std::sqrt(o) - std::sqrt(e));
      return out;
    case OverdispersionMethod::arcsine:
      out.s = 1.0 / (2.0 * std::sqrt(d));
      out.y = std::asin(std::sqrt(o / d));
      out.theta = std::asin(std::sqrt(t));
      out.z = (out.y - out.theta) / out.s;
      return out;
    case OverdispersionMethod::automatic:
    case OverdispersionMethod::none:
    case OverdispersionMethod::multiplicative: break;
  }
  out.s = type == FunnelType::proportion ? std::sqrt(t * (1.0 - t) / d) : std::sqrt(t / d);
  out.y = o / d;
  out.theta = t;
  out.z = (out.y - t) / out.s;
  return out;
}

FunnelFlag flag_for(double value, const FunnelLimits& limits) {
  if (value > limits.l998.upper) return FunnelFlag::alarm_high;
  if (value > limits.l95.upper) return FunnelFlag::alert_high;
  if (value < limits.l998.lower) return FunnelFlag::alarm_low;
  if (value < limits.l95.lower) return FunnelFlag::alert_low;
  return FunnelFlag::none;
}

Result<double> target_for(const std::vector<FunnelUnit>& units, const FunnelOptions& options) {
  if (options.target) {
    const double t = *options.target;
    const bool ok = options.type == FunnelType::proportion ? (t > 0.0 && t < 1.0) : (std::isfinite(t) && t > 0.0);
    if (!ok) {
      return invalid_input(options.type == FunnelType::proportion
                               ? "the target proportion must lie strictly between 0 and 1"
                               : "the target must be a positive number");
    }
    return t;
  }
  if (options.type == FunnelType::ratio) return 1.0;
  double sum_o = 0;
  double sum_d = 0;
  for (const auto& unit : units) {
    if (!(unit.denominator > 0.0)) continue;  // units without a denominator carry no information
    sum_o += unit.numerator;
    sum_d += unit.denominator;
  }
  const double t = sum_o / sum_d;
  if (options.type == FunnelType::proportion && !(t > 0.0 && t < 1.0)) {
    return invalid_input("the overall proportion is " + std::string(t <= 0.0 ? "0" : "1") +
                         ": every unit has the same outcome, so there is nothing to compare");
  }
  if (!(t > 0.0)) return invalid_input("there are no events in any unit, so there is nothing to compare");
  return t;
}

}  // namespace

std::string_view to_string(FunnelFlag flag) {
  switch (flag) {
    case FunnelFlag::none: return "none";
    case FunnelFlag::alert_high: return "alert_high";
    case FunnelFlag::alarm_high: return "alarm_high";
    case FunnelFlag::alert_low: return "alert_low";
    case FunnelFlag::alarm_low: return "alarm_low";
  }
  return "none";
}

double round_decimals(double x, int digits) {
  if (!std::isfinite(x) || digits < 0) return x;
  const double sign = x < 0.0 ? -1.0 : 1.0;
  const double a = std::fabs(x);
  if (a == 0.0) return x;
  // Beyond the precision of a double there is nothing left to round.
  if (std::log10(a) + digits > DBL_DIG) return x;
  const double pow10 = std::pow(10.0, digits);
  const double scaled = a * pow10;
  const double down_i = std::floor(scaled);
  const double down = down_i / pow10;
  const double up = std::ceil(scaled) / pow10;
  const double du = up - a;
  const double dd = a - down;
  const bool odd = std::fmod(down_i, 2.0) == 1.0;
  return sign * ((du < dd || (du == dd && odd)) ? up : down);
}

Result<FunnelPlot> funnel_plot(std::span<const UnitCount> rows, const FunnelOptions& options) {
  if (rows.empty()) return invalid_input("there are no units to plot");
  if (!(options.trim >= 0.0 && options.trim < 0.5)) return invalid_input("the trim must lie in [0, 0.5)");
  const OverdispersionMethod method = resolve(options.type, options.overdispersion);
  if (auto ok = check_scale(options.type, method); !ok) return ok.error();
  if (options.limits == LimitMethod::arcsine && options.type != FunnelType::proportion) {
    return invalid_input("arcsine limits apply to proportions only; use exact or normal");
  }

  auto units = sum_by_unit(rows, options);
  if (!units) return units.error();
  std::vector<std::size_t> plotted;  // units with D > 0
  for (std::size_t i = 0; i < units->size(); ++i) {
    if ((*units)[i].denominator > 0.0) plotted.push_back(i);
  }
  if (plotted.size() < 2) {
    return invalid_input(
        "a funnel plot compares units: at least 2 units with a positive denominator are needed, found " +
        std::to_string(plotted.size()));
  }
  auto target = target_for(*units, options);
  if (!target) return target.error();

  FunnelPlot plot;
  plot.type = options.type;
  plot.target = *target;
  plot.model = LimitModel{options.type, *target, options.limits, method, 1.0, 0.0, false};
  plot.overdispersion.method = method;
  plot.overdispersion.trim = method == OverdispersionMethod::none ? 0.0 : options.trim;

  // z-scores on the chosen scale, for every plotted unit.
  std::vector<Score> scores(plotted.size());
  for (std::size_t k = 0; k < plotted.size(); ++k) {
    const auto& unit = (*units)[plotted[k]];
    scores[k] = score(method, options.type, *target, unit.numerator, unit.denominator);
  }

  if (method != OverdispersionMethod::none) {
    std::vector<double> z(scores.size());
    std::vector<double> s(scores.size());
    for (std::size_t k = 0; k < scores.size(); ++k) {
      z[k] = scores[k].z;
      s[k] = scores[k].s;
    }
    std::vector<bool> kept(z.size(), true);
    if (method == OverdispersionMethod::log) {
      kept = truncation_kept(z, options.trim);
    } else {
      z = winsorised(z, options.trim);
    }
    if (auto dispersion = estimate_dispersion(z, s, kept)) {
      plot.overdispersion.units_used = dispersion->units_used;
      plot.overdispersion.phi = dispersion->phi;
      // τ² has no place in the multiplicative model: φ widens the limits directly.
      const double tau2 = method == OverdispersionMethod::multiplicative ? 0.0 : dispersion->tau2;
      plot.overdispersion.tau2 = tau2;
      plot.overdispersion.applied = dispersion->phi > 1.0;
      plot.model.phi = dispersion->phi;
      plot.model.tau2 = tau2;
      plot.model.applied = plot.overdispersion.applied;
    }
  }

  for (std::size_t k = 0; k < plotted.size(); ++k) {
    auto& unit = (*units)[plotted[k]];
    const double value = unit.numerator / unit.denominator;
    unit.value = value;
    const Score& sc = scores[k];
    double z = sc.z;
    if (plot.model.applied) {
      z = method == OverdispersionMethod::multiplicative ? sc.z / std::sqrt(plot.model.phi)
                                                         : (sc.y - sc.theta) / std::sqrt(sc.s * sc.s + plot.model.tau2);
    }
    if (std::isfinite(z)) unit.z = z;
    auto unadjusted = unadjusted_limits(plot.model, unit.denominator);
    if (!unadjusted) return unadjusted.error();
    auto adjusted = adjusted_limits(plot.model, unit.denominator);
    if (!adjusted) return adjusted.error();
    unit.unadjusted_limits = *unadjusted;
    unit.limits = *adjusted;
    unit.flag = flag_for(value, *adjusted);
  }
  plot.units = std::move(*units);
  return plot;
}

Result<std::vector<FunnelCurvePoint>> funnel_curve(const FunnelPlot& plot, double from, double to, std::size_t points) {
  if (!(from > 0.0) || !(to >= from) || !std::isfinite(to) || points < 2) {
    return invalid_input("a funnel curve needs 0 < from <= to and at least 2 points");
  }
  std::vector<FunnelCurvePoint> curve;
  curve.reserve(points);
  const double log_from = std::log(from);
  const double step = (std::log(to) - log_from) / static_cast<double>(points - 1);
  for (std::size_t i = 0; i < points; ++i) {
    const double d = i == 0 ? from : i + 1 == points ? to : std::exp(log_from + step * static_cast<double>(i));
    auto unadjusted = unadjusted_limits(plot.model, d);
    if (!unadjusted) return unadjusted.error();
    // Without the overdispersion adjustment the limits in use are the unadjusted ones.
    if (!plot.model.applied) {
      curve.push_back(FunnelCurvePoint{d, *unadjusted, *unadjusted});
      continue;
    }
    auto adjusted = adjusted_limits(plot.model, d);
    if (!adjusted) return adjusted.error();
    curve.push_back(FunnelCurvePoint{d, *adjusted, *unadjusted});
  }
  return curve;
}

Result<std::vector<FunnelCurvePoint>> funnel_chart_curve(const FunnelPlot& plot) {
  std::optional<double> d_min;
  double d_max = 0;
  for (const auto& unit : plot.units) {
    if (!unit.value || !unit.limits) continue;
    d_min = std::min(d_min.value_or(unit.denominator), unit.denominator);
    d_max = std::max(d_max, unit.denominator);
  }
  if (!d_min) return invalid_input("the funnel plot has no unit to draw");
  return funnel_curve(plot, *d_min, std::max(d_max * 1.05, *d_min), kFunnelChartCurvePoints);
}

}  // namespace clinaudit::stats
