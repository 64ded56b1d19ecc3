#pragma once

#include <optional>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "domain/survey_results.hpp"

namespace clinaudit::domain {

struct SurveyReport {
  SurveyResults results;
  std::optional<SurveyResults> previous;  // the wave before, when the store holds one
  std::vector<WaveChange> changes;        // from the previous wave to this one
};

// A survey's results and, when another survey with the same title has an earlier wave,
// the change since the latest such wave. One call for the page, the API and
// `clinaudit report survey`. Errors: not_found for an unknown survey; the store's errors.
Result<SurveyReport> survey_report(Store& store, SurveyId id);

}  // namespace clinaudit::domain
