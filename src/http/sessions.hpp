#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "core/result.hpp"
#include "domain/clock.hpp"
#include "domain/store.hpp"

namespace clinaudit::http {

inline constexpr std::string_view kSessionCookie = "clinaudit_session";

// A new session: the token goes in the cookie and is never stored; the store keeps its hash.
struct NewSession {
  std::string token;
  domain::Session stored;
};

// Starts a session for `user`: 256-bit random token, 256-bit CSRF token, expiry
// `lifetime` from now. Errors: as Store::create_session, internal without randomness.
Result<NewSession> start_session(domain::Store& store, const domain::Clock& clock, const domain::User& user,
                                 std::chrono::seconds lifetime);

// The session of a cookie token and its user. Errors: unauthenticated when the token is
// unknown or expired or the user is inactive; storage_unavailable.
Result<std::pair<domain::Session, domain::User>> find_session(domain::Store& store, const domain::Clock& clock,
                                                              std::string_view token);

// ISO 8601 UTC time `seconds` after `iso` ("2026-11-26T15:36:00Z"). Errors: invalid_input.
Result<std::string> iso_plus_seconds(std::string_view iso, std::int64_t seconds);

// The Set-Cookie value for a session token (empty token: a cookie that deletes it).
std::string session_cookie(std::string_view token, std::chrono::seconds lifetime, bool secure);

}  // namespace clinaudit::http
