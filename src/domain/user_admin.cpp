#include "domain/user_admin.hpp"

#include <algorithm>
#include <cctype>

namespace clinaudit::domain {

Result<UserId> add_user(Store& store, const Organisation& organisation, const Actor& actor, NewUser person,
                        const std::function<Result<std::string>(std::string_view password)>& hash_password) {
  User user;
  user.email = std::move(person.email);
  std::transform(user.email.begin(), user.email.end(), user.email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (user.email.find('@') == std::string::npos)
    return Error{ErrorCode::invalid_input, "email: enter an email address"};
  user.display_name = std::move(person.display_name);
  if (user.display_name.empty()) return Error{ErrorCode::invalid_input, "name: enter the person's name"};
  if (!person.role) return Error{ErrorCode::invalid_input, "role: choose a role"};
  user.role = *person.role;
  user.organisation_id = organisation.id;
  if (auto allowed = may_assign_role(organisation, user.role); !allowed) return allowed.error();
  if (person.password.size() < kMinimumPasswordLength) {
    return Error{ErrorCode::invalid_input, "password: use at least 12 characters"};
  }
  auto hash = hash_password(person.password);
  if (!hash) return hash.error();
  user.password_hash = std::move(*hash);
  return store.add_user(user, actor);
}

namespace {

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

}  // namespace clinaudit::domain
