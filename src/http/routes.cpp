#include <nlohmann/json.hpp>

#include "http/app.hpp"
#include "http/error_response.hpp"
#include "http/import_flow.hpp"
#include "http/json_views.hpp"
#include "http/login.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"
#include "http/redirect_target.hpp"
#include "http/views.hpp"

// The route table: every path, its method, who may call it, and its handler. Handlers
// translate the request into one call of http/views.hpp and its result into a response.
namespace clinaudit::http {

namespace {

using P = Permission;

Result<AuditQuery> audit_query(const Context& context) {
  const Request& r = context.request;
  AuditQuery query;
  CLINAUDIT_TRY(auto year, year_from(context, r.query_value("year")));
  query.year = year;
  const std::string kind = r.query_value("kind");
  query.local_only = kind == "local";
  query.national_only = kind == "national";
  if (const auto status = r.query_value("status"); !status.empty()) {
    query.status = domain::parse_audit_status(status);
    if (!query.status) return Error{ErrorCode::invalid_input, "status: not a known audit status: " + status};
  }
  query.topic = r.query_value("topic");
  return query;
}

ActionFilter action_filter(const Request& r) {
  const std::string view = r.query_value("view");
  if (view == "mine") return ActionFilter::mine;
  if (view == "overdue") return ActionFilter::overdue;
  return ActionFilter::all;
}

Result<std::optional<AuditId>> audit_param(const Request& r) {
  const std::string audit = r.query_value("audit");
  if (audit.empty()) return std::optional<AuditId>{};
  CLINAUDIT_TRY(auto id, id_from(audit));
  return std::optional<AuditId>{AuditId{id}};
}

Result<Response> actions_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto audit, audit_param(c.request));
  CLINAUDIT_TRY(auto rows, action_rows(c, action_filter(c.request), audit));
  CLINAUDIT_TRY(auto people, organisation_users(c));
  AuditQuery query;
  query.year = FinancialYear::containing(c.clock.today());
  CLINAUDIT_TRY(auto audits, audit_register(c, query));
  return html_response(pages::actions_page(c, rows, action_filter(c.request), people, audits, error, message),
                       error ? 400 : 200);
}

Result<Response> participation_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
  CLINAUDIT_TRY(auto rows, participation_rows(c, year));
  return html_response(pages::participation_page(c, rows, year, error, message), error ? 400 : 200);
}

Result<Response> users_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto users, organisation_users(c));
  return html_response(pages::users_page(c, users, error, message), error ? 400 : 200);
}

Response with_cookie(Response response, const std::string& cookie) {
  response.headers.emplace_back("Set-Cookie", cookie);
  return response;
}

std::string created_json(std::int64_t id) {
  return nlohmann::json{{"id", id}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<Route> session_routes() {
  std::vector<Route> routes;
  routes.push_back(
      page_route("GET", "/login", Access::anyone, P::view_organisation, [](Context& c) -> Result<Response> {
        return html_response(
            pages::login_page(c, local_redirect_target(c.request.query_value("next")), std::nullopt, ""));
      }));
  routes.push_back(
      page_route("POST", "/login", Access::anyone, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto outcome, login(c));
        const std::string next = local_redirect_target(c.request.field("next").value_or("/"));
        const std::string email = c.request.field("email").value_or("");
        switch (outcome.status) {
          case LoginStatus::signed_in:
            return with_cookie(redirect(next),
                               session_cookie(outcome.session.token, c.config.session_lifetime, c.https));
          case LoginStatus::throttled:
            return html_response(
                pages::login_page(
                    c, next, Error{ErrorCode::forbidden, "Too many attempts to sign in. Wait 15 minutes and try again"},
                    email),
                429);
          case LoginStatus::bad_credentials: break;
        }
        return html_response(
            pages::login_page(c, next, Error{ErrorCode::unauthenticated, "The email address or password is not right"},
                              email),
            401);
      }));
  routes.push_back(
      page_route("POST", "/logout", Access::signed_in, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY_VOID(logout(c));
        return with_cookie(redirect("/login"), session_cookie("", c.config.session_lifetime, c.https));
      }));
  routes.push_back(
      api_route("POST", "/api/session", Access::anyone, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto outcome, login(c));
        if (outcome.status == LoginStatus::throttled) {
          return json_response(error_json(Error{ErrorCode::forbidden, "too many attempts to sign in; wait 15 minutes"},
                                          R"({"retry_after_seconds":900})"),
                               429);
        }
        if (outcome.status != LoginStatus::signed_in) {
          return Error{ErrorCode::unauthenticated, "the email address or password is not right"};
        }
        const nlohmann::json body{{"csrf_token", outcome.session.stored.csrf_token},
                                  {"expires_at", outcome.session.stored.expires_at}};
        return with_cookie(json_response(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                           session_cookie(outcome.session.token, c.config.session_lifetime, c.https));
      }));
  routes.push_back(
      api_route("DELETE", "/api/session", Access::signed_in, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY_VOID(logout(c));
        Response response = json_response("{}");
        return with_cookie(response, session_cookie("", c.config.session_lifetime, c.https));
      }));
  routes.push_back(api_route("GET", "/api/me", Access::signed_in, P::view_organisation,
                             [](Context& c) -> Result<Response> { return json_response(me_json(*c.who)); }));
  return routes;
}

std::vector<Route> view_routes() {
  std::vector<Route> routes;
  routes.push_back(page_route("GET", "/", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(auto view, dashboard_view(c));
    return html_response(pages::dashboard_page(c, view));
  }));
  routes.push_back(
      api_route("GET", "/api/dashboard", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto view, dashboard_view(c));
        return json_response(to_json(view));
      }));
  routes.push_back(
      page_route("GET", "/audits", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto query, audit_query(c));
        CLINAUDIT_TRY(auto rows, audit_register(c, query));
        return html_response(pages::audits_page(c, rows, query));
      }));
  routes.push_back(
      api_route("GET", "/api/audits", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto query, audit_query(c));
        CLINAUDIT_TRY(auto rows, audit_register(c, query));
        return json_response(to_json(rows, query.year));
      }));
  const auto audit_handler = [](bool api) {
    return [api](Context& c) -> Result<Response> {
      CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
      CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
      CLINAUDIT_TRY(auto view, audit_view(c, AuditId{id}, year));
      return api ? json_response(to_json(view)) : html_response(pages::audit_page(c, view));
    };
  };
  routes.push_back(
      page_route("GET", R"(/audits/(\d{1,18}))", Access::permitted, P::view_organisation, audit_handler(false)));
  routes.push_back(
      api_route("GET", R"(/api/audits/(\d{1,18}))", Access::permitted, P::view_organisation, audit_handler(true)));
  routes.push_back(
      page_route("GET", "/outliers", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto rows, outlier_rows(c));
        return html_response(pages::outliers_page(c, rows));
      }));
  routes.push_back(
      api_route("GET", "/api/outliers", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto rows, outlier_rows(c));
        return json_response(to_json(rows));
      }));
  const auto outlier_case_handler = [](bool api) {
    return [api](Context& c) -> Result<Response> {
      CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
      CLINAUDIT_TRY(auto view, outlier_case_view(c, OutlierCaseId{id}));
      return api ? json_response(to_json(view)) : html_response(pages::outlier_case_page(c, view));
    };
  };
  routes.push_back(page_route("GET", R"(/outliers/(\d{1,18}))", Access::permitted, P::view_organisation,
                              outlier_case_handler(false)));
  routes.push_back(api_route("GET", R"(/api/outliers/(\d{1,18}))", Access::permitted, P::view_organisation,
                             outlier_case_handler(true)));
  routes.push_back(
      page_route("GET", "/national", Access::permitted, P::view_national, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
        AuditQuery query;
        query.year = year;
        query.national_only = true;
        CLINAUDIT_TRY(auto rows, audit_register(c, query));
        return html_response(pages::national_index_page(c, rows, year));
      }));
  const auto national_handler = [](bool api) {
    return [api](Context& c) -> Result<Response> {
      CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
      CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
      CLINAUDIT_TRY(auto view, national_view(c, AuditId{id}, year));
      return api ? json_response(to_json(view)) : html_response(pages::national_page(c, view));
    };
  };
  routes.push_back(page_route("GET", R"(/national/audits/(\d{1,18})/providers/(\d{1,18}))", Access::permitted,
                              P::view_national, [](Context& c) -> Result<Response> {
                                CLINAUDIT_TRY(auto audit, id_from(c.request.matches.at(0)));
                                CLINAUDIT_TRY(auto organisation, id_from(c.request.matches.at(1)));
                                CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
                                CLINAUDIT_TRY(auto view, national_provider_view(c, AuditId{audit},
                                                                                OrganisationId{organisation}, year));
                                return html_response(pages::national_provider_page(c, view));
                              }));
  routes.push_back(page_route("GET", R"(/national/audits/(\d{1,18}))", Access::permitted, P::view_national,
                              national_handler(false)));
  routes.push_back(api_route("GET", R"(/api/national/audits/(\d{1,18}))", Access::permitted, P::view_national,
                             national_handler(true)));
  return routes;
}

std::vector<Route> change_routes() {
  std::vector<Route> routes;
  const auto stage_handler = [](bool api) {
    return [api](Context& c) -> Result<Response> {
      CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
      CLINAUDIT_TRY_VOID(complete_outlier_stage(c, OutlierCaseId{id}, c.request.field("decision").value_or(""),
                                                c.request.field("note").value_or("")));
      return api ? json_response(created_json(id)) : redirect("/outliers/" + std::to_string(id));
    };
  };
  routes.push_back(
      page_route("POST", R"(/outliers/(\d{1,18})/stage)", Access::permitted, P::manage_outliers, stage_handler(false)));
  routes.push_back(page_route("POST", R"(/national/audits/(\d{1,18})/analyse)", Access::permitted, P::run_analysis,
                              [](Context& c) -> Result<Response> {
                                CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
                                CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
                                CLINAUDIT_TRY(auto view, run_national_analysis(c, AuditId{id}, year));
                                return html_response(pages::analysis_run_page(c, view));
                              }));
  routes.push_back(api_route("POST", R"(/api/outliers/(\d{1,18})/stage)", Access::permitted, P::manage_outliers,
                             stage_handler(true)));
  routes.push_back(page_route("GET", "/participation", Access::permitted, P::edit_participation,
                              [](Context& c) { return participation_html(c, std::nullopt, ""); }));
  routes.push_back(page_route(
      "POST", "/participation", Access::permitted, P::edit_participation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
        auto saved = save_participation(c, year);
        if (!saved) {
          if (saved.error().code != ErrorCode::invalid_input) return saved.error();
          return participation_html(c, saved.error(), "");
        }
        return participation_html(c, std::nullopt, "Participation saved for " + std::to_string(*saved) + " audits.");
      }));
  routes.push_back(api_route("GET", "/api/participation", Access::permitted, P::edit_participation,
                             [](Context& c) -> Result<Response> {
                               CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
                               CLINAUDIT_TRY(auto rows, participation_rows(c, year));
                               return json_response(to_json(rows, year));
                             }));
  routes.push_back(api_route(
      "POST", "/api/participation", Access::permitted, P::edit_participation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto year, year_from(c, c.request.query_value("year")));
        CLINAUDIT_TRY(auto saved, save_participation(c, year));
        return json_response(
            nlohmann::json{{"saved", saved}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      }));
  routes.push_back(page_route("GET", "/actions", Access::permitted, P::view_organisation,
                              [](Context& c) { return actions_html(c, std::nullopt, ""); }));
  routes.push_back(
      api_route("GET", "/api/actions", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto audit, audit_param(c.request));
        CLINAUDIT_TRY(auto rows, action_rows(c, action_filter(c.request), audit));
        return json_response(to_json(rows));
      }));
  routes.push_back(
      page_route("GET", "/notifications", Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto rows, my_notifications(c));
        return html_response(pages::notifications_page(c, rows));
      }));
  routes.push_back(api_route("GET", "/api/notifications", Access::permitted, P::view_organisation,
                             [](Context& c) -> Result<Response> {
                               CLINAUDIT_TRY(auto rows, my_notifications(c));
                               return json_response(to_json(rows));
                             }));
  routes.push_back(
      page_route("POST", "/actions", Access::permitted, P::manage_actions, [](Context& c) -> Result<Response> {
        auto id = create_action(c);
        if (!id) {
          if (id.error().code != ErrorCode::invalid_input) return id.error();
          return actions_html(c, id.error(), "");
        }
        return redirect("/actions?view=all");
      }));
  routes.push_back(
      api_route("POST", "/api/actions", Access::permitted, P::manage_actions, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto id, create_action(c));
        return json_response(created_json(id.value), 201);
      }));
  const auto close_handler = [](bool api) {
    return [api](Context& c) -> Result<Response> {
      CLINAUDIT_TRY(auto id, id_from(c.request.matches.at(0)));
      auto closed = close_action(c, ActionId{id});
      if (!closed) {
        if (api || closed.error().code != ErrorCode::invalid_input) return closed.error();
        return actions_html(c, closed.error(), "");
      }
      return api ? json_response(created_json(id)) : redirect("/actions?view=all");
    };
  };
  routes.push_back(
      page_route("POST", R"(/actions/(\d{1,18})/close)", Access::permitted, P::manage_actions, close_handler(false)));
  routes.push_back(
      api_route("POST", R"(/api/actions/(\d{1,18})/close)", Access::permitted, P::manage_actions, close_handler(true)));
  routes.push_back(page_route("GET", "/users", Access::permitted, P::manage_users,
                              [](Context& c) { return users_html(c, std::nullopt, ""); }));
  routes.push_back(page_route("POST", "/users", Access::permitted, P::manage_users, [](Context& c) -> Result<Response> {
    auto id = create_user(c);
    if (!id) {
      if (id.error().code != ErrorCode::invalid_input && id.error().code != ErrorCode::conflict &&
          id.error().code != ErrorCode::forbidden) {
        return id.error();
      }
      return users_html(c, id.error(), "");
    }
    return users_html(c, std::nullopt, "User added.");
  }));
  routes.push_back(
      api_route("GET", "/api/users", Access::permitted, P::manage_users, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto users, organisation_users(c));
        return json_response(to_json(users));
      }));
  routes.push_back(
      api_route("POST", "/api/users", Access::permitted, P::manage_users, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto id, create_user(c));
        return json_response(created_json(id.value), 201);
      }));
  return routes;
}

}  // namespace

std::vector<Route> make_routes() {
  std::vector<Route> routes;
  routes.push_back(
      page_route("GET", "/healthz", Access::anyone, P::view_organisation, [](Context& c) -> Result<Response> {
        // Healthy when the database answers.
        if (auto orgs = c.store.organisation(OrganisationId{1});
            !orgs && orgs.error().code == ErrorCode::storage_unavailable) {
          return orgs.error();
        }
        Response response = json_response(R"({"status":"ok"})");
        return response;
      }));
  routes.push_back(
      page_route("GET", "/static/style.css", Access::anyone, P::view_organisation, [](Context&) -> Result<Response> {
        Response response;
        response.content_type = "text/css; charset=utf-8";
        response.body = std::string(pages::stylesheet());
        response.headers.emplace_back("Cache-Control", "public, max-age=3600");
        return response;
      }));
  routes.push_back(api_route("GET", "/api/", Access::anyone, P::view_organisation, [](Context&) -> Result<Response> {
    return json_response(R"({"name":"clinaudit","documentation":"docs/api.md"})");
  }));
  for (auto* part : {&session_routes, &view_routes, &change_routes, &import_routes, &report_routes, &board_routes,
                     &survey_link_routes, &outlier_timetable_routes}) {
    for (auto& route : (*part)()) routes.push_back(std::move(route));
  }
  for (auto& route : routes) route.compiled = std::regex(route.pattern, std::regex::ECMAScript | std::regex::optimize);
  return routes;
}

}  // namespace clinaudit::http
