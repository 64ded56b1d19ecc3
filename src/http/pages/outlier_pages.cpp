#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string owner_words(domain::OutlierParty owner) {
  return owner == domain::OutlierParty::audit_provider ? "National audit provider" : "Provider organisation";
}

}  // namespace

std::string notifications_page(const Context& context, const std::vector<domain::Notification>& rows) {
  std::string body =
      "<h1>Notifications</h1><p class=\"lead\">Today's reminders and alerts for you: new outlier cases, "
      "outlier stage deadlines, actions due or overdue, and national reports awaiting review. The same "
      "messages are e-mailed once by the daily checks when e-mail is set up.</p>";
  if (rows.empty()) return page(context, "Notifications", "notifications", body + "<p>Nothing needs you today.</p>");
  for (const auto& row : rows) {
    body += "<section class=\"panel\"><h2>" + esc(row.subject) + "</h2>";
    std::string paragraph;
    for (const char c : row.body) {
      if (c == '\n') {
        if (!paragraph.empty()) body += "<p>" + esc(paragraph) + "</p>";
        paragraph.clear();
      } else {
        paragraph += c;
      }
    }
    if (!paragraph.empty()) body += "<p>" + esc(paragraph) + "</p>";
    body += "</section>";
  }
  return page(context, "Notifications", "notifications", body);
}

std::string outlier_case_page(const Context& context, const OutlierCaseView& view) {
  const auto& c = view.row.item;
  const bool open = c.is_open();
  std::string body = "<p class=\"breadcrumbs\"><a href=\"/outliers\">Outlier cases</a></p>";
  body += "<h1>" + esc(view.row.organisation_name) + ": " + esc(view.row.measure_name) + ", " + esc(c.period) + "</h1>";
  body += "<dl class=\"summary-list\"><dt>Audit</dt><dd><a href=\"/audits/" + std::to_string(c.audit_id.value) + "\">" +
          esc(view.row.audit_title) + "</a></dd><dt>Level</dt><dd>" +
          (c.level == domain::OutlierLevel::alarm ? "Alarm: beyond the 99.8% limit (3 SD)"
                                                  : "Alert: beyond the 95% limit (2 SD)") +
          "</dd><dt>Direction</dt><dd>" + (c.high ? "Higher" : "Lower") + " than expected, " +
          (c.unfavourable ? "worse" : "better") + "</dd><dt>Value</dt><dd>" + number_or_dash(c.value) + " (limit " +
          number_or_dash(c.limit) + ")</dd><dt>Opened</dt><dd>" + esc(c.opened_on.to_string()) +
          "</dd><dt>Status</dt><dd>" + esc(to_string(c.status)) + "</dd></dl>";

  body +=
      "<h2>Stages</h2><p>Deadlines are in working days from the day the previous stage was completed; "
      "England and Wales bank holidays do not count.</p><table><thead><tr><th scope=\"col\">Stage</th>"
      "<th scope=\"col\">Who acts</th><th scope=\"col\">Working days</th><th scope=\"col\">Where the case "
      "is</th></tr></thead><tbody>";
  bool passed = open;
  for (const auto& stage : view.stages) {
    const bool current = open && stage.key == c.stage;
    if (current) passed = false;
    std::string where;
    if (current) {
      where = "<strong>Current</strong>";
      if (c.stage_due_on) where += ", due " + esc(c.stage_due_on->to_string());
    } else if (!open) {
      where = "–";
    } else if (passed) {
      where = "Done";
    }
    body += std::string("<tr") + (current ? " aria-current=\"step\"" : "") + "><td>" + esc(stage.name) + "</td><td>" +
            owner_words(stage.owner) + "</td><td>" +
            (stage.working_days > 0 ? std::to_string(stage.working_days) : "–") + "</td><td>" + where + "</td></tr>";
  }
  body += "</tbody></table>";

  if (view.may_act) {
    body += "<h2>Complete the current stage</h2><form method=\"post\" action=\"/outliers/" +
            std::to_string(c.id.value) + "/stage\" class=\"panel\">" + csrf_field(context) +
            "<div class=\"form-group\"><label for=\"decision\">Decision</label><select id=\"decision\" "
            "name=\"decision\"><option value=\"done\">Completed</option>";
    if (c.level == domain::OutlierLevel::alarm && c.unfavourable) {
      body +=
          "<option value=\"confirm\">Confirmed as an outlier</option><option value=\"withdraw\">Withdrawn "
          "(at review only)</option>";
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"note\">What was done</label><textarea id=\"note\" "
        "name=\"note\" rows=\"3\"></textarea></div><button class=\"button\" type=\"submit\">Complete stage"
        "</button></form>";
  }

  body += "<h2>Record</h2>";
  if (view.events.empty()) {
    body += "<p>Nothing recorded yet.</p>";
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Stage</th><th scope=\"col\">What</th>"
        "<th scope=\"col\">Who</th></tr></thead><tbody>";
    for (const auto& event : view.events) {
      const auto by = event.by ? view.people.find(event.by->value) : view.people.end();
      body += "<tr><td>" + esc(event.at) + "</td><td>" + esc(event.stage) + "</td><td>" + esc(event.what) +
              "</td><td>" + (by == view.people.end() ? std::string("system") : esc(by->second)) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  return page(context, "Outlier case", "outliers", body);
}

}  // namespace clinaudit::http::pages
