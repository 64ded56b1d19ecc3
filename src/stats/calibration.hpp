#pragma once

#include <cstdint>
#include <vector>

#include "core/result.hpp"
#include "stats/ranked_risks.hpp"

namespace clinaudit::stats {

// One group of the Hosmer-Lemeshow table: episodes with predicted risk in (lower, upper]
// (the first group also includes its lower bound).
struct RiskGroup {
  double lower = 0;
  double upper = 0;
  std::int64_t episodes = 0;
  std::int64_t observed = 0;  // episodes with outcome 1
  double expected = 0;        // sum of predicted risks
};

struct HosmerLemeshow {
  std::vector<RiskGroup> groups;
  double statistic = 0;  // sum over groups and both outcomes of (O - E)^2 / E
  int degrees_of_freedom = 0;
  double p_value = 0;  // upper tail of chi-squared(degrees_of_freedom); NaN when df < 1
};

// The Hosmer-Lemeshow goodness-of-fit test (Hosmer & Lemeshow, Applied Logistic Regression,
// 2nd ed., 2000, section 5.2.2) with groups cut at the quantiles of the predicted risks, the
// convention of R's ResourceSelection::hoslem.test: breaks = unique(quantile(p, 0:g / g))
// (R's default type-7 quantiles), groups = cut(p, breaks, include.lowest = TRUE). Tied risks
// stay in one group, so heavy ties give fewer groups. The statistic sums (O - E)^2 / E over
// both outcome cells of every group; df = groups used - 2 (hoslem.test uses g - 2 even when
// breaks merge; the two agree whenever all g groups exist).
// Errors: invalid_input when `groups` < 3 or there are no risks. Pure; safe from any thread.
Result<HosmerLemeshow> hosmer_lemeshow(const RankedRisks& risks, int groups = 10);

// Calibration in the large: observed and expected events over all episodes, their ratio
// O/E and the difference of the mean outcome and the mean predicted risk. On the episodes
// a model with an intercept was fitted to, O = E (a property of maximum likelihood), so this
// is informative when risks come from another model or period.
struct CalibrationInTheLarge {
  std::int64_t episodes = 0;
  std::int64_t observed = 0;
  double expected = 0;
  double ratio = 0;       // O / E
  double difference = 0;  // (O - E) / episodes
};

CalibrationInTheLarge calibration_in_the_large(const RankedRisks& risks);

}  // namespace clinaudit::stats
