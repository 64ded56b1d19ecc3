#pragma once

#include <optional>
#include <string>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/clock.hpp"
#include "domain/pending_import.hpp"
#include "domain/store.hpp"

// Checked files awaiting their user's confirmation on the import page, held in the store
// (domain/pending_import.hpp) so that any server can confirm them. The token the page carries
// is random; the store keeps only its hash, like a session's.
namespace clinaudit::http {

// What holding a file gave: the token to confirm it with, or the budget's refusal.
struct HeldImport {
  domain::PendingImportHeld outcome = domain::PendingImportHeld::held;
  std::string token;  // set when held
};

// Holds `file` for `owner` for 30 minutes under a new token. Errors: the store's.
Result<HeldImport> hold_import(domain::Store& store, const domain::Clock& clock,
                               const domain::PendingImportBudget& budget, UserId owner,
                               const domain::PendingImport& file);

// Takes the file `owner` holds under `token` (once); nothing when it expired, was taken, or is
// another user's. Errors: the store's.
Result<std::optional<domain::PendingImport>> take_import(domain::Store& store, const domain::Clock& clock, UserId owner,
                                                         const std::string& token);

}  // namespace clinaudit::http
