// A national audit's patient-level dataset (docs/api.md, "Datasets"): every signed-in user
// reads it (view_organisation: a trust's files must hold it); the national body declares or replaces it
// (manage_measures, then domain::may_manage_audit_setup) from the page's form or with PUT on the API.
#include <charconv>
#include <string>

#include "core/text.hpp"
#include "domain/dataset_setup.hpp"
#include "http/app.hpp"
#include "http/dataset_json.hpp"
#include "http/pages/pages.hpp"
#include "http/resource.hpp"
#include "http/views.hpp"

namespace clinaudit::http {
namespace {

using P = Permission;

constexpr std::size_t kMaxFormRows = 200;

Result<domain::DatasetView> view_of(Context& c) {
  CLINAUDIT_TRY(const auto id, id_from(c.request.matches.at(0)));
  return domain::dataset_view(c.store, c.principal(), AuditId{id});
}

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

Result<std::optional<double>> limit_field(const std::string& text, const std::string& what, std::size_t row) {
  const auto value = trimmed(text);
  if (value.empty()) return std::optional<double>{};
  double number = 0;
  const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size()) {
    return Error{ErrorCode::invalid_input,
                 "row " + std::to_string(row) + ": the " + what + " '" + value + "' is not a number"};
  }
  return std::optional<double>{number};
}

// The form's rows name_N, type_N, required_N, minimum_N, maximum_N, allowed_N (values
// separated by "|") and description_N; rows without a name are left out. `draft` keeps
// what was sent, to show again with a refusal.
Result<domain::Dataset> form_dataset(const Request& r, AuditId audit, std::vector<domain::DatasetColumn>& draft) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  std::size_t rows = 0;
  const auto count = r.field("rows").value_or("0");
  std::from_chars(count.data(), count.data() + count.size(), rows);
  rows = std::min(rows, kMaxFormRows);
  std::optional<Error> problem;
  for (std::size_t i = 0; i < rows; ++i) {
    const std::string n = std::to_string(i);
    const auto field = [&](const std::string& name) { return r.field(name + "_" + n).value_or(""); };
    domain::DatasetColumn column;
    column.name = trimmed(field("name"));
    column.type = domain::parse_value_type(field("type")).value_or(domain::ValueType::number);
    column.required = field("required") == "yes";
    column.description = trimmed(field("description"));
    if (const auto allowed = field("allowed"); !blank(allowed)) {
      std::string rest = allowed;
      while (true) {
        const auto bar = rest.find('|');
        column.allowed_values.push_back(trimmed(rest.substr(0, bar)));
        if (bar == std::string::npos) break;
        rest.erase(0, bar + 1);
      }
    }
    auto minimum = limit_field(field("minimum"), "minimum", i + 1);
    auto maximum = limit_field(field("maximum"), "maximum", i + 1);
    if (minimum) column.minimum = *minimum;
    if (maximum) column.maximum = *maximum;
    if (!problem && !minimum) problem = minimum.error();
    if (!problem && !maximum) problem = maximum.error();
    if (column.name.empty()) continue;
    draft.push_back(column);
    dataset.columns.push_back(std::move(column));
  }
  if (problem) return *problem;
  return dataset;
}

Result<Response> dataset_html(Context& c, const domain::DatasetView& view,
                              const std::vector<domain::DatasetColumn>& draft, const std::optional<Error>& error,
                              const std::string& message) {
  return html_response(pages::dataset_page(c, view, draft, error, message), error ? 400 : 200);
}

}  // namespace

std::vector<Route> dataset_routes() {
  RouteTable table;
  table.resource<domain::DatasetView>({
      .path = R"(/national/audits/(\d{1,18})/dataset)",
      .api_path = R"(/api/audits/(\d{1,18})/dataset)",
      .permission = P::view_organisation,  // trusts read it too: it says what their files hold
      .load = view_of,
      .page = [](Context& c, domain::DatasetView& view) -> Result<Response> {
        const bool saved = c.request.query_value("saved") == "1";
        return dataset_html(c, view, view.dataset.columns, std::nullopt, saved ? "The dataset was saved." : "");
      },
      .json = [](Context&, domain::DatasetView& view) { return json_response(to_json(view)); },
  });
  table.add(page_route(
      "POST", R"(/national/audits/(\d{1,18})/dataset)", Access::permitted, P::manage_measures,
      [](Context& c) -> Result<Response> {
        CLINAUDIT_TRY(auto view, view_of(c));
        CLINAUDIT_TRY_VOID(domain::may_manage_audit_setup(c.principal(), view.audit));
        std::vector<domain::DatasetColumn> draft;
        auto dataset = form_dataset(c.request, view.audit.id, draft);
        Result<void> declared = dataset ? domain::declare_dataset(c.store, c.principal(), c.actor(), *dataset)
                                        : Result<void>(dataset.error());
        if (!declared) {
          const auto& error = declared.error();
          if (error.code != ErrorCode::invalid_input) return error;
          return dataset_html(c, view, draft, error, "");
        }
        return redirect("/national/audits/" + std::to_string(view.audit.id.value) + "/dataset?saved=1");
      }));
  table.add(api_route("PUT", R"(/api/audits/(\d{1,18})/dataset)", Access::permitted, P::manage_measures,
                      [](Context& c) -> Result<Response> {
                        CLINAUDIT_TRY(const auto before, view_of(c));
                        CLINAUDIT_TRY_VOID(domain::may_manage_audit_setup(c.principal(), before.audit));
                        CLINAUDIT_TRY(const auto dataset, read_dataset_json(c.request.body, before.audit.id));
                        CLINAUDIT_TRY_VOID(domain::declare_dataset(c.store, c.principal(), c.actor(), dataset));
                        CLINAUDIT_TRY(auto view, view_of(c));
                        return json_response(to_json(view));
                      }));
  return std::move(table).routes();
}

}  // namespace clinaudit::http
