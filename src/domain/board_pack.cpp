#include "domain/board_pack.hpp"

#include <algorithm>
#include <map>

#include "core/number_format.hpp"
#include "domain/measure_series.hpp"
#include "domain/open_concerns.hpp"
#include "domain/quality_account_service.hpp"

namespace clinaudit::domain {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

Result<void> add_measure_charts(Store& store, BoardPack& pack, const std::vector<Audit>& audits) {
  for (const auto& audit : audits) {
    CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
    for (const auto& measure : measures) {
      CLINAUDIT_TRY(const auto results, store.results_of(measure.id, pack.organisation.id));
      MeasureChart chart;
      chart.audit = audit;
      chart.measure = measure;
      for (const auto& row : results) {
        if (row.period_start > pack.meeting) continue;
        const auto value = measure_value(measure, row);
        if (!value) continue;
        if (is_crude_ratio(measure, row)) chart.crude = true;
        chart.periods.push_back(Month::of(row.period_start).to_string());
        chart.values.push_back(*value);
      }
      if (chart.values.size() < 2) continue;  // one-off results belong to re-audit outcomes
      CLINAUDIT_TRY(auto xmr, xmr_of(measure, chart.values));
      chart.chart = std::move(xmr);
      pack.measures.push_back(std::move(chart));
    }
  }
  return {};
}

Result<std::optional<MeasureResult>> compliance_result(Store& store, const Audit& audit, OrganisationId organisation) {
  CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
  for (const auto& measure : measures) {
    if (measure.type != MeasureType::proportion) continue;
    CLINAUDIT_TRY(const auto results, store.results_of(measure.id, organisation));
    if (!results.empty() && results.back().numerator && results.back().denominator) {
      return std::optional<MeasureResult>(results.back());
    }
  }
  return std::optional<MeasureResult>{};
}

Result<void> add_reaudits(Store& store, BoardPack& pack, const std::vector<Audit>& audits) {
  std::map<std::int64_t, const Audit*> by_id;
  for (const auto& audit : audits) by_id[audit.id.value] = &audit;
  for (const auto& audit : audits) {
    if (!audit.reaudit_of || audit.owner != pack.organisation.id) continue;
    const auto original = by_id.find(audit.reaudit_of->value);
    if (original == by_id.end()) continue;
    CLINAUDIT_TRY(const auto before, compliance_result(store, *original->second, pack.organisation.id));
    CLINAUDIT_TRY(const auto after, compliance_result(store, audit, pack.organisation.id));
    if (!before || !after) continue;
    ReauditOutcome outcome;
    outcome.original = *original->second;
    outcome.reaudit = audit;
    outcome.before_numerator = *before->numerator;
    outcome.before_denominator = *before->denominator;
    outcome.after_numerator = *after->numerator;
    outcome.after_denominator = *after->denominator;
    CLINAUDIT_TRY(const auto change, stats::newcombe_difference(outcome.after_numerator, outcome.after_denominator,
                                                                outcome.before_numerator, outcome.before_denominator));
    outcome.change = change;
    outcome.verdict = change.interval.lower > 0   ? "improved"
                      : change.interval.upper < 0 ? "declined"
                                                  : "no clear change";
    pack.reaudits.push_back(std::move(outcome));
  }
  return {};
}

void summarise(BoardPack& pack) {
  const auto& qa = pack.participation;
  const auto alarms = std::count_if(pack.open_outliers.begin(), pack.open_outliers.end(), [](const OutlierRow& row) {
    const auto& c = row.item;
    return c.level == OutlierLevel::alarm && c.unfavourable;
  });
  const auto alerts = static_cast<std::ptrdiff_t>(pack.open_outliers.size()) - alarms;
  if (alarms > 0) {
    pack.alert.push_back(count_of(static_cast<std::size_t>(alarms), "open outlier case at alarm level (beyond 3 SD)",
                                  "open outlier cases at alarm level (beyond 3 SD)"));
  }
  std::size_t upper_signals = 0;
  for (const auto& alert : pack.cusum_alerts) upper_signals += alert.side == stats::CusumSide::upper ? 1 : 0;
  if (upper_signals > 0) {
    pack.alert.push_back(count_of(upper_signals, "risk-adjusted CUSUM signal of worse-than-expected outcomes",
                                  "risk-adjusted CUSUM signals of worse-than-expected outcomes") +
                         " in the past year");
  }
  std::size_t concern = 0, failing = 0, improving = 0, passing = 0, hit_and_miss = 0;
  for (const auto& m : pack.measures) {
    const auto v = m.chart.variation;
    concern += shows_concern(v) ? 1 : 0;
    improving += v == stats::VariationIcon::improvement_high || v == stats::VariationIcon::improvement_low ? 1 : 0;
    failing += m.chart.assurance == stats::AssuranceIcon::consistent_fail ? 1 : 0;
    passing += m.chart.assurance == stats::AssuranceIcon::consistent_pass ? 1 : 0;
    hit_and_miss += m.chart.assurance == stats::AssuranceIcon::inconsistent ? 1 : 0;
  }
  if (concern > 0) pack.alert.push_back(count_of(concern, "measure shows", "measures show") + " special-cause concern");
  if (failing > 0)
    pack.alert.push_back(count_of(failing, "measure is", "measures are") + " consistently falling short of the target");
  if (!pack.overdue_actions.empty()) {
    pack.alert.push_back(count_of(pack.overdue_actions.size(), "action is", "actions are") + " overdue");
  }
  if (alerts > 0) {
    pack.advise.push_back(
        count_of(static_cast<std::size_t>(alerts), "other open outlier case", "other open outlier cases") +
        " (alert level or better than expected)");
  }
  if (!qa.gaps.empty()) {
    pack.advise.push_back(count_of(qa.gaps.size(), "gap", "gaps") + " in the Quality Account records for " +
                          qa.year.to_string());
  }
  if (!pack.unreviewed_reports.empty()) {
    pack.advise.push_back(
        count_of(pack.unreviewed_reports.size(), "national audit report is", "national audit reports are") +
        " published but not yet reviewed");
  }
  if (hit_and_miss > 0) {
    pack.advise.push_back(count_of(hit_and_miss, "measure is", "measures are") +
                          " inconsistently passing and falling short of the target");
  }
  for (const auto& r : pack.reaudits) {
    if (r.verdict == "declined") pack.advise.push_back("Re-audit shows decline: " + r.reaudit.title);
  }
  if (const auto share = qa.national_audits.participation_share()) {
    pack.assure.push_back("Took part in " + format_fixed(*share * 100, 0) + "% of eligible national clinical audits (" +
                          std::to_string(qa.national_audits.participated) + " of " +
                          std::to_string(qa.national_audits.eligible) + ") in " + qa.year.to_string());
  }
  if (improving > 0)
    pack.assure.push_back(count_of(improving, "measure shows", "measures show") + " special-cause improvement");
  if (passing > 0)
    pack.assure.push_back(count_of(passing, "measure consistently passes", "measures consistently pass") +
                          " its target");
  for (const auto& r : pack.reaudits) {
    if (r.verdict == "improved") pack.assure.push_back("Re-audit shows improvement: " + r.reaudit.title);
  }
  if (!pack.completed_actions.empty()) {
    pack.assure.push_back(count_of(pack.completed_actions.size(), "action", "actions") +
                          " completed in the past 90 days");
  }
}

}  // namespace

std::vector<BoardEngagementYear> board_engagement(const std::vector<ReportReview>& reviews,
                                                  const std::vector<Action>& actions, const std::vector<Audit>& audits,
                                                  Date as_of) {
  std::map<std::int64_t, const Audit*> by_id;
  for (const auto& audit : audits) by_id[audit.id.value] = &audit;
  std::map<int, BoardEngagementYear> years;
  std::map<int, std::vector<double>> days;
  for (const auto& review : reviews) {
    const auto audit = by_id.find(review.audit_id.value);
    if (audit == by_id.end() || audit->second->kind == AuditKind::local_audit || review.published_on > as_of) {
      continue;
    }
    const auto year = FinancialYear::containing(review.published_on);
    auto& entry = years[year.start_year];
    entry.year = year;
    ++entry.national_reports_published;
    if (review.reviewed_on && *review.reviewed_on <= as_of) {
      ++entry.national_reports_reviewed;
      days[year.start_year].push_back(static_cast<double>(review.reviewed_on->days_since(review.published_on)));
    }
  }
  for (const auto& action : actions) {
    if (action.source != ActionSource::board_decision || action.due_on > as_of) continue;
    const auto year = FinancialYear::containing(action.due_on);
    auto& entry = years[year.start_year];
    entry.year = year;
    ++entry.board_actions_due;
    if (action.completed_on && *action.completed_on <= action.due_on) ++entry.board_actions_on_time;
  }
  std::vector<BoardEngagementYear> out;
  for (auto& [start, entry] : years) {
    auto& d = days[start];
    if (!d.empty()) {
      std::sort(d.begin(), d.end());
      const std::size_t mid = d.size() / 2;
      entry.median_days_to_review = d.size() % 2 == 1 ? d[mid] : (d[mid - 1] + d[mid]) / 2;
    }
    out.push_back(entry);
  }
  return out;
}

bool needs_chart(const MeasureChart& measure) {
  return measure.chart.variation != stats::VariationIcon::common_cause ||
         measure.chart.assurance == stats::AssuranceIcon::consistent_fail;
}

Result<BoardPack> board_pack_for(Store& store, std::string_view organisation_code, Date meeting) {
  CLINAUDIT_TRY(auto organisation, store.organisation_by_code(organisation_code));
  BoardPack pack;
  pack.organisation = organisation;
  pack.meeting = meeting;
  CLINAUDIT_TRY(auto participation, quality_account_for(store, organisation_code, FinancialYear::containing(meeting)));
  pack.participation = std::move(participation);

  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> visible;
  for (const auto& audit : audits) {
    if (visible_to(audit, pack.organisation.id)) visible.push_back(audit);
  }
  // What stands open on the meeting day, as the dashboard shows it on its day.
  CLINAUDIT_TRY(auto concerns,
                open_concerns(store, pack.organisation.id, visible, meeting, fresh_cusum_signals(store)));
  pack.open_outliers = outlier_rows(store, std::move(concerns.open_outliers));
  sort_for_work(pack.open_outliers);
  pack.overdue_actions = std::move(concerns.overdue_actions);
  for (auto& signal : concerns.cusum_signals) pack.cusum_alerts.push_back(signal.alert);
  CLINAUDIT_TRY_VOID(add_measure_charts(store, pack, visible));
  CLINAUDIT_TRY_VOID(add_reaudits(store, pack, visible));

  CLINAUDIT_TRY(auto actions, store.actions(pack.organisation.id));
  for (const auto& action : actions) {
    if (action.status == ActionStatus::completed && action.completed_on && *action.completed_on <= meeting &&
        *action.completed_on >= meeting.plus_days(-90)) {
      pack.completed_actions.push_back(action);
    }
  }
  CLINAUDIT_TRY(auto reviews, store.report_reviews(pack.organisation.id));
  for (const auto& review : reviews) {
    if (review.published_on <= meeting && (!review.reviewed_on || *review.reviewed_on > meeting)) {
      pack.unreviewed_reports.push_back(review);
    }
  }
  pack.engagement = board_engagement(reviews, actions, visible, meeting);
  summarise(pack);
  return pack;
}

}  // namespace clinaudit::domain
