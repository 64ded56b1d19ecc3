#include "domain/survey_service.hpp"

namespace clinaudit::domain {

Result<SurveyReport> survey_report(Store& store, SurveyId id) {
  auto survey = store.survey(id);
  if (!survey) return survey.error();
  auto responses = store.survey_responses(id);
  if (!responses) return responses.error();
  auto results = summarise_survey(*survey, *responses);
  if (!results) return results.error();
  SurveyReport report;
  report.results = std::move(*results);

  auto all = store.surveys();
  if (!all) return all.error();
  const Survey* previous = nullptr;
  for (const auto& other : *all) {
    if (other.id == id || other.title != survey->title || other.wave >= survey->wave) continue;
    if (previous == nullptr || other.wave > previous->wave) previous = &other;
  }
  if (previous != nullptr) {
    auto earlier_survey = store.survey(previous->id);  // with its questions
    if (!earlier_survey) return earlier_survey.error();
    auto earlier_responses = store.survey_responses(previous->id);
    if (!earlier_responses) return earlier_responses.error();
    auto earlier = summarise_survey(*earlier_survey, *earlier_responses);
    if (!earlier) return earlier.error();
    auto changes = compare_waves(*earlier, report.results);
    if (!changes) return changes.error();
    report.previous = std::move(*earlier);
    report.changes = std::move(*changes);
  }
  return report;
}

}  // namespace clinaudit::domain
