#include "domain/stored_measure_funnels.hpp"

#include <cstdlib>
#include <set>

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
  const auto period_end = funnel_period_end(measure, rows);
  if (!period_end) return hash.hex();
  hash.add(period_end->to_string());
  const auto optional = [&hash](const std::optional<double>& value) {
    if (value) {
      hash.add(*value);
    } else {
      hash.add("none");
    }
  };
  for (const auto& row : rows) {
    if (row.period_end != *period_end) continue;
    hash.add(std::to_string(row.organisation_id.value));
    hash.add(row.period_start.to_string());
    optional(row.numerator);
    optional(row.denominator);
    optional(row.expected);
  }
  return hash.hex();
}

std::vector<FunnelView> funnel_views(const Measure& measure, const std::vector<MeasureResult>& rows) {
  std::vector<FunnelView> views;
  if (measure.type == MeasureType::continuous) return views;
  std::set<std::string> seen;
  const auto add = [&](std::vector<MeasureResult> view, bool every_result) {
    if (view.empty()) return;
    auto checksum = funnel_checksum(measure, view);
    if (!seen.insert(checksum).second) return;
    views.push_back(FunnelView{std::move(checksum), every_result, std::move(view)});
  };
  add(rows, true);
  std::vector<MeasureResult> published;
  std::set<std::int64_t> with_unpublished;
  for (const auto& row : rows) {
    if (row.published) {
      published.push_back(row);
    } else {
      with_unpublished.insert(row.organisation_id.value);
    }
  }
  add(published, false);
  // The rows stay in the store's order, as a trust's page filters them (funnel_of's unit order).
  for (const auto organisation : with_unpublished) {
    std::vector<MeasureResult> seen_by;
    for (const auto& row : rows) {
      if (row.published || row.organisation_id.value == organisation) seen_by.push_back(row);
    }
    add(std::move(seen_by), false);
  }
  return views;
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
  const auto views = funnel_views(measure, rows);
  CLINAUDIT_TRY(const auto held, store.measure_funnel_views(measure.id, std::nullopt));
  // A funnel stored by this version for the same checksum compares the same results: kept
  // without computing a limit.
  std::map<std::string, const StoredMeasureFunnel*> reusable;
  for (const auto& funnel : held) {
    if (funnel.software_version == software_version) reusable.emplace(funnel.input_checksum, &funnel);
  }
  bool unchanged = held.size() == views.size();
  std::vector<StoredMeasureFunnel> funnels;
  for (const auto& view : views) {
    const auto found = reusable.find(view.checksum);
    if (found != reusable.end()) {
      unchanged = unchanged && found->second->every_result == view.every_result;
      funnels.push_back(*found->second);
    } else {
      unchanged = false;
      auto computed = funnel_from_results(measure, view.rows, software_version);
      if (!computed) continue;
      funnels.push_back(std::move(*computed));
    }
    funnels.back().every_result = view.every_result;
  }
  if (unchanged) return false;
  CLINAUDIT_TRY_VOID(store.put_measure_funnels(measure.id, funnels, actor));
  return true;
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

MeasureFunnel funnel_not_computed() {
  MeasureFunnel funnel;
  funnel.note =
      "No funnel plot yet: it is computed when results are imported or the measure is changed, and by the daily job.";
  return funnel;
}

}  // namespace clinaudit::domain
