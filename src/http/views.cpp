#include "http/views.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <map>

#include "http/password.hpp"
#include "render/cusum_chart.hpp"
#include "render/funnel_chart.hpp"
#include "render/spc_chart.hpp"
#include "stats/funnel.hpp"
#include "stats/racusum.hpp"
#include "stats/spc_xmr.hpp"

namespace clinaudit::http {

namespace {

using domain::Action;
using domain::Audit;
using domain::Organisation;

constexpr std::size_t kMinimumSpcPoints = 12;

std::map<std::int64_t, Organisation> organisations_by_id(domain::Store& store) {
  std::map<std::int64_t, Organisation> out;
  if (auto all = store.organisations()) {
    for (auto& org : *all) out.emplace(org.id.value, std::move(org));
  }
  return out;
}

std::string audit_title(domain::Store& store, std::optional<AuditId> id) {
  if (!id) return {};
  auto audit = store.audit(*id);
  return audit ? audit->title : std::string();
}

bool is_open(const domain::OutlierCase& item) {
  return item.status == domain::OutlierStatus::open || item.status == domain::OutlierStatus::confirmed;
}

stats::ImprovementDirection direction_of(domain::Improvement improvement) {
  switch (improvement) {
    case domain::Improvement::increase: return stats::ImprovementDirection::increase;
    case domain::Improvement::decrease: return stats::ImprovementDirection::decrease;
    case domain::Improvement::neutral: return stats::ImprovementDirection::neutral;
  }
  return stats::ImprovementDirection::neutral;
}

std::optional<double> value_of(const domain::Measure& measure, const domain::MeasureResult& result) {
  if (result.value) return result.value;
  if (measure.type == domain::MeasureType::ratio && result.numerator && result.expected && *result.expected > 0) {
    return *result.numerator / *result.expected;
  }
  if (result.numerator && result.denominator && *result.denominator > 0) return *result.numerator / *result.denominator;
  return std::nullopt;
}

std::optional<stats::XmrChart> xmr_of(const domain::Measure& measure, const std::vector<double>& values) {
  if (values.size() < kMinimumSpcPoints) return std::nullopt;
  stats::XmrOptions options;
  options.improvement = direction_of(measure.improvement);
  options.target = measure.target;
  auto chart = stats::xmr_chart(values, options);
  if (!chart) return std::nullopt;
  return std::move(*chart);
}

// SPC icons over a series of values in period order (Making Data Count).
std::pair<std::string, std::string> spc_icons(const domain::Measure& measure, const std::vector<double>& values) {
  const auto chart = xmr_of(measure, values);
  if (!chart) return {};
  return {std::string(stats::to_string(chart->variation)), std::string(stats::to_string(chart->assurance))};
}

// The XmR chart of one organisation's results, with the icons, as SVG ("" when too short).
std::string spc_svg(const domain::Measure& measure, const std::vector<double>& values,
                    const std::vector<std::string>& periods) {
  const auto chart = xmr_of(measure, values);
  if (!chart) return {};
  render::SpcChartOptions options;
  options.title = measure.name + ": your results by period";
  options.y_label = measure.type == domain::MeasureType::ratio ? "Observed / expected" : "Value";
  auto svg = render::spc_chart_svg(*chart, periods, measure.target, options);
  return svg ? std::move(*svg) : std::string();
}

std::optional<FunnelView> funnel_of(const domain::Measure& measure, const std::vector<domain::MeasureResult>& visible,
                                    const std::map<std::int64_t, Organisation>& orgs) {
  if (measure.type == domain::MeasureType::continuous || visible.empty()) return std::nullopt;
  // The latest period with at least three providers to compare: a funnel of one is no
  // comparison (e.g. when only the caller's own result for a year in progress is visible).
  const auto usable = [&](const domain::MeasureResult& row) {
    const auto denominator = measure.type == domain::MeasureType::ratio ? row.expected : row.denominator;
    return row.numerator && denominator && *denominator > 0;
  };
  std::map<Date, int> providers_by_period;
  for (const auto& row : visible) {
    if (usable(row)) ++providers_by_period[row.period_end];
  }
  Date latest = visible.front().period_end;
  for (const auto& row : visible) latest = std::max(latest, row.period_end);
  for (const auto& [period_end, count] : providers_by_period) {
    if (count >= 3) latest = period_end;
  }
  std::vector<stats::UnitCount> units;
  std::string period;
  for (const auto& row : visible) {
    if (row.period_end != latest || !row.numerator) continue;
    const auto denominator = measure.type == domain::MeasureType::ratio ? row.expected : row.denominator;
    if (!denominator) continue;
    period = row.period_start.to_string() + " to " + row.period_end.to_string();
    const auto org = orgs.find(row.organisation_id.value);
    units.push_back({org == orgs.end() ? std::to_string(row.organisation_id.value) : org->second.name, *row.numerator,
                     *denominator});
  }
  FunnelView view;
  view.period = period;
  stats::FunnelOptions options;
  options.type = measure.type == domain::MeasureType::ratio  ? stats::FunnelType::ratio
                 : measure.type == domain::MeasureType::rate ? stats::FunnelType::rate
                                                             : stats::FunnelType::proportion;
  if (measure.type != domain::MeasureType::ratio) options.target = measure.target;
  auto plot = stats::funnel_plot(units, options);
  if (!plot) {
    view.note = "No funnel plot: " + plot.error().message;
    return view;
  }
  render::FunnelChartOptions chart;
  chart.title = measure.name + " (" + period + ")";
  auto svg = render::funnel_chart_svg(*plot, chart);
  if (!svg) {
    view.note = "No funnel plot: " + svg.error().message;
    return view;
  }
  view.svg = std::move(*svg);
  for (const auto& unit : plot->units) {
    if (unit.flag != stats::FunnelFlag::none)
      view.flags.emplace_back(unit.unit, std::string(stats::to_string(unit.flag)));
  }
  if (plot->overdispersion.applied) view.note = "Limits widened for overdispersion.";
  return view;
}

Result<std::vector<MeasureView>> measure_views(Context& context, AuditId audit, bool national) {
  auto measures = context.store.measures_of(audit);
  if (!measures) return measures.error();
  const auto orgs = organisations_by_id(context.store);
  const Principal& who = context.principal();
  std::vector<MeasureView> out;
  for (auto& measure : *measures) {
    auto results = context.store.results_of(measure.id, std::nullopt);
    if (!results) return results.error();
    MeasureView view;
    std::vector<domain::MeasureResult> visible;
    std::vector<double> own_values;
    std::vector<std::string> own_periods;
    for (auto& row : *results) {
      if (!national && !may_see_result(who, row.organisation_id, row.published)) continue;
      if (row.organisation_id == who.organisation_id) {
        view.own_results.push_back(row);
        if (auto value = value_of(measure, row)) {
          own_values.push_back(*value);
          own_periods.push_back(row.period_start.to_string());
        }
      }
      visible.push_back(row);
    }
    std::tie(view.variation, view.assurance) = spc_icons(measure, own_values);
    if (!national) view.spc_svg = spc_svg(measure, own_values, own_periods);
    view.funnel = funnel_of(measure, visible, orgs);
    view.measure = std::move(measure);
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<ActionRow>> to_action_rows(Context& context, std::vector<Action> items) {
  std::map<std::int64_t, std::string> titles;
  std::map<std::int64_t, std::string> owners;
  std::vector<ActionRow> rows;
  const Date today = context.clock.today();
  for (auto& item : items) {
    ActionRow row;
    if (item.audit_id) {
      auto [it, fresh] = titles.try_emplace(item.audit_id->value);
      if (fresh) it->second = audit_title(context.store, item.audit_id);
      row.audit_title = it->second;
    }
    row.owner = item.owner_name;
    if (item.owner) {
      auto [it, fresh] = owners.try_emplace(item.owner->value);
      if (fresh) {
        auto user = context.store.user(*item.owner);
        it->second = user ? user->display_name : std::string();
      }
      if (!it->second.empty()) row.owner = it->second;
    }
    row.overdue = item.overdue_on(today);
    row.item = std::move(item);
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const ActionRow& a, const ActionRow& b) {
    return std::tie(a.item.due_on, a.item.id.value) < std::tie(b.item.due_on, b.item.id.value);
  });
  return rows;
}

Result<std::vector<OutlierRow>> to_outlier_rows(Context& context, std::vector<domain::OutlierCase> items) {
  const auto orgs = organisations_by_id(context.store);
  std::vector<OutlierRow> rows;
  for (auto& item : items) {
    OutlierRow row;
    row.audit_title = audit_title(context.store, item.audit_id);
    if (auto measure = context.store.measure(item.measure_id)) row.measure_name = measure->name;
    if (const auto org = orgs.find(item.organisation_id.value); org != orgs.end())
      row.organisation_name = org->second.name;
    row.item = std::move(item);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::optional<bool> yes_no(const std::string& text) {
  if (text == "yes" || text == "true") return true;
  if (text == "no" || text == "false") return false;
  return std::nullopt;
}

Result<std::optional<std::int64_t>> count_field(const Request& request, const std::string& name) {
  const auto text = request.field(name).value_or("");
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value < 0) {
    return Error{ErrorCode::invalid_input,
                 name + ": enter a whole number of cases, 0 or more (you entered \"" + text + "\")"};
  }
  return std::optional<std::int64_t>{value};
}

}  // namespace

Result<FinancialYear> year_from(const Context& context, const std::string& text) {
  if (text.empty()) return FinancialYear::containing(context.clock.today());
  return FinancialYear::parse(text);
}

Result<std::vector<ParticipationRow>> participation_rows(Context& context, FinancialYear year) {
  const auto& org = context.who->organisation;
  auto list = context.store.qa_list(year);
  if (!list) return list.error();
  auto records = context.store.participation_of(org.id, year);
  if (!records) return records.error();
  std::vector<ParticipationRow> rows;
  for (const auto& entry : *list) {
    auto audit = context.store.audit(entry.audit_id);
    if (!audit) return audit.error();
    ParticipationRow row{std::move(*audit), entry.eligible_types.contains(org.type), std::nullopt};
    for (const auto& record : *records) {
      if (record.audit_id == entry.audit_id) row.record = record;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const ParticipationRow& a, const ParticipationRow& b) { return a.audit.title < b.audit.title; });
  return rows;
}

ParticipationSummary summarise(const std::vector<ParticipationRow>& rows) {
  ParticipationSummary summary;
  double ascertainment = 0;
  std::int64_t with_counts = 0;
  for (const auto& row : rows) {
    if (row.eligible_by_type) ++summary.on_list;
    const auto& record = row.record;
    if (!record || !record->eligible) {
      if (row.eligible_by_type) ++summary.not_recorded;
      continue;
    }
    if (*record->eligible) ++summary.eligible;
    if (record->participating.value_or(false)) ++summary.participating;
    if (auto share = record->case_ascertainment()) {
      ascertainment += *share;
      ++with_counts;
    }
  }
  if (with_counts > 0) summary.mean_case_ascertainment = ascertainment / static_cast<double>(with_counts);
  return summary;
}

Result<DashboardView> dashboard_view(Context& context) {
  DashboardView view;
  view.today = context.clock.today();
  view.year = FinancialYear::containing(view.today);
  const OrganisationId org = context.principal().organisation_id;

  auto rows = participation_rows(context, view.year);
  if (!rows) return rows.error();
  view.participation = summarise(*rows);

  auto cases = context.store.outlier_cases(org, std::nullopt);
  if (!cases) return cases.error();
  std::vector<domain::OutlierCase> open;
  for (auto& item : *cases) {
    if (!is_open(item)) continue;
    (item.level == domain::OutlierLevel::alarm ? view.open_alarms : view.open_alerts) += 1;
    open.push_back(std::move(item));
  }
  auto outliers = to_outlier_rows(context, std::move(open));
  if (!outliers) return outliers.error();
  view.open_outliers = std::move(*outliers);

  auto actions = context.store.actions(org);
  if (!actions) return actions.error();
  std::vector<Action> overdue;
  for (auto& item : *actions) {
    if (item.status == domain::ActionStatus::open || item.status == domain::ActionStatus::in_progress) {
      ++view.open_actions;
    }
    if (item.overdue_on(view.today)) overdue.push_back(std::move(item));
  }
  auto overdue_rows = to_action_rows(context, std::move(overdue));
  if (!overdue_rows) return overdue_rows.error();
  view.overdue_actions = std::move(*overdue_rows);

  auto meetings = context.store.board_meetings(org);
  if (!meetings) return meetings.error();
  for (auto& meeting : *meetings) {
    if (meeting.held_on < view.today) continue;
    if (!view.next_meeting || meeting.held_on < view.next_meeting->held_on) view.next_meeting = meeting;
  }

  // Deteriorating measures: SPC concern over this organisation's own results.
  auto audits = context.store.audits(domain::AuditFilter{});
  if (!audits) return audits.error();
  for (auto& audit : *audits) {
    if (!may_see_audit(context.principal(), audit)) continue;
    auto measures = context.store.measures_of(audit.id);
    if (!measures) return measures.error();
    for (auto& measure : *measures) {
      auto results = context.store.results_of(measure.id, org);
      if (!results || results->empty()) continue;
      std::vector<double> values;
      for (const auto& row : *results) {
        if (auto value = value_of(measure, row)) values.push_back(*value);
      }
      auto [variation, assurance] = spc_icons(measure, values);
      if (variation.rfind("concern", 0) != 0) continue;
      view.deteriorating.push_back(MeasureSignal{audit, measure, variation, assurance,
                                                 results->back().period_start.to_string(),
                                                 value_of(measure, results->back())});
    }
    // Risk-adjusted CUSUM over the national audit's patient-level episodes (the model
    // fitted on every provider's); only this organisation's signals of the last year.
    if (audit.kind == domain::AuditKind::local_audit) continue;
    auto alerts = context.cusum.signals(context.store, audit, view.today);
    if (!alerts) return alerts.error();
    for (const auto& alert : *alerts) {
      if (alert.provider == org && view.today.plus_days(-365) <= alert.signalled_on) {
        view.cusum_signals.push_back(CusumSignalRow{audit, alert});
      }
    }
  }
  return view;
}

Result<std::vector<AuditRow>> audit_register(Context& context, const AuditQuery& query) {
  domain::AuditFilter filter;
  filter.kind = query.kind;
  filter.status = query.status;
  filter.topic = query.topic;
  auto audits = context.store.audits(filter);
  if (!audits) return audits.error();
  auto records = context.store.participation_of(context.principal().organisation_id, query.year);
  if (!records) return records.error();
  auto list = context.store.qa_list(query.year);
  if (!list) return list.error();
  std::vector<AuditRow> rows;
  for (auto& audit : *audits) {
    if (!may_see_audit(context.principal(), audit)) continue;
    const bool local = audit.kind == domain::AuditKind::local_audit;
    if ((query.local_only && !local) || (query.national_only && local)) continue;
    if (local) {
      // A local audit belongs to the years it ran in.
      if (audit.start_date && *audit.start_date > query.year.last_day()) continue;
      if (audit.end_date && *audit.end_date < query.year.first_day()) continue;
    } else {
      const bool listed = std::any_of(list->begin(), list->end(),
                                      [&](const domain::QaListEntry& entry) { return entry.audit_id == audit.id; });
      if (!listed) continue;
    }
    AuditRow row{std::move(audit), std::nullopt};
    for (const auto& record : *records) {
      if (record.audit_id == row.audit.id) row.participation = record;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const AuditRow& a, const AuditRow& b) { return a.audit.title < b.audit.title; });
  return rows;
}

Result<AuditView> audit_view(Context& context, AuditId id, FinancialYear year) {
  auto audit = context.store.audit(id);
  if (!audit) return audit.error();
  // Another organisation's local audit does not exist, as far as this user can tell.
  if (!may_see_audit(context.principal(), *audit)) return Error{ErrorCode::not_found, "there is no such audit"};
  const OrganisationId org = context.principal().organisation_id;
  AuditView view;
  view.year = year;
  auto records = context.store.participation_in(id, year);
  if (!records) return records.error();
  for (const auto& record : *records) {
    if (record.organisation_id == org) view.participation = record;
  }
  auto measures = measure_views(context, id, false);
  if (!measures) return measures.error();
  view.measures = std::move(*measures);
  auto cases = context.store.outlier_cases(org, id);
  if (!cases) return cases.error();
  auto outliers = to_outlier_rows(context, std::move(*cases));
  if (!outliers) return outliers.error();
  view.outliers = std::move(*outliers);
  auto reviews = context.store.report_reviews(org);
  if (!reviews) return reviews.error();
  for (auto& review : *reviews) {
    if (review.audit_id == id) view.reviews.push_back(std::move(review));
  }
  auto actions = action_rows(context, ActionFilter::all, id);
  if (!actions) return actions.error();
  view.actions = std::move(*actions);
  view.audit = std::move(*audit);
  return view;
}

Result<NationalView> national_view(Context& context, AuditId id, FinancialYear year) {
  auto audit = context.store.audit(id);
  if (!audit) return audit.error();
  if (audit->kind == domain::AuditKind::local_audit)
    return Error{ErrorCode::not_found, "there is no such national audit"};
  NationalView view;
  view.year = year;
  auto records = context.store.participation_in(id, year);
  if (!records) return records.error();
  const auto orgs = organisations_by_id(context.store);
  for (const auto& [org_id, org] : orgs) {
    if (org.type == domain::OrganisationType::national_body) continue;
    NationalRow row{org, std::nullopt};
    for (const auto& record : *records) {
      if (record.organisation_id == org.id) row.participation = record;
    }
    if (row.participation) view.providers.push_back(std::move(row));
  }
  std::sort(view.providers.begin(), view.providers.end(),
            [](const NationalRow& a, const NationalRow& b) { return a.organisation.name < b.organisation.name; });
  auto measures = measure_views(context, id, true);
  if (!measures) return measures.error();
  view.measures = std::move(*measures);
  auto runs = context.store.analysis_runs(id);
  if (!runs) return runs.error();
  for (auto& run : *runs) {
    if (run.period == year.to_string()) view.runs.push_back(std::move(run));
  }
  auto alerts = context.store.cusum_alerts(std::nullopt, id);
  if (!alerts) return alerts.error();
  for (const auto& alert : *alerts) {
    if (alert.signalled_on < year.first_day() || alert.signalled_on > year.last_day()) continue;
    if (const auto org = orgs.find(alert.organisation_id.value); org != orgs.end()) {
      view.provider_names[alert.organisation_id] = org->second.name + " (" + org->second.code + ")";
    }
    view.alerts.push_back(alert);
  }
  view.audit = std::move(*audit);
  return view;
}

Result<NationalProviderView> national_provider_view(Context& context, AuditId id, OrganisationId organisation,
                                                    FinancialYear year) {
  auto audit = context.store.audit(id);
  if (!audit) return audit.error();
  if (audit->kind == domain::AuditKind::local_audit) {
    return Error{ErrorCode::not_found, "there is no such national audit"};
  }
  auto org = context.store.organisation(organisation);
  if (!org) return org.error();
  NationalProviderView view;
  view.year = year;
  auto measures = context.store.measures_of(id);
  if (!measures) return measures.error();
  for (const auto& measure : *measures) {
    auto results = context.store.results_of(measure.id, organisation);
    if (!results) return results.error();
    std::vector<double> values;
    std::vector<std::string> periods;
    for (const auto& row : *results) {
      if (auto value = value_of(measure, row)) {
        values.push_back(*value);
        periods.push_back(row.period_start.to_string());
      }
    }
    if (auto svg = spc_svg(measure, values, periods); !svg.empty()) view.spc.emplace_back(measure.name, std::move(svg));
  }
  auto episodes = context.store.episodes(id, year.first_day(), year.last_day());
  if (!episodes) return episodes.error();
  if (episodes->size() > 0) {
    auto analysis = domain::analyse_episodes(*episodes);
    if (!analysis) return analysis.error();
    std::vector<double> risks;
    std::vector<double> outcomes;
    std::vector<std::string> labels;
    for (std::size_t i = 0; i < episodes->size(); ++i) {
      if (episodes->provider[i] != organisation) continue;
      risks.push_back(analysis->expected_risk[i]);
      outcomes.push_back(episodes->outcome[i]);
      labels.push_back(episodes->admission_date[i].to_string());
    }
    view.episodes = static_cast<std::int64_t>(risks.size());
    if (!risks.empty()) {
      const stats::RacusumOptions options;
      auto chart = stats::racusum_chart(risks, outcomes, options);
      if (!chart) return chart.error();
      view.cusum_signals = static_cast<std::int64_t>(chart->signals.size());
      render::CusumChartText text;
      text.title = "Risk-adjusted CUSUM, " + org->name + ", " + year.to_string();
      text.x_label = "Patients in order of admission";
      text.patient_labels = std::move(labels);
      view.cusum_svg = render::cusum_svg(*chart, options, text);
    }
  }
  view.audit = std::move(*audit);
  view.organisation = std::move(*org);
  return view;
}

Result<std::vector<OutlierRow>> outlier_rows(Context& context) {
  // The national body runs the outlier process for every provider of its national audits.
  const bool national = context.principal().role == domain::Role::national_analyst;
  auto cases = context.store.outlier_cases(
      national ? std::nullopt : std::optional<OrganisationId>(context.principal().organisation_id), std::nullopt);
  if (!cases) return cases.error();
  return to_outlier_rows(context, std::move(*cases));
}

Result<OutlierCaseView> outlier_case_view(Context& context, OutlierCaseId id) {
  auto item = context.store.outlier_case(id);
  if (!item) return item.error();
  if (!may_see_outlier_case(context.principal(), *item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(id.value)};
  }
  OutlierCaseView view;
  auto in_force = domain::current_outlier_timetable(context.store);
  if (!in_force) return in_force.error();
  const auto& timetable = *in_force;
  const auto* current = timetable.find(item->stage);
  const auto track = current != nullptr ? current->track : domain::track_for(item->level, item->unfavourable);
  for (const auto& stage : timetable.stages()) {
    if (stage.track == track) view.stages.push_back(stage);
  }
  auto events = context.store.outlier_events(id);
  if (!events) return events.error();
  view.events = std::move(*events);
  for (const auto& event : view.events) {
    if (!event.by || view.people.contains(event.by->value)) continue;
    if (auto user = context.store.user(*event.by)) view.people[event.by->value] = user->email;
  }
  const bool open = item->status == domain::OutlierStatus::open || item->status == domain::OutlierStatus::confirmed;
  view.may_act = open && current != nullptr && role_allows(context.principal().role, Permission::manage_outliers) &&
                 may_complete_stage(context.principal(), *item, current->owner).has_value();
  auto rows = to_outlier_rows(context, {std::move(*item)});
  if (!rows) return rows.error();
  view.row = std::move(rows->front());
  return view;
}

Result<void> complete_outlier_stage(Context& context, OutlierCaseId id, const std::string& decision,
                                    const std::string& note) {
  auto item = context.store.outlier_case(id);
  if (!item) return item.error();
  if (!may_see_outlier_case(context.principal(), *item)) {
    return Error{ErrorCode::not_found, "no outlier case " + std::to_string(id.value)};
  }
  auto in_force = domain::current_outlier_timetable(context.store);
  if (!in_force) return in_force.error();
  const auto& timetable = *in_force;
  const auto* current = timetable.find(item->stage);
  if (current == nullptr) return Error{ErrorCode::conflict, "the case's stage is not in the timetable: " + item->stage};
  if (auto allowed = may_complete_stage(context.principal(), *item, current->owner); !allowed) return allowed.error();
  domain::StageDecision choice = domain::StageDecision::done;
  if (decision == "confirm") {
    choice = domain::StageDecision::confirm;
  } else if (decision == "withdraw") {
    choice = domain::StageDecision::withdraw;
  } else if (decision != "done") {
    return Error{ErrorCode::invalid_input, "decision: expected done, confirm or withdraw, got '" + decision + "'"};
  }
  auto next = domain::complete_stage(*item, choice, timetable, domain::WorkingDayCalendar::england_and_wales(),
                                     context.clock.today());
  if (!next) return next.error();
  domain::OutlierEvent event;
  event.case_id = id;
  event.stage = item->stage;
  event.what = current->name + ": " +
               (choice == domain::StageDecision::withdraw  ? "withdrawn"
                : choice == domain::StageDecision::confirm ? "confirmed"
                                                           : "completed");
  if (!note.empty()) event.what += ". " + note;
  event.by = context.principal().user_id;
  event.at = context.clock.now_iso();
  return context.store.update_outlier_case(*next, event, context.actor());
}

Result<AnalysisRunView> run_national_analysis(Context& context, AuditId audit_id, FinancialYear year) {
  auto audit = context.store.audit(audit_id);
  if (!audit) return audit.error();
  if (audit->kind == domain::AuditKind::local_audit) {
    return Error{ErrorCode::not_found, "no national audit " + std::to_string(audit_id.value)};
  }
  auto timetable = domain::current_outlier_timetable(context.store);
  if (!timetable) return timetable.error();
  auto run =
      domain::run_analysis(context.store, audit_id, year, *timetable, domain::WorkingDayCalendar::england_and_wales(),
                           context.clock.today(), context.actor(), CLINAUDIT_VERSION);
  if (!run) return run.error();
  AnalysisRunView view;
  view.audit = std::move(*audit);
  view.run = std::move(*run);
  for (const auto& [id, organisation] : organisations_by_id(context.store)) view.names[id] = organisation.name;
  return view;
}

Result<std::vector<ActionRow>> action_rows(Context& context, ActionFilter filter, std::optional<AuditId> audit) {
  auto actions = context.store.actions(context.principal().organisation_id);
  if (!actions) return actions.error();
  const Date today = context.clock.today();
  std::vector<Action> kept;
  for (auto& item : *actions) {
    if (audit && item.audit_id != audit) continue;
    if (filter == ActionFilter::mine && item.owner != context.principal().user_id) continue;
    if (filter == ActionFilter::overdue && !item.overdue_on(today)) continue;
    kept.push_back(std::move(item));
  }
  return to_action_rows(context, std::move(kept));
}

Result<std::int64_t> save_participation(Context& context, FinancialYear year) {
  auto rows = participation_rows(context, year);
  if (!rows) return rows.error();
  const Request& request = context.request;
  std::vector<domain::Participation> changes;
  for (const auto& row : *rows) {
    const std::string n = std::to_string(row.audit.id.value);
    if (!request.field("eligible_" + n)) continue;
    domain::Participation record = row.record.value_or(domain::Participation{});
    record.organisation_id = context.principal().organisation_id;
    record.audit_id = row.audit.id;
    record.year = year;
    record.eligible = yes_no(request.field("eligible_" + n).value_or(""));
    record.participating = yes_no(request.field("participating_" + n).value_or(""));
    record.reason_not_participating = request.field("reason_" + n).value_or("");
    record.data_collection_completed = yes_no(request.field("completed_" + n).value_or(""));
    auto submitted = count_field(request, "submitted_" + n);
    if (!submitted) return submitted.error();
    auto required = count_field(request, "required_" + n);
    if (!required) return required.error();
    record.cases_submitted = *submitted;
    record.cases_required = *required;
    if (record.participating == false && record.eligible == true && record.reason_not_participating.empty()) {
      return Error{ErrorCode::invalid_input,
                   row.audit.title + ": give the reason for not taking part in an audit you are eligible for"};
    }
    changes.push_back(std::move(record));
  }
  if (changes.empty()) return Error{ErrorCode::invalid_input, "no participation fields were sent"};
  if (auto saved = context.store.upsert_participation(changes, context.actor()); !saved) return saved.error();
  return static_cast<std::int64_t>(changes.size());
}

Result<ActionId> create_action(Context& context) {
  const Request& request = context.request;
  Action action;
  action.organisation_id = context.principal().organisation_id;
  action.title = request.field("title").value_or("");
  if (action.title.empty()) return Error{ErrorCode::invalid_input, "title: say what must be done"};
  auto due = Date::parse(request.field("due_on").value_or(""));
  if (!due) return Error{ErrorCode::invalid_input, "due_on: enter the due date as YYYY-MM-DD"};
  action.due_on = *due;
  if (const auto audit = request.field("audit_id").value_or(""); !audit.empty()) {
    auto id = id_from(audit);
    if (!id) return id.error();
    auto found = context.store.audit(AuditId{*id});
    if (!found || !may_see_audit(context.principal(), *found)) {
      return Error{ErrorCode::invalid_input, "audit_id: there is no such audit"};
    }
    action.audit_id = found->id;
  }
  if (const auto owner = request.field("owner_id").value_or(""); !owner.empty()) {
    auto id = id_from(owner);
    if (!id) return id.error();
    auto user = context.store.user(UserId{*id});
    if (!user || user->organisation_id != action.organisation_id) {
      return Error{ErrorCode::invalid_input, "owner_id: choose someone in your organisation"};
    }
    action.owner = user->id;
  }
  action.owner_name = request.field("owner_name").value_or("");
  if (!action.owner && action.owner_name.empty()) action.owner = context.principal().user_id;
  if (auto source = domain::parse_action_source(request.field("source").value_or(""))) action.source = *source;
  return context.store.add_action(action, context.actor());
}

Result<void> close_action(Context& context, ActionId id) {
  auto action = context.store.action(id);
  if (!action || action->organisation_id != context.principal().organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  if (action->status == domain::ActionStatus::completed || action->status == domain::ActionStatus::cancelled) {
    return Error{ErrorCode::conflict, "this action is already closed"};
  }
  action->status = domain::ActionStatus::completed;
  action->completed_on = context.clock.today();
  action->evidence = context.request.field("evidence").value_or("");
  if (action->evidence.empty()) return Error{ErrorCode::invalid_input, "evidence: say what shows the action is done"};
  return context.store.update_action(*action, context.actor());
}

Result<std::vector<domain::User>> organisation_users(Context& context) {
  auto users = context.store.users(context.principal().organisation_id);
  if (!users) return users.error();
  for (auto& user : *users) user.password_hash.clear();
  return users;
}

Result<std::vector<domain::Notification>> my_notifications(Context& context) {
  const Principal& who = context.principal();
  // A national analyst and the national body hear about every organisation's cases.
  const bool national = who.role == domain::Role::national_analyst ||
                        context.who->organisation.type == domain::OrganisationType::national_body;
  auto inputs = domain::load_notification_inputs(
      context.store, national ? std::nullopt : std::optional<OrganisationId>(who.organisation_id));
  if (!inputs) return inputs.error();
  auto timetable = domain::current_outlier_timetable(context.store);
  if (!timetable) return timetable.error();
  const auto all = domain::daily_notifications(*inputs, context.clock.today(), *timetable,
                                               domain::WorkingDayCalendar::england_and_wales());
  return domain::notifications_for(all, who.email);
}

Result<UserId> create_user(Context& context) {
  const Request& request = context.request;
  domain::User user;
  user.email = request.field("email").value_or("");
  std::transform(user.email.begin(), user.email.end(), user.email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (user.email.find('@') == std::string::npos)
    return Error{ErrorCode::invalid_input, "email: enter an email address"};
  user.display_name = request.field("name").value_or("");
  if (user.display_name.empty()) return Error{ErrorCode::invalid_input, "name: enter the person's name"};
  const auto role = domain::parse_role(request.field("role").value_or(""));
  if (!role) return Error{ErrorCode::invalid_input, "role: choose a role"};
  user.role = *role;
  user.organisation_id = context.principal().organisation_id;
  if (auto allowed = may_assign_role(context.who->organisation, user.role); !allowed) return allowed.error();
  const auto password = request.field("password").value_or("");
  if (password.size() < 12) return Error{ErrorCode::invalid_input, "password: use at least 12 characters"};
  auto hash = hash_password(password);
  if (!hash) return hash.error();
  user.password_hash = std::move(*hash);
  return context.store.add_user(user, context.actor());
}

}  // namespace clinaudit::http
