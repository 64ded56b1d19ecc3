#include "domain/organisation_figures.hpp"

#include <map>
#include <set>

#include "domain/criteria_results.hpp"
#include "domain/measure_series.hpp"
#include "domain/stored_measure_charts.hpp"

namespace clinaudit::domain {
namespace {

// The organisation's stored chart of each measure (domain/stored_measure_charts.hpp) as it
// was on the day, in the order of the audits and of their measures; measures with fewer than
// kMinimumSpcPoints results up to the day are left out of the charts and the counts alike.
Result<std::vector<MeasureChart>> measure_charts(Store& store, OrganisationId organisation, Date day,
                                                 const std::vector<Audit>& audits) {
  CLINAUDIT_TRY(const auto stored, store.measure_charts(std::nullopt, organisation));
  std::map<std::int64_t, const StoredMeasureChart*> by_measure;
  std::set<std::int64_t> charted_audits;
  for (const auto& chart : stored) {
    by_measure[chart.measure_id.value] = &chart;
    charted_audits.insert(chart.audit_id.value);
  }
  std::vector<MeasureChart> out;
  for (const auto& audit : audits) {
    if (!charted_audits.contains(audit.id.value)) continue;
    CLINAUDIT_TRY(const auto measures, store.measures_of(audit.id));
    for (const auto& measure : measures) {
      const auto found = by_measure.find(measure.id.value);
      if (found == by_measure.end()) continue;
      auto as_of = chart_as_of(*found->second, measure, day);
      if (!as_of) continue;
      MeasureChart chart;
      chart.audit = audit;
      chart.measure = measure;
      for (const auto& point : as_of->points) {
        chart.periods.push_back(Month::of(point.period_start).to_string());
        chart.values.push_back(point.value);
        chart.crude = chart.crude || point.crude;
      }
      chart.latest_start = as_of->points.back().period_start;
      chart.chart = std::move(as_of->chart);
      chart.computed_at = as_of->computed_at;
      out.push_back(std::move(chart));
    }
  }
  return out;
}

SpcCounts count_icons(const std::vector<MeasureChart>& charts) {
  SpcCounts counts;
  for (const auto& m : charts) {
    switch (m.chart.variation) {
      case stats::VariationIcon::common_cause: ++counts.common_cause; break;
      case stats::VariationIcon::improvement_high:
      case stats::VariationIcon::improvement_low: ++counts.improving; break;
      case stats::VariationIcon::concern_high:
      case stats::VariationIcon::concern_low: ++counts.concern; break;
      case stats::VariationIcon::neutral_high:
      case stats::VariationIcon::neutral_low: ++counts.neutral; break;
    }
    counts.passing += m.chart.assurance == stats::AssuranceIcon::consistent_pass ? 1 : 0;
    counts.failing += m.chart.assurance == stats::AssuranceIcon::consistent_fail ? 1 : 0;
    counts.hit_and_miss += m.chart.assurance == stats::AssuranceIcon::inconsistent ? 1 : 0;
  }
  return counts;
}

// The latest result with both counts of the audit's first proportion measure.
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

// One outcome per criterion of the re-audit compared with the audit it repeats (both with
// a result); none when no criterion can be compared.
Result<std::vector<ReauditOutcome>> criterion_outcomes(Store& store, const Audit& original, const Audit& reaudit) {
  CLINAUDIT_TRY(const auto before, store.criteria_of(original.id));
  CLINAUDIT_TRY(const auto after, store.criteria_of(reaudit.id));
  CLINAUDIT_TRY(const auto rows, compare_criteria(before, after));
  std::vector<ReauditOutcome> out;
  for (const auto& row : rows) {
    if (!row.change || !row.verdict) continue;
    ReauditOutcome outcome;
    outcome.original = original;
    outcome.reaudit = reaudit;
    outcome.criterion = row.after.criterion.statement;
    outcome.before_numerator = static_cast<double>(*row.before->criterion.met);
    outcome.before_denominator = static_cast<double>(*row.before->criterion.applicable);
    outcome.after_numerator = static_cast<double>(*row.after.criterion.met);
    outcome.after_denominator = static_cast<double>(*row.after.criterion.applicable);
    outcome.change = *row.change;
    outcome.verdict = *row.verdict == ChangeVerdict::improved   ? "improved"
                      : *row.verdict == ChangeVerdict::declined ? "declined"
                                                                : "no clear change";
    out.push_back(std::move(outcome));
  }
  return out;
}

}  // namespace

Result<std::vector<ReauditOutcome>> reaudit_outcomes(Store& store, OrganisationId organisation,
                                                     const std::vector<Audit>& audits) {
  std::map<std::int64_t, const Audit*> by_id;
  for (const auto& audit : audits) by_id[audit.id.value] = &audit;
  std::vector<ReauditOutcome> out;
  for (const auto& audit : audits) {
    if (!audit.reaudit_of || audit.owner != organisation) continue;
    const auto original = by_id.find(audit.reaudit_of->value);
    if (original == by_id.end()) continue;
    CLINAUDIT_TRY(auto per_criterion, criterion_outcomes(store, *original->second, audit));
    if (!per_criterion.empty()) {
      for (auto& outcome : per_criterion) out.push_back(std::move(outcome));
      continue;
    }
    CLINAUDIT_TRY(const auto before, compliance_result(store, *original->second, organisation));
    CLINAUDIT_TRY(const auto after, compliance_result(store, audit, organisation));
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
    out.push_back(std::move(outcome));
  }
  return out;
}

Result<OrganisationFigures> organisation_figures(Store& store, OrganisationId organisation, Date day) {
  CLINAUDIT_TRY(const auto who, store.organisation(organisation));
  OrganisationFigures figures;
  figures.day = day;
  figures.year = FinancialYear::containing(day);

  Principal member;
  member.organisation_id = organisation;
  member.organisation_type = who.type;
  CLINAUDIT_TRY(const auto rows, participation_rows(store, member, figures.year));
  figures.participation = summarise(rows);

  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> visible;
  for (auto& audit : audits) {
    if (visible_to(audit, organisation)) visible.push_back(std::move(audit));
  }

  CLINAUDIT_TRY(auto charts, measure_charts(store, organisation, day, visible));
  figures.measures = std::move(charts);
  figures.spc = count_icons(figures.measures);

  CLINAUDIT_TRY(auto reaudits, reaudit_outcomes(store, organisation, visible));
  figures.reaudits = std::move(reaudits);
  for (const auto& r : figures.reaudits) {
    (r.verdict == "improved"   ? figures.reaudits_improved
     : r.verdict == "declined" ? figures.reaudits_declined
                               : figures.reaudits_unclear) += 1;
  }

  CLINAUDIT_TRY(auto concerns, open_concerns(store, organisation, visible, day));
  for (const auto& item : concerns.open_outliers) {
    // HQIP's guidance: an alarm is a potential outlier until the audit supplier's checks confirm it.
    const bool alarm = item.level == OutlierLevel::alarm && item.unfavourable;
    (!alarm                                    ? figures.open_others
     : item.status == OutlierStatus::confirmed ? figures.open_alarms
                                               : figures.open_potential) += 1;
  }
  figures.open_outliers = outlier_rows(store, std::move(concerns.open_outliers));
  sort_for_work(figures.open_outliers);
  figures.overdue_actions = std::move(concerns.overdue_actions);
  figures.open_actions = concerns.open_actions;
  figures.cusum_signals = std::move(concerns.cusum_signals);
  for (const auto& s : figures.cusum_signals) figures.cusum_worse += s.alert.worse_than_expected() ? 1 : 0;
  figures.cusum_monitoring = std::move(concerns.cusum_monitoring);
  CLINAUDIT_TRY(figures.cycle, audit_cycle_figures(store, member, day));
  return figures;
}

std::string participation_definition(const ParticipationSummary& participation, FinancialYear year) {
  std::string out =
      "Participation: " + std::to_string(participation.participating) +
      (participation.eligible == 1 ? " of 1" : " of the " + std::to_string(participation.eligible)) + " national " +
      (participation.eligible == 1 ? "audit or confidential enquiry" : "audits and confidential enquiries") +
      " on the " + year.to_string() + " Quality Account list that we are recorded as eligible for";
  if (participation.not_recorded > 0) {
    out += "; " + std::to_string(participation.not_recorded) + " more on the list for our type of organisation " +
           (participation.not_recorded == 1 ? "has" : "have") + " no eligibility recorded yet";
  }
  return out + ".";
}

}  // namespace clinaudit::domain
