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

namespace {

// The caller's own chart of `measure` as stored (stored_measure_charts.hpp): computed when
// their results changed, like the funnels.
Result<void> read_own_chart(Store& store, const Principal& who, const Measure& measure, MeasureSeries& series) {
  CLINAUDIT_TRY(const auto charts, store.measure_charts(measure.id, who.organisation_id));
  if (charts.empty()) return {};
  const auto& stored = charts.front();
  series.own_chart = stored.chart;
  series.variation = stats::to_string(stored.chart.variation);
  series.assurance = stats::to_string(stored.chart.assurance);
  for (const auto& point : stored.points) series.own_periods.push_back(point.period_start.to_string());
  return {};
}

// The stored funnel of what `who` may see of the measure's results (`every`), none when they
// may see none; a funnel that says it is not computed yet when no stored one compares them.
Result<std::optional<MeasureFunnel>> funnel_seen_by(Store& store, const Principal& who, const Audit& audit,
                                                    const Measure& measure, const std::vector<MeasureResult>& every,
                                                    const std::map<std::int64_t, Organisation>& orgs) {
  if (measure.type == MeasureType::continuous) return std::optional<MeasureFunnel>{};
  std::vector<MeasureResult> visible;
  for (const auto& row : every) {
    if (may_see_result(who, audit, row.organisation_id, row.published)) visible.push_back(row);
  }
  if (visible.empty()) return std::optional<MeasureFunnel>{};
  CLINAUDIT_TRY(const auto stored, store.measure_funnel_views(measure.id, funnel_checksum(measure, visible)));
  auto funnel = stored.empty() ? funnel_not_computed() : stored_funnel_view(stored.front(), orgs);
  if (const auto own = orgs.find(who.organisation_id.value); own != orgs.end()) funnel.own_unit = own->second.name;
  return std::optional(std::move(funnel));
}

// The national view's funnel of the measure: the stored one over every result; none when the
// measure has no results; a funnel that says it is not computed yet otherwise.
Result<std::optional<MeasureFunnel>> funnel_over_every_result(Store& store, const Measure& measure,
                                                              const std::map<std::int64_t, StoredMeasureFunnel>& stored,
                                                              const std::map<std::int64_t, Organisation>& orgs) {
  if (measure.type == MeasureType::continuous) return std::optional<MeasureFunnel>{};
  if (const auto found = stored.find(measure.id.value); found != stored.end()) {
    return std::optional(stored_funnel_view(found->second, orgs));
  }
  CLINAUDIT_TRY(const auto every, store.results_of(measure.id, std::nullopt));
  if (every.empty()) return std::optional<MeasureFunnel>{};
  return std::optional(funnel_not_computed());
}

}  // namespace

Result<std::vector<MeasureSeries>> measure_series(Store& store, const Principal& who, AuditId audit, bool national) {
  CLINAUDIT_TRY(auto measures, store.measures_of(audit));
  CLINAUDIT_TRY(const auto audit_row, store.audit(audit));
  const auto orgs = organisations_by_id(store);
  // Every chart and funnel drawn here was computed when its results changed and stored: a
  // request reads them and computes none.
  std::map<std::int64_t, StoredMeasureFunnel> national_funnels;
  if (national) {
    CLINAUDIT_TRY(auto held, store.measure_funnels(audit, std::nullopt));
    for (auto& funnel : held) national_funnels.emplace(funnel.measure_id.value, std::move(funnel));
  }
  std::vector<MeasureSeries> out;
  for (auto& measure : measures) {
    // A national view reads only the viewer's own results; a trust's reads every result to
    // know which of them it may see, and so which stored funnel it draws.
    CLINAUDIT_TRY(const auto results,
                  store.results_of(measure.id, national ? std::optional(who.organisation_id) : std::nullopt));
    MeasureSeries series;
    for (const auto& row : results) {
      if (row.organisation_id == who.organisation_id) series.own_results.push_back(row);
    }
    CLINAUDIT_TRY_VOID(read_own_chart(store, who, measure, series));
    if (national) {
      CLINAUDIT_TRY(series.funnel, funnel_over_every_result(store, measure, national_funnels, orgs));
    } else {
      CLINAUDIT_TRY(series.funnel, funnel_seen_by(store, who, audit_row, measure, results, orgs));
    }
    series.measure = std::move(measure);
    out.push_back(std::move(series));
  }
  return out;
}

}  // namespace clinaudit::domain
