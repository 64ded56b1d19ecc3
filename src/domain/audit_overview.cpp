#include "domain/audit_overview.hpp"

#include <algorithm>

#include "domain/episode_analysis.hpp"
#include "domain/measure_series.hpp"

namespace clinaudit::domain {

Result<std::vector<AuditRow>> audit_register(Store& store, const Principal& who, const AuditQuery& query) {
  AuditFilter filter;
  filter.kind = query.kind;
  filter.status = query.status;
  filter.topic = query.topic;
  CLINAUDIT_TRY(auto audits, store.audits(filter));
  CLINAUDIT_TRY(auto records, store.participation_of(who.organisation_id, query.year));
  CLINAUDIT_TRY(auto list, store.qa_list(query.year));
  std::vector<AuditRow> rows;
  for (auto& audit : audits) {
    if (!may_see_audit(who, audit)) continue;
    const bool local = audit.kind == AuditKind::local_audit;
    if ((query.local_only && !local) || (query.national_only && local)) continue;
    if (local) {
      // A local audit belongs to the years it ran in.
      if (audit.start_date && *audit.start_date > query.year.last_day()) continue;
      if (audit.end_date && *audit.end_date < query.year.first_day()) continue;
    } else {
      const bool listed =
          std::any_of(list.begin(), list.end(), [&](const QaListEntry& entry) { return entry.audit_id == audit.id; });
      if (!listed) continue;
    }
    AuditRow row{std::move(audit), std::nullopt};
    for (const auto& record : records) {
      if (record.audit_id == row.audit.id) row.participation = record;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const AuditRow& a, const AuditRow& b) { return a.audit.title < b.audit.title; });
  return rows;
}

Result<AuditOverview> audit_overview(Store& store, const Principal& who, Date today, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY(auto audit, store.audit(id));
  // Another organisation's local audit does not exist, as far as this user can tell.
  if (!may_see_audit(who, audit)) return Error{ErrorCode::not_found, "there is no such audit"};
  const OrganisationId org = who.organisation_id;
  AuditOverview view;
  view.year = year;
  CLINAUDIT_TRY(auto records, store.participation_in(id, year));
  for (const auto& record : records) {
    if (record.organisation_id == org) view.participation = record;
  }
  CLINAUDIT_TRY(auto cases, store.outlier_cases(org, id));
  view.outliers = outlier_rows(store, std::move(cases));
  CLINAUDIT_TRY(auto reviews, store.report_reviews(org));
  for (auto& review : reviews) {
    if (review.audit_id == id) view.reviews.push_back(std::move(review));
  }
  CLINAUDIT_TRY(auto actions, action_list(store, who, today, ActionFilter::all, id));
  view.actions = std::move(actions);
  view.audit = std::move(audit);
  return view;
}

Result<NationalOverview> national_overview(Store& store, AuditId id, FinancialYear year) {
  CLINAUDIT_TRY(auto audit, store.audit(id));
  if (audit.kind == AuditKind::local_audit) return Error{ErrorCode::not_found, "there is no such national audit"};
  NationalOverview view;
  view.year = year;
  CLINAUDIT_TRY(auto records, store.participation_in(id, year));
  const auto orgs = organisations_by_id(store);
  for (const auto& [org_id, org] : orgs) {
    if (org.type == OrganisationType::national_body) continue;
    NationalRow row{org, std::nullopt};
    for (const auto& record : records) {
      if (record.organisation_id == org.id) row.participation = record;
    }
    if (row.participation) view.providers.push_back(std::move(row));
  }
  std::sort(view.providers.begin(), view.providers.end(),
            [](const NationalRow& a, const NationalRow& b) { return a.organisation.name < b.organisation.name; });
  CLINAUDIT_TRY(auto runs, store.analysis_runs(id));
  for (auto& run : runs) {
    if (run.period == year.to_string()) view.runs.push_back(std::move(run));
  }
  CLINAUDIT_TRY(auto alerts, store.cusum_alerts(std::nullopt, id));
  for (const auto& alert : alerts) {
    if (alert.signalled_on < year.first_day() || alert.signalled_on > year.last_day()) continue;
    if (const auto org = orgs.find(alert.organisation_id.value); org != orgs.end()) {
      view.provider_names[alert.organisation_id] = org->second.name + " (" + org->second.code + ")";
    }
    view.alerts.push_back(alert);
  }
  view.audit = std::move(audit);
  return view;
}

Result<NationalProvider> national_provider(Store& store, AuditId id, OrganisationId organisation, FinancialYear year) {
  CLINAUDIT_TRY(auto audit, store.audit(id));
  if (audit.kind == AuditKind::local_audit) return Error{ErrorCode::not_found, "there is no such national audit"};
  CLINAUDIT_TRY(auto org, store.organisation(organisation));
  NationalProvider view;
  view.year = year;
  CLINAUDIT_TRY(auto measures, store.measures_of(id));
  CLINAUDIT_TRY(auto charts, store.measure_charts(std::nullopt, organisation));
  for (const auto& measure : measures) {
    for (auto& stored : charts) {
      if (stored.measure_id != measure.id) continue;
      std::vector<std::string> periods;
      periods.reserve(stored.points.size());
      for (const auto& point : stored.points) periods.push_back(point.period_start.to_string());
      view.spc.push_back(MeasureSpc{measure, std::move(stored.chart), std::move(periods)});
    }
  }
  CLINAUDIT_TRY(auto records, store.provider_cusum(id, year, organisation));
  if (!records.empty()) {
    auto& record = records.front();
    view.cusum_computed = true;
    view.cusum_computed_at = record.computed_at;
    view.cusum_note = record.note;
    if (!record.providers.empty()) {
      auto& stored = record.providers.front();
      view.episodes = stored.episodes;
      view.cusum_signals = static_cast<std::int64_t>(stored.chart.signals.size());
      view.cusum = ProviderCusum{std::move(stored), EpisodeAnalysisOptions{}.cusum};
    }
  }
  view.audit = std::move(audit);
  view.organisation = std::move(org);
  return view;
}

}  // namespace clinaudit::domain
