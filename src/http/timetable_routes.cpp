#include <nlohmann/json.hpp>

#include "domain/outlier_workflow.hpp"
#include "http/app.hpp"
#include "http/error_response.hpp"
#include "http/pages/pages.hpp"

// The outlier-management stage table (docs/governance.md, "Outlier timetable"): every
// signed-in user may read the table in force; the national body's administrators
// (manage_national_settings) store a new version. The table applies to every trust and
// decides whose turn each stage is, so a trust's administrator may not change it. A table
// with problems is refused whole (422) and nothing is saved.
namespace clinaudit::http {

namespace {

constexpr std::string_view kPath = "/admin/outlier-timetable";

using TimetableView = pages::OutlierTimetableView;

Result<TimetableView> timetable_view(Context& c) {
  auto in_force = c.store.current_outlier_timetable();
  if (!in_force) return in_force.error();
  auto timetable = domain::timetable_of(*in_force);  // the version just read, not a second read
  if (!timetable) return timetable.error();
  auto versions = c.store.outlier_timetables();
  if (!versions) return versions.error();
  return TimetableView{std::move(*timetable), std::move(*in_force), std::move(*versions)};
}

// The uploaded table: a multipart "file", else the "csv" field, else the raw body (API).
std::string uploaded_csv(const Request& r) {
  if (const auto file = r.files.find("file"); file != r.files.end() && !file->second.content.empty()) {
    return file->second.content;
  }
  if (auto field = r.field("csv"); field && !field->empty()) return *field;
  return r.body;
}

std::string uploaded_name(const Request& r) {
  if (auto field = r.field("name"); field) return *field;
  return r.query_value("name");
}

// The problems of a refused table, one per item (from_csv joins them with "; ").
std::vector<std::string> problems_of(const Error& error) {
  std::string_view text = error.message;
  constexpr std::string_view kPrefix = "outlier timetable: ";
  if (text.starts_with(kPrefix)) text.remove_prefix(kPrefix.size());
  std::vector<std::string> out;
  while (true) {
    const auto at = text.find("; ");
    out.emplace_back(text.substr(0, at));
    if (at == std::string_view::npos) break;
    text.remove_prefix(at + 2);
  }
  return out;
}

std::string timetable_page(const Context& c, const TimetableView& view, const std::optional<Error>& error,
                           const std::string& name, const std::string& csv, const std::string& message) {
  return pages::outlier_timetable_page(c, view,
                                       {error ? problems_of(*error) : std::vector<std::string>(), name, csv, message});
}

nlohmann::json version_json(const domain::OutlierTimetableVersion& version) {
  return {{"id", version.id},
          {"name", version.name},
          {"created_at", version.created_at},
          {"created_by", version.created_by}};
}

std::string timetable_json(const TimetableView& view) {
  nlohmann::json stages = nlohmann::json::array();
  for (const auto& stage : view.timetable.stages()) {
    stages.push_back({{"level", std::string(domain::to_string(stage.track))},
                      {"key", stage.key},
                      {"name", stage.name},
                      {"owner", std::string(domain::to_string(stage.owner))},
                      {"working_days", stage.working_days}});
  }
  nlohmann::json versions = nlohmann::json::array();
  for (const auto& version : view.versions) versions.push_back(version_json(version));
  return nlohmann::json{{"in_force", view.in_force ? version_json(*view.in_force) : nlohmann::json(nullptr)},
                        {"stages", stages},
                        {"versions", versions}}
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Result<std::int64_t> store_upload(Context& c) {
  return domain::store_outlier_timetable(c.store, uploaded_name(c.request), uploaded_csv(c.request), c.actor());
}

}  // namespace

std::vector<Route> outlier_timetable_routes() {
  std::vector<Route> routes;
  routes.push_back(page_route("GET", std::string(kPath), Access::permitted, Permission::manage_national_settings,
                              [](Context& c) -> Result<Response> {
                                auto view = timetable_view(c);
                                if (!view) return view.error();
                                return html_response(timetable_page(
                                    c, *view, std::nullopt, "", view->timetable.to_csv(),
                                    c.request.query_value("stored") == "1" ? "The new stage table is in force." : ""));
                              }));
  routes.push_back(page_route("POST", std::string(kPath), Access::permitted, Permission::manage_national_settings,
                              [](Context& c) -> Result<Response> {
                                auto id = store_upload(c);
                                if (!id) {
                                  if (id.error().code != ErrorCode::invalid_input) return id.error();
                                  auto view = timetable_view(c);
                                  if (!view) return view.error();
                                  return html_response(timetable_page(c, *view, id.error(), uploaded_name(c.request),
                                                                      uploaded_csv(c.request), ""),
                                                       422);
                                }
                                return redirect(std::string(kPath) + "?stored=1");
                              }));
  routes.push_back(api_route("GET", "/api/outlier-timetable", Access::permitted, Permission::view_organisation,
                             [](Context& c) -> Result<Response> {
                               auto view = timetable_view(c);
                               if (!view) return view.error();
                               return json_response(timetable_json(*view));
                             }));
  routes.push_back(
      api_route("POST", "/api/outlier-timetable", Access::permitted, Permission::manage_national_settings,
                [](Context& c) -> Result<Response> {
                  auto id = store_upload(c);
                  if (!id) {
                    if (id.error().code != ErrorCode::invalid_input) return id.error();
                    return json_response(
                        error_json(id.error(), nlohmann::json(problems_of(id.error()))
                                                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)),
                        422);
                  }
                  return json_response(
                      nlohmann::json{{"id", *id}}.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), 201);
                }));
  return routes;
}

}  // namespace clinaudit::http
