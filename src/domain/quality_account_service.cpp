#include "domain/quality_account_service.hpp"

namespace clinaudit::domain {

Result<QualityAccountStatement> quality_account_for(Store& store, std::string_view organisation_code,
                                                    FinancialYear year) {
  CLINAUDIT_TRY(auto organisation, store.organisation_by_code(organisation_code));
  QualityAccountInputs inputs;
  inputs.organisation = std::move(organisation);
  inputs.year = year;
  CLINAUDIT_TRY(auto list, store.qa_list(year));
  inputs.qa_list = std::move(list);
  CLINAUDIT_TRY(auto audits, store.audits(AuditFilter{}));
  inputs.audits = std::move(audits);
  CLINAUDIT_TRY(auto participation, store.participation_of(inputs.organisation.id, year));
  inputs.participation = std::move(participation);
  CLINAUDIT_TRY(auto reviews, store.report_reviews(inputs.organisation.id));
  inputs.reviews = std::move(reviews);
  return build_quality_account(inputs);
}

}  // namespace clinaudit::domain
