#include "domain/survey_service.hpp"

namespace clinaudit::domain {

Result<SurveyReport> survey_report(Store& store, SurveyId id) {
  CLINAUDIT_TRY(auto survey, store.survey(id));
  CLINAUDIT_TRY(auto responses, store.survey_responses(id));
  CLINAUDIT_TRY(auto results, summarise_survey(survey, responses));
  SurveyReport report;
  report.results = std::move(results);

  CLINAUDIT_TRY(auto all, store.surveys());
  const Survey* previous = nullptr;
  for (const auto& other : all) {
    if (other.id == id || other.title != survey.title || other.wave >= survey.wave) continue;
    if (previous == nullptr || other.wave > previous->wave) previous = &other;
  }
  if (previous != nullptr) {
    CLINAUDIT_TRY(auto earlier_survey, store.survey(previous->id));  // with its questions
    CLINAUDIT_TRY(auto earlier_responses, store.survey_responses(previous->id));
    CLINAUDIT_TRY(auto earlier, summarise_survey(earlier_survey, earlier_responses));
    CLINAUDIT_TRY(auto changes, compare_waves(earlier, report.results));
    report.previous = std::move(earlier);
    report.changes = std::move(changes);
  }
  return report;
}

}  // namespace clinaudit::domain
