#include "domain/participation_update.hpp"

#include <algorithm>

#include "domain/participation_overview.hpp"

namespace clinaudit::domain {

Result<std::int64_t> record_participation(Store& store, const Principal& who, const Actor& actor, FinancialYear year,
                                          const std::vector<ParticipationAnswer>& answers) {
  if (answers.empty()) return Error{ErrorCode::invalid_input, "no participation fields were sent"};
  auto rows = participation_rows(store, who, year);
  if (!rows) return rows.error();
  std::vector<Participation> changes;
  for (const auto& answer : answers) {
    const auto row = std::find_if(rows->begin(), rows->end(), [&](const ParticipationRow& candidate) {
      return candidate.audit.id == answer.audit;
    });
    if (row == rows->end()) {
      return Error{ErrorCode::invalid_input,
                   "audit " + std::to_string(answer.audit.value) + " is not on the " + year.to_string() + " list"};
    }
    Participation record = row->record.value_or(Participation{});
    record.organisation_id = who.organisation_id;
    record.audit_id = row->audit.id;
    record.year = year;
    record.eligible = answer.eligible;
    record.participating = answer.participating;
    record.reason_not_participating = answer.reason_not_participating;
    record.data_collection_completed = answer.data_collection_completed;
    record.cases_submitted = answer.cases_submitted;
    record.cases_required = answer.cases_required;
    if (record.participating == false && record.eligible == true && record.reason_not_participating.empty()) {
      return Error{ErrorCode::invalid_input,
                   row->audit.title + ": give the reason for not taking part in an audit you are eligible for"};
    }
    changes.push_back(std::move(record));
  }
  if (auto saved = store.upsert_participation(changes, actor); !saved) return saved.error();
  return static_cast<std::int64_t>(changes.size());
}

}  // namespace clinaudit::domain
