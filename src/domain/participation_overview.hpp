#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/participation.hpp"
#include "domain/store.hpp"

// An organisation's part in the year's national audits, as the participation editor and the
// dashboard show it.
namespace clinaudit::domain {

// One national audit on the Quality Account list and this organisation's record for it.
struct ParticipationRow {
  Audit audit;
  bool eligible_by_type = false;  // the list names this organisation's type
  std::optional<Participation> record;
};

struct ParticipationSummary {
  std::int64_t on_list = 0;                       // audits on the year's list for this organisation's type
  std::int64_t eligible = 0;                      // recorded as eligible
  std::int64_t participating = 0;                 // recorded as taking part
  std::int64_t not_recorded = 0;                  // on the list, no eligibility recorded: a gap to fix
  std::optional<double> mean_case_ascertainment;  // over rows with both counts
};

// Every audit on `year`'s list with `who`'s organisation's record, by title.
// Errors: the store's.
Result<std::vector<ParticipationRow>> participation_rows(Store& store, const Principal& who, FinancialYear year);

// Counts over the rows. Pure.
ParticipationSummary summarise(const std::vector<ParticipationRow>& rows);

}  // namespace clinaudit::domain
