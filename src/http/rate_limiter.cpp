#include "http/rate_limiter.hpp"

namespace clinaudit::http {

namespace {
constexpr std::size_t kPruneAbove = 10000;
}

bool RateLimiter::allowed(const std::string& key, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return true;
  if (now - found->second.window_start >= window_) {
    entries_.erase(found);
    return true;
  }
  return found->second.failures < max_failures_;
}

void RateLimiter::record_failure(const std::string& key, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  if (entries_.size() > kPruneAbove) prune(now);
  auto& entry = entries_[key];
  if (entry.failures == 0 || now - entry.window_start >= window_) {
    entry.window_start = now;
    entry.failures = 0;
  }
  ++entry.failures;
}

void RateLimiter::reset(const std::string& key) {
  const std::scoped_lock lock(mutex_);
  entries_.erase(key);
}

void RateLimiter::prune(Clock::time_point now) {
  for (auto it = entries_.begin(); it != entries_.end();) {
    it = (now - it->second.window_start >= window_) ? entries_.erase(it) : std::next(it);
  }
}

}  // namespace clinaudit::http
