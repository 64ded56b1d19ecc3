#pragma once

#include <chrono>
#include <cstddef>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "core/ids.hpp"

namespace clinaudit::http {

// A checked CSV file awaiting its user's confirmation. The file itself is held, not the
// records parsed from it (several times its size), and it is checked again on confirmation.
struct PendingFile {
  std::string kind;  // participation, results or episodes
  std::string filename;
  std::string audit;  // the national audit's code, for an episode file
  std::string content;
};

// Checked files waiting for confirmation, keyed by a random token. Held in this server's
// memory for 30 minutes: behind several app servers the confirming request must reach the
// same server (sticky sessions), or the user uploads again.
//
// Memory is bounded by two byte budgets (docs/operations.md): one per user and one for the
// server. A file counts its size, and at least 4 KiB, so that many tiny files cannot hold
// much memory in bookkeeping. A new file that does not fit replaces its owner's oldest
// pending files; it never displaces another user's. Thread-safe.
class PendingImports {
 public:
  using Clock = std::chrono::steady_clock;
  struct Budget {
    std::size_t per_user_bytes = 0;
    std::size_t per_server_bytes = 0;
  };
  // How put() went.
  enum class Held {
    held,
    too_large,    // the file alone is over a budget: nothing held
    server_full,  // other users' files fill the server's budget: nothing held
  };
  static constexpr std::size_t kMinimumCharge = 4096;

  explicit PendingImports(Budget budget) : budget_(budget) {}

  // Holds `file` for `owner` under `token`, first dropping expired files and then, when the
  // budgets ask for it, the owner's own oldest pending files.
  Held put(const std::string& token, UserId owner, PendingFile file, Clock::time_point now = Clock::now());
  // Removes and returns the file when `owner` holds it and it has not expired.
  std::optional<PendingFile> take(const std::string& token, UserId owner, Clock::time_point now = Clock::now());

  const Budget& budget() const { return budget_; }
  std::size_t count() const;
  // The bytes charged against the server's budget.
  std::size_t held_bytes() const;

 private:
  struct Entry {
    UserId owner;
    PendingFile file;
    Clock::time_point at;
    std::size_t charge = 0;
  };
  void drop_expired(Clock::time_point now);
  void erase(std::map<std::string, Entry>::iterator entry);

  Budget budget_;
  mutable std::mutex mutex_;
  std::map<std::string, Entry> entries_;
  std::size_t held_bytes_ = 0;
};

}  // namespace clinaudit::http
