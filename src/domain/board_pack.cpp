#include "domain/board_pack.hpp"

#include <algorithm>
#include <map>

#include "core/number_format.hpp"
#include "domain/organisation_figures.hpp"
#include "domain/quality_account_service.hpp"

namespace clinaudit::domain {
namespace {

std::string count_of(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A re-audit as the summary names it: with its criterion when the outcome is one criterion's.
std::string reaudit_name(const ReauditOutcome& r) {
  return r.criterion.empty() ? r.reaudit.title : r.reaudit.title + " (" + r.criterion + ")";
}

void summarise(BoardPack& pack) {
  const auto& qa = pack.participation;
  const auto& f = pack.figures;
  if (f.open_alarms > 0) {
    pack.alert.push_back(count_of(static_cast<std::size_t>(f.open_alarms),
                                  "confirmed outlier at alarm level (beyond 3 SD), worse than expected",
                                  "confirmed outliers at alarm level (beyond 3 SD), worse than expected"));
  }
  if (f.open_potential > 0) {
    pack.advise.push_back(
        count_of(static_cast<std::size_t>(f.open_potential), "potential outlier", "potential outliers") +
        " at alarm level (beyond 3 SD), worse than expected, not yet confirmed by the national audit");
  }
  if (f.cusum_worse > 0) {
    pack.alert.push_back(count_of(static_cast<std::size_t>(f.cusum_worse),
                                  "risk-adjusted CUSUM signal of worse-than-expected outcomes",
                                  "risk-adjusted CUSUM signals of worse-than-expected outcomes") +
                         " in the past year");
  }
  const auto n = [](std::int64_t count) { return static_cast<std::size_t>(count); };
  if (f.spc.concern > 0)
    pack.alert.push_back(count_of(n(f.spc.concern), "measure shows", "measures show") + " special-cause concern");
  if (f.spc.failing > 0)
    pack.alert.push_back(count_of(n(f.spc.failing), "measure is", "measures are") +
                         " consistently falling short of the target");
  if (!f.overdue_actions.empty()) {
    pack.alert.push_back(count_of(f.overdue_actions.size(), "action is", "actions are") + " overdue");
  }
  const auto& cycle = f.cycle;
  if (!cycle.overdue_reviews.empty()) {
    pack.alert.push_back(count_of(cycle.overdue_reviews.size(), "national audit report's review is",
                                  "national audit reports' reviews are") +
                         " past the deadline set on the report tracker");
  }
  const auto& nice = cycle.nice;
  if (nice.recommendations_without_action > 0) {
    pack.alert.push_back(count_of(static_cast<std::size_t>(nice.recommendations_without_action),
                                  "NICE recommendation is", "NICE recommendations are") +
                         " assessed as not or partly met with no action raised");
  }
  if (f.open_others > 0) {
    pack.advise.push_back(count_of(n(f.open_others), "other open outlier case", "other open outlier cases") +
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
  if (f.spc.hit_and_miss > 0) {
    pack.advise.push_back(count_of(n(f.spc.hit_and_miss), "measure is", "measures are") +
                          " inconsistently passing and falling short of the target");
  }
  for (const auto& r : f.reaudits) {
    if (r.verdict == "declined") pack.advise.push_back("Re-audit shows decline: " + reaudit_name(r));
  }
  // The forward programme: on track (assure) while no planned audit is past its planned end.
  const auto& plan = cycle.programme;
  if (plan.in_plan > 0) {
    std::string line = "Forward programme " + cycle.year.to_string() + ": " + std::to_string(plan.completed) + " of " +
                       std::to_string(plan.in_plan) + " planned local audits completed";
    if (plan.overdue > 0) {
      pack.advise.push_back(line + ", " + count_of(static_cast<std::size_t>(plan.overdue), "is", "are") +
                            " past the planned end");
    } else {
      pack.assure.push_back("Forward programme " + cycle.year.to_string() +
                            " on track: " + std::to_string(plan.completed) + " of " + std::to_string(plan.in_plan) +
                            " planned local audits completed, none past the planned end");
    }
  }
  if (cycle.carried_without_reason > 0) {
    pack.advise.push_back(
        count_of(static_cast<std::size_t>(cycle.carried_without_reason), "local audit is", "local audits are") +
        " carried over with no reason recorded");
  }
  if (nice.not_compliant + nice.partly_compliant > 0) {
    pack.advise.push_back(
        count_of(static_cast<std::size_t>(nice.not_compliant) + static_cast<std::size_t>(nice.partly_compliant),
                 "piece of applicable NICE guidance is", "pieces of applicable NICE guidance are") +
        " not fully met (" + std::to_string(nice.not_compliant) + " not compliant, " +
        std::to_string(nice.partly_compliant) + " partly compliant)");
  }
  if (nice.reviews_overdue > 0) {
    pack.advise.push_back(count_of(static_cast<std::size_t>(nice.reviews_overdue), "NICE guidance review is",
                                   "NICE guidance reviews are") +
                          " past the review date");
  }
  if (nice.baseline_incomplete + nice.to_be_assessed > 0) {
    pack.advise.push_back(
        count_of(static_cast<std::size_t>(nice.baseline_incomplete) + static_cast<std::size_t>(nice.to_be_assessed),
                 "piece of NICE guidance awaits its", "pieces of NICE guidance await their") +
        " applicability or baseline assessment");
  }
  if (nice.applicable > 0 && nice.compliant == nice.applicable) {
    pack.assure.push_back("Every piece of applicable NICE guidance in the register is met (" +
                          std::to_string(nice.compliant) + " of " + std::to_string(nice.applicable) + ")");
  }
  const auto& p = f.participation;
  if (p.eligible > 0) {
    pack.assure.push_back(
        "Took part in " +
        format_fixed(static_cast<double>(p.participating) * 100 / static_cast<double>(p.eligible), 0) +
        "% of the national audits and confidential enquiries we are eligible for (" + std::to_string(p.participating) +
        " of " + std::to_string(p.eligible) + ") in " + f.year.to_string());
  }
  if (f.spc.improving > 0)
    pack.assure.push_back(count_of(n(f.spc.improving), "measure shows", "measures show") +
                          " special-cause improvement");
  if (f.spc.passing > 0)
    pack.assure.push_back(count_of(n(f.spc.passing), "measure consistently passes", "measures consistently pass") +
                          " its target");
  for (const auto& r : f.reaudits) {
    if (r.verdict == "improved") pack.assure.push_back("Re-audit shows improvement: " + reaudit_name(r));
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

  // What the dashboard shows on the meeting day, from the same computation.
  CLINAUDIT_TRY(auto figures, organisation_figures(store, pack.organisation.id, meeting));
  pack.figures = std::move(figures);
  pack.open_outliers = pack.figures.open_outliers;
  pack.overdue_actions = pack.figures.overdue_actions;
  for (const auto& signal : pack.figures.cusum_signals) pack.cusum_alerts.push_back(signal.alert);
  pack.measures = pack.figures.measures;
  pack.reaudits = pack.figures.reaudits;

  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> visible;
  for (const auto& audit : audits) {
    if (visible_to(audit, pack.organisation.id)) visible.push_back(audit);
  }
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
