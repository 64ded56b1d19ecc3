#include <nlohmann/json.hpp>

#include "domain/outlier_workflow.hpp"
#include "http/app.hpp"
#include "http/error_response.hpp"
#include "http/pages/layout.hpp"

// The outlier-management stage table (docs/governance.md, "Outlier timetable"): every
// signed-in user may read the table in force; the national body's administrators
// (manage_national_settings) store a new version. The table applies to every trust and
// decides whose turn each stage is, so a trust's administrator may not change it. A table
// with problems is refused whole (422) and nothing is saved.
namespace clinaudit::http {

namespace {

constexpr std::string_view kPath = "/admin/outlier-timetable";

struct TimetableView {
  domain::OutlierTimetable timetable;
  std::optional<domain::OutlierTimetableVersion> in_force;  // absent: the shipped default
  std::vector<domain::OutlierTimetableVersion> versions;    // newest first
};

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

std::string level_label(domain::OutlierTrack track) {
  switch (track) {
    case domain::OutlierTrack::alarm: return "Alarm (beyond 3 SD, worse than expected)";
    case domain::OutlierTrack::alert: return "Alert (beyond 2 SD, worse than expected)";
    case domain::OutlierTrack::positive: return "Positive (better than expected)";
  }
  return "";
}

std::string version_label(const domain::OutlierTimetableVersion& version) {
  return version.name + " (version " + std::to_string(version.id) + ", stored " + version.created_at + " by " +
         version.created_by + ")";
}

std::string timetable_page(const Context& c, const TimetableView& view, const std::optional<Error>& error,
                           const std::string& name, const std::string& csv, const std::string& message) {
  using pages::esc;
  std::string body;
  if (error) {
    body += "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2>";
    body += "<p>The stage table was not saved.</p><ul>";
    for (const auto& problem : problems_of(*error)) body += "<li>" + esc(problem) + "</li>";
    body += "</ul></div>";
  }
  body += pages::success_banner(message);
  body += "<h1>Outlier-management timetable</h1><p>In force: <strong>";
  body += view.in_force ? esc(version_label(*view.in_force))
                        : std::string("the shipped default (data/outlier-timetable-default.csv)");
  body +=
      "</strong>. New cases and stages entered from now on take their deadlines from it; open cases keep the "
      "deadlines they were given.</p>";
  for (const auto track : {domain::OutlierTrack::alarm, domain::OutlierTrack::alert, domain::OutlierTrack::positive}) {
    body += "<h2>" + esc(level_label(track)) +
            "</h2><table><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Stage</th>"
            "<th scope=\"col\">Owner</th><th scope=\"col\">Working days</th></tr></thead><tbody>";
    for (const auto& stage : view.timetable.stages()) {
      if (stage.track != track) continue;
      body += "<tr><td><code>" + esc(stage.key) + "</code></td><td>" + esc(stage.name) + "</td><td>" +
              esc(domain::to_string(stage.owner)) + "</td><td>" +
              (stage.working_days > 0 ? std::to_string(stage.working_days) : std::string("no deadline")) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h2>Versions</h2>";
  if (view.versions.empty()) {
    body += "<p>No version has been stored; the shipped default is in force.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Name</th><th scope=\"col\">Stored</th>"
        "<th scope=\"col\">By</th></tr></thead><tbody>";
    for (const auto& version : view.versions) {
      body += "<tr><td>" + std::to_string(version.id) + "</td><td>" + esc(version.name) + "</td><td>" +
              esc(version.created_at) + "</td><td>" + esc(version.created_by) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h2>Store a new version</h2><form method=\"post\" action=\"" + std::string(kPath) +
          "\" enctype=\"multipart/form-data\" class=\"panel\">" + pages::csrf_field(c) +
          "<div class=\"form-group\"><label for=\"name\">Name of the version</label><p class=\"hint\" "
          "id=\"name-hint\">For example, HQIP 2025 guidance.</p><input type=\"text\" id=\"name\" name=\"name\" "
          "aria-describedby=\"name-hint\" value=\"" +
          esc(name) +
          "\" required></div><div class=\"form-group\"><label for=\"file\">Stage table (CSV file)</label>"
          "<p class=\"hint\" id=\"file-hint\">Columns level,key,name,owner,working_days; levels alarm, alert and "
          "positive; owners audit_provider or provider. Or edit the table below.</p><input type=\"file\" id=\"file\" "
          "name=\"file\" accept=\".csv,text/csv\" aria-describedby=\"file-hint\"></div>"
          "<div class=\"form-group\"><label for=\"csv\">Stage table (CSV text)</label><textarea id=\"csv\" "
          "name=\"csv\" rows=\"14\" cols=\"100\" spellcheck=\"false\">" +
          esc(csv) +
          "</textarea></div><button class=\"button\" type=\"submit\">Store and bring into force</button></form>";
  return pages::page(c, "Outlier timetable", "timetable", body);
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
