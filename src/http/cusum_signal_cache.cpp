#include "http/cusum_signal_cache.hpp"

#include "domain/cusum_monitoring.hpp"

namespace clinaudit::http {

Result<std::vector<domain::CusumAlert>> CusumSignalCache::signals(domain::Store& store, const domain::Audit& audit,
                                                                  Date today) {
  const std::scoped_lock lock(mutex_);
  if (const auto found = entries_.find(audit.id.value); found != entries_.end() && found->second.day == today) {
    return found->second.alerts;
  }
  auto alerts = domain::cusum_signals(store, audit, today.plus_days(-730), today);
  if (!alerts) return alerts.error();
  entries_.insert_or_assign(audit.id.value, Entry{today, *alerts});
  return alerts;
}

void CusumSignalCache::forget(AuditId audit) {
  const std::scoped_lock lock(mutex_);
  entries_.erase(audit.value);
}

}  // namespace clinaudit::http
