#include <unistd.h>

#include <iostream>

#include "cli/commands.hpp"
#include "domain/access.hpp"
#include "domain/user.hpp"
#include "domain/user_admin.hpp"
#include "platform/password.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {

namespace {

struct UserAddOptions {
  std::string db;
  std::string email;
  std::string name;
  std::string role;
  std::string org;
  // Creating the organisation when it does not exist yet (the first administrator of an empty database).
  std::string org_name;
  std::string org_type;
  std::string org_region;
  bool password_stdin = false;
};

Result<std::string> read_password(bool from_stdin) {
  std::string password;
  if (!from_stdin && isatty(STDIN_FILENO) != 0) {
    std::cerr << "Password (at least " << domain::kMinimumPasswordLength << " characters): " << std::flush;
  }
  std::getline(std::cin, password);
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  return password;
}

// The organisation the user joins: the one named by --org, or, on a database that does not
// hold it yet, a new one from --org-name and --org-type (stored only once the rest is checked).
struct Joining {
  domain::Organisation organisation;
  bool create = false;
};

Result<Joining> organisation_to_join(domain::Store& store, const UserAddOptions& options) {
  auto found = store.organisation_by_code(options.org);
  const bool describes_new = !options.org_name.empty() || !options.org_type.empty() || !options.org_region.empty();
  if (found) {
    if (describes_new) {
      return Error{ErrorCode::conflict, "--org " + options.org + ": the organisation exists already (" + found->name +
                                            "); leave out --org-name, --org-type and --org-region"};
    }
    return Joining{*found, false};
  }
  if (found.error().code != ErrorCode::not_found) return found.error();
  if (options.org_name.empty() || options.org_type.empty()) {
    return Error{ErrorCode::not_found, "--org " + options.org +
                                           ": there is no such organisation; to create it with its first user, "
                                           "give --org-name and --org-type too"};
  }
  const auto type = domain::parse_organisation_type(options.org_type);
  if (!type) {
    return Error{ErrorCode::invalid_input,
                 "--org-type must be one of acute, mental_health, community, ambulance, primary_care, specialist, "
                 "national_body"};
  }
  domain::Organisation organisation;
  organisation.code = options.org;
  organisation.name = options.org_name;
  organisation.type = *type;
  organisation.region = options.org_region;
  return Joining{organisation, true};
}

Result<void> add_user(const UserAddOptions& options) {
  const auto role = domain::parse_role(options.role);
  if (!role) {
    return Error{ErrorCode::invalid_input,
                 "--role must be one of admin, audit_manager, clinical_lead, board_member, "
                 "national_analyst, read_only, regulator"};
  }
  CLINAUDIT_TRY(auto store, storage::open_store(options.db.empty() ? storage::default_database_url() : options.db));
  CLINAUDIT_TRY(auto joining, organisation_to_join(*store, options));
  CLINAUDIT_TRY_VOID(domain::may_assign_role(joining.organisation, *role));
  CLINAUDIT_TRY(auto password, read_password(options.password_stdin));
  if (password.size() < domain::kMinimumPasswordLength) {
    return Error{ErrorCode::invalid_input,
                 "the password needs at least " + std::to_string(domain::kMinimumPasswordLength) + " characters"};
  }
  const domain::Actor actor{std::nullopt, "clinaudit user add"};
  if (joining.create) {
    CLINAUDIT_TRY(const auto ids, store->add_organisations({joining.organisation}, actor));
    joining.organisation.id = ids.at(0);
    std::cout << "Added organisation " << joining.organisation.code << " (" << joining.organisation.name << ", "
              << domain::display_name(joining.organisation.type) << ")\n";
  }
  domain::NewUser person{options.email, options.name, role, std::move(password)};
  CLINAUDIT_TRY(const auto id, domain::add_user(*store, joining.organisation, actor, std::move(person),
                                                [](std::string_view text) { return platform::hash_password(text); }));
  CLINAUDIT_TRY(const auto user, store->user(id));
  std::cout << "Added " << user.email << " (" << domain::display_name(user.role) << ", " << joining.organisation.name
            << "), user " << id.value << '\n';
  return {};
}

struct UserActiveOptions {
  std::string db;
  std::string email;
};

// Deactivates or reactivates an account by its address, for an operator who cannot sign in as
// an administrator (the only administrator has left, an account is compromised at night).
// Deactivating ends the user's sessions at once.
Result<void> set_active(const UserActiveOptions& options, bool active) {
  CLINAUDIT_TRY(auto store, storage::open_store(options.db.empty() ? storage::default_database_url() : options.db));
  auto user = store->user_by_email(domain::sign_in_email(options.email));
  if (!user) {
    if (user.error().code == ErrorCode::not_found) {
      return Error{ErrorCode::not_found, "--email " + options.email + ": there is no such user"};
    }
    return user.error();
  }
  CLINAUDIT_TRY(const auto organisation, store->organisation(user->organisation_id));
  const domain::Actor actor{std::nullopt, active ? "clinaudit user reactivate" : "clinaudit user deactivate"};
  CLINAUDIT_TRY_VOID(domain::set_user_active(*store, organisation, actor, user->id, active));
  if (active) {
    std::cout << "Reactivated " << user->email << " (" << organisation.name << ")\n";
  } else {
    std::cout << "Deactivated " << user->email << " (" << organisation.name << "); their sessions have ended\n";
  }
  return {};
}

}  // namespace

void add_user_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("user", "Manage user accounts");
  command->require_subcommand(1);
  auto* add = command->add_subcommand("add", "Add a user (bootstraps the first administrator)");
  auto options = std::make_shared<UserAddOptions>();
  add->add_option("--db", options->db, "Database: SQLite file or postgresql:// URL");
  add->add_option("--email", options->email, "Sign-in email address")->required();
  add->add_option("--name", options->name, "Full name")->required();
  add->add_option("--role", options->role,
                  "admin, audit_manager, clinical_lead, board_member, national_analyst, read_only or regulator")
      ->required();
  add->add_option("--org", options->org, "Organisation code (the national body for national analysts and regulators)")
      ->required();
  add->add_option("--org-name", options->org_name,
                  "Create the organisation with this name when the database does not hold --org yet");
  add->add_option("--org-type", options->org_type,
                  "Its type when created: acute, mental_health, community, ambulance, primary_care, specialist or "
                  "national_body");
  add->add_option("--org-region", options->org_region, "Its region when created (optional)");
  add->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input without a prompt");
  on_run(*add, outcome, [options]() -> Result<void> { return add_user(*options); });

  for (const bool active : {false, true}) {
    auto* change = command->add_subcommand(
        active ? "reactivate" : "deactivate",
        active ? "Let a deactivated user sign in again" : "Stop a user signing in and end their sessions at once");
    auto change_options = std::make_shared<UserActiveOptions>();
    change->add_option("--db", change_options->db, "Database: SQLite file or postgresql:// URL");
    change->add_option("--email", change_options->email, "The user's sign-in email address")->required();
    on_run(*change, outcome,
           [change_options, active]() -> Result<void> { return set_active(*change_options, active); });
  }
}

}  // namespace clinaudit::cli
