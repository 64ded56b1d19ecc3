#include "domain/dashboard.hpp"

#include <algorithm>

#include "domain/measure_series.hpp"

namespace clinaudit::domain {

Result<Dashboard> dashboard_for(Store& store, const Principal& who, Date today) {
  CLINAUDIT_TRY(auto figures, organisation_figures(store, who.organisation_id, today));
  Dashboard view;
  view.today = today;
  view.year = figures.year;
  view.participation = figures.participation;
  view.participation_definition = participation_definition(figures.participation, figures.year);
  view.open_alarms = figures.open_alarms;
  view.open_potential = figures.open_potential;
  view.open_alerts = figures.open_others;
  view.open_outliers = std::move(figures.open_outliers);
  view.open_actions = figures.open_actions;
  CLINAUDIT_TRY(auto overdue, action_rows(store, today, std::move(figures.overdue_actions)));
  view.overdue_actions = std::move(overdue);
  view.cusum_signals = std::move(figures.cusum_signals);
  view.cusum_monitoring = std::move(figures.cusum_monitoring);
  view.spc = figures.spc;
  view.deteriorating_count = figures.deteriorating();
  view.spc_charts = static_cast<std::int64_t>(figures.measures.size());
  for (const auto& m : figures.measures) view.spc_computed_at = std::max(view.spc_computed_at, m.computed_at);
  for (const auto& m : figures.measures) {
    if (!shows_concern(m.chart.variation)) continue;
    view.deteriorating.push_back(MeasureSignal{m.audit, m.measure, std::string(stats::to_string(m.chart.variation)),
                                               std::string(stats::to_string(m.chart.assurance)),
                                               m.latest_start.to_string(), m.values.back()});
  }
  view.reaudits = std::move(figures.reaudits);
  view.cycle = std::move(figures.cycle);

  CLINAUDIT_TRY(auto meetings, store.board_meetings(who.organisation_id));
  for (auto& meeting : meetings) {
    if (meeting.held_on < today) continue;
    if (!view.next_meeting || meeting.held_on < view.next_meeting->held_on) view.next_meeting = meeting;
  }
  return view;
}

}  // namespace clinaudit::domain
