#include "domain/stored_provider_cusum.hpp"

#include <algorithm>

#include "domain/analysis_run.hpp"
#include "domain/episode_analysis.hpp"

namespace clinaudit::domain {
namespace {

// Each kept run of patients contributes up to four points: its first and last, and where the
// upper line is highest and the lower line lowest.
constexpr std::size_t kPointsPerRun = 4;

Result<bool> refresh(Store& store, const Audit& audit, FinancialYear year, const std::string& software_version,
                     const Actor& actor, const std::vector<ProviderCusumRecord>& stored) {
  if (audit.kind == AuditKind::local_audit) return false;
  CLINAUDIT_TRY(const auto episodes, store.episodes(audit.id, year.first_day(), year.last_day()));
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
  const std::string checksum = episode_checksum(episodes) + measure_settings_checksum(measures);
  const auto held = std::find_if(stored.begin(), stored.end(),
                                 [&](const ProviderCusumRecord& record) { return record.year == year; });
  if (held == stored.end() && episodes.size() == 0) return false;
  if (held != stored.end() && held->input_checksum == checksum && held->software_version == software_version) {
    return false;
  }
  ProviderCusumRecord record = provider_cusum_of(episodes, measures);
  record.audit_id = audit.id;
  record.year = year;
  record.input_checksum = checksum;
  record.software_version = software_version;
  CLINAUDIT_TRY_VOID(store.put_provider_cusum(record, actor));
  return true;
}

// What is stored of `audit`, without charts: no organisation has id 0.
Result<std::vector<ProviderCusumRecord>> stored_records(Store& store, AuditId audit) {
  return store.provider_cusum(audit, std::nullopt, OrganisationId{});
}

}  // namespace

ProviderCusumChart thinned_cusum(const stats::RacusumChart& chart, std::size_t limit) {
  const std::size_t count = chart.points.size();
  std::vector<bool> keep(count, count <= limit);
  if (count > limit) {
    const std::size_t runs = std::max<std::size_t>(1, limit / kPointsPerRun);
    const std::size_t run_length = (count + runs - 1) / runs;
    for (std::size_t first = 0; first < count; first += run_length) {
      const std::size_t last = std::min(count, first + run_length) - 1;
      std::size_t highest = first;
      std::size_t lowest = first;
      for (std::size_t t = first; t <= last; ++t) {
        if (chart.points[t].upper > chart.points[highest].upper) highest = t;
        if (chart.points[t].lower < chart.points[lowest].lower) lowest = t;
      }
      keep[first] = keep[last] = keep[highest] = keep[lowest] = true;
    }
  }
  for (const auto& signal : chart.signals) {
    if (signal.index < count) keep[signal.index] = true;
  }
  ProviderCusumChart thinned;
  thinned.episodes = static_cast<std::int64_t>(count);
  thinned.chart.signals = chart.signals;
  thinned.chart.observed = chart.observed;
  thinned.chart.expected = chart.expected;
  for (std::size_t t = 0; t < count; ++t) {
    if (!keep[t]) continue;
    thinned.chart.points.push_back(chart.points[t]);
    thinned.patients.push_back(static_cast<std::int64_t>(t));
  }
  return thinned;
}

ProviderCusumRecord provider_cusum_of(const EpisodeColumns& episodes, const std::vector<Measure>& measures) {
  ProviderCusumRecord record;
  record.episodes = static_cast<std::int64_t>(episodes.size());
  if (episodes.size() == 0) return record;
  // The analysis draws each provider's chart once; only its thinned copy is kept.
  EpisodeAnalysisOptions options = analysis_options_for(measures);
  std::vector<ProviderCusumChart> charts;
  options.provider_chart = [&charts](OrganisationId organisation, const stats::RacusumChart& chart,
                                     const std::vector<Date>& admitted) {
    ProviderCusumChart kept = thinned_cusum(chart, kStoredCusumPoints);
    kept.organisation_id = organisation;
    for (const auto& signal : kept.chart.signals) kept.signal_dates.push_back(admitted[signal.index]);
    charts.push_back(std::move(kept));
  };
  const auto analysis = analyse_episodes(episodes, options);
  if (!analysis) {
    // Without a ratio measure the model is that of episodes imported before measures named one.
    record.note = analysed_measure(measures) == nullptr
                      ? "no measure of the audit is a ratio to give the case-mix model its outcome and terms (" +
                            analysis.error().message + ")"
                      : "the case-mix model could not be fitted to the year's episodes: " + analysis.error().message;
    return record;
  }
  record.providers = std::move(charts);  // in order of organisation id, as the analysis groups them
  return record;
}

Result<bool> refresh_provider_cusum(Store& store, const Audit& audit, FinancialYear year,
                                    const std::string& software_version, const Actor& actor) {
  CLINAUDIT_TRY(const auto stored, stored_records(store, audit.id));
  return refresh(store, audit, year, software_version, actor, stored);
}

Result<std::vector<FinancialYear>> provider_cusum_years(Store& store, AuditId audit, Date today) {
  const FinancialYear current = FinancialYear::containing(today);
  std::vector<FinancialYear> years{current.previous(), current};
  CLINAUDIT_TRY(const auto stored, stored_records(store, audit));
  for (const auto& record : stored) years.push_back(record.year);
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

Result<std::int64_t> refresh_provider_cusum(Store& store, AuditId id, const std::vector<FinancialYear>& years,
                                            const std::string& software_version, const Actor& actor) {
  CLINAUDIT_TRY(const auto audit, store.audit(id));
  CLINAUDIT_TRY(const auto stored, stored_records(store, id));
  std::int64_t written = 0;
  for (const auto& year : years) {
    CLINAUDIT_TRY(const bool wrote, refresh(store, audit, year, software_version, actor, stored));
    written += wrote ? 1 : 0;
  }
  return written;
}

Result<std::int64_t> refresh_stored_provider_cusum(Store& store, AuditId id, const std::string& software_version,
                                                   const Actor& actor) {
  CLINAUDIT_TRY(const auto stored, stored_records(store, id));
  std::vector<FinancialYear> years;
  years.reserve(stored.size());
  for (const auto& record : stored) years.push_back(record.year);
  return refresh_provider_cusum(store, id, years, software_version, actor);
}

Result<std::int64_t> refresh_all_provider_cusum(Store& store, Date today, const std::string& software_version,
                                                const Actor& actor) {
  CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
  std::int64_t written = 0;
  for (const auto& audit : audits) {
    if (audit.kind == AuditKind::local_audit) continue;
    CLINAUDIT_TRY(const auto years, provider_cusum_years(store, audit.id, today));
    CLINAUDIT_TRY(const std::int64_t wrote, refresh_provider_cusum(store, audit.id, years, software_version, actor));
    written += wrote;
  }
  return written;
}

}  // namespace clinaudit::domain
