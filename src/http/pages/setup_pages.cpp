// Setting up the register, audits and measures (http/setup_routes.cpp): organisations and
// national audits for the national body's administrators, a trust's local audits, and each
// audit's measures. Every form shows what was typed again after a refusal, with the message
// next to the form and at its field.
#include <utility>

#include "domain/user_admin.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

using Options = std::vector<std::pair<std::string, std::string>>;  // value, label

std::string field_of(const std::optional<Error>& error) {
  if (!error) return {};
  const auto colon = error->message.find(": ");
  if (colon > 20) return {};  // also when there is none (npos)
  return error->message.substr(0, colon);
}

// The error at its field, when the refusal names that field.
Html field_error(const SetupForm& form, const std::string& name) {
  if (field_of(form.error) != name) return {};
  return html("<p class=\"error-message\" id=\"{}-error\">{}</p>", name, form.error->message);
}

Html text_input(const SetupForm& form, const std::string& name, std::string_view label, std::string_view hint = {},
                bool required = false) {
  Html out = html("<div class=\"form-group\"><label for=\"{}\">{}</label>", name, label);
  if (!hint.empty()) out += html("<p class=\"hint\">{}</p>", hint);
  out += field_error(form, name);
  out += html("<input type=\"text\" id=\"{}\" name=\"{}\" value=\"{}\"{}></div>", name, name, form.value(name),
              required ? " required"_html : ""_html);
  return out;
}

Html date_input(const SetupForm& form, const std::string& name, std::string_view label) {
  return html(
      "<div class=\"form-group\"><label for=\"{}\">{}</label><p class=\"hint\">For example, 2026-03-31</p>{}"
      "<input type=\"date\" id=\"{}\" name=\"{}\" value=\"{}\"></div>",
      name, label, field_error(form, name), name, name, form.value(name));
}

Html text_area(const SetupForm& form, const std::string& name, std::string_view label, std::string_view hint = {}) {
  Html out = html("<div class=\"form-group\"><label for=\"{}\">{}</label>", name, label);
  if (!hint.empty()) out += html("<p class=\"hint\">{}</p>", hint);
  out += field_error(form, name);
  out += html("<textarea id=\"{}\" name=\"{}\">{}</textarea></div>", name, name, form.value(name));
  return out;
}

Html select_input(const SetupForm& form, const std::string& name, std::string_view label, const Options& options,
                  std::string_view hint = {}) {
  Html out = html("<div class=\"form-group\"><label for=\"{}\">{}</label>", name, label);
  if (!hint.empty()) out += html("<p class=\"hint\">{}</p>", hint);
  out += field_error(form, name);
  out += html("<select id=\"{}\" name=\"{}\">", name, name);
  const std::string chosen = form.value(name);
  for (const auto& [value, text] : options) {
    out += html("<option value=\"{}\"{}>{}</option>", value, value == chosen ? " selected"_html : ""_html, text);
  }
  out += "</select></div>"_html;
  return out;
}

// A field of the form that adds a user on a page that has a details form too: the ids
// are the user's own ("user-name"), the field names those of /users.
Html person_input(const SetupForm& form, const std::string& name, std::string_view label, std::string_view type) {
  return html(
      "<div class=\"form-group\"><label for=\"user-{}\">{}</label>{}<input type=\"{}\" id=\"user-{}\" "
      "name=\"{}\" value=\"{}\" autocomplete=\"off\" spellcheck=\"false\" required></div>",
      name, label, field_error(form, name), type, name, name, form.value(name));
}

// The refusal above a form, and the form's opening.
Html form_start(const Context& context, const SetupForm& form, const std::string& action) {
  Html out = error_summary(form.error);
  out += html("<form method=\"post\" action=\"{}\" class=\"panel\">{}", action, csrf_field(context));
  return out;
}

Html submit(std::string_view label) {
  return html("<button class=\"button\" type=\"submit\">{}</button></form>", label);
}

constexpr domain::OrganisationType kTypes[] = {
    domain::OrganisationType::acute,        domain::OrganisationType::mental_health,
    domain::OrganisationType::community,    domain::OrganisationType::ambulance,
    domain::OrganisationType::primary_care, domain::OrganisationType::specialist,
    domain::OrganisationType::national_body};

Options organisation_types() {
  Options out{{"", "Choose a type"}};
  for (const auto type : kTypes) out.emplace_back(domain::to_string(type), domain::display_name(type));
  return out;
}

Options audit_statuses() {
  Options out;
  for (const auto status :
       {domain::AuditStatus::planned, domain::AuditStatus::in_progress, domain::AuditStatus::data_collection_complete,
        domain::AuditStatus::reported, domain::AuditStatus::closed}) {
    out.emplace_back(domain::to_string(status), domain::display_name(status));
  }
  return out;
}

Options measure_types() {
  return {{"", "Choose a type"},
          {"proportion", "Proportion (events out of cases)"},
          {"ratio", "Ratio (observed over expected)"},
          {"rate", "Rate (events per exposure)"},
          {"continuous", "Continuous value"}};
}

Options improvements() {
  return {{"", "Choose which way is better"},
          {"increase", "Higher is better"},
          {"decrease", "Lower is better"},
          {"neutral", "Neither"}};
}

Options measure_sources() {
  Options out{{"imported_results", "Imported results files"}};
  for (const auto source : {domain::MeasureSource::episode_proportion, domain::MeasureSource::episode_model_ratio,
                            domain::MeasureSource::episode_expected_column}) {
    std::string label(domain::display_name(source));
    label[0] = static_cast<char>(label[0] - 'a' + 'A');
    out.emplace_back(domain::to_string(source), "Episodes: " + label);
  }
  return out;
}

std::string label_of(const Options& options, std::string_view value) {
  for (const auto& [key, text] : options) {
    if (key == value) return text;
  }
  return std::string(value);
}

// The fields every audit has, national or local.
Html audit_fields(const SetupForm& form) {
  Html out = text_input(form, "code", "Code", "Unique, for example NHFD or LA-2026-014", true);
  out += text_input(form, "title", "Title", {}, true);
  out += text_input(form, "topic", "Topic", "The specialty or clinical area, for example Stroke");
  out += text_area(form, "standards", "Standards", "The standards or guidance audited against");
  out += select_input(form, "status", "Status", audit_statuses());
  out += text_input(form, "reaudit_of", "Re-audit of (audit number)",
                    "Leave empty unless this audit repeats an earlier one: give that audit's number");
  out += date_input(form, "start_date", "Start date");
  out += date_input(form, "end_date", "End date");
  return out;
}

Html national_audit_fields(const SetupForm& form) {
  Html out = audit_fields(form);
  out += select_input(form, "kind", "Kind",
                      {{"national_clinical_audit", "National clinical audit"},
                       {"national_confidential_enquiry", "National confidential enquiry"}});
  out += text_input(form, "provider_body", "Provider body", "Who runs it, for example Royal College of Physicians");
  return out;
}

Html measure_fields(const SetupForm& form) {
  Html out = text_input(form, "code", "Code", "Unique in the audit, for example mort30", true);
  out += text_input(form, "name", "Name", "What it measures, in words a board member reads", true);
  out += select_input(form, "type", "Type", measure_types());
  out += select_input(form, "improvement", "Which way is better", improvements());
  out += text_input(form, "target", "Target", "On the measure's own scale (a proportion as 0.9); may be empty");
  out += text_input(form, "rate_multiplier", "Display multiplier", "Rates are shown per this many: 1000 for per 1,000");
  out += text_input(form, "unit", "Unit", "Shown after values, for example minutes; may be empty");
  out += select_input(form, "source", "Where its values come from", measure_sources());
  out += text_input(form, "outcome_column", "Outcome column",
                    "Episodes only: the dataset's yes/no column the measure counts, for example died30");
  out += text_input(form, "formula", "Case-mix formula",
                    "Observed over expected under a model only, for example died30 ~ age + sex");
  out += text_input(form, "expected_column", "Expected-risk column",
                    "Observed over expected from a risk column only: the column holding each episode's risk");
  return out;
}

}  // namespace

std::string SetupForm::value(const std::string& name) const {
  const auto found = values.find(name);
  return found == values.end() ? std::string() : found->second;
}

std::string organisations_page(const Context& context, const std::vector<domain::Organisation>& organisations,
                               const SetupForm& form) {
  Html body = success_banner(form.message);
  body +=
      "<h1>Organisations</h1><p class=\"lead\">Every provider that takes part in national audits, and the national "
      "body. Organisations can also be added from a CSV file on the <a href=\"/import\">import page</a>.</p>"
      "<table><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Name</th><th scope=\"col\">Type</th>"
      "<th scope=\"col\">Region</th><th scope=\"col\"><span class=\"visually-hidden\">Change</span></th></tr>"
      "</thead><tbody>"_html;
  for (const auto& o : organisations) {
    body += html(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/admin/organisations/{}\">Change "
        "<span class=\"visually-hidden\">{}</span></a> · <a href=\"/admin/organisations/{}#add-user\">Add a "
        "user<span class=\"visually-hidden\"> to {}</span></a></td></tr>",
        o.code, o.name, domain::display_name(o.type), o.region, o.id.value, o.name, o.id.value, o.name);
  }
  body += "</tbody></table><h2 id=\"add\">Add an organisation</h2>"_html;
  body += form_start(context, form, "/admin/organisations");
  body += text_input(form, "code", "Code", "The ODS code, for example RXX", true);
  body += text_input(form, "name", "Name", {}, true);
  body += select_input(form, "type", "Type", organisation_types());
  body += text_input(form, "region", "Region");
  body += submit("Add organisation");
  return page(context, "Organisations", "organisations", body);
}

std::string organisation_page(const Context& context, const domain::Organisation& organisation,
                              const std::vector<domain::User>& users, const SetupForm& form,
                              const SetupForm& user_form) {
  const std::string base = "/admin/organisations/" + std::to_string(organisation.id.value);
  Html body = success_banner(form.message);
  body += html("<p><a href=\"/admin/organisations\">All organisations</a></p><h1>{}</h1>", organisation.name);
  body += "<h2>Details</h2>"_html;
  body += form_start(context, form, base);
  body += text_input(form, "code", "Code", "The ODS code, for example RXX", true);
  body += text_input(form, "name", "Name", {}, true);
  body += select_input(form, "type", "Type", organisation_types());
  body += text_input(form, "region", "Region");
  body += submit("Save changes");
  body += html("<h2 id=\"users\">Users of {}</h2>", organisation.name);
  if (users.empty()) {
    body += "<p>Nobody can sign in for this organisation yet: add its first administrator below.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Role</th>"
        "<th scope=\"col\">Active</th></tr></thead><tbody>"_html;
    for (const auto& u : users) {
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", u.display_name, u.email,
                   domain::display_name(u.role), u.active ? "Yes" : "No");
    }
    body += "</tbody></table>"_html;
  }
  body += "<h3 id=\"add-user\">Add a user to this organisation</h3>"_html;
  body += html(
      "<p>They sign in with this email address and password and see {}'s records only. An administrator can then "
      "add the organisation's other users from their own Users page.</p>",
      organisation.name);
  body += form_start(context, user_form, base + "/users");
  body += person_input(user_form, "name", "Full name", "text");
  body += person_input(user_form, "email", "Email address", "email");
  Options roles{{"", "Choose a role"}};
  for (const auto role :
       {domain::Role::admin, domain::Role::audit_manager, domain::Role::clinical_lead, domain::Role::board_member,
        domain::Role::read_only, domain::Role::national_analyst, domain::Role::regulator}) {
    if (!domain::may_assign_role(organisation, role)) continue;
    roles.emplace_back(domain::to_string(role), domain::display_name(role));
  }
  body +=
      html("<div class=\"form-group\"><label for=\"user-role\">Role</label>{}<select id=\"user-role\" name=\"role\">",
           field_error(user_form, "role"));
  for (const auto& [value, text] : roles) {
    body += html("<option value=\"{}\"{}>{}</option>", value,
                 value == user_form.value("role") ? " selected"_html : ""_html, text);
  }
  body += html(
      "</select></div><div class=\"form-group\"><label for=\"user-password\">First password</label><p "
      "class=\"hint\" id=\"user-password-hint\">At least {} characters. Give it to the person privately.</p>{}"
      "<input type=\"password\" id=\"user-password\" name=\"password\" autocomplete=\"new-password\" "
      "minlength=\"{}\" aria-describedby=\"user-password-hint\" required></div>",
      domain::kMinimumPasswordLength, field_error(user_form, "password"), domain::kMinimumPasswordLength);
  body += submit("Add user");
  return page(context, organisation.name, "organisations", body);
}

std::string national_audits_page(const Context& context, const std::vector<domain::Audit>& audits,
                                 const SetupForm& form) {
  Html body = success_banner(form.message);
  body +=
      "<h1>National audits</h1><p class=\"lead\">The national clinical audits and confidential enquiries every "
      "trust sees, and each year's Quality Account list. They can also be added from a CSV file on the "
      "<a href=\"/import\">import page</a>.</p>"_html;
  if (audits.empty()) {
    body += "<p>No national audits yet.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Title</th><th scope=\"col\">Kind</th>"
        "<th scope=\"col\">Status</th></tr></thead><tbody>"_html;
    for (const auto& a : audits) {
      body += html("<tr><td>{}</td><td><a href=\"/admin/audits/{}\">{}</a></td><td>{}</td><td>{}</td></tr>", a.code,
                   a.id.value, a.title, domain::display_name(a.kind), domain::display_name(a.status));
    }
    body += "</tbody></table>"_html;
  }
  body += "<h2 id=\"add\">Add a national audit</h2>"_html;
  body += form_start(context, form, "/admin/audits");
  body += national_audit_fields(form);
  body += submit("Add national audit");
  return page(context, "National audits", "national-audits", body);
}

std::string national_audit_page(const Context& context, const domain::NationalAuditSetup& setup,
                                const std::vector<FinancialYear>& years, const SetupForm& form,
                                const SetupForm& qa_form) {
  const auto& audit = setup.audit;
  const std::string base = "/admin/audits/" + std::to_string(audit.id.value);
  Html body = success_banner(form.message);
  body += html(
      "<p><a href=\"/admin/audits\">All national audits</a> · <a href=\"/national/audits/{}/dataset\">Its "
      "dataset</a> · <a href=\"/audits/{}/measures\">Its measures</a></p><h1>{}</h1><h2>Details</h2>",
      audit.id.value, audit.id.value, audit.title);
  body += form_start(context, form, base);
  body += national_audit_fields(form);
  body += submit("Save changes");
  body +=
      "<h2 id=\"qa-list\">Quality Account list</h2><p>Whether the audit is on each year's list, and which kinds of "
      "organisation are eligible. Tick none to take it off that year's list.</p>"_html;
  for (const auto year : years) {
    const domain::QaListEntry* entry = nullptr;
    for (const auto& item : setup.qa_list) {
      if (item.year == year) entry = &item;
    }
    const bool posted = qa_form.value("year") == year.to_string();
    SetupForm shown = posted ? qa_form : SetupForm{};
    body += html("<h3>{}</h3><p>{}</p>", year.to_string(), entry ? "On the list." : "Not on the list.");
    body += form_start(context, shown, base + "/qa-list");
    body += html("<input type=\"hidden\" name=\"year\" value=\"{}\"><fieldset><legend>Eligible in {}</legend>",
                 year.to_string(), year.to_string());
    for (const auto type : kTypes) {
      if (type == domain::OrganisationType::national_body) continue;
      const std::string name = "eligible_" + std::string(domain::to_string(type));
      const bool ticked = posted ? qa_form.value(name) == "yes" : (entry && entry->eligible_types.contains(type));
      const std::string id = name + "_" + std::to_string(year.start_year);
      body += html(
          "<div class=\"form-group\"><label for=\"{}\"><input type=\"checkbox\" id=\"{}\" name=\"{}\" "
          "value=\"yes\"{}> {}</label></div>",
          id, id, name, ticked ? " checked"_html : ""_html, domain::display_name(type));
    }
    body += "</fieldset>"_html;
    body += submit("Save the " + year.to_string() + " list");
  }
  return page(context, audit.title, "national-audits", body);
}

std::string local_audit_page(const Context& context, const std::optional<domain::Audit>& audit, const SetupForm& form) {
  Html body;
  if (audit) {
    body +=
        html("<p><a href=\"/audits/{}\">Back to the audit</a></p><h1>Change {}</h1>", audit->id.value, audit->title);
    body += form_start(context, form, "/audits/" + std::to_string(audit->id.value) + "/edit");
  } else {
    body += html(
        "<p><a href=\"/audits\">Back to the audit register</a></p><h1>Add a local audit</h1><p class=\"lead\">A "
        "local audit of {}: only your organisation sees it.</p>",
        context.who->organisation.name);
    body += form_start(context, form, "/audits/new");
  }
  body += audit_fields(form);
  body += submit(audit ? "Save changes" : "Add local audit");
  return page(context, audit ? "Change a local audit" : "Add a local audit", "audits", body);
}

std::string measures_page(const Context& context, const domain::AuditMeasures& view, const SetupForm& form) {
  const auto& audit = view.audit;
  Html body = success_banner(form.message);
  body +=
      html("<p><a href=\"/audits/{}\">Back to the audit</a></p><h1>Measures of {}</h1>", audit.id.value, audit.title);
  if (view.measures.empty()) {
    body += "<p>This audit has no measures yet.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Name</th><th scope=\"col\">Type</th>"
        "<th scope=\"col\">Better</th><th scope=\"col\">Target</th><th scope=\"col\">Values from</th>"_html;
    if (view.may_change) body += "<th scope=\"col\"><span class=\"visually-hidden\">Change</span></th>"_html;
    body += "</tr></thead><tbody>"_html;
    for (const auto& m : view.measures) {
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>", m.code, m.name,
                   label_of(measure_types(), domain::to_string(m.type)),
                   label_of(improvements(), domain::to_string(m.improvement)),
                   m.target ? number_or_dash(m.target) : std::string("None"),
                   label_of(measure_sources(), domain::to_string(m.source)));
      if (view.may_change) {
        body += html("<td><a href=\"/measures/{}\">Change <span class=\"visually-hidden\">{}</span></a></td>",
                     m.id.value, m.name);
      }
      body += "</tr>"_html;
    }
    body += "</tbody></table>"_html;
  }
  if (view.may_change) {
    body += "<h2 id=\"add\">Add a measure</h2>"_html;
    body += form_start(context, form, "/audits/" + std::to_string(audit.id.value) + "/measures");
    body += measure_fields(form);
    body += submit("Add measure");
  }
  return page(context, "Measures of " + audit.title, "audits", body);
}

std::string measure_page(const Context& context, const domain::Audit& audit, const domain::Measure& measure,
                         const SetupForm& form) {
  Html body = success_banner(form.message);
  body += html("<p><a href=\"/audits/{}/measures\">All measures of {}</a></p><h1>Change {}</h1>", audit.id.value,
               audit.title, measure.name);
  body += form_start(context, form, "/measures/" + std::to_string(measure.id.value));
  body += measure_fields(form);
  body += submit("Save changes");
  return page(context, "Change " + measure.name, "audits", body);
}

}  // namespace clinaudit::http::pages
