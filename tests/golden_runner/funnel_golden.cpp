// Golden handlers for src/stats/funnel.hpp.
#include <fstream>
#include <string>

#include "golden_runner/golden_registry.hpp"
#include "ingest/table.hpp"
#include "stats/funnel.hpp"

namespace clinaudit::golden {
namespace {

std::string optional_text(const Values& inputs, const std::string& key, const std::string& fallback) {
  auto value = input(inputs, key);
  return value ? *value : fallback;
}

// Keys cannot hold spaces: "Great Ormond St" becomes "Great_Ormond_St".
std::string key_for(std::string unit) {
  for (char& c : unit) {
    if (c == ' ') c = '_';
  }
  return unit;
}

void add_limits(Values& out, const std::string& prefix, const stats::FunnelLimits& limits) {
  out.emplace_back(prefix + "lower95", number_output(limits.l95.lower));
  out.emplace_back(prefix + "upper95", number_output(limits.l95.upper));
  out.emplace_back(prefix + "lower998", number_output(limits.l998.lower));
  out.emplace_back(prefix + "upper998", number_output(limits.l998.upper));
}

// Inputs: file (CSV, relative to the source tree), type, unit/numerator/denominator
// (column names), overdispersion (default auto), trim (0.1), limits (exact), optional
// target; optional judge (a column whose value is banded against the 95% limits in use,
// as NHS Digital bands the published SHMI) and select (report one unit without prefix).
// Outputs: target, phi, tau2, units_used, applied, alerts, alarms; per unit
// [UNIT.]value, z, lower95, upper95, lower998, upper998, ulower95... (unadjusted), flag, band.
Result<Values> funnel_file(const Values& inputs) {
  const auto file = input(inputs, "file");
  if (!file) return file.error();
  std::ifstream stream(source_path(*file), std::ios::binary);
  if (!stream) return Error{ErrorCode::not_found, "cannot open " + *file};
  auto table = ingest::Table::read(stream);
  if (!table) return table.error();

  stats::FunnelOptions options;
  auto type = stats::parse_funnel_type(optional_text(inputs, "type", "ratio"));
  if (!type) return type.error();
  options.type = *type;
  auto method = stats::parse_overdispersion_method(optional_text(inputs, "overdispersion", "auto"));
  if (!method) return method.error();
  options.overdispersion = *method;
  auto limits = stats::parse_limit_method(optional_text(inputs, "limits", "exact"));
  if (!limits) return limits.error();
  options.limits = *limits;
  if (auto trim = number_input(inputs, "trim")) options.trim = *trim;
  if (auto target = number_input(inputs, "target")) options.target = *target;

  auto units = table->text_column(optional_text(inputs, "unit", "unit"));
  if (!units) return units.error();
  auto numerators = table->number_column(optional_text(inputs, "numerator", "numerator"));
  if (!numerators) return numerators.error();
  auto denominators = table->number_column(optional_text(inputs, "denominator", "denominator"));
  if (!denominators) return denominators.error();
  std::vector<stats::UnitCount> rows;
  for (std::size_t i = 0; i < table->row_count(); ++i) {
    rows.push_back(stats::UnitCount{(*units)[i], (*numerators)[i], (*denominators)[i]});
  }
  auto plot = stats::funnel_plot(rows, options);
  if (!plot) return plot.error();

  std::vector<double> judged;
  const auto judge = input(inputs, "judge");
  if (judge) {
    auto column = table->number_column(*judge);
    if (!column) return column.error();
    judged = *column;
  }
  const auto select = input(inputs, "select");

  Values out{{"target", number_output(plot->target)},
             {"phi", plot->overdispersion.phi ? number_output(*plot->overdispersion.phi) : "NA"},
             {"tau2", plot->overdispersion.tau2 ? number_output(*plot->overdispersion.tau2) : "NA"},
             {"units_used", std::to_string(plot->overdispersion.units_used)},
             {"applied", plot->overdispersion.applied ? "true" : "false"}};
  int alerts = 0;
  int alarms = 0;
  for (std::size_t i = 0; i < plot->units.size(); ++i) {
    const auto& unit = plot->units[i];
    const bool alarm = unit.flag == stats::FunnelFlag::alarm_high || unit.flag == stats::FunnelFlag::alarm_low;
    alarms += alarm ? 1 : 0;
    alerts += (!alarm && unit.flag != stats::FunnelFlag::none) ? 1 : 0;
    if (select && *select != unit.unit) continue;
    const std::string prefix = select ? "" : key_for(unit.unit) + ".";
    if (unit.value) out.emplace_back(prefix + "value", number_output(*unit.value));
    if (unit.z) out.emplace_back(prefix + "z", number_output(*unit.z));
    if (unit.limits) add_limits(out, prefix, *unit.limits);
    if (unit.unadjusted_limits) add_limits(out, prefix + "u", *unit.unadjusted_limits);
    out.emplace_back(prefix + "flag", std::string(stats::to_string(unit.flag)));
    // Rows and units line up when every unit has one row (as in the published files).
    if (judge && unit.limits && plot->units.size() == judged.size()) {
      const double v = judged[i];
      const char* band = v > unit.limits->l95.upper ? "1" : v < unit.limits->l95.lower ? "3" : "2";
      out.emplace_back(prefix + "band", band);
    }
  }
  out.emplace_back("alerts", std::to_string(alerts));
  out.emplace_back("alarms", std::to_string(alarms));
  return out;
}

// Inputs: type, target, denominator, limits (exact|normal|arcsine), optional multiplier.
// Outputs: lower95, upper95, lower998, upper998 (unadjusted), times the multiplier.
Result<Values> funnel_limits_at(const Values& inputs) {
  stats::LimitModel model;
  auto type = stats::parse_funnel_type(optional_text(inputs, "type", "ratio"));
  if (!type) return type.error();
  model.type = *type;
  auto limits = stats::parse_limit_method(optional_text(inputs, "limits", "exact"));
  if (!limits) return limits.error();
  model.limits = *limits;
  const auto target = number_input(inputs, "target");
  if (!target) return target.error();
  model.target = *target;
  const auto denominator = number_input(inputs, "denominator");
  if (!denominator) return denominator.error();
  const auto multiplier = number_input(inputs, "multiplier");
  const double scale = multiplier ? *multiplier : 1.0;
  const auto result = stats::unadjusted_limits(model, *denominator);
  if (!result) return result.error();
  return Values{{"lower95", number_output(result->l95.lower * scale)},
                {"upper95", number_output(result->l95.upper * scale)},
                {"lower998", number_output(result->l998.lower * scale)},
                {"upper998", number_output(result->l998.upper * scale)}};
}

const bool registered_file = register_handler("funnel_file", &funnel_file);
const bool registered_limits = register_handler("funnel_limits_at", &funnel_limits_at);

}  // namespace
}  // namespace clinaudit::golden
