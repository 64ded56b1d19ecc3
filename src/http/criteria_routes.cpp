// An audit's criteria and its results per criterion (docs/api.md, "Criteria and results per
// criterion"): everyone who sees the audit reads them (on the audit's page and the API); its
// own organisation's audit managers, clinical leads and administrators change them
// (manage_local_audits, then domain::may_change_criteria).
#include <charconv>
#include <string>

#include "core/text.hpp"
#include "domain/criteria_commands.hpp"
#include "http/app.hpp"
#include "http/criteria_json.hpp"
#include "http/pages/pages.hpp"
#include "http/resource.hpp"

namespace clinaudit::http {
namespace {

using P = Permission;

constexpr const char* kAuditCriteria = R"(/audits/(\d{1,18})/criteria)";
constexpr const char* kOneCriterion = R"(/audits/(\d{1,18})/criteria/(\d{1,18}))";
constexpr const char* kResults = R"(/audits/(\d{1,18})/criteria/results)";

Result<AuditId> audit_of(const Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return AuditId{id};
}

Result<CriterionId> criterion_of(const Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(1)));
  return CriterionId{id};
}

Result<domain::CriteriaView> view_of(Context& c) {
  CLINAUDIT_TRY(const auto audit, audit_of(c));
  return domain::criteria_view(c.store, c.principal(), audit);
}

// The statement, target and exceptions sent by the form or the API.
Result<domain::Criterion> draft_of(const Request& r) {
  domain::Criterion draft;
  draft.statement = trimmed(r.field("statement").value_or(""));
  draft.exceptions = trimmed(r.field("exceptions").value_or(""));
  auto target = trimmed(r.field("target_percent").value_or(""));
  if (!target.empty() && target.back() == '%') target = trimmed(target.substr(0, target.size() - 1));
  const auto [end, ec] = std::from_chars(target.data(), target.data() + target.size(), draft.target_percent);
  if (target.empty() || ec != std::errc() || end != target.data() + target.size()) {
    return Error{ErrorCode::invalid_input, "target_percent: give the target as a percentage, for example 95"};
  }
  return draft;
}

// A count typed in the results form: blank is no result; otherwise a whole number.
Result<std::optional<std::int64_t>> count_field(const Request& r, const std::string& name, int position,
                                                std::string_view field) {
  const auto text = trimmed(r.field(name).value_or(""));
  if (text.empty()) return std::optional<std::int64_t>{};
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return Error{ErrorCode::invalid_input, "criterion " + std::to_string(position) + ": " + std::string(field) +
                                               ": write a whole number of cases, not '" + text + "'"};
  }
  return std::optional<std::int64_t>{value};
}

// The results form's met_ID and applicable_ID for each of the audit's criteria.
Result<std::vector<domain::Criterion>> form_results(const Request& r, const domain::CriteriaView& view) {
  std::vector<domain::Criterion> rows;
  for (const auto& f : view.criteria) {
    domain::Criterion row = f.criterion;
    const auto id = std::to_string(row.id.value);
    CLINAUDIT_TRY(row.met, count_field(r, "met_" + id, row.position, "met"));
    CLINAUDIT_TRY(row.applicable, count_field(r, "applicable_" + id, row.position, "applicable"));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string audit_path(AuditId audit) { return "/audits/" + std::to_string(audit.value); }

Result<Response> api_view(Context& c, int status = 200) {
  CLINAUDIT_TRY(const auto view, view_of(c));
  return json_response(to_json(view), status);
}

// The add form refused: its own page, with what was typed and the problem.
Result<Response> refused_add(Context& c, const Error& error) {
  if (error.code != ErrorCode::invalid_input) return error;
  CLINAUDIT_TRY(const auto view, view_of(c));
  return html_response(pages::criterion_page(c, view, std::nullopt, error), 400);
}

std::vector<Route> page_routes() {
  std::vector<Route> routes;
  routes.push_back(
      page_route("POST", kAuditCriteria, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto audit, audit_of(c));
        const auto draft = draft_of(c.request);
        if (!draft) return refused_add(c, draft.error());
        const auto added = domain::add_criterion(c.store, c.principal(), c.actor(), audit, *draft);
        if (!added) return refused_add(c, added.error());
        return redirect(audit_path(audit) + "?criteria=added#criteria");
      }));
  routes.push_back(
      page_route("GET", kOneCriterion, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto view, view_of(c));
        CLINAUDIT_TRY(const auto id, criterion_of(c));
        CLINAUDIT_TRY_VOID(domain::may_change_criteria(c.principal(), view.audit));
        return html_response(pages::criterion_page(c, view, id, std::nullopt));
      }));
  routes.push_back(
      page_route("POST", kOneCriterion, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto audit, audit_of(c));
        CLINAUDIT_TRY(const auto id, criterion_of(c));
        const auto change = c.request.field("change").value_or("save");
        if (change == "up" || change == "down") {
          CLINAUDIT_TRY_VOID(
              domain::move_criterion(c.store, c.principal(), c.actor(), audit, id, change == "up" ? -1 : 1));
          return redirect(audit_path(audit) + "?criteria=moved#criteria");
        }
        if (change == "remove") {
          CLINAUDIT_TRY_VOID(domain::remove_criterion(c.store, c.principal(), c.actor(), audit, id));
          return redirect(audit_path(audit) + "?criteria=removed#criteria");
        }
        auto draft = draft_of(c.request);
        if (draft) draft->id = id;
        const auto saved = draft ? domain::change_criterion(c.store, c.principal(), c.actor(), audit, *draft)
                                 : Result<void>(draft.error());
        if (!saved) {
          if (saved.error().code != ErrorCode::invalid_input) return saved.error();
          CLINAUDIT_TRY(const auto view, view_of(c));
          return html_response(pages::criterion_page(c, view, id, saved.error()), 400);
        }
        return redirect(audit_path(audit) + "?criteria=saved#criteria");
      }));
  routes.push_back(
      page_route("GET", kResults, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto view, view_of(c));
        CLINAUDIT_TRY_VOID(domain::may_change_criteria(c.principal(), view.audit));
        return html_response(pages::criterion_results_page(c, view, std::nullopt));
      }));
  routes.push_back(
      page_route("POST", kResults, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto view, view_of(c));
        CLINAUDIT_TRY_VOID(domain::may_change_criteria(c.principal(), view.audit));
        const auto rows = form_results(c.request, view);
        const auto recorded =
            rows ? domain::record_criterion_results(c.store, c.principal(), c.actor(), view.audit.id, *rows)
                 : Result<void>(rows.error());
        if (!recorded) {
          if (recorded.error().code != ErrorCode::invalid_input) return recorded.error();
          return html_response(pages::criterion_results_page(c, view, recorded.error()), 400);
        }
        return redirect(audit_path(view.audit.id) + "?criteria=results#criteria");
      }));
  return routes;
}

std::vector<Route> api_routes() {
  const std::string api = "/api";
  std::vector<Route> routes;
  routes.push_back(api_route("GET", api + kAuditCriteria, Access::permitted, P::view_organisation,
                             [](Context& c) { return api_view(c); }));
  routes.push_back(api_route(
      "POST", api + kAuditCriteria, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto audit, audit_of(c));
        CLINAUDIT_TRY(const auto draft, draft_of(c.request));
        CLINAUDIT_TRY_VOID(domain::add_criterion(c.store, c.principal(), c.actor(), audit, draft));
        return api_view(c, 201);
      }));
  routes.push_back(api_route(
      "PUT", api + kOneCriterion, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto audit, audit_of(c));
        CLINAUDIT_TRY(auto draft, draft_of(c.request));
        CLINAUDIT_TRY(draft.id, criterion_of(c));
        CLINAUDIT_TRY_VOID(domain::change_criterion(c.store, c.principal(), c.actor(), audit, draft));
        return api_view(c);
      }));
  routes.push_back(api_route(
      "DELETE", api + kOneCriterion, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto audit, audit_of(c));
        CLINAUDIT_TRY(const auto id, criterion_of(c));
        CLINAUDIT_TRY_VOID(domain::remove_criterion(c.store, c.principal(), c.actor(), audit, id));
        return api_view(c);
      }));
  routes.push_back(api_route("POST", api + kOneCriterion + "/move", Access::permitted, P::manage_local_audits,
                             [](Context& c) -> Result<Response> {
                               CLINAUDIT_TRY(const auto audit, audit_of(c));
                               CLINAUDIT_TRY(const auto id, criterion_of(c));
                               const auto direction = c.request.field("direction").value_or("");
                               if (direction != "up" && direction != "down") {
                                 return Error{ErrorCode::invalid_input, "direction: \"up\" or \"down\""};
                               }
                               CLINAUDIT_TRY_VOID(domain::move_criterion(c.store, c.principal(), c.actor(), audit, id,
                                                                         direction == "up" ? -1 : 1));
                               return api_view(c);
                             }));
  routes.push_back(
      api_route("PUT", api + kResults, Access::permitted, P::manage_local_audits, [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(const auto view, view_of(c));
        CLINAUDIT_TRY_VOID(domain::may_change_criteria(c.principal(), view.audit));
        CLINAUDIT_TRY(const auto rows, read_criterion_results_json(c.request.body));
        CLINAUDIT_TRY_VOID(domain::record_criterion_results(c.store, c.principal(), c.actor(), view.audit.id, rows));
        return api_view(c);
      }));
  return routes;
}

}  // namespace

std::vector<Route> criteria_routes() {
  auto routes = page_routes();
  for (auto& route : api_routes()) routes.push_back(std::move(route));
  return routes;
}

}  // namespace clinaudit::http
