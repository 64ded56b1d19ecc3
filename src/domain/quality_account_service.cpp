#include "domain/quality_account_service.hpp"

namespace clinaudit::domain {

Result<QualityAccountStatement> quality_account_for(Store& store, std::string_view organisation_code,
                                                    FinancialYear year) {
  auto organisation = store.organisation_by_code(organisation_code);
  if (!organisation) return organisation.error();
  QualityAccountInputs inputs;
  inputs.organisation = std::move(*organisation);
  inputs.year = year;
  auto list = store.qa_list(year);
  if (!list) return list.error();
  inputs.qa_list = std::move(*list);
  auto audits = store.audits(AuditFilter{});
  if (!audits) return audits.error();
  inputs.audits = std::move(*audits);
  auto participation = store.participation_of(inputs.organisation.id, year);
  if (!participation) return participation.error();
  inputs.participation = std::move(*participation);
  auto reviews = store.report_reviews(inputs.organisation.id);
  if (!reviews) return reviews.error();
  inputs.reviews = std::move(*reviews);
  return build_quality_account(inputs);
}

}  // namespace clinaudit::domain
