#include "domain/outlier_letters.hpp"
#include "http/pages/document_pages.hpp"
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
    body += html("<p><a href=\"{}\">{}</a></p></section>", row.link, row.link_text);
  }
  return page(context, "Notifications", "notifications", body);
}

std::string outlier_case_page(const Context& context, const OutlierCaseView& view, const OutlierCaseForms& forms) {
  const auto& c = view.row.item;
  const bool open = c.is_open();
  const auto errors = FormErrors::of(forms.error, {"decision", "note", "reason", "document"},
                                     forms.document    ? "document"
                                     : forms.reopening ? "reason"
                                                       : "decision");
  Html body = "<p class=\"breadcrumbs\"><a href=\"/outliers\">Outlier cases</a></p>"_html;
  body += error_summary(errors, forms.document    ? "The document was not attached."
                                : forms.reopening ? "The stage was not reopened."
                                                  : "The stage was not completed.");
  if (!forms.error) {
    const auto done = context.request.query_value("done");
    body += success_banner(done == "notice"     ? "The notice was registered. Its stages run below."
                           : done == "document" ? "The document was attached."
                                                : "");
  }
  body += html("<h1>{}: {}, {}</h1>", view.row.organisation_name, view.row.measure_name, c.period);
  body += html(
      "<dl class=\"summary-list\"><dt>Audit</dt><dd><a href=\"/audits/{}\">{}</a></dd><dt>Level</dt><dd>{}</dd>"
      "<dt>Direction</dt><dd>{} than expected, {}</dd><dt>Value</dt><dd>{} (limit {})</dd><dt>Opened</dt><dd>{}</dd>"
      "<dt>Status</dt><dd>{}</dd>{}</dl>",
      c.audit_id.value, view.row.audit_title,
      c.level == domain::OutlierLevel::alarm ? "Alarm: beyond the 99.8% limit (3 SD)"
                                             : "Alert: beyond the 95% limit (2 SD)",
      c.high ? "Higher" : "Lower", c.unfavourable ? "worse" : "better", view.row.value_words, view.row.limit_words,
      c.opened_on.to_string(), domain::standing_words(c),
      c.notice ? html("<dt>Notice from</dt><dd>{} (outside clinaudit: your audit team records its steps)</dd>",
                      c.notice->supplier)
               : Html());

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
    const auto option = [&forms](const char* value, const char* words) {
      return html("<option value=\"{}\"{}>{}</option>", value, forms.decision == value ? " selected"_html : ""_html,
                  words);
    };
    body += html(
        "<h2>Complete the current stage</h2><form method=\"post\" action=\"/outliers/{}/stage\" class=\"panel\">{}"
        "<p>You will be asked to confirm before the stage is completed.</p><div class=\"{}\"><label "
        "for=\"decision\">Decision</label>{}<select id=\"decision\" name=\"decision\"{}>{}",
        c.id.value, csrf_field(context), group_class(errors, "decision"), error_message(errors, "decision"),
        field_attributes(errors, "decision"), option("done", "Completed"));
    if (c.level == domain::OutlierLevel::alarm && c.unfavourable) {
      body += option("confirm", "Confirmed as an outlier");
      body += option("withdraw", "Withdrawn (at review only)");
    }
    body += html(
        "</select></div><div class=\"{}\"><label for=\"note\">What was done</label><p class=\"hint\" "
        "id=\"note-hint\">Required: what was checked, sent or decided, and where the evidence is.</p>{}<textarea "
        "id=\"note\" name=\"note\" rows=\"3\"{}>{}</textarea></div><button class=\"button\" type=\"submit\">Complete "
        "stage</button></form>",
        group_class(errors, "note"), error_message(errors, "note"), field_attributes(errors, "note", "note-hint"),
        forms.note);
  }
  if (view.may_reopen) {
    body += html(
        "<h2>Reopen the stage completed last</h2><form method=\"post\" action=\"/outliers/{}/reopen\" "
        "class=\"panel\">{}<p>Completed '{}' by mistake? Reopening takes the case back to that stage, {}, "
        "and records why in the case's record.</p><div class=\"{}\"><label "
        "for=\"reason\">Why it is reopened</label>{}<textarea id=\"reason\" name=\"reason\" rows=\"2\"{}>{}"
        "</textarea></div><button class=\"button secondary\" type=\"submit\">Reopen stage</button></form>",
        c.id.value, csrf_field(context), view.may_reopen->name,
        view.may_reopen->working_days > 0
            ? "due " + std::to_string(view.may_reopen->working_days) + " working days from today"
            : std::string("with no deadline"),
        group_class(errors, "reason"), error_message(errors, "reason"), field_attributes(errors, "reason"),
        forms.reason);
  }

  const DocumentPlace place{"/outliers/" + std::to_string(c.id.value), &view.stages};
  body += documents_list(place, view.documents);
  if (role_allows(context.who->user.role, Permission::manage_outliers)) {
    body += document_upload_form(context, place, errors, "Attach a document to the current stage",
                                 document_hint(context.config.max_document_bytes) +
                                     " It is listed at the stage the case is in now: a letter, terms of reference, a "
                                     "root-cause report or an action plan.");
  }

  // The audit provider's letters, filled in from the templates: downloaded to edit and sign, or
  // attached to the case at its current stage.
  if (context.who->user.role == domain::Role::national_analyst && open) {
    body +=
        "<h2 id=\"letters\">Letters</h2><p>Written from the shipped templates with this case's facts filled in, "
        "as Word documents to check, sign and send. A letter attached to the case is kept at the stage it is in "
        "now.</p><table><thead><tr><th scope=\"col\">Letter</th><th scope=\"col\">Download</th><th "
        "scope=\"col\">Keep on the case</th></tr></thead><tbody>"_html;
    for (const auto letter : {domain::OutlierLetter::notification, domain::OutlierLetter::acknowledgement_request,
                              domain::OutlierLetter::escalation}) {
      const std::string path = "/outliers/" + std::to_string(c.id.value) + "/letters/" + std::string(to_string(letter));
      body += html(
          "<tr><td>{}</td><td><a href=\"{}.docx\" download>Word document</a></td><td><form method=\"post\" "
          "action=\"{}\">{}"
          "<button class=\"link-button\" type=\"submit\" aria-label=\"Attach to the case: {}\">Attach "
          "to the case</button></form></td></tr>",
          display_name(letter), path, path, csrf_field(context), display_name(letter));
    }
    body += "</tbody></table>"_html;
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

std::string outlier_stage_confirmation_page(const Context& context, const OutlierCaseView& view,
                                            const domain::StageCompletionCheck& check, const std::string& decision,
                                            const std::string& note) {
  const auto& c = view.row.item;
  Html body = html("<p class=\"breadcrumbs\"><a href=\"/outliers/{}\">Outlier case: {}, {}, {}</a></p>", c.id.value,
                   view.row.organisation_name, view.row.measure_name, c.period);
  body += html("<h1>Complete stage '{}'?</h1>", check.stage_name);
  body += html(
      "<dl class=\"summary-list\"><dt>Case</dt><dd>{}: {}, {}</dd><dt>Decision</dt><dd>{}</dd>"
      "<dt>What was done</dt><dd>{}</dd><dt>The case's record will show</dt><dd>{}</dd></dl>",
      view.row.organisation_name, view.row.measure_name, c.period, check.outcome, note, check.record);
  body += html(
      "<form method=\"post\" action=\"/outliers/{}/stage\">{}<input type=\"hidden\" name=\"decision\" value=\"{}\">"
      "<input type=\"hidden\" name=\"note\" value=\"{}\"><button class=\"button\" type=\"submit\" name=\"confirm\" "
      "value=\"yes\">Confirm</button><button class=\"button secondary\" type=\"submit\" name=\"confirm\" "
      "value=\"back\">Go back</button></form>",
      c.id.value, csrf_field(context), decision, note);
  return page(context, "Complete stage", "outliers", body);
}

}  // namespace clinaudit::http::pages
