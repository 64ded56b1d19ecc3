#pragma once

#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/quality_account.hpp"
#include "domain/store.hpp"

namespace clinaudit::domain {

// Reads what the Quality Account section needs for one organisation and financial year
// from the store and builds it (build_quality_account). One call for the page, the API
// and `clinaudit report quality-account`.
// Errors: not_found for an unknown organisation code; the store's errors.
Result<QualityAccountStatement> quality_account_for(Store& store, std::string_view organisation_code,
                                                    FinancialYear year);

}  // namespace clinaudit::domain
