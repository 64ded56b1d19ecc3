#include "http/pending_imports.hpp"

#include "http/sessions.hpp"
#include "platform/random_token.hpp"
#include "platform/sha256.hpp"

namespace clinaudit::http {

Result<HeldImport> hold_import(domain::Store& store, const domain::Clock& clock,
                               const domain::PendingImportBudget& budget, UserId owner,
                               const domain::PendingImport& file) {
  CLINAUDIT_TRY(auto token, platform::random_hex(16));
  const std::string now = clock.now_iso();
  CLINAUDIT_TRY(const auto expires_at, iso_plus_seconds(now, domain::kPendingImportLifetimeSeconds));
  CLINAUDIT_TRY(const auto outcome,
                store.hold_pending_import(platform::sha256_hex(token), owner, file, budget, now, expires_at));
  HeldImport held;
  held.outcome = outcome;
  if (outcome == domain::PendingImportHeld::held) held.token = std::move(token);
  return held;
}

Result<std::optional<domain::PendingImport>> take_import(domain::Store& store, const domain::Clock& clock, UserId owner,
                                                         const std::string& token) {
  if (token.empty()) return std::optional<domain::PendingImport>{};
  return store.take_pending_import(platform::sha256_hex(token), owner, clock.now_iso());
}

}  // namespace clinaudit::http
