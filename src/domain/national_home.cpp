#include "domain/national_home.hpp"

#include <algorithm>
#include <map>

namespace clinaudit::domain {
namespace {

bool overdue_on(const OutlierCase& item, Date today) { return item.stage_due_on && *item.stage_due_on < today; }

std::vector<StageCount> count_by_stage(const std::vector<OutlierRow>& open, Date today) {
  std::vector<StageCount> stages;  // the rows are soonest first, so the stages come in that order
  for (const auto& row : open) {
    auto stage =
        std::find_if(stages.begin(), stages.end(), [&](const StageCount& s) { return s.stage_name == row.stage_name; });
    if (stage == stages.end()) stage = stages.insert(stages.end(), StageCount{row.stage_name, 0, 0, std::nullopt});
    ++stage->open;
    stage->overdue += overdue_on(row.item, today) ? 1 : 0;
    if (row.item.stage_due_on && (!stage->soonest_due || *row.item.stage_due_on < *stage->soonest_due)) {
      stage->soonest_due = row.item.stage_due_on;
    }
  }
  return stages;
}

}  // namespace

Result<Audit> audit_for_provider(Store& store, const Principal& who, AuditId id) {
  auto audit = store.audit(id);
  if (!audit && audit.error().code != ErrorCode::not_found) return audit.error();
  if (!audit || !acts_for_audit_provider(who, *audit)) {
    return Error{ErrorCode::not_found, "no national audit " + std::to_string(id.value)};
  }
  return audit;
}

Result<NationalHome> national_home(Store& store, const Principal& who, Date today) {
  if (!is_national_body(who)) return Error{ErrorCode::forbidden, "the national home is for the national body"};
  NationalHome home;
  home.today = today;
  home.sees_cases = allows(who, Permission::view_national);

  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  for (auto& audit : audits) {
    if (audit.kind == AuditKind::local_audit) continue;
    // An analyst of one audit supplier works on its audits only.
    if (who.supplier && !acts_for_audit_provider(who, audit)) continue;
    home.audits.push_back(NationalAuditLine{std::move(audit), 0, std::nullopt});
  }
  std::sort(home.audits.begin(), home.audits.end(),
            [](const NationalAuditLine& a, const NationalAuditLine& b) { return a.audit.title < b.audit.title; });
  std::map<std::int64_t, std::size_t> line_of;  // audit id -> its line
  for (std::size_t i = 0; i < home.audits.size(); ++i) line_of[home.audits[i].audit.id.value] = i;
  if (!home.sees_cases) return home;

  CLINAUDIT_TRY(auto cases, outlier_list(store, who));
  for (auto& row : cases) {
    if (!row.item.is_open()) continue;
    home.overdue_cases += overdue_on(row.item, today) ? 1 : 0;
    if (const auto line = line_of.find(row.item.audit_id.value); line != line_of.end()) {
      ++home.audits[line->second].open_cases;
    }
    home.open_cases.push_back(std::move(row));
  }
  home.stages = count_by_stage(home.open_cases, today);

  for (auto& line : home.audits) {
    CLINAUDIT_TRY(auto runs, store.analysis_runs(line.audit.id));
    if (!runs.empty()) line.last_run_on = runs.front().run_on;
    for (auto& run : runs) home.latest_runs.push_back(NationalRunLine{line.audit, std::move(run)});
  }
  std::stable_sort(home.latest_runs.begin(), home.latest_runs.end(),
                   [](const NationalRunLine& a, const NationalRunLine& b) {
                     if (a.run.created_at != b.run.created_at) return a.run.created_at > b.run.created_at;
                     return a.run.id.value > b.run.id.value;
                   });
  if (home.latest_runs.size() > kLatestRuns) home.latest_runs.resize(kLatestRuns);

  CLINAUDIT_TRY(const auto alerts, store.cusum_alerts(std::nullopt, std::nullopt));
  std::map<std::int64_t, std::string> providers;
  std::map<std::int64_t, std::string> measures;
  for (const auto& alert : alerts) {
    if (alert.raised_on > today || alert.raised_on < today.plus_days(-kNewSignalDays)) continue;
    const auto line = line_of.find(alert.audit_id.value);
    if (line == line_of.end()) continue;
    auto& provider = providers[alert.organisation_id.value];
    if (provider.empty()) {
      CLINAUDIT_TRY(const auto organisation, store.organisation(alert.organisation_id));
      provider = organisation.name + " (" + organisation.code + ")";
    }
    auto& measure = measures[alert.measure_id.value];
    if (measure.empty() && alert.measure_id.value != 0) {
      if (auto found = store.measure(alert.measure_id)) measure = found->name;
    }
    home.new_signals.push_back(NationalSignalLine{home.audits[line->second].audit, provider, measure, alert});
  }
  std::stable_sort(home.new_signals.begin(), home.new_signals.end(),
                   [](const NationalSignalLine& a, const NationalSignalLine& b) {
                     return a.alert.raised_on != b.alert.raised_on ? a.alert.raised_on > b.alert.raised_on
                                                                   : a.alert.signalled_on > b.alert.signalled_on;
                   });
  return home;
}

}  // namespace clinaudit::domain
