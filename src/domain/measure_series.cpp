#include "domain/measure_series.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdio>

#include "domain/stored_measure_funnels.hpp"

namespace clinaudit::domain {

std::optional<double> funnel_denominator(const Measure& measure, const MeasureResult& row) {
  return measure.type == MeasureType::ratio ? row.expected : row.denominator;
}

stats::FunnelType funnel_type(MeasureType type) {
  switch (type) {
    case MeasureType::ratio: return stats::FunnelType::ratio;
    case MeasureType::rate: return stats::FunnelType::rate;
    case MeasureType::proportion:
    case MeasureType::continuous: break;
  }
  return stats::FunnelType::proportion;
}

stats::ImprovementDirection improvement_direction(Improvement improvement) {
  switch (improvement) {
    case Improvement::increase: return stats::ImprovementDirection::increase;
    case Improvement::decrease: return stats::ImprovementDirection::decrease;
    case Improvement::neutral: return stats::ImprovementDirection::neutral;
  }
  return stats::ImprovementDirection::neutral;
}

std::optional<double> measure_value(const Measure& measure, const MeasureResult& result) {
  if (result.value) return result.value;
  if (measure.type == MeasureType::ratio && result.numerator && result.expected && *result.expected > 0) {
    return *result.numerator / *result.expected;
  }
  if (result.numerator && result.denominator && *result.denominator > 0) return *result.numerator / *result.denominator;
  return std::nullopt;
}

std::string measure_value_words(const Measure& measure, double value) {
  char text[64];
  switch (measure.type) {
    case MeasureType::proportion: std::snprintf(text, sizeof text, "%.1f%%", value * 100); return text;
    case MeasureType::rate: break;
    case MeasureType::ratio:
    case MeasureType::continuous: std::snprintf(text, sizeof text, "%.2f", value); return text;
  }
  std::snprintf(text, sizeof text, "%.2f", value * measure.rate_multiplier);
  std::string out = text;
  if (!measure.unit.empty()) return out + " " + measure.unit;
  if (measure.rate_multiplier == 1.0) return out;
  // The multiplier with thousands separated, as "per 1,000" is written.
  std::string digits = std::to_string(static_cast<long long>(std::llround(measure.rate_multiplier)));
  for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
    digits.insert(static_cast<std::size_t>(at), ",");
  return out + " per " + digits;
}

bool is_crude_ratio(const Measure& measure, const MeasureResult& result) {
  return measure.type == MeasureType::ratio && !result.value &&
         !(result.numerator && result.expected && *result.expected > 0) && measure_value(measure, result).has_value();
}

Result<stats::XmrChart> xmr_of(const Measure& measure, const std::vector<double>& values) {
  stats::XmrOptions options;
  options.improvement = improvement_direction(measure.improvement);
  options.target = measure.target;
  return stats::xmr_chart(values, options);
}

std::optional<stats::XmrChart> spc_of(const Measure& measure, const std::vector<double>& values) {
  if (values.size() < kMinimumSpcPoints) return std::nullopt;
  auto chart = xmr_of(measure, values);
  if (!chart) return std::nullopt;
  return std::move(*chart);
}

bool shows_concern(stats::VariationIcon variation) {
  return variation == stats::VariationIcon::concern_high || variation == stats::VariationIcon::concern_low;
}

Result<stats::FunnelPlot> measure_funnel_plot(const Measure& measure, std::span<const stats::UnitCount> units) {
  stats::FunnelOptions options;
  options.type = funnel_type(measure.type);
  if (measure.type != MeasureType::ratio) options.target = measure.target;
  return stats::funnel_plot(units, options);
}

std::optional<Date> funnel_period_end(const Measure& measure, const std::vector<MeasureResult>& rows) {
  if (rows.empty()) return std::nullopt;
  std::map<Date, int> providers_by_period;
  for (const auto& row : rows) {
    const auto denominator = funnel_denominator(measure, row);
    if (row.numerator && denominator && *denominator > 0) ++providers_by_period[row.period_end];
  }
  Date latest = rows.front().period_end;
  for (const auto& row : rows) latest = std::max(latest, row.period_end);
  for (const auto& [period_end, count] : providers_by_period) {
    if (count >= 3) latest = period_end;
  }
  return latest;
}

std::optional<MeasureFunnel> funnel_of(const Measure& measure, const std::vector<MeasureResult>& rows,
                                       const std::map<std::int64_t, Organisation>& organisations) {
  if (measure.type == MeasureType::continuous) return std::nullopt;
  const auto latest = funnel_period_end(measure, rows);
  if (!latest) return std::nullopt;
  std::vector<stats::UnitCount> units;
  MeasureFunnel funnel;
  for (const auto& row : rows) {
    if (row.period_end != *latest || !row.numerator) continue;
    const auto denominator = funnel_denominator(measure, row);
    if (!denominator) continue;
    funnel.period = row.period_start.to_string() + " to " + row.period_end.to_string();
    const auto org = organisations.find(row.organisation_id.value);
    units.push_back({org == organisations.end() ? std::to_string(row.organisation_id.value) : org->second.name,
                     *row.numerator, *denominator});
  }
  auto plot = measure_funnel_plot(measure, units);
  if (!plot) {
    funnel.note = "No funnel plot: " + plot.error().message;
    return funnel;
  }
  for (const auto& unit : plot->units) {
    if (unit.flag != stats::FunnelFlag::none)
      funnel.flags.emplace_back(unit.unit, std::string(stats::to_string(unit.flag)));
  }
  if (plot->overdispersion.applied) funnel.note = "Limits widened for overdispersion.";
  funnel.plot = std::move(*plot);
  return funnel;
}

std::map<std::int64_t, Organisation> organisations_by_id(Store& store) {
  std::map<std::int64_t, Organisation> out;
  if (auto all = store.organisations()) {
    for (auto& org : *all) out.emplace(org.id.value, std::move(org));
  }
  return out;
}

Result<std::vector<MeasureSeries>> measure_series(Store& store, const Principal& who, AuditId audit, bool national) {
  CLINAUDIT_TRY(auto measures, store.measures_of(audit));
  CLINAUDIT_TRY(const auto audit_row, store.audit(audit));
  const auto orgs = organisations_by_id(store);
  // Each measure's stored funnel (stored_measure_funnels.hpp), computed when its results
  // changed: a national view draws it; a trust's view draws it when it covers exactly the
  // results the trust may see, and otherwise computes its own here.
  std::map<std::int64_t, StoredMeasureFunnel> stored_funnels;
  CLINAUDIT_TRY(auto held, store.measure_funnels(audit, std::nullopt));
  for (auto& funnel : held) stored_funnels.emplace(funnel.measure_id.value, std::move(funnel));
  std::vector<MeasureSeries> out;
  for (auto& measure : measures) {
    const auto stored = stored_funnels.find(measure.id.value);
    bool funnel_stored = stored != stored_funnels.end();
    // A national view with the funnel stored reads only the viewer's own results.
    const bool own_only = national && funnel_stored;
    CLINAUDIT_TRY(auto results,
                  store.results_of(measure.id, own_only ? std::optional(who.organisation_id) : std::nullopt));
    MeasureSeries series;
    std::vector<MeasureResult> visible;
    std::vector<double> own_values;
    for (auto& row : results) {
      if (!national && !may_see_result(who, audit_row, row.organisation_id, row.published)) continue;
      if (row.organisation_id == who.organisation_id) {
        series.own_results.push_back(row);
        if (auto value = measure_value(measure, row)) {
          own_values.push_back(*value);
          series.own_periods.push_back(row.period_start.to_string());
        }
      }
      visible.push_back(row);
    }
    series.own_chart = spc_of(measure, own_values);
    if (series.own_chart) {
      series.variation = stats::to_string(series.own_chart->variation);
      series.assurance = stats::to_string(series.own_chart->assurance);
    }
    if (funnel_stored && !national) funnel_stored = stored_funnel_fits(stored->second, visible, results);
    series.funnel =
        funnel_stored ? std::optional(stored_funnel_view(stored->second, orgs)) : funnel_of(measure, visible, orgs);
    if (series.funnel && !national) {
      const auto own = orgs.find(who.organisation_id.value);
      if (own != orgs.end()) series.funnel->own_unit = own->second.name;
    }
    series.measure = std::move(measure);
    out.push_back(std::move(series));
  }
  return out;
}

}  // namespace clinaudit::domain
