#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "core/ids.hpp"
#include "domain/measure.hpp"
#include "domain/participation.hpp"

namespace clinaudit::http {

// A checked patient-level episode file: too large to hold parsed, so the file itself is
// kept and streamed into the store again on confirmation.
struct PendingEpisodes {
  AuditId audit;
  std::string content;
  std::int64_t rows = 0;
};

// Validated import records waiting for the user to confirm them, keyed by a random
// token. Held in this server's memory for 30 minutes: behind several app servers the
// confirming request must reach the same server (sticky sessions), or the user uploads
// again. At most 200 are held, of which at most 4 episode files (each up to the upload
// limit); the oldest goes first. Thread-safe.
class PendingImports {
 public:
  using Records = std::variant<std::vector<domain::Participation>, std::vector<domain::MeasureResult>, PendingEpisodes>;
  using Clock = std::chrono::steady_clock;

  void put(const std::string& token, UserId owner, std::string kind, Records records,
           Clock::time_point now = Clock::now());
  // Removes and returns the import when `owner` holds it and it has not expired.
  struct Taken {
    std::string kind;
    Records records;
  };
  std::optional<Taken> take(const std::string& token, UserId owner, Clock::time_point now = Clock::now());

 private:
  struct Entry {
    UserId owner;
    std::string kind;
    Records records;
    Clock::time_point at;
  };
  std::mutex mutex_;
  std::map<std::string, Entry> entries_;
};

}  // namespace clinaudit::http
