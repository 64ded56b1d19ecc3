#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "domain/audit_criteria.hpp"
#include "stats/intervals.hpp"
#include "stats/proportion_difference.hpp"

// What an audit's results per criterion say against each target, and what a re-audit's say
// against the audit it repeats (docs/statistics.md, "Results per criterion"). Pure; the
// audit page, the API and the board pack read the same figures from here.
namespace clinaudit::domain {

// A criterion's compliance against its target, judged with the 95% Wilson interval.
enum class TargetVerdict {
  meets_target,           // compliance at or above the target
  short_within_interval,  // below the target, but the interval reaches it: it may be chance
  below_target,           // the whole interval lies below the target
};
std::string_view to_string(TargetVerdict verdict);
std::string_view display_name(TargetVerdict verdict);

// A re-audit's change on one criterion, judged with Newcombe's 95% interval of the difference.
enum class ChangeVerdict {
  improved,         // the interval of after - before lies above zero
  declined,         // it lies below zero
  no_clear_change,  // it includes zero
};
std::string_view to_string(ChangeVerdict verdict);
std::string_view display_name(ChangeVerdict verdict);

// A criterion with its result's figures; the figures are empty until a result is entered
// that applied to at least one case.
struct CriterionFigures {
  Criterion criterion;
  std::optional<double> compliance;  // met / applicable, in [0, 1]
  stats::Interval interval;          // 95% Wilson interval of the compliance
  std::optional<TargetVerdict> verdict;
};

// The figures of `criterion` (Wilson, stats/intervals.hpp). Errors: the statistics'.
Result<CriterionFigures> criterion_figures(const Criterion& criterion);

// One criterion of a re-audit against the same standard in the audit it repeats, matched
// by statement (criterion_match_key). `before` is empty when the earlier audit has no such
// criterion; the change is empty unless both results applied to at least one case.
struct CriterionComparison {
  std::optional<CriterionFigures> before;
  CriterionFigures after;
  std::optional<stats::ProportionDifference> change;  // after - before, proportions in [-1, 1]
  std::optional<ChangeVerdict> verdict;
};

// The re-audit's criteria (`after`, in their order) compared with the earlier audit's
// (`before`). A statement the earlier audit holds twice is matched with its first.
// Errors: the statistics'.
Result<std::vector<CriterionComparison>> compare_criteria(const std::vector<Criterion>& before,
                                                          const std::vector<Criterion>& after);

// The earlier audit's criteria that no criterion of the re-audit matches, in their order.
std::vector<Criterion> criteria_not_repeated(const std::vector<Criterion>& before, const std::vector<Criterion>& after);

}  // namespace clinaudit::domain
