#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::domain {

// A national audit on the Quality Account list for a financial year, with the
// organisation types it applies to.
struct QaListEntry {
  AuditId audit_id;
  FinancialYear year;
  std::set<OrganisationType> eligible_types;
};

// One organisation's part in one national audit in one financial year. Unknown values
// stay empty (std::nullopt) so that reports list them as gaps instead of counting them.
struct Participation {
  OrganisationId organisation_id;
  AuditId audit_id;
  FinancialYear year;
  std::optional<bool> eligible;
  std::optional<bool> participating;
  std::string reason_not_participating;
  std::optional<bool> data_collection_completed;
  std::optional<std::int64_t> cases_submitted;
  std::optional<std::int64_t> cases_required;

  // Cases submitted as a share of cases required, in [0, 1] (may exceed 1 when more
  // were submitted than required); empty when either count is unknown or none required.
  std::optional<double> case_ascertainment() const {
    if (!cases_submitted || !cases_required || *cases_required <= 0) return std::nullopt;
    return static_cast<double>(*cases_submitted) / static_cast<double>(*cases_required);
  }
};

}  // namespace clinaudit::domain
