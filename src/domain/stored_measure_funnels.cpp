#include "domain/stored_measure_funnels.hpp"

#include <algorithm>
#include <cstdlib>

#include "core/checksum.hpp"

namespace clinaudit::domain {

std::string funnel_checksum(const Measure& measure, const std::vector<MeasureResult>& rows) {
  Checksum hash;
  hash.add(to_string(measure.type));
  if (measure.target) {
    hash.add(*measure.target);
  } else {
    hash.add("no target");
  }
  const auto optional = [&hash](const std::optional<double>& value) {
    if (value) {
      hash.add(*value);
    } else {
      hash.add("none");
    }
  };
  for (const auto& row : rows) {
    hash.add(std::to_string(row.organisation_id.value));
    hash.add(row.period_start.to_string());
    hash.add(row.period_end.to_string());
    optional(row.numerator);
    optional(row.denominator);
    optional(row.expected);
  }
  return hash.hex();
}

std::optional<StoredMeasureFunnel> funnel_from_results(const Measure& measure, const std::vector<MeasureResult>& rows,
                                                       const std::string& software_version) {
  auto funnel = funnel_of(measure, rows, {});
  if (!funnel) return std::nullopt;
  StoredMeasureFunnel stored;
  stored.measure_id = measure.id;
  stored.audit_id = measure.audit_id;
  stored.period = std::move(funnel->period);
  stored.period_end = funnel_period_end(measure, rows).value_or(Date{});
  stored.note = std::move(funnel->note);
  if (funnel->plot) {
    if (auto curve = stats::funnel_chart_curve(*funnel->plot)) stored.curve = std::move(*curve);
    stored.plot = std::move(funnel->plot);
  }
  stored.input_checksum = funnel_checksum(measure, rows);
  stored.software_version = software_version;
  return stored;
}

Result<bool> refresh_measure_funnel(Store& store, const Measure& measure, const std::vector<MeasureResult>& rows,
                                    const std::string& software_version, const Actor& actor) {
  CLINAUDIT_TRY(const auto held, store.measure_funnels(measure.audit_id, measure.id));
  const auto found = held.begin();
  const bool computable = measure.type != MeasureType::continuous && !rows.empty();
  if (!computable) {
    if (found == held.end()) return false;
    CLINAUDIT_TRY_VOID(store.put_measure_funnel(measure.id, std::nullopt, actor));
    return true;
  }
  // The same inputs and software draw the same funnel: compared before any limit is computed.
  if (found != held.end() && found->input_checksum == funnel_checksum(measure, rows) &&
      found->software_version == software_version) {
    return false;
  }
  CLINAUDIT_TRY_VOID(store.put_measure_funnel(measure.id, funnel_from_results(measure, rows, software_version), actor));
  return true;
}

bool stored_funnel_fits(const StoredMeasureFunnel& stored, const std::vector<MeasureResult>& visible,
                        const std::vector<MeasureResult>& every) {
  if (!stored.plot) return false;
  std::size_t compared = 0;
  for (const auto& unit : stored.plot->units) compared += unit.denominator > 0 ? 1 : 0;
  if (compared < 3) return false;
  const auto at_end = [&](const std::vector<MeasureResult>& rows) {
    return std::count_if(rows.begin(), rows.end(),
                         [&](const MeasureResult& r) { return r.period_end == stored.period_end; });
  };
  return at_end(visible) == at_end(every);
}

MeasureFunnel stored_funnel_view(const StoredMeasureFunnel& stored,
                                 const std::map<std::int64_t, Organisation>& organisations) {
  MeasureFunnel view;
  view.period = stored.period;
  view.note = stored.note;
  view.curve = stored.curve;
  if (!stored.plot) return view;
  view.plot = stored.plot;
  for (auto& unit : view.plot->units) {
    const auto id = std::strtoll(unit.unit.c_str(), nullptr, 10);
    if (const auto org = organisations.find(id); org != organisations.end()) unit.unit = org->second.name;
    if (unit.flag != stats::FunnelFlag::none)
      view.flags.emplace_back(unit.unit, std::string(stats::to_string(unit.flag)));
  }
  return view;
}

}  // namespace clinaudit::domain
