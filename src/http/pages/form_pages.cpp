#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

Html yes_no_select(const std::string& name, const std::string& id, const std::optional<bool>& value,
                   const std::string& label) {
  const auto opt = [](std::string_view v, std::string_view text, bool selected) {
    return html("<option value=\"{}\"{}>{}</option>", v, selected ? " selected"_html : ""_html, text);
  };
  return html("<label class=\"visually-hidden\" for=\"{}\">{}</label><select id=\"{}\" name=\"{}\">{}{}{}</select>", id,
              label, id, name, opt("", "Not recorded", !value), opt("yes", "Yes", value == true),
              opt("no", "No", value == false));
}

Html count_input(const std::string& name, const std::optional<std::int64_t>& value, const std::string& label) {
  return html(
      "<label class=\"visually-hidden\" for=\"{}\">{}</label><input type=\"number\" min=\"0\" step=\"1\" "
      "inputmode=\"numeric\" id=\"{}\" name=\"{}\" value=\"{}\">",
      name, label, name, name, value ? std::to_string(*value) : std::string());
}

}  // namespace

std::string login_page(const Context& context, const std::string& next, const std::optional<Error>& error,
                       const std::string& email) {
  Html body = error_summary(error);
  body += html(
      "<h1>Sign in to clinaudit</h1><form method=\"post\" action=\"/login\" class=\"panel\" novalidate>"
      "<input type=\"hidden\" name=\"next\" value=\"{}\">"
      "<div class=\"form-group\"><label for=\"email\">Email address</label><input type=\"email\" id=\"email\" "
      "name=\"email\" autocomplete=\"username\" spellcheck=\"false\" required value=\"{}\"></div>"
      "<div class=\"form-group\"><label for=\"password\">Password</label><input type=\"password\" id=\"password\" "
      "name=\"password\" autocomplete=\"current-password\" required></div>"
      "<button class=\"button\" type=\"submit\">Sign in</button></form>",
      next, email);
  if (context.config.demo && !context.config.demo_logins.empty()) {
    body +=
        "<section class=\"demo-accounts\" aria-labelledby=\"demo-h\"><h2 id=\"demo-h\">Demo accounts</h2>"
        "<p>This is a demonstration with synthetic data: the organisations, people and results are invented. "
        "Sign in as any of these.</p><table><thead><tr><th scope=\"col\">Email</th><th scope=\"col\">Password</th>"
        "<th scope=\"col\">Role</th><th scope=\"col\">Organisation</th></tr></thead><tbody>"_html;
    for (const auto& login : context.config.demo_logins) {
      body += html("<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>", login.email, login.password,
                   domain::display_name(login.role), login.organisation_code);
    }
    body += "</tbody></table></section>"_html;
  }
  return page(context, "Sign in", "", body);
}

std::string participation_page(const Context& context, const std::vector<ParticipationRow>& rows, FinancialYear year,
                               const std::optional<Error>& error, const std::string& message) {
  Html body = error_summary(error);
  body += success_banner(message);
  body += html(
      "<h1>Participation in national audits, {}</h1><p class=\"lead\">Record, for each audit on the year's Quality "
      "Account list, whether {} is eligible, whether it takes part and how many cases it submitted.</p>",
      year.to_string(), context.who->organisation.name);
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/participation\"><div class=\"form-group\"><label for=\"year\">"
      "Financial year</label><input type=\"text\" id=\"year\" name=\"year\" size=\"8\" value=\"{}\"></div><div "
      "class=\"form-group\"><button class=\"button secondary\" type=\"submit\">Show year</button></div></form>",
      year.to_string());
  if (rows.empty()) {
    body += "<p>No national audit is on the Quality Account list for this year yet.</p>"_html;
    return page(context, "Participation", "participation", body);
  }
  body += html("<form method=\"post\" action=\"/participation?year={}\">{}", year.to_string(), csrf_field(context));
  body += html(
      "<table><caption>{} national audits on the list</caption><thead><tr><th scope=\"col\">Audit</th>"
      "<th scope=\"col\">Eligible</th><th scope=\"col\">Taking part</th><th scope=\"col\">Reason if not</th>"
      "<th scope=\"col\">Data collection completed</th><th scope=\"col\">Cases submitted</th>"
      "<th scope=\"col\">Cases required</th></tr></thead><tbody>",
      rows.size());
  for (const auto& row : rows) {
    const std::string n = std::to_string(row.audit.id.value);
    const auto& r = row.record;
    const std::string title = row.audit.title;
    body += html(
        "<tr id=\"audit-{}\"><th scope=\"row\">{}{}</th><td>{}</td><td>{}</td><td><label class=\"visually-hidden\" "
        "for=\"reason_{}\">{}: reason for not taking part</label><input type=\"text\" id=\"reason_{}\" "
        "name=\"reason_{}\" value=\"{}\"></td><td>{}</td><td>{}</td><td>{}</td></tr>",
        n, title,
        row.eligible_by_type ? ""_html
                             : "<br><span class=\"muted\">Not listed for your type of organisation</span>"_html,
        yes_no_select("eligible_" + n, "eligible_" + n, r ? r->eligible : std::nullopt, title + ": eligible"),
        yes_no_select("participating_" + n, "participating_" + n, r ? r->participating : std::nullopt,
                      title + ": taking part"),
        n, title, n, n, r ? r->reason_not_participating : std::string(),
        yes_no_select("completed_" + n, "completed_" + n, r ? r->data_collection_completed : std::nullopt,
                      title + ": data collection completed"),
        count_input("submitted_" + n, r ? r->cases_submitted : std::nullopt, title + ": cases submitted"),
        count_input("required_" + n, r ? r->cases_required : std::nullopt, title + ": cases required"));
  }
  body += "</tbody></table><button class=\"button\" type=\"submit\">Save participation</button></form>"_html;
  return page(context, "Participation", "participation", body);
}

Html actions_table(const Context& context, const std::vector<ActionRow>& rows, bool with_close) {
  Html out =
      "<table><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Audit</th><th scope=\"col\">Owner</th>"
      "<th scope=\"col\">Due</th><th scope=\"col\">Status</th>"_html;
  if (with_close) out += "<th scope=\"col\">Close with evidence</th>"_html;
  out += "</tr></thead><tbody>"_html;
  for (const auto& row : rows) {
    const auto& a = row.item;
    const bool open = a.status == domain::ActionStatus::open || a.status == domain::ActionStatus::in_progress;
    Html status = row.overdue ? Html("<span class=\"status status-red\">Overdue</span>"_html)
                  : open      ? Html("<span class=\"status status-grey\">Open</span>"_html)
                              : html("<span class=\"status status-green\">{}</span>", domain::display_name(a.status));
    if (!open && a.completed_on) status += html(" {}", a.completed_on->to_string());
    out += html("<tr><td>{}", a.title);
    if (!a.evidence.empty()) out += html("<br><span class=\"muted\">Evidence: {}</span>", a.evidence);
    out += "</td><td>"_html;
    if (a.audit_id) {
      out += html("<a href=\"/audits/{}\">{}</a>", a.audit_id->value, row.audit_title);
    } else {
      out += "–"_html;
    }
    out += html("</td><td>{}</td><td>{}</td><td>{}</td>", row.owner, a.due_on.to_string(), status);
    if (with_close) {
      out += "<td>"_html;
      if (open) {
        out += html(
            "<form method=\"post\" action=\"/actions/{}/close\">{}<label class=\"visually-hidden\" "
            "for=\"evidence-{}\">Evidence that \"{}\" is done</label><input type=\"text\" id=\"evidence-{}\" "
            "name=\"evidence\" placeholder=\"Evidence\" required> <button class=\"button secondary\" "
            "type=\"submit\">Close<span class=\"visually-hidden\"> {}</span></button></form>",
            a.id.value, csrf_field(context), a.id.value, a.title, a.id.value, a.title);
      }
      out += "</td>"_html;
    }
    out += "</tr>"_html;
  }
  out += "</tbody></table>"_html;
  return out;
}

std::string actions_page(const Context& context, const std::vector<ActionRow>& rows, ActionFilter filter,
                         const std::vector<domain::User>& people, const std::vector<AuditRow>& audits,
                         const std::optional<Error>& error, const std::string& message) {
  const bool can_manage = role_allows(context.who->user.role, Permission::manage_actions);
  Html body = error_summary(error);
  body += success_banner(message);
  body += "<h1>Actions</h1><nav aria-label=\"Action lists\"><ul class=\"inline-list\">"_html;
  for (const auto& [key, label, value] : std::initializer_list<std::tuple<const char*, const char*, ActionFilter>>{
           {"all", "All actions", ActionFilter::all},
           {"mine", "My actions", ActionFilter::mine},
           {"overdue", "Overdue", ActionFilter::overdue}}) {
    body += html("<li><a href=\"/actions?view={}\"{}>{}</a></li>", key,
                 filter == value ? " aria-current=\"page\""_html : ""_html, label);
  }
  body += "</ul></nav>"_html;
  body += rows.empty() ? Html("<p>No actions in this list.</p>"_html) : actions_table(context, rows, can_manage);
  if (can_manage) {
    const std::string preset = context.request.query_value("audit");
    body += html(
        "<h2 id=\"new-action\">Add an action</h2><form method=\"post\" action=\"/actions\" class=\"panel\">{}"
        "<div class=\"form-group\"><label for=\"title\">What must be done</label><textarea id=\"title\" "
        "name=\"title\" required></textarea></div><div class=\"form-group\"><label for=\"audit_id\">Audit</label>"
        "<select id=\"audit_id\" name=\"audit_id\"><option value=\"\">No audit</option>",
        csrf_field(context));
    for (const auto& a : audits) {
      body += html("<option value=\"{}\"{}>{}</option>", a.audit.id.value,
                   std::to_string(a.audit.id.value) == preset ? " selected"_html : ""_html, a.audit.title);
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"owner_id\">Owner</label><select id=\"owner_id\" "
        "name=\"owner_id\">"_html;
    for (const auto& person : people) {
      body += html("<option value=\"{}\"{}>{}</option>", person.id.value,
                   person.id == context.who->user.id ? " selected"_html : ""_html, person.display_name);
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"due_on\">Due date</label><p class=\"hint\" "
        "id=\"due-hint\">For example, 2026-03-31</p><input type=\"date\" id=\"due_on\" name=\"due_on\" "
        "aria-describedby=\"due-hint\" required></div><button class=\"button\" type=\"submit\">Add "
        "action</button></form>"_html;
  }
  return page(context, "Actions", "actions", body);
}

std::string users_page(const Context& context, const std::vector<domain::User>& users,
                       const std::optional<Error>& error, const std::string& message) {
  Html body = error_summary(error);
  body += success_banner(message);
  if (domain::allows(context.principal(), Permission::manage_register)) {
    body +=
        "<p>The register: <a href=\"/admin/organisations\">organisations</a> · <a href=\"/admin/audits\">national "
        "audits and the Quality Account list</a></p>"_html;
  }
  body += html(
      "<h1>Users of {}</h1><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th>"
      "<th scope=\"col\">Role</th><th scope=\"col\">Active</th></tr></thead><tbody>",
      context.who->organisation.name);
  for (const auto& u : users) {
    body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", u.display_name, u.email,
                 domain::display_name(u.role), u.active ? "Yes" : "No");
  }
  body += html(
      "</tbody></table><h2>Add a user</h2><form method=\"post\" action=\"/users\" class=\"panel\">{}"
      "<div class=\"form-group\"><label for=\"name\">Full name</label><input type=\"text\" id=\"name\" name=\"name\" "
      "autocomplete=\"off\" required></div><div class=\"form-group\"><label for=\"email\">Email address</label>"
      "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"off\" spellcheck=\"false\" required></div>"
      "<div class=\"form-group\"><label for=\"role\">Role</label><select id=\"role\" name=\"role\">",
      csrf_field(context));
  for (const auto role : {domain::Role::read_only, domain::Role::board_member, domain::Role::clinical_lead,
                          domain::Role::audit_manager, domain::Role::admin, domain::Role::national_analyst}) {
    if (!may_assign_role(context.who->organisation, role)) continue;
    body += html("<option value=\"{}\">{}</option>", to_string(role), domain::display_name(role));
  }
  body +=
      "</select></div><div class=\"form-group\"><label for=\"password\">First password</label><p class=\"hint\" "
      "id=\"pw-hint\">At least 12 characters. Give it to the person privately.</p><input type=\"password\" "
      "id=\"password\" name=\"password\" autocomplete=\"new-password\" minlength=\"12\" aria-describedby=\"pw-hint\" "
      "required></div><button class=\"button\" type=\"submit\">Add user</button></form>"_html;
  return page(context, "Users", "users", body);
}

}  // namespace clinaudit::http::pages
