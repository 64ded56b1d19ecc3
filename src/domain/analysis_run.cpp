#include "domain/analysis_run.hpp"

#include <cstdio>

namespace clinaudit::domain {
namespace {

class Fnv1a {
 public:
  void add(std::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
    hash_ ^= 0xff;  // field separator, so "ab","c" differs from "a","bc"
    hash_ *= 0x100000001b3ULL;
  }
  std::string hex() const {
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(hash_));
    return buf;
  }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace

std::string episode_checksum(const EpisodeColumns& episodes) {
  Fnv1a hash;
  for (const auto& name : episodes.covariate_names) hash.add(name);
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    hash.add(std::to_string(episodes.provider[i].value));
    hash.add(episodes.admission_date[i].to_string());
    hash.add(episodes.outcome[i] != 0 ? "1" : "0");
    for (const auto& column : episodes.covariate_values) hash.add(column[i]);
  }
  return hash.hex();
}

Result<AnalysisRun> run_analysis(Store& store, AuditId audit_id, FinancialYear year, const OutlierTimetable& timetable,
                                 const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                 std::string software_version) {
  const auto audit = store.audit(audit_id);
  if (!audit) return audit.error();
  const auto measures = store.measures_of(audit_id);
  if (!measures) return measures.error();
  const Measure* measure = nullptr;
  for (const auto& m : *measures) {
    if (m.type == MeasureType::ratio) measure = &m;
  }
  if (measure == nullptr) {
    return Error{ErrorCode::not_found, "audit " + audit->code + " has no ratio (observed/expected) measure to analyse"};
  }
  AnalysisRun run;
  run.audit_id = audit_id;
  run.measure_id = measure->id;
  run.period = year.to_string();
  run.from = year.first_day();
  run.to = year.last_day();
  run.software_version = std::move(software_version);
  run.method =
      "logistic case-mix model fitted by IRLS (as R glm, binomial); expected deaths per provider = sum of fitted "
      "risks; O/E on a ratio funnel with exact Poisson limits at 95% and 99.8%, overdispersion by the log-scale "
      "method with 10% truncation (NHS Digital SHMI); risk-adjusted Bernoulli CUSUM per provider (odds ratio 2, "
      "h 4.5; odds ratio 0.5, h 4)";
  auto episodes = store.episodes(audit_id, run.from, run.to);
  if (!episodes) return episodes.error();
  if (episodes->size() == 0) {
    return Error{ErrorCode::invalid_input, "audit " + audit->code + " has no episodes in " + run.period};
  }
  run.episodes = static_cast<std::int64_t>(episodes->size());
  run.input_checksum = episode_checksum(*episodes);
  auto analysis = analyse_episodes(*episodes);
  if (!analysis) return analysis.error();
  run.analysis = std::move(*analysis);

  auto existing = store.outlier_cases(std::nullopt, audit_id);
  if (!existing) return existing.error();
  for (const auto& provider : run.analysis.providers) {
    if (provider.flag == stats::FunnelFlag::none) continue;
    bool open = false;
    for (const auto& c : *existing) {
      open = open || (c.organisation_id == provider.provider && c.measure_id == measure->id && c.period == run.period &&
                      (c.status == OutlierStatus::open || c.status == OutlierStatus::confirmed));
    }
    if (open) {
      ++run.already_open;
      continue;
    }
    const bool high = provider.flag == stats::FunnelFlag::alert_high || provider.flag == stats::FunnelFlag::alarm_high;
    const bool alarm = provider.flag == stats::FunnelFlag::alarm_high || provider.flag == stats::FunnelFlag::alarm_low;
    OutlierCase flagged;
    flagged.audit_id = audit_id;
    flagged.measure_id = measure->id;
    flagged.organisation_id = provider.provider;
    flagged.period = run.period;
    flagged.level = alarm ? OutlierLevel::alarm : OutlierLevel::alert;
    flagged.high = high;
    // Higher than expected mortality is worse; the ratio measures are all "lower is better".
    flagged.unfavourable = measure->improvement == Improvement::increase ? !high : high;
    flagged.value = provider.expected > 0 ? static_cast<double>(provider.observed) / provider.expected : 0;
    for (const auto& unit : run.analysis.funnel.units) {
      if (unit.unit == std::to_string(provider.provider.value) && unit.limits) {
        const auto& pair = alarm ? unit.limits->l998 : unit.limits->l95;
        flagged.limit = high ? pair.upper : pair.lower;
      }
    }
    auto opened = open_outlier_case(flagged, timetable, calendar, today);
    const auto id = store.add_outlier_case(opened, actor);
    if (!id) return id.error();
    opened.id = *id;
    run.opened.push_back(std::move(opened));
  }
  return run;
}

}  // namespace clinaudit::domain
