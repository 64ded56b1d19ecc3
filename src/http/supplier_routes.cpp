// The national body's audit suppliers (GET /admin/suppliers, GET /api/suppliers), added with
// POST /admin/suppliers; an audit's supplier named with POST /admin/suppliers/audits, an
// analyst's with POST /admin/suppliers/analysts (each with its /api/suppliers twin).
#include <nlohmann/json.hpp>

#include "domain/audit_suppliers.hpp"
#include "http/form_answers.hpp"
#include "http/pages/supplier_pages.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"

namespace clinaudit::http {

namespace {

using P = Permission;

std::string field(const Context& c, const char* name) { return c.request.field(name).value_or(""); }

// The supplier chosen on a form: none for the empty option.
Result<std::optional<SupplierId>> chosen_supplier(const Context& c) {
  const std::string text = field(c, "supplier_id");
  if (text.empty()) return std::optional<SupplierId>{};
  auto id = id_from(text);
  if (!id) return Error{ErrorCode::invalid_input, "supplier_id: choose a supplier from the list"};
  return std::optional<SupplierId>{SupplierId{*id}};
}

Result<std::int64_t> chosen_id(const Context& c, const char* name, const char* what) {
  auto id = id_from(field(c, name));
  if (!id) return Error{ErrorCode::invalid_input, std::string(name) + ": choose " + what + " from the list"};
  return *id;
}

Result<Response> suppliers_html(Context& c, const std::optional<Error>& error) {
  CLINAUDIT_TRY(const auto overview, domain::supplier_overview(c.store, c.principal()));
  const auto done = c.request.query_value("done");
  return html_response(pages::suppliers_page(c, overview, error, error ? "" : done), error ? 400 : 200);
}

nlohmann::json overview_json(const domain::SupplierOverview& overview) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& line : overview.suppliers) {
    nlohmann::json audits = nlohmann::json::array();
    for (const auto& audit : line.audits) audits.push_back({{"id", audit.id.value}, {"code", audit.code}});
    nlohmann::json analysts = nlohmann::json::array();
    for (const auto& user : line.analysts) analysts.push_back({{"id", user.id.value}, {"email", user.email}});
    out.push_back({{"id", line.supplier.id.value},
                   {"code", line.supplier.code},
                   {"name", line.supplier.name},
                   {"audits", audits},
                   {"analysts", analysts}});
  }
  return out;
}

Result<Response> refused_on_page(Context& c, const Error& error) {
  if (error.code != ErrorCode::invalid_input && error.code != ErrorCode::conflict) return error;
  return suppliers_html(c, error);
}

}  // namespace

std::vector<Route> supplier_routes() {
  RouteTable table;
  table.resource<domain::SupplierOverview>({
      .path = "/admin/suppliers",
      .api_path = "/api/suppliers",
      .permission = P::manage_register,
      .load = [](Context& c) { return domain::supplier_overview(c.store, c.principal()); },
      .page = [](Context& c, domain::SupplierOverview&) { return suppliers_html(c, std::nullopt); },
      .json = [](Context&, domain::SupplierOverview& overview) -> Result<Response> {
        return json_response(overview_json(overview).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
      },
  });
  table.resource<SupplierId>({
      .method = "POST",
      .path = "/admin/suppliers",
      .api_path = "/api/suppliers",
      .permission = P::manage_register,
      .load =
          [](Context& c) {
            return domain::add_audit_supplier(c.store, c.principal(), c.actor(), field(c, "code"), field(c, "name"));
          },
      .page = [](Context&, SupplierId&) -> Result<Response> { return redirect("/admin/suppliers?done=added"); },
      .json = [](Context&, SupplierId& id) { return json_response(created_json(id.value), 201); },
      .page_refusal = refused_on_page,
  });
  table.resource<std::int64_t>({
      .method = "POST",
      .path = "/admin/suppliers/audits",
      .api_path = "/api/suppliers/audits",
      .permission = P::manage_register,
      .load = [](Context& c) -> Result<std::int64_t> {
        CLINAUDIT_TRY(const auto audit, chosen_id(c, "audit_id", "the audit"));
        CLINAUDIT_TRY(const auto supplier, chosen_supplier(c));
        CLINAUDIT_TRY_VOID(domain::set_audit_supplier(c.store, c.principal(), c.actor(), AuditId{audit}, supplier));
        return audit;
      },
      .page = [](Context&, std::int64_t&) -> Result<Response> { return redirect("/admin/suppliers?done=audit"); },
      .json = [](Context&, std::int64_t& id) { return json_response(created_json(id)); },
      .page_refusal = refused_on_page,
  });
  table.resource<std::int64_t>({
      .method = "POST",
      .path = "/admin/suppliers/analysts",
      .api_path = "/api/suppliers/analysts",
      .permission = P::manage_register,
      .load = [](Context& c) -> Result<std::int64_t> {
        CLINAUDIT_TRY(const auto user, chosen_id(c, "user_id", "the analyst"));
        CLINAUDIT_TRY(const auto supplier, chosen_supplier(c));
        CLINAUDIT_TRY_VOID(domain::set_analyst_supplier(c.store, c.principal(), c.actor(), UserId{user}, supplier));
        return user;
      },
      .page = [](Context&, std::int64_t&) -> Result<Response> { return redirect("/admin/suppliers?done=analyst"); },
      .json = [](Context&, std::int64_t& id) { return json_response(created_json(id)); },
      .page_refusal = refused_on_page,
  });
  return std::move(table).routes();
}

}  // namespace clinaudit::http
