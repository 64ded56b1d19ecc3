#include "http/login.hpp"

#include "domain/user_admin.hpp"
#include "platform/password.hpp"

namespace clinaudit::http {

namespace {

// Verifying against this hash when the account does not exist takes as long as a real
// check, so response times do not reveal which emails have accounts.
constexpr const char* kDecoyHash =
    "$argon2id$v=19$m=19456,t=2,p=1$ZGVjb3lkZWNveWRlY295ZGVjb3k$w4Q0bXb2HxJmQ0b0d7XGZ0oHqP0ZlH5M6mY2rH0vJqg";

}  // namespace

Result<LoginOutcome> login(Context& context) {
  const std::string email = domain::sign_in_email(context.request.field("email").value_or(""));
  const std::string password = context.request.field("password").value_or("");
  const std::string account_key = "account:" + email;
  const std::string address_key = "address:" + context.request.remote_addr;
  LoginOutcome outcome;
  // The attempt is counted before the password is verified, in the same step as the check:
  // parallel guesses cannot all pass the check before any of them is counted.
  if (!context.address_limiter.try_reserve(address_key)) {
    outcome.status = LoginStatus::throttled;
    return outcome;
  }
  if (!context.account_limiter.try_reserve(account_key)) {
    context.address_limiter.release(address_key);
    outcome.status = LoginStatus::throttled;
    return outcome;
  }
  auto user = context.store.user_by_email(email);
  if (!user && user.error().code != ErrorCode::not_found) {
    context.account_limiter.release(account_key);  // nothing was verified
    context.address_limiter.release(address_key);
    return user.error();
  }
  const bool matches =
      user ? platform::verify_password(password, user->password_hash) : platform::verify_password(password, kDecoyHash);
  if (!user || !matches || !user->active) {
    // The reservations stay: they are the failure's count.
    domain::AuditLogEntry entry;
    entry.at = context.clock.now_iso();
    entry.actor = email;
    entry.action = "login_failed";
    entry.entity = "session";
    entry.entity_key = context.request.remote_addr;
    (void)context.store.log_event(entry);  // a failed attempt must not fail because logging did
    // Only someone who knows the password learns that the account exists and is deactivated.
    if (user && matches) outcome.status = LoginStatus::deactivated;
    return outcome;
  }
  context.account_limiter.reset(account_key);
  context.address_limiter.release(address_key);
  auto session = start_session(context.store, context.clock, *user, context.config.session_lifetime);
  if (!session) return session.error();
  domain::AuditLogEntry entry;
  entry.at = context.clock.now_iso();
  entry.user_id = user->id;
  entry.actor = user->email;
  entry.action = "login";
  entry.entity = "session";
  entry.entity_key = context.request.remote_addr;
  if (auto logged = context.store.log_event(entry); !logged) return logged.error();
  outcome.status = LoginStatus::signed_in;
  outcome.session = std::move(*session);
  return outcome;
}

Result<void> logout(Context& context) {
  if (!context.who) return {};
  if (auto deleted = context.store.delete_session(context.who->token_hash); !deleted) return deleted.error();
  domain::AuditLogEntry entry;
  entry.at = context.clock.now_iso();
  entry.user_id = context.who->user.id;
  entry.actor = context.who->user.email;
  entry.action = "logout";
  entry.entity = "session";
  return context.store.log_event(entry);
}

}  // namespace clinaudit::http
