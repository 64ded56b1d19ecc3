#include "domain/dashboard.hpp"

#include "domain/measure_series.hpp"

namespace clinaudit::domain {

namespace {

// The measures of `audits` whose SPC chart over the organisation's results shows concern.
// A measure whose results cannot be read is left out.
Result<std::vector<MeasureSignal>> deteriorating_measures(Store& store, OrganisationId organisation,
                                                          const std::vector<Audit>& audits) {
  std::vector<MeasureSignal> out;
  for (const auto& audit : audits) {
    CLINAUDIT_TRY(auto measures, store.measures_of(audit.id));
    for (auto& measure : measures) {
      auto results = store.results_of(measure.id, organisation);
      if (!results || results->empty()) continue;
      std::vector<double> values;
      for (const auto& row : *results) {
        if (auto value = measure_value(measure, row)) values.push_back(*value);
      }
      const auto chart = spc_of(measure, values);
      if (!chart || !shows_concern(chart->variation)) continue;
      out.push_back(MeasureSignal{audit, measure, std::string(stats::to_string(chart->variation)),
                                  std::string(stats::to_string(chart->assurance)),
                                  results->back().period_start.to_string(), measure_value(measure, results->back())});
    }
  }
  return out;
}

}  // namespace

Result<Dashboard> dashboard_for(Store& store, const Principal& who, Date today, const DashboardParams& params) {
  Dashboard view;
  view.today = today;
  view.year = FinancialYear::containing(today);
  const OrganisationId org = who.organisation_id;

  CLINAUDIT_TRY(auto rows, participation_rows(store, who, view.year));
  view.participation = summarise(rows);

  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> visible;
  for (auto& audit : audits) {
    if (may_see_audit(who, audit)) visible.push_back(std::move(audit));
  }
  CLINAUDIT_TRY(auto concerns, open_concerns(store, org, visible, today,
                                             params.cusum_signals ? params.cusum_signals : fresh_cusum_signals(store)));
  for (const auto& item : concerns.open_outliers) {
    (item.level == OutlierLevel::alarm ? view.open_alarms : view.open_alerts) += 1;
  }
  view.open_outliers = outlier_rows(store, std::move(concerns.open_outliers));
  sort_for_work(view.open_outliers);
  view.open_actions = concerns.open_actions;
  CLINAUDIT_TRY(auto overdue, action_rows(store, today, std::move(concerns.overdue_actions)));
  view.overdue_actions = std::move(overdue);
  view.cusum_signals = std::move(concerns.cusum_signals);

  CLINAUDIT_TRY(auto meetings, store.board_meetings(org));
  for (auto& meeting : meetings) {
    if (meeting.held_on < today) continue;
    if (!view.next_meeting || meeting.held_on < view.next_meeting->held_on) view.next_meeting = meeting;
  }

  CLINAUDIT_TRY(auto deteriorating, deteriorating_measures(store, org, visible));
  view.deteriorating = std::move(deteriorating);
  return view;
}

}  // namespace clinaudit::domain
