#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "stats/funnel_limits.hpp"

namespace clinaudit::stats {

// Funnel plots for comparing institutional performance (Spiegelhalter, Stat Med
// 2005;24:1185-1202) with overdispersion (Spiegelhalter, Qual Saf Health Care
// 2005;14:347-351), by the conventions of ../METHODS §1 (NHS Digital's SHMI, CQC).

// One input row: a unit (provider, team) and its numerator and denominator. For a ratio
// the numerator is the observed count O and the denominator the expected count E; for a
// proportion events and cases; for a rate events and exposure. Several rows may name
// the same unit: they are summed.
struct UnitCount {
  std::string unit;
  double numerator = 0;
  double denominator = 0;
};

struct FunnelOptions {
  FunnelType type = FunnelType::ratio;
  // The centre line. Default: 1 for a ratio; ΣO/ΣD over the units for a proportion or rate.
  std::optional<double> target;
  OverdispersionMethod overdispersion = OverdispersionMethod::automatic;
  // The fraction damped at each end (truncated on the log scale, winsorised otherwise).
  double trim = 0.1;
  LimitMethod limits = LimitMethod::exact;
  // Rounds each unit's summed denominator to this many decimals first (R's round(); the
  // FunnelPlotR package rounds SHMI expected counts to 2). Default: no rounding.
  std::optional<int> denominator_decimals;
};

// Where a unit lies against the limits in use (inclusive: on a limit is within).
enum class FunnelFlag { none, alert_high, alarm_high, alert_low, alarm_low };
std::string_view to_string(FunnelFlag flag);

struct FunnelUnit {
  std::string unit;
  double numerator = 0;
  double denominator = 0;
  // O/D; absent when D = 0 (such units are reported, never dropped, and get no limits).
  std::optional<double> value;
  // The z-score on the overdispersion scale, divided by its adjusted SE when the
  // adjustment is applied; absent when D = 0 or not finite (zero events on the log scale).
  std::optional<double> z;
  std::optional<FunnelLimits> limits;             // the limits used for the flag
  std::optional<FunnelLimits> unadjusted_limits;  // without overdispersion
  FunnelFlag flag = FunnelFlag::none;
};

// What the overdispersion step did: the scale, the trim, the units whose z entered φ and
// τ², φ and τ² (absent when not estimated) and whether the limits were widened (φ > 1).
struct OverdispersionReport {
  OverdispersionMethod method = OverdispersionMethod::none;
  double trim = 0;
  std::int64_t units_used = 0;
  std::optional<double> phi;
  std::optional<double> tau2;
  bool applied = false;
};

struct FunnelPlot {
  FunnelType type = FunnelType::ratio;
  double target = 1;
  OverdispersionReport overdispersion;
  LimitModel model;               // draws the limits at any denominator (stats/funnel_limits.hpp)
  std::vector<FunnelUnit> units;  // one per unit, in order of first appearance
};

// Sums the rows by unit, sets the target, estimates overdispersion and computes each
// unit's value, z-score, limits and flag.
//   Overdispersion scales: `automatic` is log for ratios and rates and arcsine for
//   proportions; log and sqrt apply to ratios and rates, arcsine to proportions,
//   multiplicative to any. Log uses the SHMI truncation, the others winsorisation.
//   z-scores: log √E·log(O/E); sqrt 2(√O - √E); arcsine (asin√p - asin√t)·2√n;
//   multiplicative and none (value - t)/SE; for rates E = t·D. Units whose z is not
//   finite (zero events on the log scale) do not inform φ and τ², but get limits and a flag.
//   Adjustment is applied when φ > 1 (stats/overdispersion.hpp).
// Errors (invalid_input): no units; fewer than 2 units with D > 0; a negative or
// non-finite numerator or denominator; a proportion's numerator above its denominator;
// a target out of range; a trim outside [0, 0.5); a scale that does not fit the type.
// O(n log n) in the number of rows. Pure; thread-safe.
Result<FunnelPlot> funnel_plot(std::span<const UnitCount> rows, const FunnelOptions& options);

// A point of the limit curves: the limits in use and the unadjusted ones at `denominator`.
struct FunnelCurvePoint {
  double denominator = 0;
  FunnelLimits limits;
  FunnelLimits unadjusted_limits;
};

// The limit curves of `plot` at `points` denominators spaced evenly on a log scale from
// `from` to `to` (0 < from <= to; points >= 2), for drawing.
// Errors: invalid_input for a bad range. Pure; thread-safe.
Result<std::vector<FunnelCurvePoint>> funnel_curve(const FunnelPlot& plot, double from, double to, std::size_t points);

// How many points a chart's limit curves have (funnel_chart_curve).
inline constexpr std::size_t kFunnelChartCurvePoints = 120;

// The limit curves a chart of `plot` draws: kFunnelChartCurvePoints points from the least
// denominator of a unit with a value and limits to 1.05 times the greatest, so that a chart
// drawn from a stored curve is the chart drawn from the plot. Errors: invalid_input when no
// unit has a value and limits. Pure; thread-safe.
Result<std::vector<FunnelCurvePoint>> funnel_chart_curve(const FunnelPlot& plot);

// R's round(x, digits) for digits >= 0: the nearer of the two decimal candidates, with
// an exact tie going to the even last digit (R >= 4.0.0).
double round_decimals(double x, int digits);

}  // namespace clinaudit::stats
