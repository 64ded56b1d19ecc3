#include "domain/stored_measure_charts.hpp"

#include <map>

#include "core/checksum.hpp"
#include "domain/measure_series.hpp"
#include "domain/stored_measure_funnels.hpp"

namespace clinaudit::domain {
namespace {

// What a chart is computed from: the settings xmr_of reads and every point.
std::string chart_checksum(const Measure& measure, const std::vector<ChartPoint>& points) {
  Checksum hash;
  hash.add(to_string(measure.improvement));
  if (measure.target) {
    hash.add(*measure.target);
  } else {
    hash.add("no target");
  }
  for (const auto& point : points) {
    hash.add(point.period_start.to_string());
    hash.add(point.value);
    hash.add(point.crude ? "crude" : "");
  }
  return hash.hex();
}

std::vector<double> values_of(const std::vector<ChartPoint>& points) {
  std::vector<double> values;
  values.reserve(points.size());
  for (const auto& point : points) values.push_back(point.value);
  return values;
}

// The organisation's points on the measure and their checksum; no chart drawn yet.
StoredMeasureChart series_of(const Measure& measure, OrganisationId organisation,
                             const std::vector<MeasureResult>& rows) {
  StoredMeasureChart series;
  series.measure_id = measure.id;
  series.organisation_id = organisation;
  series.audit_id = measure.audit_id;
  for (const auto& row : rows) {
    const auto value = measure_value(measure, row);
    if (!value) continue;
    series.points.push_back(
        ChartPoint{.period_start = row.period_start, .value = *value, .crude = is_crude_ratio(measure, row)});
  }
  series.input_checksum = chart_checksum(measure, series.points);
  return series;
}

// `series` with its XmR chart drawn; none with fewer than kMinimumSpcPoints points or when the
// statistics refuse them.
std::optional<StoredMeasureChart> drawn(StoredMeasureChart series, const Measure& measure,
                                        const std::string& software_version) {
  auto xmr = spc_of(measure, values_of(series.points));
  if (!xmr) return std::nullopt;
  series.chart = std::move(*xmr);
  series.software_version = software_version;
  return series;
}

}  // namespace

MeasureChartRefresh& MeasureChartRefresh::operator+=(const MeasureChartRefresh& other) {
  stored += other.stored;
  removed += other.removed;
  unchanged += other.unchanged;
  funnels_stored += other.funnels_stored;
  return *this;
}

std::optional<StoredMeasureChart> chart_from_results(const Measure& measure, OrganisationId organisation,
                                                     const std::vector<MeasureResult>& rows,
                                                     const std::string& software_version) {
  return drawn(series_of(measure, organisation, rows), measure, software_version);
}

Result<MeasureChartRefresh> refresh_measure_charts(Store& store, const Measure& measure,
                                                   const std::string& software_version, const Actor& actor) {
  CLINAUDIT_TRY(const auto results, store.results_of(measure.id, std::nullopt));
  std::map<std::int64_t, std::vector<MeasureResult>> by_organisation;  // each in period order, as read
  for (const auto& row : results) by_organisation[row.organisation_id.value].push_back(row);
  CLINAUDIT_TRY(const auto stored, store.measure_charts(measure.id, std::nullopt));
  std::map<std::int64_t, const StoredMeasureChart*> held;
  for (const auto& chart : stored) held[chart.organisation_id.value] = &chart;

  MeasureChartRefresh done;
  std::vector<StoredMeasureChart> charts;
  std::vector<OrganisationId> removed;
  for (const auto& [organisation, rows] : by_organisation) {
    auto series = series_of(measure, OrganisationId{organisation}, rows);
    const auto found = held.find(organisation);
    // The same inputs and software draw the same chart: compared before any is drawn.
    if (found != held.end() && found->second->input_checksum == series.input_checksum &&
        found->second->software_version == software_version) {
      ++done.unchanged;
      continue;
    }
    auto chart = drawn(std::move(series), measure, software_version);
    if (chart) {
      charts.push_back(std::move(*chart));
    } else if (found != held.end()) {
      removed.push_back(OrganisationId{organisation});
    }
  }
  for (const auto& [organisation, chart] : held) {
    if (!by_organisation.contains(organisation)) removed.push_back(OrganisationId{organisation});
  }
  done.stored = static_cast<std::int64_t>(charts.size());
  done.removed = static_cast<std::int64_t>(removed.size());
  if (!charts.empty() || !removed.empty()) {
    CLINAUDIT_TRY_VOID(store.put_measure_charts(measure.id, charts, removed, actor));
  }
  // The measure's funnel follows the same results and settings.
  CLINAUDIT_TRY(const bool funnel_stored, refresh_measure_funnel(store, measure, results, software_version, actor));
  if (funnel_stored) ++done.funnels_stored;
  return done;
}

Result<MeasureChartRefresh> refresh_measure_charts(Store& store, const std::vector<MeasureId>& measures,
                                                   const std::string& software_version, const Actor& actor) {
  MeasureChartRefresh done;
  for (const auto id : measures) {
    CLINAUDIT_TRY(const auto measure, store.measure(id));
    CLINAUDIT_TRY(const auto refreshed, refresh_measure_charts(store, measure, software_version, actor));
    done += refreshed;
  }
  return done;
}

Result<MeasureChartRefresh> refresh_all_measure_charts(Store& store, const std::string& software_version,
                                                       const Actor& actor) {
  CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
  MeasureChartRefresh done;
  for (const auto& audit : audits) {
    CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
    for (const auto& measure : measures) {
      CLINAUDIT_TRY(const auto refreshed, refresh_measure_charts(store, measure, software_version, actor));
      done += refreshed;
    }
  }
  return done;
}

std::optional<StoredMeasureChart> chart_as_of(const StoredMeasureChart& stored, const Measure& measure, Date day) {
  std::size_t kept = 0;
  while (kept < stored.points.size() && stored.points[kept].period_start <= day) ++kept;
  if (kept == stored.points.size()) return stored;
  if (kept < kMinimumSpcPoints) return std::nullopt;
  StoredMeasureChart earlier = stored;
  earlier.points.resize(kept);
  auto xmr = xmr_of(measure, values_of(earlier.points));
  if (!xmr) return std::nullopt;
  earlier.chart = std::move(*xmr);
  earlier.input_checksum = chart_checksum(measure, earlier.points);
  return earlier;
}

}  // namespace clinaudit::domain
