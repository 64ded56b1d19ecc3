#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/organisation.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Adding people to an organisation: an administrator's own (the users page and POST
// /api/users), or, for the national body's register managers, any organisation in the
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

}  // namespace clinaudit::domain
