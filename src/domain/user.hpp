#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"

namespace clinaudit::domain {

// What a user may do (docs/security.md has the full matrix). A regulator (the Care Quality
// Commission, NHS England) reads confirmed outlier alarms and escalations and nothing else;
// its accounts, like the national analysts', are kept by the national body.
enum class Role { admin, audit_manager, clinical_lead, board_member, national_analyst, read_only, regulator };

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view display_name(Role role);

// A person who signs in. Every user belongs to one organisation; a national analyst's
// (and a regulator's) organisation is the national body. `password_hash` is an argon2id encoded hash.
struct User {
  UserId id;
  std::string email;  // the login name, unique, lower case
  std::string display_name;
  Role role = Role::read_only;
  OrganisationId organisation_id;
  std::string password_hash;
  bool active = true;
  // A national analyst who works for one audit supplier sees its audits only; none: the
  // national body's analyst, who sees every national audit.
  std::optional<SupplierId> supplier_id = std::nullopt;
};

// Who made a change, for the audit log. A system actor (imports from the command line,
// scheduled jobs) has no user id and names itself in `name`.
struct Actor {
  std::optional<UserId> user_id;
  std::string name;
};

}  // namespace clinaudit::domain
