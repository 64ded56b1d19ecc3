#include "http/rate_limiter.hpp"

namespace clinaudit::http {

namespace {
constexpr std::size_t kPruneAbove = 10000;
}

bool RateLimiter::try_reserve(const std::string& key, Clock::time_point now) {
  const std::scoped_lock lock(mutex_);
  if (entries_.size() > kPruneAbove) prune(now);
  auto& entry = entries_[key];
  if (entry.attempts == 0 || now - entry.window_start >= window_) {
    entry.window_start = now;
    entry.attempts = 0;
  }
  if (entry.attempts >= max_failures_) return false;
  ++entry.attempts;
  return true;
}

void RateLimiter::release(const std::string& key) {
  const std::scoped_lock lock(mutex_);
  const auto found = entries_.find(key);
  if (found == entries_.end()) return;
  if (found->second.attempts <= 1) {
    entries_.erase(found);
  } else {
    --found->second.attempts;
  }
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
