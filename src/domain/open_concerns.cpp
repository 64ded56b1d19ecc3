#include "domain/open_concerns.hpp"

#include "domain/cusum_monitoring.hpp"

namespace clinaudit::domain {

Result<OpenConcerns> open_concerns(Store& store, OrganisationId organisation, const std::vector<Audit>& audits,
                                   Date day) {
  OpenConcerns concerns;
  CLINAUDIT_TRY(auto cases, store.outlier_cases(organisation, std::nullopt));
  for (auto& item : cases) {
    if (item.is_open()) concerns.open_outliers.push_back(std::move(item));
  }
  CLINAUDIT_TRY(auto actions, store.actions(organisation));
  for (auto& item : actions) {
    if (item.status == ActionStatus::open || item.status == ActionStatus::in_progress) ++concerns.open_actions;
    if (item.overdue_on(day)) concerns.overdue_actions.push_back(std::move(item));
  }
  // Risk-adjusted CUSUM over each national audit's patient-level episodes (the model fitted
  // on every provider's), as stored when the episodes changed; this organisation's signals
  // of the past year.
  CLINAUDIT_TRY(auto stored, store.cusum_monitoring(organisation));
  for (const auto& audit : audits) {
    if (audit.kind == AuditKind::local_audit) continue;
    for (auto& row : stored) {
      if (row.audit_id != audit.id) continue;
      for (const auto& signal : row.signals) {
        if (day.plus_days(-365) <= signal.signalled_on && signal.signalled_on <= day) {
          concerns.cusum_signals.push_back(AuditCusumSignal{audit, cusum_alert_of(signal)});
        }
      }
      row.signals.clear();
      concerns.cusum_monitoring.push_back(AuditCusumMonitoring{audit, row});
    }
  }
  return concerns;
}

}  // namespace clinaudit::domain
