#include "domain/analysis_run.hpp"

#include <algorithm>
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

namespace {

// The run's observed, expected and episodes per provider become the measure's results for
// the period analysed, so the register, the audit page's funnel plot and the board pack
// show what the run found. A year still in progress is not published; a complete year is.
// Rows the store already holds for the same provider and period are kept as they are, so
// re-running adds nothing.
Result<void> store_provider_results(Store& store, const Measure& measure, AnalysisRun& run,
                                    const EpisodeColumns& episodes, const Actor& actor) {
  Date last = run.from;
  for (const Date date : episodes.admission_date) last = std::max(last, date);
  const Date period_end = std::min(run.to, Month::of(last).last_day());
  const auto existing = store.results_of(measure.id, std::nullopt);
  if (!existing) return existing.error();
  std::vector<MeasureResult> rows;
  for (const auto& provider : run.analysis.providers) {
    const bool held = std::any_of(existing->begin(), existing->end(), [&](const MeasureResult& r) {
      return r.organisation_id == provider.provider && r.period_start == run.from && r.period_end == period_end;
    });
    if (held) continue;
    MeasureResult row;
    row.measure_id = measure.id;
    row.organisation_id = provider.provider;
    row.period_start = run.from;
    row.period_end = period_end;
    row.numerator = static_cast<double>(provider.observed);
    row.denominator = static_cast<double>(provider.episodes);
    row.expected = provider.expected;
    row.published = period_end == run.to;
    rows.push_back(row);
  }
  run.results_stored = static_cast<std::int64_t>(rows.size());
  if (rows.empty()) return {};
  const auto added = store.add_results(rows, actor);
  if (!added) return added.error();
  return {};
}

std::string json_text(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// The run itself goes to the audit log: method, software version and the checksum of its
// inputs, so a published result can be reproduced and checked.
Result<void> record_run(Store& store, const Audit& audit, const AnalysisRun& run, const Actor& actor) {
  AuditLogEntry entry;
  entry.user_id = actor.user_id;
  entry.actor = actor.name;
  entry.action = "analyse";
  entry.entity = "analysis_run";
  entry.entity_key = audit.code + " " + run.period;
  entry.after =
      "{\"audit\":" + json_text(audit.code) + ",\"period\":" + json_text(run.period) +
      ",\"from\":" + json_text(run.from.to_string()) + ",\"to\":" + json_text(run.to.to_string()) +
      ",\"episodes\":" + std::to_string(run.episodes) + ",\"input_checksum\":" + json_text(run.input_checksum) +
      ",\"software_version\":" + json_text(run.software_version) + ",\"method\":" + json_text(run.method) + "}";
  return store.log_event(entry);
}

}  // namespace

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

  if (auto stored = store_provider_results(store, *measure, run, *episodes, actor); !stored) return stored.error();
  if (auto recorded = record_run(store, *audit, run, actor); !recorded) return recorded.error();

  auto existing = store.outlier_cases(std::nullopt, audit_id);
  if (!existing) return existing.error();
  for (const auto& provider : run.analysis.providers) {
    if (provider.flag == stats::FunnelFlag::none) continue;
    bool open = false;
    for (const auto& c : *existing) {
      // Any case for the unit, measure and period, whatever its status: a case withdrawn at
      // review stays withdrawn when the same data are analysed again.
      open = open || (c.organisation_id == provider.provider && c.measure_id == measure->id && c.period == run.period);
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
