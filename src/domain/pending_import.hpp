#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// A checked CSV file awaiting its user's confirmation on the import page. It is held in the
// database, not in one server's memory, so that whichever server receives the confirmation
// can import it: behind a load balancer no request has to return to the server it came from.
namespace clinaudit::domain {

// The file itself is held, not the records parsed from it (several times its size), and it
// is checked again on confirmation.
struct PendingImport {
  std::string kind;  // participation, results or episodes
  std::string filename;
  std::string audit;  // the national audit's code, for an episode file
  std::string content;
};

// What may be held awaiting confirmation: bytes per user, and in all (docs/operations.md).
struct PendingImportBudget {
  std::size_t per_user_bytes = 0;
  std::size_t total_bytes = 0;
};

// How long a checked file waits for its confirmation.
inline constexpr std::int64_t kPendingImportLifetimeSeconds = std::int64_t{30} * 60;

// A file counts its size, and at least 4 KiB, so that many tiny files cannot hold much in
// bookkeeping.
inline constexpr std::size_t kMinimumPendingCharge = 4096;
std::size_t pending_charge(std::size_t content_bytes);

enum class PendingImportHeld {
  held,
  too_large,  // the file alone is over a budget: nothing held
  full,       // other users' files fill the total budget: nothing held
};

// How to make room for a new file of `charge` bytes, given the charges of its owner's files
// already held (oldest first) and of every file held: how many of the owner's oldest to drop,
// or a refusal. Decided before anything is dropped, so that a refusal loses nothing; a new
// file never displaces another user's.
struct PendingImportPlan {
  PendingImportHeld outcome = PendingImportHeld::held;
  std::size_t drop_oldest = 0;
};
PendingImportPlan plan_pending_import(std::size_t charge, const std::vector<std::size_t>& own_oldest_first,
                                      std::size_t total_held, const PendingImportBudget& budget);

// The files held and not expired, and their charge (for operations and tests).
struct PendingImportTotals {
  std::int64_t files = 0;
  std::int64_t bytes = 0;
};

}  // namespace clinaudit::domain
