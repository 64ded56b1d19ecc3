// The outlier-management stage table (http/timetable_routes.cpp): the table in force, its
// stored versions and the form that stores a new one, with the problems of a refused table.
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

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

}  // namespace

std::string outlier_timetable_page(const Context& context, const OutlierTimetableView& view,
                                   const OutlierTimetableForm& form) {
  Html body;
  if (!form.problems.empty()) {
    body +=
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2>"
        "<p>The stage table was not saved.</p><ul>"_html;
    for (const auto& problem : form.problems) body += html("<li>{}</li>", problem);
    body += "</ul></div>"_html;
  }
  body += success_banner(form.message);
  body += "<h1>Outlier-management timetable</h1><p>In force: <strong>"_html;
  if (view.in_force) {
    body += version_label(*view.in_force);
  } else {
    body += "the shipped default (data/outlier-timetable-default.csv)"_html;
  }
  body +=
      "</strong>. New cases and stages entered from now on take their deadlines from it; open cases keep the "
      "deadlines they were given.</p>"_html;
  for (const auto track : {domain::OutlierTrack::alarm, domain::OutlierTrack::alert, domain::OutlierTrack::positive}) {
    body += html(
        "<h2>{}</h2><table><thead><tr><th scope=\"col\">Key</th><th scope=\"col\">Stage</th>"
        "<th scope=\"col\">Owner</th><th scope=\"col\">Working days</th></tr></thead><tbody>",
        level_label(track));
    for (const auto& stage : view.timetable.stages()) {
      if (stage.track != track) continue;
      // The key and the owner as the CSV file writes them (in <code>), the owner in words too.
      body += html("<tr><td><code>{}</code></td><td>{}</td><td>{} (<code>{}</code>)</td><td>{}</td></tr>", stage.key,
                   stage.name, domain::display_name(stage.owner), domain::to_string(stage.owner),
                   stage.working_days > 0 ? std::to_string(stage.working_days) : std::string("no deadline"));
    }
    body += "</tbody></table>"_html;
  }
  body += "<h2>Versions</h2>"_html;
  if (view.versions.empty()) {
    body += "<p>No version has been stored; the shipped default is in force.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Name</th><th scope=\"col\">Stored</th>"
        "<th scope=\"col\">By</th></tr></thead><tbody>"_html;
    for (const auto& version : view.versions) {
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", version.id, version.name,
                   version.created_at, version.created_by);
    }
    body += "</tbody></table>"_html;
  }
  body += html(
      "<h2>Store a new version</h2><form method=\"post\" action=\"/admin/outlier-timetable\" "
      "enctype=\"multipart/form-data\" class=\"panel\">{}<div class=\"form-group\"><label for=\"name\">Name of the "
      "version</label><p class=\"hint\" "
      "id=\"name-hint\">For example, HQIP 2025 guidance.</p><input type=\"text\" id=\"name\" name=\"name\" "
      "aria-describedby=\"name-hint\" value=\"{}\" required></div><div class=\"form-group\"><label for=\"file\">Stage "
      "table (CSV file)</label><p class=\"hint\" id=\"file-hint\">Columns "
      "<code>level,key,name,owner,working_days</code>; "
      "levels <code>alarm</code>, <code>alert</code> and <code>positive</code>; owners <code>audit_provider</code> "
      "(the national audit provider), <code>provider</code> (the provider organisation's audit team) or "
      "<code>chief_executive</code> (the provider's named chief executive, in person). Or edit the table "
      "below.</p><input "
      "type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" aria-describedby=\"file-hint\"></div>"
      "<div class=\"form-group\"><label for=\"csv\">Stage table (CSV text)</label><textarea id=\"csv\" name=\"csv\" "
      "rows=\"14\" cols=\"100\" spellcheck=\"false\">{}</textarea></div><button class=\"button\" type=\"submit\">Store "
      "and bring into force</button></form>",
      csrf_field(context), form.name, form.csv);
  return page(context, "Outlier timetable", "timetable", body);
}

}  // namespace clinaudit::http::pages
