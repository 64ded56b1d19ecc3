#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <iostream>

#include "cli/commands.hpp"
#include "domain/access.hpp"
#include "domain/user.hpp"
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
  bool password_stdin = false;
};

Result<std::string> read_password(bool from_stdin) {
  std::string password;
  if (!from_stdin && isatty(STDIN_FILENO) != 0) std::cerr << "Password (at least 12 characters): " << std::flush;
  std::getline(std::cin, password);
  while (!password.empty() && (password.back() == '\n' || password.back() == '\r')) password.pop_back();
  if (password.size() < 12) return Error{ErrorCode::invalid_input, "the password needs at least 12 characters"};
  return password;
}

Result<void> add_user(const UserAddOptions& options) {
  const auto role = domain::parse_role(options.role);
  if (!role) {
    return Error{ErrorCode::invalid_input,
                 "--role must be one of admin, audit_manager, clinical_lead, board_member, "
                 "national_analyst, read_only"};
  }
  CLINAUDIT_TRY(auto store, storage::open_store(options.db.empty() ? storage::default_database_url() : options.db));
  auto org = store->organisation_by_code(options.org);
  if (!org) return Error{org.error().code, "--org " + options.org + ": " + org.error().message};
  CLINAUDIT_TRY_VOID(domain::may_assign_role(*org, *role));
  CLINAUDIT_TRY(auto password, read_password(options.password_stdin));
  CLINAUDIT_TRY(auto hash, platform::hash_password(password));
  domain::User user;
  user.email = options.email;
  std::transform(user.email.begin(), user.email.end(), user.email.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  user.display_name = options.name;
  user.role = *role;
  user.organisation_id = org->id;
  user.password_hash = std::move(hash);
  CLINAUDIT_TRY(auto id, store->add_user(user, domain::Actor{std::nullopt, "clinaudit user add"}));
  std::cout << "Added " << user.email << " (" << domain::display_name(user.role) << ", " << org->name << "), user "
            << id.value << '\n';
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
                  "admin, audit_manager, clinical_lead, board_member, national_analyst or read_only")
      ->required();
  add->add_option("--org", options->org, "Organisation code (the national body for national analysts)")->required();
  add->add_flag("--password-stdin", options->password_stdin, "Read the password from standard input without a prompt");
  on_run(*add, outcome, [options]() -> Result<void> { return add_user(*options); });
}

}  // namespace clinaudit::cli
