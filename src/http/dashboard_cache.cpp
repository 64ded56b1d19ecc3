#include "http/dashboard_cache.hpp"

namespace clinaudit::http {

std::shared_ptr<const KeptDashboard> DashboardCache::find(OrganisationId organisation, Date day,
                                                          std::int64_t version) const {
  const std::scoped_lock lock(mutex_);
  const auto found = entries_.find(organisation.value);
  if (found == entries_.end() || found->second.day != day || found->second.version != version) return nullptr;
  return found->second.dashboard;
}

void DashboardCache::keep(OrganisationId organisation, Date day, std::int64_t version,
                          std::shared_ptr<const KeptDashboard> dashboard) {
  const std::scoped_lock lock(mutex_);
  if (entries_.size() >= kCapacity && !entries_.contains(organisation.value)) entries_.clear();
  entries_[organisation.value] = Entry{day, version, std::move(dashboard)};
}

}  // namespace clinaudit::http
