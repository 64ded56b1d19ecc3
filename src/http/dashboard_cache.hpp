#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "domain/dashboard.hpp"

// What this server computed of each organisation's dashboard, kept until the records change
// or the day does. Dashboards are read far more often than the records change (a board's
// monthly peak), and computing one reads the records of a whole organisation.
//
// Per server by design, and never stale: the key holds Store::data_version, which every change
// through any server on the same database moves on, read before the dashboard is computed; a
// request that reads a newer version computes the dashboard again. Coarse: any change, of any
// organisation's records, makes every dashboard computed again once (docs/operations.md).
namespace clinaudit::http {

// A dashboard as the server keeps it: its figures, and their JSON (the API's body) written
// once with them rather than on every request.
struct KeptDashboard {
  domain::Dashboard dashboard;
  std::string json;
};

class DashboardCache {
 public:
  // Organisations held at most; the cache starts again empty when a new one would pass it.
  static constexpr std::size_t kCapacity = 4096;

  // The dashboard of `organisation` on `day` computed at data version `version`; null when
  // not held (another day, another version, never computed). Thread-safe.
  std::shared_ptr<const KeptDashboard> find(OrganisationId organisation, Date day, std::int64_t version) const;
  // Keeps `dashboard` for `organisation`, replacing what was held for it. Thread-safe.
  void keep(OrganisationId organisation, Date day, std::int64_t version,
            std::shared_ptr<const KeptDashboard> dashboard);

 private:
  struct Entry {
    Date day;
    std::int64_t version = 0;
    std::shared_ptr<const KeptDashboard> dashboard;
  };
  mutable std::mutex mutex_;
  std::unordered_map<std::int64_t, Entry> entries_;
};

}  // namespace clinaudit::http
