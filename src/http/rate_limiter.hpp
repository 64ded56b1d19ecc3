#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace clinaudit::http {

// Counts attempts per key (an account's email, a client address) in a fixed window and
// refuses further attempts once a key reaches its limit, until the window that began with
// its first counted attempt has passed. An attempt is reserved before the password is
// verified, in the same step as the check, so that parallel attempts cannot all pass the
// check before any is counted; an attempt that did not fail is then released or reset.
// Memory is bounded: expired keys are dropped as new ones arrive. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t max_failures, std::chrono::seconds window) : max_failures_(max_failures), window_(window) {}

  // Counts one attempt for `key` and returns true, or returns false and counts nothing
  // when the key has reached its limit in the current window. An attempt counts as a
  // failure until it is released.
  bool try_reserve(const std::string& key, Clock::time_point now = Clock::now());
  // Gives back one reserved attempt that did not fail.
  void release(const std::string& key);
  // Clears the key's count (a successful sign-in to an account).
  void reset(const std::string& key);

 private:
  struct Entry {
    Clock::time_point window_start;
    std::size_t attempts = 0;
  };
  void prune(Clock::time_point now);

  std::size_t max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace clinaudit::http
