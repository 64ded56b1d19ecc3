#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <string>

namespace clinaudit::http {

// Counts failed attempts per key (an account's email, a client address) in a fixed
// window and refuses further attempts once a key reaches its limit, until the window
// that began with its first failure has passed. Memory is bounded: expired keys are
// dropped as new ones arrive. Thread-safe.
class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  RateLimiter(std::size_t max_failures, std::chrono::seconds window) : max_failures_(max_failures), window_(window) {}

  // Whether `key` may try now.
  bool allowed(const std::string& key, Clock::time_point now = Clock::now());
  void record_failure(const std::string& key, Clock::time_point now = Clock::now());
  // A success clears the key's failures.
  void reset(const std::string& key);

 private:
  struct Entry {
    Clock::time_point window_start;
    std::size_t failures = 0;
  };
  void prune(Clock::time_point now);

  std::size_t max_failures_;
  std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace clinaudit::http
