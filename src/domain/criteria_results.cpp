#include "domain/criteria_results.hpp"

#include <map>
#include <string>

namespace clinaudit::domain {
namespace {

constexpr double kLevel = 0.95;

}  // namespace

std::string_view to_string(TargetVerdict verdict) {
  switch (verdict) {
    case TargetVerdict::meets_target: return "meets_target";
    case TargetVerdict::short_within_interval: return "short_within_interval";
    case TargetVerdict::below_target: return "below_target";
  }
  return "unknown";
}

std::string_view display_name(TargetVerdict verdict) {
  switch (verdict) {
    case TargetVerdict::meets_target: return "meets the target";
    case TargetVerdict::short_within_interval: return "short of the target, but the interval includes it";
    case TargetVerdict::below_target: return "below the target";
  }
  return "unknown";
}

std::string_view to_string(ChangeVerdict verdict) {
  switch (verdict) {
    case ChangeVerdict::improved: return "improved";
    case ChangeVerdict::declined: return "declined";
    case ChangeVerdict::no_clear_change: return "no_clear_change";
  }
  return "unknown";
}

std::string_view display_name(ChangeVerdict verdict) {
  switch (verdict) {
    case ChangeVerdict::improved: return "improvement";
    case ChangeVerdict::declined: return "decline";
    case ChangeVerdict::no_clear_change: return "no clear change";
  }
  return "unknown";
}

Result<CriterionFigures> criterion_figures(const Criterion& criterion) {
  CriterionFigures figures{.criterion = criterion};
  if (!criterion.has_result() || *criterion.applicable <= 0) return figures;
  const auto met = static_cast<double>(*criterion.met);
  const auto applicable = static_cast<double>(*criterion.applicable);
  CLINAUDIT_TRY(figures.interval, stats::wilson_interval(met, applicable, kLevel));
  const double compliance = met / applicable;
  const double target = criterion.target_percent / 100.0;
  figures.compliance = compliance;
  figures.verdict = compliance >= target               ? TargetVerdict::meets_target
                    : figures.interval.upper >= target ? TargetVerdict::short_within_interval
                                                       : TargetVerdict::below_target;
  return figures;
}

Result<std::vector<CriterionComparison>> compare_criteria(const std::vector<Criterion>& before,
                                                          const std::vector<Criterion>& after) {
  std::map<std::string, const Criterion*> earlier;
  for (const auto& c : before) earlier.try_emplace(criterion_match_key(c.statement), &c);
  std::vector<CriterionComparison> out;
  out.reserve(after.size());
  for (const auto& c : after) {
    CriterionComparison row;
    CLINAUDIT_TRY(row.after, criterion_figures(c));
    if (const auto match = earlier.find(criterion_match_key(c.statement)); match != earlier.end()) {
      CLINAUDIT_TRY(row.before, criterion_figures(*match->second));
    }
    if (row.before && row.before->compliance && row.after.compliance) {
      const auto& b = row.before->criterion;
      CLINAUDIT_TRY(const auto change, stats::newcombe_difference(
                                           static_cast<double>(*c.met), static_cast<double>(*c.applicable),
                                           static_cast<double>(*b.met), static_cast<double>(*b.applicable), kLevel));
      row.change = change;
      row.verdict = change.interval.lower > 0   ? ChangeVerdict::improved
                    : change.interval.upper < 0 ? ChangeVerdict::declined
                                                : ChangeVerdict::no_clear_change;
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<Criterion> criteria_not_repeated(const std::vector<Criterion>& before,
                                             const std::vector<Criterion>& after) {
  std::map<std::string, bool> repeated;
  for (const auto& c : after) repeated[criterion_match_key(c.statement)] = true;
  std::vector<Criterion> out;
  for (const auto& c : before) {
    if (!repeated.contains(criterion_match_key(c.statement))) out.push_back(c);
  }
  return out;
}

}  // namespace clinaudit::domain
