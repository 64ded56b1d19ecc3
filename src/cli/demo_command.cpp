#include <chrono>
#include <iostream>

#include "cli/commands.hpp"
#include "demo/world.hpp"
#include "platform/password.hpp"
#include "platform/sha256.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {
namespace {

struct DemoArgs {
  std::string db;
  std::uint64_t seed = demo::DemoOptions{}.seed;
  std::string as_of;
};

Result<void> run_demo(const DemoArgs& args) {
  demo::DemoOptions options;
  options.seed = args.seed;
  if (args.as_of.empty()) {
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
    options.as_of = Date::from_days(days.time_since_epoch().count());
  } else {
    CLINAUDIT_TRY(const auto parsed, Date::parse(args.as_of));
    options.as_of = parsed;
  }
  options.hash_password = [](std::string_view password) { return platform::hash_password(password).value_or(""); };
  options.sha256_hex = platform::sha256_hex;
  CLINAUDIT_TRY(auto store, storage::open_store(args.db));
  std::cerr << "Creating the synthetic demo world in " << args.db << " ...\n";
  CLINAUDIT_TRY(const auto summary, demo::create_demo_world(*store, options));
  std::cout << "Demo world created (synthetic data, as of " << options.as_of.to_string() << ", seed " << args.seed
            << "): " << summary.organisations << " organisations, " << summary.audits << " national audits, "
            << summary.episodes << " patient episodes, " << summary.results << " monthly results.\n"
            << "Sign in with:\n";
  for (const auto& login : summary.logins) {
    std::cout << "  " << login.email << "  password " << login.password << "  (" << display_name(login.role) << ", "
              << login.organisation_code << ")\n";
  }
  return {};
}

}  // namespace

void add_demo_command(CLI::App& parent, Outcome& outcome) {
  auto args = std::make_shared<DemoArgs>();
  auto* command = parent.add_subcommand(
      "demo", "Create a database holding the synthetic demo world (fictional trusts, synthetic results)");
  command->add_option("--db", args->db, "Database URL or SQLite file to create")->required();
  command->add_option("--seed", args->seed, "Random seed (the same seed and date give the same world)");
  command->add_option("--as-of", args->as_of, "The demo's today, YYYY-MM-DD (default: today)");
  on_run(*command, outcome, [args] { return run_demo(*args); });
}

}  // namespace clinaudit::cli
