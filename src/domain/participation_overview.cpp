#include "domain/participation_overview.hpp"

#include <algorithm>

namespace clinaudit::domain {

Result<std::vector<ParticipationRow>> participation_rows(Store& store, const Principal& who, FinancialYear year) {
  CLINAUDIT_TRY(auto list, store.qa_list(year));
  CLINAUDIT_TRY(auto records, store.participation_of(who.organisation_id, year));
  std::vector<ParticipationRow> rows;
  for (const auto& entry : list) {
    CLINAUDIT_TRY(auto audit, store.audit(entry.audit_id));
    ParticipationRow row{std::move(audit), entry.eligible_types.contains(who.organisation_type), std::nullopt};
    for (const auto& record : records) {
      if (record.audit_id == entry.audit_id) row.record = record;
    }
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(),
            [](const ParticipationRow& a, const ParticipationRow& b) { return a.audit.title < b.audit.title; });
  return rows;
}

ParticipationSummary summarise(const std::vector<ParticipationRow>& rows) {
  ParticipationSummary summary;
  double ascertainment = 0;
  std::int64_t with_counts = 0;
  for (const auto& row : rows) {
    if (row.eligible_by_type) ++summary.on_list;
    const auto& record = row.record;
    if (!record || !record->eligible) {
      if (row.eligible_by_type) ++summary.not_recorded;
      continue;
    }
    if (*record->eligible) ++summary.eligible;
    if (record->participating.value_or(false)) ++summary.participating;
    if (auto share = record->case_ascertainment()) {
      ascertainment += *share;
      ++with_counts;
    }
  }
  if (with_counts > 0) summary.mean_case_ascertainment = ascertainment / static_cast<double>(with_counts);
  return summary;
}

}  // namespace clinaudit::domain
