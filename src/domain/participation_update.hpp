#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Recording an organisation's part in the year's national audits (the participation editor
// and POST /api/participation): what a person states about each audit, checked, then saved.
namespace clinaudit::domain {

// What a person states about one audit on the year's list; empty means "not known".
struct ParticipationAnswer {
  AuditId audit;
  std::optional<bool> eligible;
  std::optional<bool> participating;
  std::string reason_not_participating;
  std::optional<bool> data_collection_completed;
  std::optional<std::int64_t> cases_submitted;
  std::optional<std::int64_t> cases_required;
};

// Saves `answers` as `who`'s organisation's records for `year`, keeping what the records
// held besides. Returns how many audits were saved. Errors: invalid_input when nothing was
// answered, when an audit is not on the year's list for the organisation, or when an
// eligible audit is not taken part in without a reason (naming the audit); the store's.
Result<std::int64_t> record_participation(Store& store, const Principal& who, const Actor& actor, FinancialYear year,
                                          const std::vector<ParticipationAnswer>& answers);

}  // namespace clinaudit::domain
