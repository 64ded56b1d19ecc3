#include "stats/funnel_limits.hpp"

#include <algorithm>
#include <boost/math/distributions/binomial.hpp>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <exception>
#include <numbers>
#include <string>

#include "stats/normal.hpp"

namespace clinaudit::stats {
namespace {

constexpr double kTail95 = 0.025;
constexpr double kTail998 = 0.001;

bool poisson_family(FunnelType type) { return type != FunnelType::proportion; }

// Exact Poisson limits for a ratio at expected count e, tail probability `tail` each side.
LimitPair poisson_exact(double e, double tail) {
  const boost::math::chi_squared_distribution<double> lower_chi(2.0 * e);
  const boost::math::chi_squared_distribution<double> upper_chi(2.0 * (e + 1.0));
  return LimitPair{boost::math::quantile(lower_chi, tail) / (2.0 * e),
                   boost::math::quantile(upper_chi, 1.0 - tail) / (2.0 * e)};
}

// Spiegelhalter's interpolated binomial limit for probability p (lower tail).
double binomial_exact(double target, double n, double p) {
  if (target <= 0.0) return 0.0;
  if (target >= 1.0) return 1.0;
  const boost::math::binomial_distribution<double> binomial(n, target);
  const double max_r = std::floor(n);
  auto cdf = [&](double r) { return r < 0.0 ? 0.0 : boost::math::cdf(binomial, std::min(r, max_r)); };
  // Start from the normal approximation and walk to the smallest r with F(r) >= p.
  const double sd = std::sqrt(n * target * (1.0 - target));
  double r = std::clamp(std::floor(n * target + normal_quantile(p) * sd), 0.0, max_r);
  while (r > 0.0 && cdf(r - 1.0) >= p) r -= 1.0;
  while (r < max_r && cdf(r) < p) r += 1.0;
  const double f_r = cdf(r);
  const double f_prev = cdf(r - 1.0);
  const double a = f_r > f_prev ? (f_r - p) / (f_r - f_prev) : 0.0;
  return std::clamp((r - a) / n, 0.0, 1.0);
}

double clip01(double value) { return std::clamp(value, 0.0, 1.0); }

double arcsine_limit(double target, double half_width) {
  const double angle = std::clamp(std::asin(std::sqrt(target)) + half_width, 0.0, std::numbers::pi / 2.0);
  const double s = std::sin(angle);
  return s * s;
}

LimitPair normal_pair(const LimitModel& model, double d, double z, double scale) {
  const double t = model.target;
  if (poisson_family(model.type)) {
    const double se = scale * std::sqrt(t / d);
    return LimitPair{std::max(0.0, t - z * se), t + z * se};
  }
  const double se = scale * std::sqrt(t * (1.0 - t) / d);
  return LimitPair{clip01(t - z * se), clip01(t + z * se)};
}

Result<void> check(const LimitModel& model, double d) {
  if (!std::isfinite(d) || d <= 0.0) {
    return Error{ErrorCode::invalid_input, "funnel limits need a positive denominator"};
  }
  if (model.limits == LimitMethod::arcsine && poisson_family(model.type)) {
    return Error{ErrorCode::invalid_input, "arcsine limits apply to proportions only"};
  }
  return {};
}

}  // namespace

std::string_view to_string(FunnelType type) {
  switch (type) {
    case FunnelType::proportion: return "proportion";
    case FunnelType::ratio: return "ratio";
    case FunnelType::rate: return "rate";
  }
  return "ratio";
}

std::string_view to_string(LimitMethod method) {
  switch (method) {
    case LimitMethod::exact: return "exact";
    case LimitMethod::normal: return "normal";
    case LimitMethod::arcsine: return "arcsine";
  }
  return "exact";
}

std::string_view to_string(OverdispersionMethod method) {
  switch (method) {
    case OverdispersionMethod::automatic: return "auto";
    case OverdispersionMethod::none: return "none";
    case OverdispersionMethod::log: return "log";
    case OverdispersionMethod::sqrt: return "sqrt";
    case OverdispersionMethod::arcsine: return "arcsine";
    case OverdispersionMethod::multiplicative: return "multiplicative";
  }
  return "none";
}

Result<FunnelType> parse_funnel_type(std::string_view text) {
  for (const auto type : {FunnelType::proportion, FunnelType::ratio, FunnelType::rate}) {
    if (text == to_string(type)) return type;
  }
  return Error{ErrorCode::invalid_input,
               "unknown funnel type '" + std::string(text) + "' (expected proportion, ratio or rate)"};
}

Result<LimitMethod> parse_limit_method(std::string_view text) {
  for (const auto method : {LimitMethod::exact, LimitMethod::normal, LimitMethod::arcsine}) {
    if (text == to_string(method)) return method;
  }
  return Error{ErrorCode::invalid_input,
               "unknown limit method '" + std::string(text) + "' (expected exact, normal or arcsine)"};
}

Result<OverdispersionMethod> parse_overdispersion_method(std::string_view text) {
  for (const auto method :
       {OverdispersionMethod::automatic, OverdispersionMethod::none, OverdispersionMethod::log,
        OverdispersionMethod::sqrt, OverdispersionMethod::arcsine, OverdispersionMethod::multiplicative}) {
    if (text == to_string(method)) return method;
  }
  return Error{ErrorCode::invalid_input, "unknown overdispersion method '" + std::string(text) +
                                             "' (expected auto, none, log, sqrt, arcsine or multiplicative)"};
}

Result<FunnelLimits> unadjusted_limits(const LimitModel& model, double denominator) {
  if (auto ok = check(model, denominator); !ok) return ok.error();
  const double t = model.target;
  const double d = denominator;
  try {
    switch (model.limits) {
      case LimitMethod::exact:
        if (poisson_family(model.type)) {
          const double e = t * d;
          if (!(e > 0.0)) return FunnelLimits{{0.0, 0.0}, {0.0, 0.0}};
          const LimitPair p95 = poisson_exact(e, kTail95);
          const LimitPair p998 = poisson_exact(e, kTail998);
          return FunnelLimits{{t * p95.lower, t * p95.upper}, {t * p998.lower, t * p998.upper}};
        }
        return FunnelLimits{{binomial_exact(t, d, kTail95), binomial_exact(t, d, 1.0 - kTail95)},
                            {binomial_exact(t, d, kTail998), binomial_exact(t, d, 1.0 - kTail998)}};
      case LimitMethod::normal:
        return FunnelLimits{normal_pair(model, d, kZ95, 1.0), normal_pair(model, d, kZ998, 1.0)};
      case LimitMethod::arcsine: {
        const double s = 1.0 / (2.0 * std::sqrt(d));
        return FunnelLimits{{arcsine_limit(t, -kZ95 * s), arcsine_limit(t, kZ95 * s)},
                            {arcsine_limit(t, -kZ998 * s), arcsine_limit(t, kZ998 * s)}};
      }
    }
  } catch (const std::exception& e) {
    return Error{ErrorCode::internal, std::string("funnel limits: ") + e.what()};
  }
  return Error{ErrorCode::internal, "funnel limits: unknown limit method"};
}

Result<FunnelLimits> adjusted_limits(const LimitModel& model, double denominator) {
  if (!model.applied) return unadjusted_limits(model, denominator);
  if (auto ok = check(model, denominator); !ok) return ok.error();
  const double t = model.target;
  const double d = denominator;
  const double tau2 = model.tau2;
  auto pair = [&](double z) -> LimitPair {
    switch (model.method) {
      case OverdispersionMethod::log: {
        const double width = z * std::sqrt(1.0 / (t * d) + tau2);
        return LimitPair{t * std::exp(-width), t * std::exp(width)};
      }
      case OverdispersionMethod::sqrt: {
        const double width = z * std::sqrt(1.0 / (4.0 * t * d) + tau2);
        const double low = std::max(0.0, 1.0 - width);
        return LimitPair{t * low * low, t * (1.0 + width) * (1.0 + width)};
      }
      case OverdispersionMethod::arcsine: {
        const double width = z * std::sqrt(1.0 / (4.0 * d) + tau2);
        return LimitPair{arcsine_limit(t, -width), arcsine_limit(t, width)};
      }
      case OverdispersionMethod::multiplicative: return normal_pair(model, d, z, std::sqrt(model.phi));
      case OverdispersionMethod::automatic:
      case OverdispersionMethod::none: break;
    }
    return LimitPair{};
  };
  if (model.method == OverdispersionMethod::none || model.method == OverdispersionMethod::automatic) {
    return unadjusted_limits(model, denominator);
  }
  return FunnelLimits{pair(kZ95), pair(kZ998)};
}

}  // namespace clinaudit::stats
