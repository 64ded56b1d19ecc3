// The local audit register's pages: the register with its filters, the proposal form, one
// audit's page (what was proposed, its history, its decision and next-step forms) and the
// trust's divisions and specialties.
#include "http/pages/register_pages.hpp"

#include <map>

#include "domain/local_audit_workflow.hpp"
#include "domain/trust_structure.hpp"
#include "http/pages/layout.hpp"

namespace clinaudit::http::pages {

namespace {

using domain::LocalAuditStage;

constexpr std::initializer_list<std::string_view> kProposalFields = {"title",
                                                                     "topic",
                                                                     "division_id",
                                                                     "specialty_id",
                                                                     "lead_id",
                                                                     "lead_name",
                                                                     "supervisor",
                                                                     "standards",
                                                                     "reason",
                                                                     "programme_tier",
                                                                     "sample_method",
                                                                     "data_protection_confirmed",
                                                                     "data_protection_note",
                                                                     "start_date",
                                                                     "end_date",
                                                                     "reaudit_of"};

constexpr std::initializer_list<LocalAuditStage> kStages = {
    LocalAuditStage::proposed,        LocalAuditStage::changes_requested,
    LocalAuditStage::declined,        LocalAuditStage::approved,
    LocalAuditStage::data_collection, LocalAuditStage::analysis,
    LocalAuditStage::report,          LocalAuditStage::review,
    LocalAuditStage::actions,         LocalAuditStage::reaudit,
    LocalAuditStage::completed,       LocalAuditStage::abandoned};

constexpr std::initializer_list<domain::ProgrammeTier> kTiers = {
    domain::ProgrammeTier::national_mandatory, domain::ProgrammeTier::trust_priority, domain::ProgrammeTier::divisional,
    domain::ProgrammeTier::local_interest};

constexpr std::initializer_list<domain::AuditReason> kReasons = {
    domain::AuditReason::national_requirement, domain::AuditReason::nice_guidance,
    domain::AuditReason::incident_or_complaint, domain::AuditReason::trust_priority,
    domain::AuditReason::local_interest};

Html option(std::string_view value, std::string_view label, bool selected) {
  return html("<option value=\"{}\"{}>{}</option>", value, selected ? " selected"_html : ""_html, label);
}

template <typename IdType>
std::string id_text(const std::optional<IdType>& id) {
  return id ? std::to_string(id->value) : std::string();
}

// "2026-01-15T10:00:00Z" as a person reads it: "2026-01-15 at 10:00 (UTC)".
std::string when(const std::string& at) {
  if (at.size() < 16 || at[10] != 'T') return at;
  return at.substr(0, 10) + " at " + at.substr(11, 5) + " (UTC)";
}

std::string date_or_dash(const std::optional<Date>& date) { return date ? date->to_string() : "–"; }

Html input(const FormErrors& errors, const std::string& id, std::string_view label, std::string_view hint,
           const std::string& value, std::string_view type = "text") {
  const std::string hint_id = hint.empty() ? std::string() : id + "-hint";
  Html out = html("<div class=\"{}\"><label for=\"{}\">{}</label>", group_class(errors, id), id, label);
  if (!hint.empty()) out += html("<p class=\"hint\" id=\"{}\">{}</p>", hint_id, hint);
  out += html("{}<input type=\"{}\" id=\"{}\" name=\"{}\" value=\"{}\"{}></div>", error_message(errors, id), type, id,
              id, value, field_attributes(errors, id, hint_id));
  return out;
}

Html text_area(const FormErrors& errors, const std::string& id, std::string_view label, std::string_view hint,
               const std::string& value) {
  const std::string hint_id = hint.empty() ? std::string() : id + "-hint";
  Html out = html("<div class=\"{}\"><label for=\"{}\">{}</label>", group_class(errors, id), id, label);
  if (!hint.empty()) out += html("<p class=\"hint\" id=\"{}\">{}</p>", hint_id, hint);
  out += html("{}<textarea id=\"{}\" name=\"{}\" rows=\"3\"{}>{}</textarea></div>", error_message(errors, id), id, id,
              field_attributes(errors, id, hint_id), value);
  return out;
}

Html select_start(const FormErrors& errors, const std::string& id, std::string_view label) {
  return html("<div class=\"{}\"><label for=\"{}\">{}</label>{}<select id=\"{}\" name=\"{}\"{}>",
              group_class(errors, id), id, label, error_message(errors, id), id, id, field_attributes(errors, id));
}

// The proposal's fields as stored, for a change of `record`'s proposal.
std::map<std::string, std::string> stored_values(const domain::LocalAuditRecord& record) {
  const auto& a = record.row.audit;
  const auto& e = record.row.entry;
  return {{"title", a.title},
          {"topic", a.topic},
          {"division_id", id_text(e.division)},
          {"specialty_id", id_text(e.specialty)},
          {"lead_id", id_text(e.lead)},
          {"lead_name", e.lead_name},
          {"supervisor", e.supervisor},
          {"standards", a.standards},
          {"reason", e.reason ? std::string(to_string(*e.reason)) : std::string()},
          {"programme_tier", e.tier ? std::string(to_string(*e.tier)) : std::string()},
          {"sample_method", e.sample_method},
          {"data_protection_confirmed", e.data_protection_confirmed ? "yes" : "no"},
          {"data_protection_note", e.data_protection_note},
          {"start_date", a.start_date ? a.start_date->to_string() : std::string()},
          {"end_date", a.end_date ? a.end_date->to_string() : std::string()},
          {"reaudit_of", id_text(a.reaudit_of)}};
}

Html history_entry(const domain::LocalAuditEvent& event) {
  Html out = html("<li><p><strong>{}</strong> <span class=\"muted\">{}{}{}</span></p>", display_name(event.kind),
                  when(event.at), event.by_name.empty() ? "" : ", by ", event.by_name);
  if (event.kind == domain::LocalAuditEventKind::moved_on) {
    out += html("<p>Now at: {}.</p>", display_name(event.stage));
  }
  if (!event.note.empty()) {
    const bool reason = event.kind != domain::LocalAuditEventKind::moved_on;
    out += html("<p>{}{}</p>",
                reason ? (event.kind == domain::LocalAuditEventKind::abandoned ? "Rationale: " : "Reason: ") : "Note: ",
                event.note);
  }
  out += "</li>"_html;
  return out;
}

Html form_start(const Context& context, std::int64_t id, std::string_view path, std::string_view heading) {
  return html(
      "<form method=\"post\" action=\"/register/{}/{}\" class=\"panel\" id=\"{}-form\" novalidate>{}<h2>{}</h2>", id,
      path, path, csrf_field(context), heading);
}

}  // namespace

std::string register_page(const Context& context, const domain::LocalAuditRegister& view) {
  Html body = "<h1>Local audit register</h1>"_html;
  body += html("<p>Every local audit of {}: proposals awaiting a decision, audits under way and those finished.</p>",
               context.who->organisation.name);
  if (domain::may_propose(context.principal())) {
    body += "<p><a class=\"button\" href=\"/register/propose\">Propose an audit</a></p>"_html;
  }
  body += "<p><a href=\"/programme\">Forward programme</a></p>"_html;
  if (domain::is_audit_team(context.principal())) {
    body += "<p><a href=\"/structure\">Divisions and specialties</a></p>"_html;
  }
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/register\"><div class=\"form-group\"><label "
      "for=\"f-stage\">Stage</label><select id=\"f-stage\" name=\"stage\">{}",
      option("", "Any", !view.filter.stage));
  for (const auto stage : kStages) {
    body += option(to_string(stage), display_name(stage), view.filter.stage == stage);
  }
  body += html(
      "</select></div><div class=\"form-group\"><label for=\"f-division\">Division</label><select id=\"f-division\" "
      "name=\"division\">{}",
      option("", "Any", !view.filter.division));
  for (const auto& unit : view.units) {
    if (unit.is_specialty()) continue;
    body += option(std::to_string(unit.id.value), unit.name, view.filter.division == unit.id);
  }
  body +=
      "</select></div><div class=\"form-group\"><button class=\"button\" type=\"submit\">Apply filters</button>"
      "</div></form>"_html;
  if (view.filter.division) {
    body += html("<p><a href=\"/actions?view=all&amp;division={}\">Actions of this division's audits</a></p>",
                 view.filter.division->value);
  }
  if (view.rows.empty()) {
    body += "<p>No local audits match these filters.</p>"_html;
    return page(context, "Local audit register", "register", body);
  }
  body += html(
      "<table><caption>{} local {}</caption><thead><tr><th scope=\"col\">Audit</th><th scope=\"col\">Division</th>"
      "<th scope=\"col\">Lead</th><th scope=\"col\">Stage</th><th scope=\"col\">Planned end</th></tr></thead><tbody>",
      view.rows.size(), view.rows.size() == 1 ? "audit" : "audits");
  for (const auto& row : view.rows) {
    body += html("<tr><td><a href=\"/register/{}\">{}</a><br><span class=\"muted\">{}</span></td><td>{}{}{}</td>",
                 row.audit.id.value, row.audit.title, row.audit.code, row.division.empty() ? "–" : row.division,
                 row.specialty.empty() ? "" : " · ", row.specialty);
    body += html("<td>{}</td><td>{}</td><td>{}{}</td></tr>", row.lead.empty() ? "–" : row.lead,
                 display_name(row.entry.stage), date_or_dash(row.audit.end_date),
                 row.past_end ? " (past its planned end)" : "");
  }
  body += "</tbody></table>"_html;
  return page(context, "Local audit register", "register", body);
}

std::string proposal_page(const Context& context, const domain::ProposalChoices& choices,
                          const std::optional<domain::LocalAuditRecord>& editing, const std::optional<Error>& error) {
  const FormErrors errors = FormErrors::of(error, kProposalFields, "");
  std::map<std::string, std::string> values;
  if (error) {
    values = context.request.fields;
  } else if (editing) {
    values = stored_values(*editing);
  } else {
    values["reaudit_of"] = context.request.query_value("reaudit_of");
  }
  const auto value = [&values](const std::string& name) {
    const auto found = values.find(name);
    return found == values.end() ? std::string() : found->second;
  };
  const std::string title = editing ? "Change the proposal: " + editing->row.audit.title : "Propose an audit";
  Html body = error_summary(errors, error ? "The proposal was not saved." : "");
  body += "<p><a href=\"/register\">Local audit register</a></p>"_html;
  body += html("<h1>{}</h1>", title);
  if (!editing) {
    body +=
        "<p>The trust's audit team decides on each proposal: it approves it, asks for changes or declines it, "
        "with a reason.</p>"_html;
  }
  const std::string action =
      editing ? "/register/" + std::to_string(editing->row.audit.id.value) + "/revise" : "/register/propose";
  body += html("<form method=\"post\" action=\"{}\" class=\"panel\" novalidate>{}", action, csrf_field(context));
  body += input(errors, "title", "Title", "", value("title"));
  body += input(errors, "topic", "Topic (optional)", "For example, Consent or Falls", value("topic"));

  body += select_start(errors, "division_id", "Division");
  body += option("", "Choose a division", value("division_id").empty());
  for (const auto& unit : choices.units) {
    const std::string id = std::to_string(unit.id.value);
    if (unit.is_specialty() || (unit.retired && id != value("division_id"))) continue;
    body += option(id, unit.name, id == value("division_id"));
  }
  body += "</select></div>"_html;
  body += select_start(errors, "specialty_id", "Specialty (optional)");
  body += option("", "No specialty", value("specialty_id").empty());
  for (const auto& division : choices.units) {
    if (division.is_specialty()) continue;
    Html group;
    for (const auto& unit : choices.units) {
      const std::string id = std::to_string(unit.id.value);
      if (unit.division != division.id || (unit.retired && id != value("specialty_id"))) continue;
      group += option(id, unit.name, id == value("specialty_id"));
    }
    if (!group.empty()) body += html("<optgroup label=\"{}\">{}</optgroup>", division.name, group);
  }
  body += "</select></div>"_html;

  body += select_start(errors, "lead_id", "Audit lead");
  body += option("", "Someone without an account (name below)", value("lead_id").empty());
  for (const auto& person : choices.people) {
    const std::string id = std::to_string(person.id.value);
    body += option(id, person.display_name, id == value("lead_id"));
  }
  body += "</select></div>"_html;
  body += input(errors, "lead_name", "Name of a lead without an account", "", value("lead_name"));
  body += input(errors, "supervisor", "Supervisor (optional)", "", value("supervisor"));
  body += text_area(errors, "standards", "Standards or guidance audited against",
                    "For example, NICE NG51 Sepsis, recommendation 1.1", value("standards"));

  body += select_start(errors, "reason", "Reason for the audit");
  body += option("", "Choose a reason", value("reason").empty());
  for (const auto reason : kReasons) {
    body += option(to_string(reason), display_name(reason), to_string(reason) == value("reason"));
  }
  body += "</select></div>"_html;
  body += select_start(errors, "programme_tier", "Priority in the forward programme");
  body += option("", "As the reason suggests", value("programme_tier").empty());
  for (const auto tier : kTiers) {
    body += option(to_string(tier), display_name(tier), to_string(tier) == value("programme_tier"));
  }
  body += "</select></div>"_html;
  body += text_area(errors, "sample_method", "Sample and method",
                    "Who or what is sampled, how many, over which period, and how the data are collected",
                    value("sample_method"));
  const std::string confirmed = value("data_protection_confirmed");
  body += html(
      "<div class=\"{}\"><fieldset id=\"data_protection_confirmed\"{}><legend>Is the data protection check "
      "confirmed?</legend>{}<div class=\"radios\"><label><input type=\"radio\" name=\"data_protection_confirmed\" "
      "value=\"yes\"{}> Yes</label> <label><input type=\"radio\" name=\"data_protection_confirmed\" value=\"no\"{}> "
      "No</label></div></fieldset></div>",
      group_class(errors, "data_protection_confirmed"), field_attributes(errors, "data_protection_confirmed"),
      error_message(errors, "data_protection_confirmed"), confirmed == "yes" ? " checked"_html : ""_html,
      confirmed == "no" ? " checked"_html : ""_html);
  body += text_area(errors, "data_protection_note", "Data protection note",
                    "Required when the check is not confirmed: what is outstanding", value("data_protection_note"));
  body += input(errors, "start_date", "Planned start date", "For example, 2026-03-01", value("start_date"), "date");
  body += input(errors, "end_date", "Planned end date", "For example, 2026-06-30", value("end_date"), "date");

  body += select_start(errors, "reaudit_of", "Re-audit of (optional)");
  body += option("", "Not a re-audit", value("reaudit_of").empty());
  for (const auto& audit : choices.audits) {
    if (editing && audit.id == editing->row.audit.id) continue;
    const std::string id = std::to_string(audit.id.value);
    body += option(id, audit.code + " " + audit.title, id == value("reaudit_of"));
  }
  body += "</select></div>"_html;
  body += html("<button class=\"button\" type=\"submit\">{}</button></form>",
               editing ? "Save and resubmit" : "Send the proposal");
  return page(context, title, "register", body);
}

std::string local_audit_record_page(const Context& context, const domain::LocalAuditRecord& record,
                                    const std::optional<Error>& error, std::string_view refused_form,
                                    const std::string& message) {
  const auto& row = record.row;
  const auto& a = row.audit;
  const auto& e = row.entry;
  const FormErrors errors = FormErrors::of(error, {"decision", "reason", "note", "rationale", "end_date"}, "");
  const auto typed = [&](std::string_view form, const std::string& name) {
    if (form != refused_form) return std::string();
    const auto found = context.request.fields.find(name);
    return found == context.request.fields.end() ? std::string() : found->second;
  };
  Html body = error_summary(errors, error ? "Nothing was changed." : "");
  body += success_banner(message);
  body += html("<p><a href=\"/register\">Local audit register</a></p><p class=\"muted\">{}</p><h1>{}</h1>", a.code,
               a.title);
  body += html("<dl class=\"summary-list\"><dt>Stage</dt><dd>{}{}</dd>", display_name(e.stage),
               row.past_end ? " (past its planned end)" : "");
  body += html("<dt>Division</dt><dd>{}</dd>", row.division.empty() ? "–" : row.division);
  if (!row.specialty.empty()) body += html("<dt>Specialty</dt><dd>{}</dd>", row.specialty);
  if (!a.topic.empty()) body += html("<dt>Topic</dt><dd>{}</dd>", a.topic);
  body += html("<dt>Lead</dt><dd>{}</dd>", row.lead.empty() ? "–" : row.lead);
  if (!e.supervisor.empty()) body += html("<dt>Supervisor</dt><dd>{}</dd>", e.supervisor);
  if (!a.standards.empty()) body += html("<dt>Standards or guidance</dt><dd>{}</dd>", a.standards);
  if (e.reason) body += html("<dt>Reason</dt><dd>{}</dd>", display_name(*e.reason));
  if (e.tier) body += html("<dt>Priority in the forward programme</dt><dd>{}</dd>", display_name(*e.tier));
  if (!e.sample_method.empty()) body += html("<dt>Sample and method</dt><dd>{}</dd>", e.sample_method);
  if (!e.proposed_at.empty()) {
    body += html("<dt>Data protection check</dt><dd>{}{}{}</dd>",
                 e.data_protection_confirmed ? "Confirmed" : "Not confirmed",
                 e.data_protection_note.empty() ? "" : ": ", e.data_protection_note);
  }
  body += html("<dt>Planned dates</dt><dd>{} to {}</dd>", date_or_dash(a.start_date), date_or_dash(a.end_date));
  if (!e.proposed_by_name.empty()) {
    body += html("<dt>Proposed</dt><dd>{} by {}</dd>", when(e.proposed_at), e.proposed_by_name);
  }
  if (record.repeats) {
    body += html("<dt>Re-audit of</dt><dd><a href=\"/register/{}\">{}</a></dd>", record.repeats->id.value,
                 record.repeats->title);
  }
  for (const auto& later : record.reaudits) {
    body += html("<dt>Re-audited by</dt><dd><a href=\"/register/{}\">{}</a></dd>", later.id.value, later.title);
  }
  body += html("</dl><p><a href=\"/audits/{}\">Measures and results of this audit</a></p>", a.id.value);

  if (record.may_revise) {
    body +=
        html("<p><a class=\"button secondary\" href=\"/register/{}/revise\">{}</a></p>", a.id.value,
             e.stage == LocalAuditStage::changes_requested ? "Edit and resubmit the proposal" : "Change the proposal");
  }
  if (record.may_decide) {
    body += form_start(context, a.id.value, "decision", "Decide on the proposal");
    const std::string chosen = typed("decision", "decision");
    body +=
        html("<div class=\"{}\"><fieldset id=\"decision\"{}><legend>Decision</legend>{}<div class=\"radios\">",
             group_class(errors, "decision"), field_attributes(errors, "decision"), error_message(errors, "decision"));
    for (const auto& [key, label] : {std::pair{"approve", "Approve"}, std::pair{"ask_for_changes", "Ask for changes"},
                                     std::pair{"decline", "Decline"}}) {
      body += html("<label><input type=\"radio\" name=\"decision\" value=\"{}\"{}> {}</label> ", key,
                   chosen == key ? " checked"_html : ""_html, label);
    }
    body += "</div></fieldset></div>"_html;
    body += text_area(errors, "reason", "Reason", "The proposer reads it on this page", typed("decision", "reason"));
    body += "<button class=\"button\" type=\"submit\">Record the decision</button></form>"_html;
  }
  if (record.may_move_on && record.next) {
    body += form_start(context, a.id.value, "next", "Move on to: " + std::string(display_name(*record.next)));
    body += text_area(errors, "note", "Note (optional)", "", typed("next", "note"));
    body += html("<button class=\"button\" type=\"submit\">Move on to {}</button></form>", display_name(*record.next));
  }
  if (e.stage == LocalAuditStage::reaudit && domain::may_propose(context.principal())) {
    body += html("<p><a href=\"/register/propose?reaudit_of={}\">Register the re-audit as a new proposal</a></p>",
                 a.id.value);
  }
  if (record.may_carry_over) {
    body += form_start(context, a.id.value, "carry-over", "Carry over to the next year");
    body +=
        "<p>The forward programme shows the audit as carried over, with this reason, in this year and the "
        "next.</p>"_html;
    body += text_area(errors, "reason", "Reason", "Why the audit will finish later than planned",
                      typed("carry-over", "reason"));
    body += input(errors, "end_date", "New planned end date (optional)", "For example, 2027-06-30",
                  typed("carry-over", "end_date"), "date");
    body += "<button class=\"button secondary\" type=\"submit\">Record the carry-over</button></form>"_html;
  }
  if (record.may_abandon) {
    body += form_start(context, a.id.value, "abandon", "Abandon the audit");
    body += text_area(errors, "rationale", "Rationale", "Why the audit stops here; it stays on the register",
                      typed("abandon", "rationale"));
    body += "<button class=\"button secondary\" type=\"submit\">Abandon the audit</button></form>"_html;
  }
  body += "<h2 id=\"history\">History</h2>"_html;
  if (record.history.empty()) {
    body += "<p>Recorded before the register kept a history.</p>"_html;
  } else {
    body += "<ol class=\"history\">"_html;
    for (const auto& event : record.history) body += history_entry(event);
    body += "</ol>"_html;
  }
  return page(context, "Local audit: " + a.title, "register", body);
}

std::string structure_page(const Context& context, const std::vector<domain::TrustUnit>& units,
                           const std::optional<Error>& error, std::string_view refused_form,
                           const std::string& message) {
  // A unit's own form is refused at its name field ("name-ID"), the message without its
  // field's name.
  std::string unit_message;
  if (error) unit_message = error->message.starts_with("name: ") ? error->message.substr(6) : error->message;
  FormErrors errors;
  if (refused_form == "add") {
    errors = FormErrors::of(error, {"name", "division_id"}, "");
  } else if (error) {
    errors.add("name-" + std::string(refused_form), unit_message);
  }
  Html body = error_summary(errors, error ? "Nothing was changed." : "");
  body += success_banner(message);
  body += "<p><a href=\"/register\">Local audit register</a></p><h1>Divisions and specialties</h1>"_html;
  body +=
      "<p>Each local audit belongs to a division and, if you choose, a specialty within it. A retired one "
      "stays on the audits that name it and is offered for no new proposal.</p>"_html;
  const bool keeps = domain::is_audit_team(context.principal());
  if (units.empty()) {
    body += "<p>No divisions yet.</p>"_html;
  } else {
    body +=
        "<table><caption>Divisions and their specialties</caption><thead><tr><th scope=\"col\">Name</th>"
        "<th scope=\"col\">Kind</th><th scope=\"col\">In use</th>"_html;
    if (keeps) body += "<th scope=\"col\">Change</th>"_html;
    body += "</tr></thead><tbody>"_html;
    for (const auto& unit : units) {
      const std::string id = std::to_string(unit.id.value);
      body += html("<tr><td>{}{}</td><td>{}</td><td>{}</td>", unit.is_specialty() ? "— " : "", unit.name,
                   unit.is_specialty() ? "Specialty" : "Division", unit.retired ? "Retired" : "Yes");
      if (keeps) {
        const bool refused = refused_form == id;
        const auto typed = context.request.fields.find("name");
        const std::string name = refused && typed != context.request.fields.end() ? typed->second : unit.name;
        body += html(
            "<td><form method=\"post\" action=\"/structure/units/{}\" class=\"inline\" novalidate>{}<label "
            "for=\"name-{}\" class=\"visually-hidden\">New name of {}</label><input type=\"text\" id=\"name-{}\" "
            "name=\"name\" value=\"{}\"{}> <label><input type=\"checkbox\" name=\"retired\" value=\"yes\"{}> "
            "Retired</label> <button class=\"button secondary\" type=\"submit\">Save</button>{}</form></td>",
            id, csrf_field(context), id, unit.name, id, name, refused ? " aria-invalid=\"true\""_html : ""_html,
            unit.retired ? " checked"_html : ""_html,
            refused && error ? html("<p class=\"error-message\">{}</p>", unit_message) : Html{});
      }
      body += "</tr>"_html;
    }
    body += "</tbody></table>"_html;
  }
  if (keeps) {
    const auto typed = [&](const std::string& name) {
      if (refused_form != "add") return std::string();
      const auto found = context.request.fields.find(name);
      return found == context.request.fields.end() ? std::string() : found->second;
    };
    body += html(
        "<form method=\"post\" action=\"/structure/units\" class=\"panel\" id=\"add\" novalidate>{}"
        "<h2>Add a division or specialty</h2>",
        csrf_field(context));
    body += input(errors, "name", "Name", "For example, Surgery, or Trauma and orthopaedics", typed("name"));
    body += select_start(errors, "division_id", "Within the division");
    body += option("", "None: this is a division", typed("division_id").empty());
    for (const auto& unit : units) {
      if (unit.is_specialty() || unit.retired) continue;
      const std::string id = std::to_string(unit.id.value);
      body += option(id, unit.name, id == typed("division_id"));
    }
    body += "</select></div><button class=\"button\" type=\"submit\">Add</button></form>"_html;
  }
  return page(context, "Divisions and specialties", "register", body);
}

}  // namespace clinaudit::http::pages
