#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"
#include "domain/episode_analysis.hpp"
#include "domain/store.hpp"

namespace clinaudit::http {

// Every provider's risk-adjusted CUSUM signals per national audit over the two years to
// today, for dashboards. Fitting the case-mix model on two years of national episodes takes
// a moment, so each audit is computed once a day, and again after an episode import through
// this server. Thread-safe; one computation at a time.
class CusumSignalCache {
 public:
  Result<std::vector<domain::CusumAlert>> signals(domain::Store& store, const domain::Audit& audit, Date today);
  void forget(AuditId audit);

 private:
  struct Entry {
    Date day;
    std::vector<domain::CusumAlert> alerts;
  };
  std::mutex mutex_;
  std::map<std::int64_t, Entry> entries_;
};

}  // namespace clinaudit::http
