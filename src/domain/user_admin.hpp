#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/clock.hpp"
#include "domain/organisation.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Keeping an organisation's accounts: adding people, changing their name and role,
// deactivating and reactivating them, and a one-time link to set a new password (the users
// page, /api/users and /password-reset/{token}). Every change is the caller's organisation's
// own: another organisation's user is not found. The store logs each change.
// The national body's register managers may also add a user to any organisation in the
// register (its first user, from the organisation's page under /admin/organisations).
namespace clinaudit::domain {

// A person to add, as an administrator enters them.
struct NewUser {
  std::string email;
  std::string display_name;
  std::optional<Role> role;  // empty when none or an unknown role was chosen
  std::string password;
};

// The shortest password a new account may have.
inline constexpr std::size_t kMinimumPasswordLength = 12;

// Adds the person to `organisation` (the administrator's own), with the e-mail address in
// lower case and the password stored as `hash_password` turns it (argon2id in the product).
// Errors: invalid_input naming the field (an address without "@", no name, no role, a
// password shorter than kMinimumPasswordLength); forbidden for a role the organisation may
// not hold (may_assign_role); conflict for an address already in use; the hash's and the
// store's.
Result<UserId> add_user(Store& store, const Organisation& organisation, const Actor& actor, NewUser person,
                        const std::function<Result<std::string>(std::string_view password)>& hash_password);

// Adds the person to the organisation `organisation` on behalf of `who`, as add_user does.
// The national body's register managers (manage_register) may add a user to any
// organisation, so that a new trust has its first administrator; anyone else only to their
// own organisation, with manage_users. The organisation's users are listed by
// organisation_users below under the same rule.
// Errors: forbidden for anyone else (nothing is written); not_found for an unknown
// organisation; then add_user's.
Result<UserId> add_user_to_organisation(
    Store& store, const Principal& who, const Actor& actor, OrganisationId organisation, NewUser person,
    const std::function<Result<std::string>(std::string_view password)>& hash_password);

// The users of `organisation`, without their password hashes, for `who` under the rule of
// add_user_to_organisation. Errors: forbidden; the store's.
Result<std::vector<User>> organisation_users(Store& store, const Principal& who, OrganisationId organisation);

// Errors: invalid_input ("password: use at least 12 characters") for a password shorter than
// kMinimumPasswordLength.
Result<void> check_new_password(std::string_view password);

// An address as accounts are stored and looked up: in lower case, so that "Ann@Trust.nhs.uk"
// signs in as "ann@trust.nhs.uk".
std::string sign_in_email(std::string_view email);

// The user `id` if they belong to `organisation`. Errors: not_found otherwise (worded as for
// an id that does not exist); the store's.
Result<User> organisation_user(Store& store, const Organisation& organisation, UserId id);

// A change of a user's name and role, as an administrator enters it.
struct UserChanges {
  std::string display_name;
  std::optional<Role> role;  // empty when none or an unknown role was chosen
};

// Gives the user `id` of `organisation` a new name and role. Errors: not_found as in
// organisation_user; invalid_input naming the field (no name, no role, or a change of the
// caller's own role: another administrator must make it, so an organisation never loses its
// last administrator by mistake); forbidden for a role the organisation may not hold; the store's.
Result<void> edit_user(Store& store, const Organisation& organisation, const Actor& actor, UserId id,
                       UserChanges changes);

// Deactivates (active false) or reactivates the user `id` of `organisation`. A deactivated
// user's sessions end in the same transaction (Store::update_user) and signing in is refused.
// Errors: not_found as in organisation_user; invalid_input when callers deactivate their own
// account; the store's.
Result<void> set_user_active(Store& store, const Organisation& organisation, const Actor& actor, UserId id,
                             bool active);

// Names the person with the chief executive's duty in the outlier process for `organisation`
// (the administrator's own), or nobody when `user` is empty: they acknowledge an alarm for
// the organisation. Any active user of the organisation may hold the duty, whatever their
// role (a chief executive usually signs in as a board member). Errors: not_found as in
// organisation_user; invalid_input ("chief_executive: ...") for an inactive user; the store's.
Result<void> name_chief_executive(Store& store, const Organisation& organisation, const Actor& actor,
                                  std::optional<UserId> user);

// How long a password reset link works.
inline constexpr int kPasswordResetDays = 1;

// The platform's tokens: a new random token (256 bits, as hex) and the hash that is stored.
struct ResetTokens {
  std::function<Result<std::string>()> make;
  std::function<std::string(std::string_view token)> hash;
};

// A link made for an administrator to give to the user: `/password-reset/{token}`.
struct PasswordResetLink {
  std::string token;
  std::string expires_at;  // ISO 8601 UTC
};

// Starts a one-time password reset for the active user `id` of `organisation`, working for
// kPasswordResetDays from now; only the token's hash is stored. Errors: not_found as in
// organisation_user; invalid_input for an inactive user (reactivate them first); the token
// source's and the store's.
Result<PasswordResetLink> start_password_reset(Store& store, const Clock& clock, const ResetTokens& tokens,
                                               const Organisation& organisation, const Actor& actor, UserId id);

// The user a reset link is for, while it works. Errors: not_found for a token that was never
// issued; conflict for a link used already or expired, or a user deactivated since; the store's.
Result<User> password_reset_user(Store& store, const Clock& clock, const ResetTokens& tokens, std::string_view token);

// Sets the password of the link's user (the password rule of check_new_password, stored as
// `hash_password` turns it) and uses the link up; the user's sessions end. Recorded as the
// user's own change. Errors: as password_reset_user; invalid_input for the password; the
// hash's and the store's.
Result<UserId> reset_password(Store& store, const Clock& clock, const ResetTokens& tokens, std::string_view token,
                              std::string_view password,
                              const std::function<Result<std::string>(std::string_view password)>& hash_password);

}  // namespace clinaudit::domain
