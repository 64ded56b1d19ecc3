#include "domain/user_admin.hpp"

#include <algorithm>
#include <cctype>

namespace clinaudit::domain {

Result<UserId> add_user(Store& store, const Organisation& organisation, const Actor& actor, NewUser person,
                        const std::function<Result<std::string>(std::string_view password)>& hash_password) {
  User user;
  user.email = sign_in_email(person.email);
  if (user.email.find('@') == std::string::npos)
    return Error{ErrorCode::invalid_input, "email: enter an email address"};
  user.display_name = std::move(person.display_name);
  if (user.display_name.empty()) return Error{ErrorCode::invalid_input, "name: enter the person's name"};
  if (!person.role) return Error{ErrorCode::invalid_input, "role: choose a role"};
  user.role = *person.role;
  user.organisation_id = organisation.id;
  if (auto allowed = may_assign_role(organisation, user.role); !allowed) return allowed.error();
  CLINAUDIT_TRY_VOID(check_new_password(person.password));
  auto hash = hash_password(person.password);
  if (!hash) return hash.error();
  user.password_hash = std::move(*hash);
  return store.add_user(user, actor);
}

std::string sign_in_email(std::string_view email) {
  std::string key(email);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

Result<void> check_new_password(std::string_view password) {
  if (password.size() < kMinimumPasswordLength) {
    return Error{ErrorCode::invalid_input, "password: use at least 12 characters"};
  }
  return {};
}

Result<User> organisation_user(Store& store, const Organisation& organisation, UserId id) {
  const Error missing{ErrorCode::not_found, "user id " + std::to_string(id.value) + " does not exist"};
  auto user = store.user(id);
  if (!user) return user.error().code == ErrorCode::not_found ? missing : user.error();
  if (user->organisation_id != organisation.id) return missing;
  return user;
}

Result<void> name_chief_executive(Store& store, const Organisation& organisation, const Actor& actor,
                                  std::optional<UserId> user) {
  if (user) {
    CLINAUDIT_TRY(const auto person, organisation_user(store, organisation, *user));
    if (!person.active) {
      return Error{ErrorCode::invalid_input,
                   "chief_executive: " + person.display_name + "'s account is deactivated; reactivate it first"};
    }
  }
  return store.set_chief_executive(organisation.id, user, actor);
}

Result<void> edit_user(Store& store, const Organisation& organisation, const Actor& actor, UserId id,
                       UserChanges changes) {
  CLINAUDIT_TRY(auto user, organisation_user(store, organisation, id));
  if (changes.display_name.find_first_not_of(" \t") == std::string::npos) {
    return Error{ErrorCode::invalid_input, "name: enter the person's name"};
  }
  if (!changes.role) return Error{ErrorCode::invalid_input, "role: choose a role"};
  if (actor.user_id == id && *changes.role != user.role) {
    return Error{ErrorCode::invalid_input, "role: you cannot change your own role; ask another administrator"};
  }
  if (*changes.role != user.role) CLINAUDIT_TRY_VOID(may_assign_role(organisation, *changes.role));
  user.display_name = std::move(changes.display_name);
  user.role = *changes.role;
  return store.update_user(user, actor);
}

Result<void> set_user_active(Store& store, const Organisation& organisation, const Actor& actor, UserId id,
                             bool active) {
  CLINAUDIT_TRY(auto user, organisation_user(store, organisation, id));
  if (!active && actor.user_id == id) {
    return Error{ErrorCode::invalid_input, "you cannot deactivate your own account; ask another administrator"};
  }
  if (user.active == active) return {};
  user.active = active;
  return store.update_user(user, actor);
}

namespace {

// ISO 8601 UTC time `days` days after `iso` ("2026-11-26T15:36:00Z").
Result<std::string> days_after(const std::string& iso, int days) {
  if (iso.size() < 11 || iso[10] != 'T') return Error{ErrorCode::internal, "the clock's time is not ISO 8601: " + iso};
  CLINAUDIT_TRY(const auto day, Date::parse(std::string_view(iso).substr(0, 10)));
  return day.plus_days(days).to_string() + iso.substr(10);
}

Result<PasswordReset> working_reset(Store& store, const Clock& clock, const ResetTokens& tokens,
                                    std::string_view token) {
  const Error unknown{ErrorCode::not_found,
                      "this password reset link is not valid; ask an administrator for a new one"};
  if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string_view::npos) return unknown;
  auto reset = store.password_reset(tokens.hash(token));
  if (!reset) return reset.error().code == ErrorCode::not_found ? unknown : reset.error();
  if (reset->used_at) {
    return Error{ErrorCode::conflict,
                 "this password reset link has been used already; ask an administrator for a new one"};
  }
  if (reset->expires_at <= clock.now_iso()) {
    return Error{ErrorCode::conflict, "this password reset link has expired; ask an administrator for a new one"};
  }
  return reset;
}

Result<void> may_manage_users_of(const Principal& who, OrganisationId organisation) {
  if (allows(who, Permission::manage_register)) return {};
  if (allows(who, Permission::manage_users) && who.organisation_id == organisation) return {};
  return Error{ErrorCode::forbidden, "only the national body adds users to another organisation"};
}

}  // namespace

Result<UserId> add_user_to_organisation(
    Store& store, const Principal& who, const Actor& actor, OrganisationId organisation, NewUser person,
    const std::function<Result<std::string>(std::string_view password)>& hash_password) {
  CLINAUDIT_TRY_VOID(may_manage_users_of(who, organisation));
  CLINAUDIT_TRY(const auto joining, store.organisation(organisation));
  return add_user(store, joining, actor, std::move(person), hash_password);
}

Result<std::vector<User>> organisation_users(Store& store, const Principal& who, OrganisationId organisation) {
  CLINAUDIT_TRY_VOID(may_manage_users_of(who, organisation));
  CLINAUDIT_TRY(auto users, store.users(organisation));
  for (auto& user : users) user.password_hash.clear();
  return users;
}

Result<PasswordResetLink> start_password_reset(Store& store, const Clock& clock, const ResetTokens& tokens,
                                               const Organisation& organisation, const Actor& actor, UserId id) {
  CLINAUDIT_TRY(const auto user, organisation_user(store, organisation, id));
  if (!user.active) {
    return Error{ErrorCode::invalid_input, "this account is deactivated; reactivate it before resetting its password"};
  }
  CLINAUDIT_TRY(auto token, tokens.make());
  PasswordReset reset;
  reset.token_hash = tokens.hash(token);
  reset.user_id = user.id;
  reset.created_at = clock.now_iso();
  CLINAUDIT_TRY(reset.expires_at, days_after(reset.created_at, kPasswordResetDays));
  CLINAUDIT_TRY_VOID(store.add_password_reset(reset, actor));
  return PasswordResetLink{std::move(token), reset.expires_at};
}

Result<User> password_reset_user(Store& store, const Clock& clock, const ResetTokens& tokens, std::string_view token) {
  CLINAUDIT_TRY(const auto reset, working_reset(store, clock, tokens, token));
  CLINAUDIT_TRY(auto user, store.user(reset.user_id));
  if (!user.active) {
    return Error{ErrorCode::conflict, "this account has been deactivated; ask an administrator in your organisation"};
  }
  user.password_hash.clear();
  return user;
}

Result<UserId> reset_password(Store& store, const Clock& clock, const ResetTokens& tokens, std::string_view token,
                              std::string_view password,
                              const std::function<Result<std::string>(std::string_view password)>& hash_password) {
  CLINAUDIT_TRY(const auto user, password_reset_user(store, clock, tokens, token));
  CLINAUDIT_TRY_VOID(check_new_password(password));
  CLINAUDIT_TRY(const auto hash, hash_password(password));
  return store.use_password_reset(tokens.hash(token), hash, clock.now_iso(), Actor{user.id, user.email});
}

}  // namespace clinaudit::domain
