#include <arpa/inet.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/commands.hpp"
#include "cli/daily_jobs.hpp"
#include "cli/daily_scheduler.hpp"
#include "demo/world.hpp"
#include "http/app.hpp"
#include "http/server.hpp"
#include "platform/password.hpp"
#include "platform/pdf_printer.hpp"
#include "platform/sha256.hpp"
#include "platform/shifted_clock.hpp"
#include "platform/system_clock.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::cli {

namespace {

struct ServeOptions {
  std::string db;
  std::string bind = "127.0.0.1";
  int port = 8080;
  std::size_t max_connections = 256;
  std::size_t requests_at_once = 0;  // 0: twice the cores
  int header_timeout = 10;           // seconds
  int body_timeout = 120;            // seconds
  bool demo = false;
  bool secure_cookies = false;
  bool untuned = false;
  bool quiet = false;
  bool jobs = false;
  std::string as_of;
  std::size_t max_upload_mb = 50;
  std::size_t max_document_mb = 10;
  std::string documents_dir;  // empty: documents' bytes in the database
  std::size_t pending_imports_mb_per_user = 100;
  std::size_t pending_imports_mb = 400;
  std::vector<std::string> trusted_proxies;
  MailOptions mail;
};

constexpr std::size_t kMiB = std::size_t{1024} * 1024;
constexpr std::size_t kMaxMegabytes = std::size_t{1024} * 1024;  // a terabyte: no product overflows

// The server's clock: the real one, or with --as-of the real one moved to start on that date.
Result<std::unique_ptr<domain::Clock>> server_clock(const std::string& as_of) {
  if (as_of.empty()) return std::unique_ptr<domain::Clock>(std::make_unique<platform::SystemClock>());
  const auto today = Date::parse(as_of);
  if (!today) return Error{ErrorCode::invalid_input, "--as-of: " + today.error().message};
  return std::unique_ptr<domain::Clock>(
      std::make_unique<platform::ShiftedClock>(platform::ShiftedClock::starting_on(*today)));
}

// A trusted proxy is named by the address its connections come from, as the socket reports it.
Result<void> check_addresses(const std::vector<std::string>& addresses) {
  for (const auto& address : addresses) {
    in6_addr parsed{};
    if (inet_pton(AF_INET, address.c_str(), &parsed) != 1 && inet_pton(AF_INET6, address.c_str(), &parsed) != 1) {
      return Error{ErrorCode::invalid_input, "--trusted-proxy: '" + address + "' is not an IPv4 or IPv6 address"};
    }
  }
  return {};
}

Result<void> serve(const ServeOptions& options) {
  CLINAUDIT_TRY_VOID(check_addresses(options.trusted_proxies));
  const std::string url = options.db.empty() ? storage::default_database_url() : options.db;
  CLINAUDIT_TRY(auto location, storage::parse_database_url(url));
  const bool create_demo =
      options.demo && location.kind == storage::DatabaseKind::sqlite && !std::filesystem::exists(location.target);
  CLINAUDIT_TRY(auto made_clock, server_clock(options.as_of));
  const domain::Clock& clock = *made_clock;
  CLINAUDIT_TRY(auto store, storage::open_store(url, storage::StoreOptions{options.documents_dir}));
  if (create_demo) {
    spdlog::info("creating the synthetic demo world in {}", location.target);
    demo::DemoOptions demo;
    demo.as_of = clock.today();
    demo.hash_password = [](std::string_view password) { return platform::hash_password(password).value_or(""); };
    demo.sha256_hex = platform::sha256_hex;
    CLINAUDIT_TRY(const auto created, demo::create_demo_world(*store, demo));
    spdlog::info("demo world ready: {} organisations, {} audits, {} episodes", created.organisations, created.audits,
                 created.episodes);
  }
  http::AppConfig config;
  config.demo = options.demo;
  if (options.demo) {
    for (const auto& login : demo::demo_logins()) {
      config.demo_logins.push_back({login.email, login.password, login.role, login.organisation_code});
    }
  }
  config.secure_cookies = options.secure_cookies;
  config.max_upload_bytes = options.max_upload_mb * kMiB;
  config.max_document_bytes = options.max_document_mb * kMiB;
  config.pending_import_bytes_per_user = options.pending_imports_mb_per_user * kMiB;
  config.pending_import_bytes_total = options.pending_imports_mb * kMiB;
  config.trusted_proxies = options.trusted_proxies;
  config.print_pdf = platform::html_to_pdf;
  http::App app(*store, clock, config);
  http::ServerOptions server_options;
  server_options.bind = options.bind;
  server_options.port = options.port;
  server_options.max_connections = std::max<std::size_t>(options.max_connections, 2);
  server_options.handling_slots = options.requests_at_once > 0
                                      ? options.requests_at_once
                                      : 2 * std::max<std::size_t>(std::thread::hardware_concurrency(), 1);
  server_options.header_timeout = std::chrono::seconds(options.header_timeout);
  server_options.body_timeout = std::chrono::seconds(options.body_timeout);
  server_options.tuned = !options.untuned;
  server_options.log_requests = !options.quiet;
  // Room beyond the file for a multipart form's other fields; the app answers a file over
  // the limit with 413 and the limit in words, the transport only what is far beyond it.
  server_options.max_request_bytes = std::max(config.max_upload_bytes, config.max_document_bytes) + 10 * kMiB;
  http::Server server(app, server_options);
  CLINAUDIT_TRY(auto port, server.bind());
  spdlog::info(
      "clinaudit is serving {} at http://{}:{}/, up to {} connections at once, {} requests answered at once (Ctrl-C "
      "to stop)",
      url, options.bind, port, server_options.max_connections, server_options.handling_slots);
  // The daily checks (`clinaudit jobs run`) on a thread of their own, when asked for.
  std::unique_ptr<domain::Mailer> mailer;
  std::optional<DailyScheduler> scheduler;
  if (options.jobs) {
    // Block the stop signals before the jobs thread starts, so that it inherits the mask and
    // the server's signal watcher (run_until_signalled) is the thread that receives them.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    CLINAUDIT_TRY(auto made, mailer_from(options.mail));
    mailer = std::move(made);
    if (!mailer) spdlog::warn("daily jobs: no --smtp mail server; notifications are recorded for the in-app list only");
    domain::Store& jobs_store = *store;
    scheduler.emplace(clock, [&jobs_store, &mailer, &clock, public_url = options.mail.public_url](Date today) {
      const auto report = run_daily_jobs(jobs_store, mailer.get(), clock, today, public_url);
      if (!report) {
        spdlog::error("daily jobs for {}: {}", today.to_string(), report.error().message);
        return;
      }
      spdlog::info("daily jobs {}", run_summary(*report));
      for (const auto& failure : report->notifications.failures) spdlog::warn("daily jobs: {}", failure);
      for (const auto& analysis : report->analyses.analyses) {
        if (!analysis.failure.empty()) {
          spdlog::warn("daily jobs: analysis of {} {}: {}", analysis.audit_code, analysis.period, analysis.failure);
        }
      }
    });
    scheduler->start();
  }
  auto ran = server.run_until_signalled();
  if (scheduler) scheduler->stop();
  spdlog::info("stopped");
  return ran;
}

}  // namespace

void add_serve_command(CLI::App& parent, Outcome& outcome) {
  auto* command = parent.add_subcommand("serve", "Run the web application and JSON API");
  auto options = std::make_shared<ServeOptions>();
  command->add_option("--db", options->db,
                      "Database: a SQLite file path or a postgresql:// URL (default $CLINAUDIT_DB "
                      "or ./clinaudit.sqlite)");
  command->add_option("--bind", options->bind, "Address to listen on")->capture_default_str();
  command->add_option("--port", options->port, "Port to listen on (0: any free port)")->capture_default_str();
  command
      ->add_option("--max-connections", options->max_connections,
                   "Connections served at once (a thread each); more wait until one ends")
      ->capture_default_str();
  command->add_option("--max-requests-at-once", options->requests_at_once,
                      "Requests answered at once; the others wait their turn in the order they arrived (default: twice "
                      "the cores)");
  command
      ->add_option("--header-timeout", options->header_timeout,
                   "Seconds a request's line and headers may take to arrive (408 after)")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command
      ->add_option("--body-timeout", options->body_timeout,
                   "Seconds a request's body may take to arrive (408 after); allow for the largest upload")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command->add_flag("--demo", options->demo,
                    "Demo mode: create the synthetic demo world when the SQLite file is missing, and show the demo "
                    "accounts on the sign-in page");
  command->add_flag("--secure-cookies", options->secure_cookies,
                    "Mark cookies Secure (behind a TLS proxy; also automatic with X-Forwarded-Proto: https)");
  command->add_flag("--untuned", options->untuned, "Use cpp-httplib's default socket settings (for benchmarks only)");
  command->add_flag("--quiet", options->quiet, "Do not log each request");
  command->add_flag("--jobs", options->jobs,
                    "Also run the daily checks (as `clinaudit jobs run`) at start-up and after each midnight UTC");
  command->add_option("--as-of", options->as_of,
                      "Run as if today were YYYY-MM-DD (the demo world's date, the daily checks, deadlines and "
                      "sessions), the date moving on at each midnight UTC; for rehearsals and tests");
  command->add_option("--max-upload-mb", options->max_upload_mb, "Largest CSV file accepted for import, in MB")
      ->check(CLI::Range(std::size_t{1}, kMaxMegabytes))
      ->capture_default_str();
  command
      ->add_option("--max-document-mb", options->max_document_mb,
                   "Largest document (PDF or Word) attached as evidence to an action or an outlier case, in MB")
      ->check(CLI::Range(std::size_t{1}, kMaxMegabytes))
      ->capture_default_str();
  command->add_option("--documents-dir", options->documents_dir,
                      "Keep the bytes of documents attached as evidence in this existing directory (shared by every "
                      "server of the deployment) instead of the database");
  command
      ->add_option("--pending-imports-mb-per-user", options->pending_imports_mb_per_user,
                   "Space in the database for one user's checked files awaiting confirmation, in MB")
      ->check(CLI::Range(std::size_t{1}, kMaxMegabytes))
      ->capture_default_str();
  command
      ->add_option(
          "--pending-imports-mb", options->pending_imports_mb,
          "Space in the database for all checked files awaiting confirmation, in MB (the same on every server)")
      ->check(CLI::Range(std::size_t{1}, kMaxMegabytes))
      ->capture_default_str();
  command->add_option("--trusted-proxy", options->trusted_proxies,
                      "Address of a reverse proxy whose X-Forwarded-For names the client (repeatable)");
  add_mail_options(*command, options->mail);
  on_run(*command, outcome, [options]() -> Result<void> { return serve(*options); });
}

}  // namespace clinaudit::cli
