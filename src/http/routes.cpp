#include <nlohmann/json.hpp>

#include <algorithm>

#include "domain/local_audit_views.hpp"
#include "http/app.hpp"
#include "http/error_response.hpp"
#include "http/form_answers.hpp"
#include "http/import_flow.hpp"
#include "http/json_views.hpp"
#include "http/login.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"
#include "http/redirect_target.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"

// The route table: every path, its method, who may call it, and its handler. Handlers
// translate the request into one call of http/views.hpp and its result into a response.
// A page and its API twin are one resource (http/resource.hpp), declared once.
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

// The JSON of loaded data that has a to_json of its own (http/json_views.hpp).
constexpr auto kJson = [](Context&, const auto& data) { return json_response(to_json(data)); };

// The register's rows with the question that chose them.
struct AuditRegister {
  AuditQuery query;
  std::vector<AuditRow> rows;
};

Result<AuditRegister> load_audit_register(Context& c, AuditQuery query) {
  CLINAUDIT_TRY(auto rows, audit_register(c, query));
  return AuditRegister{std::move(query), std::move(rows)};
}

// A year's participation rows, with the year.
struct ParticipationYear {
  FinancialYear year;
  std::vector<ParticipationRow> rows;
};

Result<ParticipationYear> load_participation(Context& c) {
  CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
  CLINAUDIT_TRY(auto rows, participation_rows(c, year));
  return ParticipationYear{year, std::move(rows)};
}

// The actions, of the audits of one division of the local audit register when ?division=ID.
Result<std::vector<ActionRow>> load_actions(Context& c) {
  CLINAUDIT_TRY(const auto audit, audit_param(c.request));
  CLINAUDIT_TRY(auto rows, action_rows(c, action_filter(c.request), audit));
  const std::string division = c.request.query_value("division");
  if (division.empty()) return rows;
  CLINAUDIT_TRY(const auto id, id_from(division));
  CLINAUDIT_TRY(const auto audits, domain::audits_in_division(c.store, c.principal(), TrustUnitId{id}));
  std::erase_if(rows, [&audits](const ActionRow& row) {
    return !row.item.audit_id || std::ranges::find(audits, *row.item.audit_id) == audits.end();
  });
  return rows;
}

// The actions page over `rows`, with the people and this year's audits its form offers.
Result<Response> actions_html(Context& c, const std::vector<ActionRow>& rows, const std::optional<Error>& error,
                              const std::string& message) {
  CLINAUDIT_TRY(auto people, organisation_users(c));
  AuditQuery query;
  query.year = FinancialYear::containing(c.clock.today());
  CLINAUDIT_TRY(auto audits, audit_register(c, query));
  return html_response(pages::actions_page(c, rows, action_filter(c.request), people, audits, error, message),
                       error ? 400 : 200);
}

Result<Response> actions_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto rows, load_actions(c));
  return actions_html(c, rows, error, message);
}

Result<ActionId> action_id_from(const Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return ActionId{id};
}

// What an action's page says after a change (?done=...).
std::string action_change_message(const Request& r) {
  const std::string done = r.query_value("done");
  if (done == "note") return "The progress note was added.";
  if (done == "completed") return "The action was marked as completed.";
  if (done == "due-date") return "The due date was changed.";
  if (done == "reopened") return "The action was reopened.";
  if (done == "owner") return "The action was reassigned.";
  if (done == "edited") return "The changes were saved.";
  if (done == "document") return "The document was attached.";
  return "";
}

// One action's page over `detail`, with the people and this year's audits its forms offer.
Result<Response> action_html(Context& c, const ActionDetail& detail, const std::optional<Error>& error,
                             std::string_view refused_form) {
  CLINAUDIT_TRY(auto people, organisation_users(c));
  AuditQuery query;
  query.year = FinancialYear::containing(c.clock.today());
  CLINAUDIT_TRY(auto audits, audit_register(c, query));
  return html_response(
      pages::action_page(c, detail, people, audits, error, refused_form, action_change_message(c.request)),
      error ? 400 : 200);
}

// An outlier case's page with its forms as `forms` holds them: 400 when they hold a refusal.
Result<Response> outlier_case_html(Context& c, OutlierCaseId id, const pages::OutlierCaseForms& forms) {
  CLINAUDIT_TRY(const auto view, outlier_case_view(c, id));
  return html_response(pages::outlier_case_page(c, view, forms), forms.error ? 400 : 200);
}

Result<Response> participation_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto loaded, load_participation(c));
  return html_response(pages::participation_page(c, loaded.rows, loaded.year, error, message), error ? 400 : 200);
}

Result<Response> users_html(Context& c, const std::optional<Error>& error, const std::string& message) {
  CLINAUDIT_TRY(auto users, organisation_users(c));
  return html_response(pages::users_page(c, users, error, message), error ? 400 : 200);
}

Result<UserId> user_id_from(const Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return UserId{id};
}

// One user's page, with a refusal, a message or a new password link.
Result<Response> user_html(Context& c, const std::optional<Error>& error, const std::string& message,
                           const std::optional<domain::PasswordResetLink>& link = std::nullopt) {
  CLINAUDIT_TRY(const auto id, user_id_from(c));
  CLINAUDIT_TRY(const auto user, organisation_user(c, id));
  return html_response(pages::user_page(c, user, error, message, link), error ? 400 : 200);
}

// What a user page says after a change (?done=...).
std::string user_change_message(const Request& r) {
  const std::string done = r.query_value("done");
  if (done == "changed") return "The name and role were saved.";
  if (done == "deactivated") return "The account was deactivated and its sessions ended.";
  if (done == "reactivated") return "The account was reactivated.";
  return "";
}

// A refusal the users' forms show again at their fields; any other is answered as an error.
bool shown_on_user_form(const Error& error) {
  return error.code == ErrorCode::invalid_input || error.code == ErrorCode::conflict ||
         error.code == ErrorCode::forbidden;
}

Response with_cookie(Response response, const std::string& cookie) {
  response.headers.emplace_back("Set-Cookie", cookie);
  return response;
}

// A change of one action (`form` names it in the path): the use case `change` runs as the
// caller; the page goes back to the action, or shows it again with the refusal.
void action_change(RouteTable& table, const char* form, Result<void> (*change)(Context&, ActionId), const char* done) {
  table.resource<ActionId>({
      .method = "POST",
      .path = std::string(R"(/actions/(\d{1,18})/)") + form,
      .permission = P::manage_actions,
      .load = [change](Context& c) -> Result<ActionId> {
        CLINAUDIT_TRY(const auto id, action_id_from(c));
        CLINAUDIT_TRY_VOID(change(c, id));
        return id;
      },
      .page =
          [done](Context&, ActionId& id) {
            return redirect("/actions/" + std::to_string(id.value) + "?done=" + done + "#history");
          },
      .json = [](Context&, ActionId& id) { return json_response(created_json(id.value)); },
      .page_refusal = [form](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input && error.code != ErrorCode::conflict) return error;
        CLINAUDIT_TRY(const auto id, action_id_from(c));
        CLINAUDIT_TRY(auto detail, action_detail(c, id));
        return action_html(c, detail, error, form);
      },
  });
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
          case LoginStatus::deactivated:
            return html_response(
                pages::login_page(c, next,
                                  Error{ErrorCode::forbidden,
                                        "Your account has been deactivated. Ask an administrator in your organisation "
                                        "to reactivate it"},
                                  email),
                403);
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
        if (outcome.status == LoginStatus::deactivated) {
          return Error{ErrorCode::forbidden,
                       "this account has been deactivated; ask an administrator to reactivate it"};
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
  RouteTable table;
  table.resource<HomeView>({
      .path = "/",
      .api_path = "/api/dashboard",
      // Everyone's first page: home_view refuses a role without view_organisation (the
      // regulator), whose home is the outlier cases it sees.
      .permission = P::view_outliers,
      .load = home_view,
      .page =
          [](Context& c, HomeView& view) {
            return html_response(view.national ? pages::national_home_page(c, *view.national)
                                               : pages::dashboard_page(c, view.dashboard->dashboard));
          },
      .json =
          [](Context&, HomeView& view) {
            return json_response(view.national ? to_json(*view.national) : view.dashboard->json);
          },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code == ErrorCode::forbidden && allows(c.principal(), P::view_outliers)) return redirect("/outliers");
        return error;
      },
  });
  table.resource<AuditRegister>({
      .path = "/audits",
      .load = [](Context& c) -> Result<AuditRegister> {
        CLINAUDIT_TRY(auto query, audit_query(c));
        return load_audit_register(c, std::move(query));
      },
      .page = [](Context& c, AuditRegister& r) { return html_response(pages::audits_page(c, r.rows, r.query)); },
      .json = [](Context&, AuditRegister& r) { return json_response(to_json(r.rows, r.query.year)); },
  });
  table.resource<AuditView>({
      .path = R"(/audits/(\d{1,18}))",
      .load = [](Context& c) -> Result<AuditView> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return audit_view(c, AuditId{id}, year);
      },
      .page = [](Context& c, AuditView& view) { return html_response(pages::audit_page(c, view)); },
      .json = kJson,
  });
  table.resource<std::vector<OutlierRow>>({
      .path = "/outliers",
      .permission = P::view_outliers,
      .load = outlier_rows,
      .page = [](Context& c, std::vector<OutlierRow>& rows) { return html_response(pages::outliers_page(c, rows)); },
      .json = kJson,
  });
  table.resource<OutlierCaseView>({
      .path = R"(/outliers/(\d{1,18}))",
      .permission = P::view_outliers,
      .load = [](Context& c) -> Result<OutlierCaseView> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        return outlier_case_view(c, OutlierCaseId{id});
      },
      .page = [](Context& c, OutlierCaseView& view) { return html_response(pages::outlier_case_page(c, view)); },
      .json = kJson,
  });
  table.resource<NationalIndexView>({
      .path = "/national",
      .permission = P::view_national,
      .load = [](Context& c) -> Result<NationalIndexView> {
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return national_index_view(c, year);
      },
      .page = [](Context& c, NationalIndexView& view) { return html_response(pages::national_index_page(c, view)); },
      .json = kJson,
  });
  table.resource<NationalProviderView>({
      .path = R"(/national/audits/(\d{1,18})/providers/(\d{1,18}))",
      .permission = P::view_national,
      .load = [](Context& c) -> Result<NationalProviderView> {
        CLINAUDIT_TRY(const auto audit, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto organisation, id_from(c.request.matches.at(1)));
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return national_provider_view(c, AuditId{audit}, OrganisationId{organisation}, year);
      },
      .page = [](Context& c,
                 NationalProviderView& view) { return html_response(pages::national_provider_page(c, view)); },
  });
  table.resource<NationalView>({
      .path = R"(/national/audits/(\d{1,18}))",
      .permission = P::view_national,
      .load = [](Context& c) -> Result<NationalView> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return national_view(c, AuditId{id}, year);
      },
      .page = [](Context& c, NationalView& view) { return html_response(pages::national_page(c, view)); },
      .json = kJson,
  });
  table.resource<std::vector<domain::Notification>>({
      .path = "/notifications",
      .access = Access::signed_in,  // one's own notifications: every role has some, the regulator too
      .load = my_notifications,
      .page = [](Context& c,
                 std::vector<domain::Notification>& rows) { return html_response(pages::notifications_page(c, rows)); },
      .json = kJson,
  });
  table.resource<ParticipationYear>({
      .path = "/participation",
      .permission = P::edit_participation,
      .load = load_participation,
      .page =
          [](Context& c, ParticipationYear& p) {
            return html_response(pages::participation_page(c, p.rows, p.year, std::nullopt, ""));
          },
      .json = [](Context&, ParticipationYear& p) { return json_response(to_json(p.rows, p.year)); },
  });
  table.resource<std::vector<ActionRow>>({
      .path = "/actions",
      .load = load_actions,
      .page = [](Context& c, std::vector<ActionRow>& rows) { return actions_html(c, rows, std::nullopt, ""); },
      .json = kJson,
  });
  table.resource<ActionDetail>({
      .path = R"(/actions/(\d{1,18}))",
      .load = [](Context& c) -> Result<ActionDetail> {
        CLINAUDIT_TRY(const auto id, action_id_from(c));
        return action_detail(c, id);
      },
      .page = [](Context& c, ActionDetail& detail) { return action_html(c, detail, std::nullopt, ""); },
      .json = kJson,
  });
  table.resource<std::vector<domain::User>>({
      .path = "/users",
      .permission = P::manage_users,
      .load = organisation_users,
      .page =
          [](Context& c, std::vector<domain::User>& users) {
            const bool named = c.request.query_value("done") == "chief-executive";
            return html_response(
                pages::users_page(c, users, std::nullopt, named ? "The chief executive was saved." : ""));
          },
      .json = kJson,
  });
  table.resource<domain::User>({
      .path = R"(/users/(\d{1,18}))",
      .permission = P::manage_users,
      .load = [](Context& c) -> Result<domain::User> {
        CLINAUDIT_TRY(const auto id, user_id_from(c));
        return organisation_user(c, id);
      },
      .page =
          [](Context& c, domain::User& user) {
            return html_response(pages::user_page(c, user, std::nullopt, user_change_message(c.request), std::nullopt));
          },
      .json = kJson,
  });
  return std::move(table).routes();
}

// Keeping an organisation's accounts (domain/user_admin.hpp): its administrators change
// their users' names and roles, deactivate and reactivate them and make one-time password
// links; the link's page is public, the token in its path being the secret.
std::vector<Route> account_routes() {
  RouteTable table;
  const auto refusal = [](Context& c, const Error& error) -> Result<Response> {
    if (!shown_on_user_form(error)) return error;
    return user_html(c, error, "");
  };
  table.resource<UserId>({
      .method = "POST",
      .path = R"(/users/(\d{1,18}))",
      .permission = P::manage_users,
      .load = [](Context& c) -> Result<UserId> {
        CLINAUDIT_TRY(const auto id, user_id_from(c));
        CLINAUDIT_TRY_VOID(edit_user(c, id));
        return id;
      },
      .page = [](Context&, UserId& id) { return redirect("/users/" + std::to_string(id.value) + "?done=changed"); },
      .json = [](Context&, UserId& id) { return json_response(created_json(id.value)); },
      .page_refusal = refusal,
  });
  for (const bool active : {false, true}) {
    const std::string verb = active ? "reactivate" : "deactivate";
    table.resource<UserId>({
        .method = "POST",
        .path = R"(/users/(\d{1,18})/)" + verb,
        .permission = P::manage_users,
        .load = [active](Context& c) -> Result<UserId> {
          CLINAUDIT_TRY(const auto id, user_id_from(c));
          CLINAUDIT_TRY_VOID(set_user_active(c, id, active));
          return id;
        },
        .page = [verb](Context&,
                       UserId& id) { return redirect("/users/" + std::to_string(id.value) + "?done=" + verb + "d"); },
        .json =
            [active](Context&, UserId& id) {
              return json_response(nlohmann::json{{"id", id.value}, {"active", active}}.dump(
                  -1, ' ', false, nlohmann::json::error_handler_t::replace));
            },
        .page_refusal = refusal,
    });
  }
  // Naming the chief executive who acknowledges outlier alarms for the organisation.
  table.resource<bool>({
      .method = "POST",
      .path = "/users/chief-executive",
      .permission = P::manage_users,
      .load = [](Context& c) -> Result<bool> {
        CLINAUDIT_TRY_VOID(name_chief_executive(c));
        return true;
      },
      .page = [](Context&, bool&) { return redirect("/users?done=chief-executive#chief-executive"); },
      .json = [](Context&, bool&) { return json_response(ok_json()); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        return users_html(c, error, "");
      },
  });
  table.resource<domain::PasswordResetLink>({
      .method = "POST",
      .path = R"(/users/(\d{1,18})/password-reset)",
      .permission = P::manage_users,
      .load = [](Context& c) -> Result<domain::PasswordResetLink> {
        CLINAUDIT_TRY(const auto id, user_id_from(c));
        return start_password_reset(c, id);
      },
      // The link is shown on this answer only (not behind a redirect, whose address a
      // browser's history would keep).
      .page = [](Context& c, domain::PasswordResetLink& link) { return user_html(c, std::nullopt, "", link); },
      .json =
          [](Context&, domain::PasswordResetLink& link) {
            return json_response(
                nlohmann::json{{"link", "/password-reset/" + link.token}, {"expires_at", link.expires_at}}.dump(
                    -1, ' ', false, nlohmann::json::error_handler_t::replace),
                201);
          },
      .page_refusal = refusal,
  });
  constexpr const char* kResetPath = R"(/password-reset/([0-9A-Za-z]{1,128}))";
  table.add(page_route("GET", kResetPath, Access::anyone, P::view_organisation, [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(const auto user, password_reset_user(c, c.request.matches.at(0)));
    return html_response(pages::password_reset_page(c, user, std::nullopt));
  }));
  table.resource<UserId>({
      .method = "POST",
      .path = kResetPath,
      .access = Access::anyone,
      .load = [](Context& c) -> Result<UserId> { return reset_password(c, c.request.matches.at(0)); },
      .page = [](Context& c, UserId&) { return html_response(pages::password_reset_done_page(c)); },
      .json = [](Context&, UserId& id) { return json_response(created_json(id.value)); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        CLINAUDIT_TRY(const auto user, password_reset_user(c, c.request.matches.at(0)));
        return html_response(pages::password_reset_page(c, user, error), 400);
      },
  });
  return std::move(table).routes();
}

// The writes. A page that shows its form again with a refusal (400) says which refusals
// in `page_refusal`; the API answers every refusal as an error.
std::vector<Route> change_routes() {
  RouteTable table;
  // Completing a stage: the page asks for confirmation first (a POST without confirm=yes
  // answers with the confirmation page; confirm=back shows the case's form again with what was
  // typed); the API completes at once. Both require the note.
  constexpr const char* kStagePath = R"(/outliers/(\d{1,18})/stage)";
  // Whose stage it is (the audit team's, the chief executive's in person, the national
  // provider's) the use case decides: any signed-in user of the organisation may reach it.
  table.add(page_route("POST", kStagePath, Access::permitted, P::view_organisation, [](Context& c) -> Result<Response> {
    CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
    pages::OutlierCaseForms forms;
    forms.decision = c.request.field("decision").value_or("");
    forms.note = c.request.field("note").value_or("");
    const auto confirm = c.request.field("confirm").value_or("");
    if (confirm == "yes") {
      auto done = complete_outlier_stage(c, OutlierCaseId{id}, forms.decision, forms.note);
      if (done) return redirect("/outliers/" + std::to_string(id));
      if (done.error().code != ErrorCode::invalid_input) return done.error();
      forms.error = done.error();
      return outlier_case_html(c, OutlierCaseId{id}, forms);
    }
    auto check = check_outlier_stage(c, OutlierCaseId{id}, forms.decision, forms.note);
    if (!check && check.error().code != ErrorCode::invalid_input) return check.error();
    if (!check || confirm == "back") {
      if (!check) forms.error = check.error();
      return outlier_case_html(c, OutlierCaseId{id}, forms);
    }
    CLINAUDIT_TRY(const auto view, outlier_case_view(c, OutlierCaseId{id}));
    return html_response(pages::outlier_stage_confirmation_page(c, view, *check, forms.decision, forms.note));
  }));
  table.add(api_route("POST", std::string("/api") + kStagePath, Access::permitted, P::view_organisation,
                      [](Context& c) -> Result<Response> {
                        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
                        CLINAUDIT_TRY_VOID(complete_outlier_stage(c, OutlierCaseId{id},
                                                                  c.request.field("decision").value_or(""),
                                                                  c.request.field("note").value_or("")));
                        return json_response(created_json(id));
                      }));
  table.resource<std::int64_t>({
      .method = "POST",
      .path = R"(/outliers/(\d{1,18})/reopen)",
      .permission = P::view_organisation,
      .load = [](Context& c) -> Result<std::int64_t> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY_VOID(reopen_outlier_stage(c, OutlierCaseId{id}, c.request.field("reason").value_or("")));
        return id;
      },
      .page = [](Context&, std::int64_t& id) { return redirect("/outliers/" + std::to_string(id)); },
      .json = [](Context&, std::int64_t& id) { return json_response(created_json(id)); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        pages::OutlierCaseForms forms;
        forms.error = error;
        forms.reason = c.request.field("reason").value_or("");
        forms.reopening = true;
        return outlier_case_html(c, OutlierCaseId{id}, forms);
      },
  });
  table.resource<AnalysisRunView>({
      .method = "POST",
      .path = R"(/national/audits/(\d{1,18})/analyse)",
      .permission = P::run_analysis,
      .load = [](Context& c) -> Result<AnalysisRunView> {
        CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return run_national_analysis(c, AuditId{id}, year);
      },
      .page = [](Context& c, AnalysisRunView& view) { return html_response(pages::analysis_run_page(c, view)); },
  });
  // An unreadable ?year= fails again in participation_html, and is answered as an error page.
  table.resource<std::int64_t>({
      .method = "POST",
      .path = "/participation",
      .permission = P::edit_participation,
      .load = [](Context& c) -> Result<std::int64_t> {
        CLINAUDIT_TRY(const auto year, year_from(c, c.request.query_value("year")));
        return save_participation(c, year);
      },
      .page =
          [](Context& c, std::int64_t& saved) {
            return participation_html(
                c, std::nullopt,
                "Participation saved for " + std::to_string(saved) + (saved == 1 ? " audit." : " audits."));
          },
      .json =
          [](Context&, std::int64_t& saved) {
            return json_response(
                nlohmann::json{{"saved", saved}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
          },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        return participation_html(c, error, "");
      },
  });
  table.resource<ActionId>({
      .method = "POST",
      .path = "/actions",
      .permission = P::manage_actions,
      .load = create_action,
      .page = [](Context&, ActionId&) { return redirect("/actions?view=all"); },
      .json = [](Context&, ActionId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input) return error;
        return actions_html(c, error, "");
      },
  });
  action_change(table, "close", close_action, "completed");
  action_change(table, "notes", add_progress_note, "note");
  action_change(table, "due-date", change_due_date, "due-date");
  action_change(table, "reopen", reopen_action, "reopened");
  action_change(table, "owner", reassign_action, "owner");
  action_change(table, "edit", edit_action, "edited");
  table.resource<UserId>({
      .method = "POST",
      .path = "/users",
      .permission = P::manage_users,
      .load = create_user,
      .page = [](Context& c, UserId&) { return users_html(c, std::nullopt, "User added."); },
      .json = [](Context&, UserId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = [](Context& c, const Error& error) -> Result<Response> {
        if (error.code != ErrorCode::invalid_input && error.code != ErrorCode::conflict &&
            error.code != ErrorCode::forbidden) {
          return error;
        }
        return users_html(c, error, "");
      },
  });
  return std::move(table).routes();
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
                     &survey_link_routes, &outlier_timetable_routes, &setup_routes, &audit_report_routes,
                     &dataset_routes, &account_routes, &register_routes, &criteria_routes, &document_routes,
                     &report_tracker_routes, &nice_routes, &notice_routes, &supplier_routes}) {
    for (auto& route : (*part)()) routes.push_back(std::move(route));
  }
  for (auto& route : routes) route.compiled = std::regex(route.pattern, std::regex::ECMAScript | std::regex::optimize);
  return routes;
}

}  // namespace clinaudit::http
