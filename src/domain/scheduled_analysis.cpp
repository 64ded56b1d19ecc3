#include "domain/scheduled_analysis.hpp"

#include <algorithm>

namespace clinaudit::domain {
namespace {

// Whether the run computed the measures as they stand: the same measures, sources, outcomes,
// formulas and expected columns, in order. A run stored before runs listed their measures
// is taken as current, so upgrading does not analyse every year again.
bool same_measures(const AnalysisRunRecord& run, const std::vector<AnalysedMeasure>& analysed) {
  if (run.measures.empty()) return true;
  if (run.measures.size() != analysed.size()) return false;
  for (std::size_t i = 0; i < analysed.size(); ++i) {
    const auto& was = run.measures[i];
    const auto& now = analysed[i];
    if (was.measure_id != now.measure.id || was.source != now.options.source ||
        was.outcome_column != now.options.outcome_column || was.formula != now.options.formula ||
        was.expected_column != now.options.expected_column) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::int64_t ScheduledAnalysisReport::ran() const {
  return std::count_if(analyses.begin(), analyses.end(),
                       [](const ScheduledAnalysis& a) { return a.ran && a.failure.empty(); });
}

std::int64_t ScheduledAnalysisReport::failed() const {
  return std::count_if(analyses.begin(), analyses.end(), [](const ScheduledAnalysis& a) { return !a.failure.empty(); });
}

Result<ScheduledAnalysisReport> run_due_analyses(Store& store, const OutlierTimetable& timetable,
                                                 const WorkingDayCalendar& calendar, Date today, const Actor& actor,
                                                 const std::string& software_version) {
  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::sort(audits.begin(), audits.end(), [](const Audit& a, const Audit& b) { return a.code < b.code; });
  const FinancialYear current = FinancialYear::containing(today);
  const FinancialYear years[] = {current.previous(), current};
  ScheduledAnalysisReport report;
  for (const auto& audit : audits) {
    if (audit.kind == AuditKind::local_audit) continue;
    CLINAUDIT_TRY(auto checked, check_result_outliers(store, audit.id, timetable, calendar, today, actor));
    report.result_cases_opened += static_cast<std::int64_t>(checked.opened.size());
    report.result_cases_raised += static_cast<std::int64_t>(checked.raised.size());
    for (auto& check : checked.checks) report.result_checks.push_back(std::move(check));
    CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
    const auto analysed = analysed_measures(measures);
    if (analysed.empty()) continue;
    CLINAUDIT_TRY(const auto runs, store.analysis_runs(audit.id));
    for (const auto& year : years) {
      ScheduledAnalysis item;
      item.audit_code = audit.code;
      item.period = year.to_string();
      CLINAUDIT_TRY(const auto episodes, store.episodes(audit.id, year.first_day(), year.last_day()));
      if (episodes.size() == 0) continue;
      item.episodes = static_cast<std::int64_t>(episodes.size());
      // analysis_runs is newest first: the first of the year is the latest.
      const auto latest =
          std::find_if(runs.begin(), runs.end(), [&](const AnalysisRunRecord& r) { return r.period == item.period; });
      // The first run after the year's last day analyses it as a complete period, which opens
      // the outlier cases an in-year run never does, even on the same episodes.
      const bool now_complete = latest != runs.end() && latest->run_on <= year.last_day() && today > year.last_day();
      if (latest != runs.end() && latest->input_checksum == episode_checksum(episodes) &&
          same_measures(*latest, analysed) && !now_complete) {
        report.analyses.push_back(std::move(item));
        continue;
      }
      item.ran = true;
      const auto run =
          run_analysis_on(store, audit.id, year, episodes, timetable, calendar, today, actor, software_version);
      if (run) {
        item.cases_opened = static_cast<std::int64_t>(run->opened.size());
        item.cases_raised = static_cast<std::int64_t>(run->raised.size());
        item.new_alerts = static_cast<std::int64_t>(run->new_alerts.size());
      } else if (run.error().code == ErrorCode::storage_unavailable) {
        return run.error();
      } else {
        item.failure = run.error().message;
      }
      report.analyses.push_back(std::move(item));
    }
  }
  return report;
}

}  // namespace clinaudit::domain
