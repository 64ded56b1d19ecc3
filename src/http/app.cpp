#include "http/app.hpp"

#include <charconv>

#include "http/client_address.hpp"
#include "http/dashboard_cache.hpp"
#include "http/error_response.hpp"
#include "http/pages/layout.hpp"
#include "http/sessions.hpp"

namespace clinaudit::http {

namespace {

// No script at all, styles only from our own stylesheet, nothing framed, forms post
// only to us (docs/security.md).
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'";

void add_security_headers(Response& response) {
  // A route may narrow or adapt the policy (the print documents); it never loses one.
  if (response.header("Content-Security-Policy").empty()) {
    response.headers.emplace_back("Content-Security-Policy", kContentSecurityPolicy);
  }
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  response.headers.emplace_back("Referrer-Policy", "same-origin");
  response.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
  response.headers.emplace_back("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  if (response.header("Cache-Control").empty()) response.headers.emplace_back("Cache-Control", "no-store");
}

bool state_changing(const std::string& method) { return method != "GET" && method != "HEAD"; }

// Compares without an early exit, so the time taken does not reveal a matching prefix.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a.empty()) return false;
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

Response error_response(const Route* route, const Context& context, const Error& error) {
  if (route == nullptr || route->api) {
    Response response = json_response(error_json(error), http_status(error.code));
    return response;
  }
  return html_response(pages::error_page(context, error), http_status(error.code));
}

}  // namespace

domain::Actor Context::actor() const {
  if (!who) return domain::Actor{std::nullopt, "anonymous"};
  return domain::Actor{who->user.id, who->user.email};
}

App::App(domain::Store& store, const domain::Clock& clock, const AppConfig& config)
    : store_(store),
      clock_(clock),
      config_(config),
      routes_(make_routes()),
      dashboards_(std::make_unique<DashboardCache>()) {}

App::~App() = default;

Response App::handle(const Request& incoming) {
  Request request = incoming;
  request.remote_addr = client_address(incoming, config_.trusted_proxies);
  Context context{store_,           clock_,
                  config_,          request,
                  std::nullopt,     config_.secure_cookies || request.header("x-forwarded-proto") == "https",
                  dashboards_.get()};
  const bool api_path = request.path.rfind("/api/", 0) == 0;
  // Text that is not UTF-8 could be neither shown back nor logged: refused before any route reads it.
  const auto malformed = malformed_text_in(request);

  const Route* route = nullptr;
  bool path_known = false;
  for (const Route& candidate : routes_) {
    if (malformed) break;
    std::smatch match;
    if (!std::regex_match(request.path, match, candidate.compiled)) continue;
    path_known = true;
    if (candidate.method != request.method && !(request.method == "HEAD" && candidate.method == "GET")) continue;
    route = &candidate;
    request.matches.assign(match.begin() + 1, match.end());
    break;
  }

  Response response;
  const auto fail = [&](const Error& error) {
    if (route == nullptr && !api_path) return html_response(pages::error_page(context, error), http_status(error.code));
    return error_response(route, context, error);
  };

  if (malformed) {
    response = fail(Error{ErrorCode::invalid_input, *malformed + " is not valid UTF-8 text"});
  } else if (route == nullptr) {
    response = path_known ? fail(Error{ErrorCode::invalid_input, "this address does not accept " + request.method})
                          : fail(Error{ErrorCode::not_found, "there is no page at " + request.path});
    if (path_known) response.status = 405;
  } else {
    bool allowed = true;
    if (route->access != Access::anyone) {
      auto found = find_session(store_, clock_, request.cookie(kSessionCookie));
      if (!found) {
        allowed = false;
        if (found.error().code == ErrorCode::unauthenticated && !route->api) {
          response = redirect(request.method == "GET" ? "/login?next=" + url_encode(request.path) : "/login");
        } else {
          response = fail(found.error());
        }
      } else {
        auto organisation = store_.organisation(found->second.organisation_id);
        if (!organisation) {
          allowed = false;
          response = fail(organisation.error());
        } else {
          auto& [session, user] = *found;
          Principal principal{user.id,         user.email, user.role, user.organisation_id, organisation->type,
                              user.supplier_id};
          context.who =
              SignedIn{std::move(principal), user, std::move(*organisation), session.csrf_token, session.token_hash};
        }
      }
    }
    if (allowed && route->access == Access::permitted && !allows(context.principal(), route->permission)) {
      allowed = false;
      response = fail(Error{ErrorCode::forbidden, role_allows(context.who->user.role, route->permission)
                                                      ? "national settings are changed by the national body only"
                                                      : "your role does not allow this"});
    }
    if (allowed && route->access != Access::anyone && state_changing(request.method)) {
      const std::string sent = route->api ? request.header("x-csrf-token") : request.field("csrf").value_or("");
      if (!same_secret(sent, context.who->csrf_token)) {
        allowed = false;
        response = fail(Error{ErrorCode::forbidden,
                              "the form has expired or did not come from this site; reload the page and try again"});
      }
    }
    if (allowed) {
      auto result = route->handler(context);
      response = result ? std::move(*result) : fail(result.error());
    }
  }
  add_security_headers(response);
  if (request.method == "HEAD") response.body.clear();
  return response;
}

Response App::refusal(const Request& request, int status, const std::string& message) {
  const Context context{store_, clock_, config_, request, std::nullopt};
  const Error error{status >= 500 ? ErrorCode::internal : ErrorCode::invalid_input, message};
  Response response = request.path.rfind("/api/", 0) == 0 ? json_response(error_json(error), status)
                                                          : html_response(pages::error_page(context, error), status);
  add_security_headers(response);
  if (request.method == "HEAD") response.body.clear();
  return response;
}

Response json_response(std::string body, int status) {
  Response response;
  response.status = status;
  response.content_type = "application/json";
  response.body = std::move(body);
  return response;
}

Response html_response(std::string body, int status) {
  Response response;
  response.status = status;
  response.body = std::move(body);
  return response;
}

Route page_route(std::string method, std::string pattern, Access access, Permission permission, Handler handler) {
  return Route{std::move(method), std::move(pattern), access, permission, false, std::move(handler), {}};
}

Route api_route(std::string method, std::string pattern, Access access, Permission permission, Handler handler) {
  return Route{std::move(method), std::move(pattern), access, permission, true, std::move(handler), {}};
}

Response redirect(std::string location) {
  Response response;
  response.status = 303;
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

Result<std::int64_t> id_from(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || value <= 0) {
    return Error{ErrorCode::invalid_input, "not a record number: " + text};
  }
  return value;
}

}  // namespace clinaudit::http
