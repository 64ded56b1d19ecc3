#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/clock.hpp"
#include "domain/store.hpp"
#include "http/request.hpp"

namespace clinaudit::http {

class DashboardCache;

// Who may see and do what is a domain rule (domain/access.hpp); routes name these.
using domain::Permission;
using domain::Principal;

// An account listed on the sign-in page in demo mode, with its documented password.
struct DemoLogin {
  std::string email;
  std::string password;
  domain::Role role = domain::Role::read_only;
  std::string organisation_code;
};

struct AppConfig {
  bool demo = false;  // label the pages as synthetic and list the demo accounts on the sign-in page
  std::vector<DemoLogin> demo_logins;
  bool secure_cookies = false;  // always mark cookies Secure (behind a TLS proxy)
  std::chrono::seconds session_lifetime{8 * 60 * 60};
  std::size_t max_upload_bytes = std::size_t{50} * 1024 * 1024;    // a CSV file, page or API (413 beyond)
  std::size_t max_document_bytes = std::size_t{10} * 1024 * 1024;  // a document attached as evidence
  // Checked files awaiting confirmation on the import page, held in the database for every
  // server (domain/pending_import.hpp): at most this much per user, and in all.
  std::size_t pending_import_bytes_per_user = std::size_t{100} * 1024 * 1024;
  std::size_t pending_import_bytes_total = std::size_t{400} * 1024 * 1024;
  std::size_t login_failures_per_account = 5;   // per 15 minutes
  std::size_t login_failures_per_address = 20;  // per 15 minutes
  // Socket addresses of the reverse proxies whose X-Forwarded-For names the client
  // (http/client_address.hpp). Empty: the socket's address is the client's.
  std::vector<std::string> trusted_proxies;
  // Prints an HTML document to PDF (the board pack's download): platform::html_to_pdf, passed
  // in by `serve` as the clock is. Empty: the PDF routes answer 503.
  std::function<Result<std::string>(const std::string& html)> print_pdf;
};

// The signed-in user of a request, with their session's CSRF token.
struct SignedIn {
  Principal principal;
  domain::User user;
  domain::Organisation organisation;
  std::string csrf_token;
  std::string token_hash;
};

// What a handler receives: the ports, the request and who is asking (absent on public routes).
struct Context {
  domain::Store& store;
  const domain::Clock& clock;
  const AppConfig& config;
  const Request& request;
  std::optional<SignedIn> who;
  bool https = false;                    // the request came over TLS (X-Forwarded-Proto) or cookies are always Secure
  DashboardCache* dashboards = nullptr;  // the server's (http/dashboard_cache.hpp); none: computed each time

  const Principal& principal() const { return who->principal; }
  domain::Actor actor() const;
};

enum class Access {
  anyone,     // no session needed (sign-in, health, the stylesheet)
  signed_in,  // any signed-in user (sign-out, own account)
  permitted,  // a signed-in user whose role holds the route's permission
};

using Handler = std::function<Result<Response>(Context&)>;

// One route: method, path pattern (a full-match regex), who may call it, and whether it
// answers in JSON (API) or HTML (page). The table of routes (http/routes.cpp) is the one
// place where each route's access rule is written.
struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::permitted;
  Permission permission = Permission::view_organisation;
  bool api = false;
  Handler handler;
  std::regex compiled;
};

// The two shapes of a route: a page answers HTML (and sends the unsigned-in to /login), an
// API route answers JSON (401 for the unsigned-in).
Route page_route(std::string method, std::string pattern, Access access, Permission permission, Handler handler);
Route api_route(std::string method, std::string pattern, Access access, Permission permission, Handler handler);

std::vector<Route> make_routes();
std::vector<Route> import_routes();
std::vector<Route> report_routes();
std::vector<Route> board_routes();
std::vector<Route> dataset_routes();      // a national audit's patient-level dataset
std::vector<Route> survey_link_routes();  // public: /respond/TOKEN
std::vector<Route> outlier_timetable_routes();
// Setting up the register, audits and measures (http/setup_routes.cpp).
std::vector<Route> setup_routes();
std::vector<Route> audit_report_routes();    // published reports and reviews of them
std::vector<Route> criteria_routes();        // an audit's criteria and results per criterion
std::vector<Route> register_routes();        // the local audit register (http/register_routes.cpp)
std::vector<Route> document_routes();        // documents attached to actions and outlier cases
std::vector<Route> report_tracker_routes();  // assignments, baselines and actions of published reports
std::vector<Route> nice_routes();            // the NICE guidance register
std::vector<Route> supplier_routes();        // the national body's audit suppliers
std::vector<Route> notice_routes();          // a trust's register of outlier notices from other suppliers

// The web application without its transport: turns a Request into a Response.
// Checks in order, for every route: the request's text is UTF-8 (400), the route exists (404),
// the session (401 for the API, a redirect to /login for pages), the permission (403: the
// role's, and the national body's for national settings, see allows()), and the CSRF token of
// every state-changing request (403); the handler then applies the organisation scope.
// Adds the security headers to every response. Thread-safe (the Store is).
class App {
 public:
  App(domain::Store& store, const domain::Clock& clock, const AppConfig& config);
  ~App();

  Response handle(const Request& request);
  // The answer to a request refused before any route runs (by the transport: too large, too
  // slow, unreadable) with `status`: the error page, or the JSON error under /api/, with the
  // security headers.
  Response refusal(const Request& request, int status, const std::string& message);
  const std::vector<Route>& routes() const { return routes_; }
  const AppConfig& config() const { return config_; }

 private:
  domain::Store& store_;
  const domain::Clock& clock_;
  AppConfig config_;
  std::vector<Route> routes_;
  std::unique_ptr<DashboardCache> dashboards_;
};

// Helpers for handlers.
Response json_response(std::string body, int status = 200);
Response html_response(std::string body, int status = 200);
Response redirect(std::string location);  // 303 See Other
// Parses a positive id captured by the route. Errors: invalid_input.
Result<std::int64_t> id_from(const std::string& text);

}  // namespace clinaudit::http
