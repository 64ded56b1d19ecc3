#pragma once

#include "http/app.hpp"
#include "http/sessions.hpp"

namespace clinaudit::http {

// deactivated: the password is right but an administrator has deactivated the account.
enum class LoginStatus { signed_in, bad_credentials, throttled, deactivated };

struct LoginOutcome {
  LoginStatus status = LoginStatus::bad_credentials;
  NewSession session;  // when signed_in
};

// Checks fields `email` and `password`: the rate limits first (per account and per client
// address; the attempt is counted before the hash is verified, and a success clears the
// account's count and gives the address its attempt back), then the argon2id hash. Records the sign-in, or the failed
// attempt, in the audit log. The message for a failure never says whether the account exists. Errors:
// storage_unavailable, internal.
Result<LoginOutcome> login(Context& context);

// Ends the request's session (if any) and records the sign-out.
Result<void> logout(Context& context);

}  // namespace clinaudit::http
