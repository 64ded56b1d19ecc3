#include "http/login.hpp"

#include "domain/user_admin.hpp"
#include "http/sessions.hpp"
#include "platform/password.hpp"

namespace clinaudit::http {

namespace {

// Each key's failures are counted in a window of 15 minutes from its first.
constexpr std::int64_t kSignInWindowSeconds = std::int64_t{15} * 60;

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
  const std::string now = context.clock.now_iso();
  CLINAUDIT_TRY(const auto window_began_by, iso_plus_seconds(now, -kSignInWindowSeconds));
  const auto reserve = [&](const std::string& key, std::size_t limit) {
    return context.store.reserve_sign_in_attempt(key, static_cast<std::int64_t>(limit), now, window_began_by);
  };
  // Giving an attempt back may fail (the database is unavailable): the attempt then counts,
  // which errs on the side of the limit.
  const auto give_back = [&](const std::string& key) { (void)context.store.release_sign_in_attempt(key); };
  LoginOutcome outcome;
  // The attempt is counted before the password is verified, in the same transaction as the
  // check: parallel guesses, on this server or another, cannot all pass before any is counted.
  CLINAUDIT_TRY(const bool address_allowed, reserve(address_key, context.config.login_failures_per_address));
  if (!address_allowed) {
    outcome.status = LoginStatus::throttled;
    return outcome;
  }
  auto account_allowed = reserve(account_key, context.config.login_failures_per_account);
  if (!account_allowed || !*account_allowed) {
    give_back(address_key);
    if (!account_allowed) return account_allowed.error();
    outcome.status = LoginStatus::throttled;
    return outcome;
  }
  auto user = context.store.user_by_email(email);
  if (!user && user.error().code != ErrorCode::not_found) {
    give_back(account_key);  // nothing was verified
    give_back(address_key);
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
  (void)context.store.reset_sign_in_attempts(account_key);  // failing, the count stays: the limit's side
  give_back(address_key);
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
