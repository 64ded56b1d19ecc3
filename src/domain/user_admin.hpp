#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/organisation.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Adding people to an organisation (the users page and POST /api/users).
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

}  // namespace clinaudit::domain
