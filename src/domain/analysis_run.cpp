#include "domain/analysis_run.hpp"

#include <algorithm>
#include <cstdio>

#include "core/checksum.hpp"
#include "domain/outlier_flags.hpp"
#include "domain/stored_measure_charts.hpp"

namespace clinaudit::domain {

std::string measure_settings_checksum(const std::vector<Measure>& measures) {
  Checksum hash;
  for (const auto& measure : measures) {
    hash.add(measure.code);
    hash.add(to_string(measure.source));
    hash.add(measure.outcome_column);
    hash.add(measure.formula);
    hash.add(measure.expected_column);
  }
  return hash.hex();
}

std::string episode_checksum(const EpisodeColumns& episodes) {
  Checksum hash;
  for (const auto& column : episodes.columns) {
    hash.add(column.name);
    hash.add(to_string(column.type));
  }
  for (std::size_t i = 0; i < episodes.size(); ++i) {
    hash.add(std::to_string(episodes.provider[i].value));
    hash.add(episodes.admission_date[i].to_string());
    for (const auto& column : episodes.columns) {
      if (column.holds_text()) {
        hash.add(column.texts[i]);
      } else {
        hash.add(column.numbers[i]);
      }
    }
  }
  return hash.hex();
}

namespace {

// The run's observed, expected and episodes per provider become the measure's results for
// the period analysed, so the register, the audit page's funnel plot and the board pack
// show what the run found. A year still in progress is not published; a complete year is.
// Rows the store already holds for the same provider and period are kept as they are, so
// re-running adds nothing.
Result<void> store_provider_results(Store& store, const AnalysisRun& run, MeasureRun& computed,
                                    const EpisodeColumns& episodes, const Actor& actor) {
  const Measure& measure = computed.measure;
  Date last = run.from;
  for (const Date date : episodes.admission_date) last = std::max(last, date);
  const Date period_end = std::min(run.to, Month::of(last).last_day());
  CLINAUDIT_TRY(const auto existing, store.results_of(measure.id, std::nullopt));
  std::vector<MeasureResult> rows;
  for (const auto& provider : computed.analysis.providers) {
    const bool held = std::any_of(existing.begin(), existing.end(), [&](const MeasureResult& r) {
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
    if (!computed.analysis.is_proportion()) row.expected = provider.expected;
    row.published = period_end == run.to;
    rows.push_back(row);
  }
  computed.results_stored = static_cast<std::int64_t>(rows.size());
  if (rows.empty()) return {};
  CLINAUDIT_TRY_VOID(store.add_results(rows, actor));
  // The providers' SPC charts of the measure now have another point.
  CLINAUDIT_TRY_VOID(refresh_measure_charts(store, measure, run.software_version, actor));
  return {};
}

// The case a flagged provider gets: its level, direction, value and the limit it passed.
OutlierCase flagged_case(const AnalysisRun& run, const MeasureRun& computed, const ProviderOutcome& provider) {
  double value = 0;
  if (computed.analysis.is_proportion()) {
    value = provider.episodes > 0 ? static_cast<double>(provider.observed) / static_cast<double>(provider.episodes) : 0;
  } else {
    value = provider.expected > 0 ? static_cast<double>(provider.observed) / provider.expected : 0;
  }
  std::optional<stats::FunnelLimits> limits;
  for (const auto& unit : computed.analysis.funnel.units) {
    if (unit.unit == std::to_string(provider.provider.value) && unit.limits) limits = unit.limits;
  }
  return domain::flagged_case(computed.measure, provider.provider, run.period, provider.flag, value, limits);
}

// A value of the measure as the case's event states it: a share as a percentage, O/E to two places.
std::string format_value(const MeasureRun& computed, double value) {
  char text[32];
  if (computed.analysis.is_proportion()) {
    std::snprintf(text, sizeof text, "%.1f%%", value * 100);
  } else {
    std::snprintf(text, sizeof text, "%.2f", value);
  }
  return text;
}

// `text` as a JSON string (quotes, backslashes and control characters escaped).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(static_cast<unsigned char>(c)));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// Each measure's settings, as the elements of a JSON array.
std::string measures_json(const std::vector<AnalysedMeasure>& measures) {
  std::string out;
  for (const auto& [measure, options] : measures) {
    if (!out.empty()) out += ",";
    out += "{\"code\":" + json_string(measure.code) + ",\"source\":" + json_string(to_string(options.source)) +
           ",\"outcome\":" + json_string(options.outcome_column) + ",\"formula\":" + json_string(options.formula) +
           ",\"expected_column\":" + json_string(options.expected_column) + "}";
  }
  return out;
}

// The settings a reader needs to reproduce the run, as a JSON object: the funnel's and the
// CUSUM's (the same for every measure), and each measure's source, outcome column, case-mix
// formula or expected-risk column.
std::string parameters_json(const EpisodeAnalysisOptions& options, const std::vector<AnalysedMeasure>& measures) {
  const auto number = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", value);
    return std::string(text);
  };
  const auto& f = options.funnel;
  const auto& c = options.cusum;
  return "{\"funnel\":{\"limits\":[0.95,0.998],\"limit_method\":\"" + std::string(stats::to_string(f.limits)) +
         "\",\"overdispersion\":\"" + std::string(stats::to_string(f.overdispersion)) +
         "\",\"trim\":" + number(f.trim) + "},\"cusum\":{\"upper_odds_ratio\":" + number(c.upper_odds_ratio) +
         ",\"upper_limit\":" + number(c.upper_limit) + ",\"lower_odds_ratio\":" + number(c.lower_odds_ratio) +
         ",\"lower_limit\":" + number(c.lower_limit) + ",\"reset\":" + (c.reset ? "true" : "false") +
         "},\"measures\":[" + measures_json(measures) + "]}";
}

// The run as the store keeps it, with the alerts it found, so a published result can be
// reproduced and a later run on unchanged data recognised.
Result<void> record_run(Store& store, AnalysisRun& run, Date today, const Actor& actor) {
  AnalysisRunRecord record;
  record.audit_id = run.audit_id;
  record.measure_id = run.measures.front().measure.id;
  record.period = run.period;
  record.from = run.from;
  record.to = run.to;
  record.run_on = today;
  record.episodes = run.episodes;
  record.input_checksum = run.input_checksum;
  record.software_version = run.software_version;
  record.method = run.method;
  record.parameters = run.parameters;
  record.cases_opened = static_cast<std::int64_t>(run.opened.size());
  std::vector<StoredCusumAlert> alerts;
  for (const auto& computed : run.measures) {
    AnalysisRunMeasure measure;
    measure.measure_id = computed.measure.id;
    measure.measure_code = computed.measure.code;
    measure.measure_name = computed.measure.name;
    measure.source = computed.options.source;
    measure.outcome_column = computed.options.outcome_column;
    measure.formula = computed.options.formula;
    measure.expected_column = computed.options.expected_column;
    measure.rows_used = computed.analysis.rows_used;
    measure.rows_dropped = computed.analysis.rows_dropped;
    for (const auto& provider : computed.analysis.providers) {
      if (provider.flagged()) ++measure.units_flagged;
    }
    measure.cases_opened = computed.cases_opened;
    record.units_flagged += measure.units_flagged;
    record.measures.push_back(std::move(measure));
    for (const auto& found : computed.analysis.cusum_alerts) {
      StoredCusumAlert alert;
      alert.measure_id = computed.measure.id;
      alert.organisation_id = found.provider;
      alert.upper = found.side == stats::CusumSide::upper;
      alert.signalled_on = found.signalled_on;
      alert.episodes_monitored = found.episodes_monitored;
      alert.value = found.value;
      alerts.push_back(alert);
    }
  }
  CLINAUDIT_TRY(auto recorded, store.add_analysis_run(record, alerts, actor));
  run.run_id = recorded.id;
  run.new_alerts = std::move(recorded.new_alerts);
  return {};
}

}  // namespace

Result<AnalysisRun> run_analysis(Store& store, AuditId audit_id, FinancialYear year, const OutlierTimetable& timetable,
                                 const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                 std::string software_version) {
  CLINAUDIT_TRY(auto episodes, store.episodes(audit_id, year.first_day(), year.last_day()));
  return run_analysis_on(store, audit_id, year, episodes, timetable, calendar, today, actor,
                         std::move(software_version));
}

Result<AnalysisRun> run_analysis_on(Store& store, AuditId audit_id, FinancialYear year, const EpisodeColumns& episodes,
                                    const OutlierTimetable& timetable, const WorkingDayCalendar& calendar, Date today,
                                    const Actor& actor, std::string software_version) {
  CLINAUDIT_TRY(const auto audit, store.audit(audit_id));
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit_id));
  const auto analysed = analysed_measures(measures);
  if (analysed.empty()) {
    return Error{ErrorCode::not_found, "audit " + audit.code +
                                           " has no measure computed from episodes and no ratio (observed/expected) "
                                           "measure to analyse"};
  }
  AnalysisRun run;
  run.audit_id = audit_id;
  run.period = year.to_string();
  run.from = year.first_day();
  run.to = year.last_day();
  run.software_version = std::move(software_version);
  run.parameters = parameters_json(analysed.front().options, analysed);
  run.method =
      "per measure: a ratio's expected deaths per provider are the sum of each episode's risk, from a logistic "
      "case-mix model fitted by IRLS (as R glm, binomial) or from the dataset's expected-risk column; O/E on a "
      "ratio funnel with exact Poisson limits at 95% and 99.8%, overdispersion by the log-scale method with 10% "
      "truncation (NHS Digital SHMI); risk-adjusted Bernoulli CUSUM per provider (odds ratio 2, h 4.5; odds ratio "
      "0.5, h 4). A proportion is the share of episodes with the outcome per provider, on a proportion funnel "
      "with exact binomial limits at 95% and 99.8%, overdispersion on the arcsine scale with 10% winsorisation";
  if (episodes.size() == 0) {
    return Error{ErrorCode::invalid_input, "audit " + audit.code + " has no episodes in " + run.period};
  }
  run.episodes = static_cast<std::int64_t>(episodes.size());
  run.input_checksum = episode_checksum(episodes);
  // Every measure first, so that one the data cannot give writes nothing for the others.
  for (const auto& [measure, options] : analysed) {
    auto analysis = analyse_episodes(episodes, options);
    if (!analysis) {
      return Error{analysis.error().code, "measure '" + measure.code + "': " + analysis.error().message};
    }
    run.measures.push_back(MeasureRun{measure, options, std::move(*analysis)});
  }

  // HQIP's process applies to complete data periods; in-year signals are monitoring.
  run.complete_period = today > year.last_day();
  CLINAUDIT_TRY(auto existing, store.outlier_cases(std::nullopt, audit_id));
  for (auto& computed : run.measures) {
    CLINAUDIT_TRY_VOID(store_provider_results(store, run, computed, episodes, actor));
    run.results_stored += computed.results_stored;
    for (const auto& provider : computed.analysis.providers) {
      if (provider.flag == stats::FunnelFlag::none) continue;
      if (!run.complete_period) {
        ++computed.flagged_in_year;
        continue;
      }
      const OutlierCase flagged = flagged_case(run, computed, provider);
      const std::string raised_because = "Raised from alert to alarm by the analysis of " + run.period + " run on " +
                                         today.to_string() + " (" + std::to_string(run.episodes) +
                                         " episodes): " + (computed.analysis.is_proportion() ? "the share " : "O/E ") +
                                         format_value(computed, flagged.value) + " is beyond the 99.8% limit of " +
                                         format_value(computed, flagged.limit);
      OutlierCase changed;
      CLINAUDIT_TRY(const auto recorded, record_outlier_flag(store, existing, flagged, raised_because, timetable,
                                                             calendar, today, actor, changed));
      switch (recorded) {
        case FlagRecorded::opened:
          ++computed.cases_opened;
          run.opened.push_back(std::move(changed));
          break;
        case FlagRecorded::raised:
          ++computed.cases_raised;
          run.raised.push_back(std::move(changed));
          break;
        case FlagRecorded::already_open: ++computed.already_open; break;
      }
    }
    run.already_open += computed.already_open;
  }
  CLINAUDIT_TRY_VOID(record_run(store, run, today, actor));
  return run;
}

Result<AnalysisRun> run_national_analysis(Store& store, const Audit& audit, FinancialYear year, Date today,
                                          const Actor& actor, std::string software_version) {
  if (audit.kind == AuditKind::local_audit) {
    return Error{ErrorCode::not_found, "no national audit " + std::to_string(audit.id.value)};
  }
  auto timetable = current_outlier_timetable(store);
  if (!timetable) return timetable.error();
  return run_analysis(store, audit.id, year, *timetable, WorkingDayCalendar::england_and_wales(), today, actor,
                      std::move(software_version));
}

}  // namespace clinaudit::domain
