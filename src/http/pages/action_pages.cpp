// One action's page: what it is, where it stands, its history, and the forms that change it.
#include "http/pages/document_pages.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

constexpr std::initializer_list<std::string_view> kFields = {
    "title", "audit_id",     "owner_id", "owner_name",          "due_on",  "reason",
    "note",  "completed_on", "evidence", "completion_document", "document"};

// The page's forms share one rule for what a field shows: what was typed when `form` was the
// one refused, otherwise `stored`.
struct FormState {
  const Context& context;
  const FormErrors& errors;
  std::string_view refused_form;

  std::string value(std::string_view form, const std::string& name, std::string stored) const {
    if (form != refused_form) return stored;
    const auto typed = context.request.fields.find(name);
    return typed == context.request.fields.end() ? std::string() : typed->second;
  }
};

// "2026-01-15T10:00:00Z" as a person reads it: "2026-01-15 at 10:00 (UTC)".
std::string when(const std::string& at) {
  if (at.size() < 16 || at[10] != 'T') return at;
  return at.substr(0, 10) + " at " + at.substr(11, 5) + " (UTC)";
}

Html history_entry(const domain::ActionEvent& event) {
  Html out =
      html("<li><p><strong>{}</strong> <span class=\"muted\">{}{}{}</span></p>", domain::display_name(event.kind),
           when(event.at), event.by_name.empty() ? "" : ", by ", event.by_name);
  switch (event.kind) {
    case domain::ActionEventKind::note: out += html("<p>{}</p>", event.note); break;
    case domain::ActionEventKind::edited:
    case domain::ActionEventKind::reassigned: out += html("<p>From {} to {}.</p>", event.from, event.to); break;
    case domain::ActionEventKind::due_date_changed:
      out += html("<p>From {} to {}. Reason: {}</p>", event.from, event.to, event.note);
      break;
    case domain::ActionEventKind::completed:
      out += html("<p>Done on {}. Evidence: {}</p>", event.to, event.note);
      break;
    case domain::ActionEventKind::reopened: out += html("<p>Reason: {}</p>", event.note); break;
    case domain::ActionEventKind::document_added: out += html("<p>{} ({})</p>", event.to, event.note); break;
  }
  out += "</li>"_html;
  return out;
}

Html text_area(const FormState& state, std::string_view form, const std::string& id, std::string_view label,
               std::string_view hint) {
  const std::string hint_id = hint.empty() ? std::string() : id + "-hint";
  Html out = html("<div class=\"{}\"><label for=\"{}\">{}</label>", group_class(state.errors, id), id, label);
  if (!hint.empty()) out += html("<p class=\"hint\" id=\"{}\">{}</p>", hint_id, hint);
  out += html("{}<textarea id=\"{}\" name=\"{}\" rows=\"3\"{}>{}</textarea></div>", error_message(state.errors, id), id,
              id, field_attributes(state.errors, id, hint_id), state.value(form, id, ""));
  return out;
}

Html date_input(const FormState& state, std::string_view form, const std::string& id, std::string_view label,
                const std::string& stored) {
  return html(
      "<div class=\"{}\"><label for=\"{}\">{}</label><p class=\"hint\" id=\"{}-hint\">For example, 2026-03-31</p>{}"
      "<input type=\"date\" id=\"{}\" name=\"{}\" value=\"{}\"{}></div>",
      group_class(state.errors, id), id, label, id, error_message(state.errors, id), id, id,
      state.value(form, id, stored), field_attributes(state.errors, id, id + "-hint"));
}

Html form_start(const Context& context, const domain::Action& a, std::string_view path, std::string_view heading,
                std::string_view id) {
  return html("<form method=\"post\" action=\"/actions/{}/{}\" class=\"panel\" id=\"{}\" novalidate>{}<h2>{}</h2>",
              a.id.value, path, id, csrf_field(context), heading);
}

// The owner choices: the organisation's users, and someone without an account.
Html owner_select(const FormState& state, const std::vector<domain::User>& people, const std::string& chosen) {
  Html out =
      html("<div class=\"{}\"><label for=\"owner_id\">Owner</label>{}<select id=\"owner_id\" name=\"owner_id\"{}>",
           group_class(state.errors, "owner_id"), error_message(state.errors, "owner_id"),
           field_attributes(state.errors, "owner_id"));
  out += html("<option value=\"\"{}>Someone without an account (name below)</option>",
              chosen.empty() ? " selected"_html : ""_html);
  for (const auto& person : people) {
    if (!person.active) continue;
    out += html("<option value=\"{}\"{}>{}</option>", person.id.value,
                std::to_string(person.id.value) == chosen ? " selected"_html : ""_html, person.display_name);
  }
  out += "</select></div>"_html;
  return out;
}

}  // namespace

std::string action_page(const Context& context, const ActionDetail& detail, const std::vector<domain::User>& people,
                        const std::vector<AuditRow>& audits, const std::optional<Error>& error,
                        std::string_view refused_form, const std::string& message) {
  const auto& row = detail.row;
  const auto& a = row.item;
  const bool open = a.status == domain::ActionStatus::open || a.status == domain::ActionStatus::in_progress;
  const FormErrors errors = FormErrors::of(error, kFields, "");
  const FormState state{context, errors, refused_form};
  Html body = error_summary(errors, error ? "Nothing was changed." : "");
  body += success_banner(message);
  body += html("<p><a href=\"/actions?view=all\">All actions</a></p><h1>{}</h1><dl class=\"summary-list\">", a.title);
  body += "<dt>Audit</dt><dd>"_html;
  if (a.audit_id) {
    body += html("<a href=\"/audits/{}\">{}</a>", a.audit_id->value, row.audit_title);
  } else {
    body += "No audit"_html;
  }
  body += html("</dd><dt>Owner</dt><dd>{}</dd><dt>Status</dt><dd>{}{}</dd><dt>Due date</dt><dd>{}", row.owner,
               domain::display_name(a.status), row.overdue ? " (overdue)" : "", a.due_on.to_string());
  if (detail.original_due_on != a.due_on) {
    body += html(" <span class=\"muted\">(originally {})</span>", detail.original_due_on.to_string());
  }
  body += "</dd>"_html;
  if (a.raised_on) body += html("<dt>Raised on</dt><dd>{}</dd>", a.raised_on->to_string());
  body += html("<dt>Comes from</dt><dd>{}</dd>", domain::display_name(a.source));
  if (a.completed_on) body += html("<dt>Completed on</dt><dd>{}</dd>", a.completed_on->to_string());
  if (!a.evidence.empty()) body += html("<dt>Evidence</dt><dd>{}</dd>", a.evidence);
  body += "</dl><h2 id=\"history\">History</h2>"_html;
  if (detail.history.empty()) {
    body += "<p>No progress notes or changes yet.</p>"_html;
  } else {
    body += "<ol class=\"history\">"_html;
    for (const auto& event : detail.history) body += history_entry(event);
    body += "</ol>"_html;
  }
  const DocumentPlace place{"/actions/" + std::to_string(a.id.value), nullptr};
  body += documents_list(place, detail.documents);
  if (!role_allows(context.who->user.role, Permission::manage_actions)) {
    return page(context, "Action: " + a.title, "actions", body);
  }
  body += document_upload_form(
      context, place, errors, "Attach a document",
      document_hint(context.config.max_document_bytes) + " For example a re-audit report, minutes or a letter.");

  body += form_start(context, a, "notes", "Add a progress note", "progress-note");
  body += text_area(state, "notes", "note", "Progress note", "");
  body += "<button class=\"button\" type=\"submit\">Add the note</button></form>"_html;

  if (open) {
    body += html(
        "<form method=\"post\" action=\"/actions/{}/close\" enctype=\"multipart/form-data\" class=\"panel\" "
        "id=\"complete\" novalidate>{}<h2>Mark as completed</h2>",
        a.id.value, csrf_field(context));
    body += date_input(state, "close", "completed_on", "Date it was done", context.clock.today().to_string());
    body += text_area(state, "close", "evidence", "Evidence that it is done",
                      "What shows it is done: a report, minutes, a re-audit, and where it is kept.");
    body += html(
        "<div class=\"{}\"><label for=\"completion_document\">The evidence as a file (optional)</label><p "
        "class=\"hint\" id=\"completion_document-hint\">{}</p>{}<input type=\"file\" id=\"completion_document\" "
        "name=\"completion_document\" accept=\".pdf,.docx\"{}></div>",
        group_class(errors, "completion_document"), document_hint(context.config.max_document_bytes),
        error_message(errors, "completion_document"),
        field_attributes(errors, "completion_document", "completion_document-hint"));
    body += "<button class=\"button\" type=\"submit\">Mark as completed</button></form>"_html;

    body += form_start(context, a, "due-date", "Change the due date", "due-date");
    body += date_input(state, "due-date", "due_on", "New due date", a.due_on.to_string());
    body += text_area(state, "due-date", "reason", "Reason for the change", "");
    body += "<button class=\"button secondary\" type=\"submit\">Change the due date</button></form>"_html;
  } else {
    body += form_start(context, a, "reopen", "Reopen the action", "reopen");
    body += text_area(state, "reopen", "reason", "Reason for reopening", "");
    body += "<button class=\"button secondary\" type=\"submit\">Reopen</button></form>"_html;
  }

  body += form_start(context, a, "owner", "Reassign", "reassign");
  const std::string owner_now = a.owner ? std::to_string(a.owner->value) : std::string();
  body += owner_select(state, people, state.value("owner", "owner_id", owner_now));
  body += html(
      "<div class=\"{}\"><label for=\"owner_name\">Name of an owner without an account</label>{}<input type=\"text\" "
      "id=\"owner_name\" name=\"owner_name\" value=\"{}\"{}></div>",
      group_class(errors, "owner_name"), error_message(errors, "owner_name"),
      state.value("owner", "owner_name", a.owner ? std::string() : a.owner_name),
      field_attributes(errors, "owner_name"));
  body += "<button class=\"button secondary\" type=\"submit\">Reassign</button></form>"_html;

  body += form_start(context, a, "edit", "Change the description", "edit");
  body += html(
      "<div class=\"{}\"><label for=\"title\">What must be done</label>{}<textarea id=\"title\" name=\"title\" "
      "rows=\"2\"{}>{}</textarea></div>",
      group_class(errors, "title"), error_message(errors, "title"), field_attributes(errors, "title"),
      state.value("edit", "title", a.title));
  const std::string audit_now =
      state.value("edit", "audit_id", a.audit_id ? std::to_string(a.audit_id->value) : std::string());
  body += html(
      "<div class=\"{}\"><label for=\"audit_id\">Audit</label>{}<select id=\"audit_id\" name=\"audit_id\"{}><option "
      "value=\"\">No audit</option>",
      group_class(errors, "audit_id"), error_message(errors, "audit_id"), field_attributes(errors, "audit_id"));
  bool listed = audit_now.empty();
  for (const auto& choice : audits) {
    const std::string value = std::to_string(choice.audit.id.value);
    listed = listed || value == audit_now;
    body += html("<option value=\"{}\"{}>{}</option>", value, value == audit_now ? " selected"_html : ""_html,
                 choice.audit.title);
  }
  // An audit of another year stays the action's own choice.
  if (!listed && a.audit_id) body += html("<option value=\"{}\" selected>{}</option>", audit_now, row.audit_title);
  body += "</select></div><button class=\"button secondary\" type=\"submit\">Save the changes</button></form>"_html;
  return page(context, "Action: " + a.title, "actions", body);
}

}  // namespace clinaudit::http::pages
