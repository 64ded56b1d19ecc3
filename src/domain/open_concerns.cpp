#include "domain/open_concerns.hpp"

#include "domain/cusum_monitoring.hpp"

namespace clinaudit::domain {

CusumSignalSource fresh_cusum_signals(Store& store) {
  return [&store](const Audit& audit, Date day) { return cusum_signals(store, audit, day.plus_days(-730), day); };
}

Result<OpenConcerns> open_concerns(Store& store, OrganisationId organisation, const std::vector<Audit>& audits,
                                   Date day, const CusumSignalSource& signals) {
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
  // on every provider's); only this organisation's signals of the past year.
  for (const auto& audit : audits) {
    if (audit.kind == AuditKind::local_audit) continue;
    CLINAUDIT_TRY(auto alerts, signals(audit, day));
    for (const auto& alert : alerts) {
      if (alert.provider == organisation && day.plus_days(-365) <= alert.signalled_on) {
        concerns.cusum_signals.push_back(AuditCusumSignal{audit, alert});
      }
    }
  }
  return concerns;
}

}  // namespace clinaudit::domain
