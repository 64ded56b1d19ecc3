#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

std::string notifications_page(const Context& context, const std::vector<domain::Notification>& rows) {
  Html body =
      "<h1>Notifications</h1><p class=\"lead\">Today's reminders and alerts for you: new outlier cases, "
      "outlier stage deadlines, actions due or overdue, and national reports awaiting review. The same "
      "messages are e-mailed once by the daily checks when e-mail is set up.</p>"_html;
  if (rows.empty()) {
    body += "<p>Nothing needs you today.</p>"_html;
    return page(context, "Notifications", "notifications", body);
  }
  for (const auto& row : rows) {
    body += html("<section class=\"panel\"><h2>{}</h2>", row.subject);
    std::string paragraph;
    for (const char c : row.body) {
      if (c == '\n') {
        if (!paragraph.empty()) body += html("<p>{}</p>", paragraph);
        paragraph.clear();
      } else {
        paragraph += c;
      }
    }
    if (!paragraph.empty()) body += html("<p>{}</p>", paragraph);
    body += "</section>"_html;
  }
  return page(context, "Notifications", "notifications", body);
}

std::string outlier_case_page(const Context& context, const OutlierCaseView& view) {
  const auto& c = view.row.item;
  const bool open = c.is_open();
  Html body = "<p class=\"breadcrumbs\"><a href=\"/outliers\">Outlier cases</a></p>"_html;
  body += html("<h1>{}: {}, {}</h1>", view.row.organisation_name, view.row.measure_name, c.period);
  body += html(
      "<dl class=\"summary-list\"><dt>Audit</dt><dd><a href=\"/audits/{}\">{}</a></dd><dt>Level</dt><dd>{}</dd>"
      "<dt>Direction</dt><dd>{} than expected, {}</dd><dt>Value</dt><dd>{} (limit {})</dd><dt>Opened</dt><dd>{}</dd>"
      "<dt>Status</dt><dd>{}</dd></dl>",
      c.audit_id.value, view.row.audit_title,
      c.level == domain::OutlierLevel::alarm ? "Alarm: beyond the 99.8% limit (3 SD)"
                                             : "Alert: beyond the 95% limit (2 SD)",
      c.high ? "Higher" : "Lower", c.unfavourable ? "worse" : "better", number_or_dash(c.value),
      number_or_dash(c.limit), c.opened_on.to_string(), domain::standing_words(c));

  body +=
      "<h2>Stages</h2><p>Deadlines are in working days from the day the previous stage was completed; "
      "England and Wales bank holidays do not count.</p><table><thead><tr><th scope=\"col\">Stage</th>"
      "<th scope=\"col\">Who acts</th><th scope=\"col\">Working days</th><th scope=\"col\">Where the case "
      "is</th></tr></thead><tbody>"_html;
  bool passed = open;
  for (const auto& stage : view.stages) {
    const bool current = open && stage.key == c.stage;
    if (current) passed = false;
    Html where;
    if (current) {
      where = "<strong>Current</strong>"_html;
      if (c.stage_due_on) where += html(", due {}", c.stage_due_on->to_string());
    } else if (!open) {
      where = "–"_html;
    } else if (passed) {
      where = "Done"_html;
    }
    body += html("<tr{}><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                 current ? " aria-current=\"step\""_html : ""_html, stage.name, domain::display_name(stage.owner),
                 stage.working_days > 0 ? std::to_string(stage.working_days) : "–", where);
  }
  body += "</tbody></table>"_html;

  if (view.may_act) {
    body += html(
        "<h2>Complete the current stage</h2><form method=\"post\" action=\"/outliers/{}/stage\" class=\"panel\">{}"
        "<div class=\"form-group\"><label for=\"decision\">Decision</label><select id=\"decision\" "
        "name=\"decision\"><option value=\"done\">Completed</option>",
        c.id.value, csrf_field(context));
    if (c.level == domain::OutlierLevel::alarm && c.unfavourable) {
      body +=
          "<option value=\"confirm\">Confirmed as an outlier</option><option value=\"withdraw\">Withdrawn "
          "(at review only)</option>"_html;
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"note\">What was done</label><textarea id=\"note\" "
        "name=\"note\" rows=\"3\"></textarea></div><button class=\"button\" type=\"submit\">Complete stage"
        "</button></form>"_html;
  }

  body += "<h2>Record</h2>"_html;
  if (view.events.empty()) {
    body += "<p>Nothing recorded yet.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Stage</th><th scope=\"col\">What</th>"
        "<th scope=\"col\">Who</th></tr></thead><tbody>"_html;
    for (const auto& event : view.events) {
      const auto by = event.by ? view.people.find(event.by->value) : view.people.end();
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", event.at,
                   domain::stage_words(view.stages, event.stage), event.what,
                   by == view.people.end() ? std::string("system") : by->second);
    }
    body += "</tbody></table>"_html;
  }
  return page(context, "Outlier case", "outliers", body);
}

}  // namespace clinaudit::http::pages
