#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string yes_no_select(const std::string& name, const std::string& id, const std::optional<bool>& value,
                          const std::string& label) {
  const auto opt = [&](std::string_view v, std::string_view text, bool selected) {
    return "<option value=\"" + std::string(v) + "\"" + (selected ? " selected" : "") + ">" + std::string(text) +
           "</option>";
  };
  return "<label class=\"visually-hidden\" for=\"" + id + "\">" + esc(label) + "</label><select id=\"" + id +
         "\" name=\"" + name + "\">" + opt("", "Not recorded", !value) + opt("yes", "Yes", value == true) +
         opt("no", "No", value == false) + "</select>";
}

std::string count_input(const std::string& name, const std::optional<std::int64_t>& value, const std::string& label) {
  return "<label class=\"visually-hidden\" for=\"" + name + "\">" + esc(label) +
         "</label><input type=\"number\" min=\"0\" "
         "step=\"1\" inputmode=\"numeric\" id=\"" +
         name + "\" name=\"" + name + "\" value=\"" + (value ? std::to_string(*value) : std::string()) + "\">";
}

}  // namespace

std::string login_page(const Context& context, const std::string& next, const std::optional<Error>& error,
                       const std::string& email) {
  std::string body = error_summary(error);
  body +=
      "<h1>Sign in to clinaudit</h1><form method=\"post\" action=\"/login\" class=\"panel\" novalidate>"
      "<input type=\"hidden\" name=\"next\" value=\"" +
      esc(next) +
      "\">"
      "<div class=\"form-group\"><label for=\"email\">Email address</label><input type=\"email\" id=\"email\" "
      "name=\"email\" autocomplete=\"username\" spellcheck=\"false\" required value=\"" +
      esc(email) +
      "\"></div>"
      "<div class=\"form-group\"><label for=\"password\">Password</label><input type=\"password\" id=\"password\" "
      "name=\"password\" autocomplete=\"current-password\" required></div>"
      "<button class=\"button\" type=\"submit\">Sign in</button></form>";
  if (context.config.demo && !context.config.demo_logins.empty()) {
    body +=
        "<section class=\"demo-accounts\" aria-labelledby=\"demo-h\"><h2 id=\"demo-h\">Demo accounts</h2>"
        "<p>This is a demonstration with synthetic data: the organisations, people and results are invented. "
        "Sign in as any of these.</p><table><thead><tr><th scope=\"col\">Email</th><th scope=\"col\">Password</th>"
        "<th scope=\"col\">Role</th><th scope=\"col\">Organisation</th></tr></thead><tbody>";
    for (const auto& login : context.config.demo_logins) {
      body += "<tr><td>" + esc(login.email) + "</td><td><code>" + esc(login.password) + "</code></td><td>" +
              esc(domain::display_name(login.role)) + "</td><td>" + esc(login.organisation_code) + "</td></tr>";
    }
    body += "</tbody></table></section>";
  }
  return page(context, "Sign in", "", body);
}

std::string participation_page(const Context& context, const std::vector<ParticipationRow>& rows, FinancialYear year,
                               const std::optional<Error>& error, const std::string& message) {
  std::string body = error_summary(error) + success_banner(message);
  body += "<h1>Participation in national audits, " + esc(year.to_string()) +
          "</h1><p class=\"lead\">Record, for each "
          "audit on the year's Quality Account list, whether " +
          esc(context.who->organisation.name) +
          " is eligible, whether it takes part and how many cases it submitted.</p>";
  body +=
      "<form class=\"filters\" method=\"get\" action=\"/participation\"><div class=\"form-group\"><label for=\"year\">"
      "Financial year</label><input type=\"text\" id=\"year\" name=\"year\" size=\"8\" value=\"" +
      esc(year.to_string()) +
      "\"></div><div class=\"form-group\"><button class=\"button secondary\" type=\"submit\">"
      "Show year</button></div></form>";
  if (rows.empty()) {
    body += "<p>No national audit is on the Quality Account list for this year yet.</p>";
    return page(context, "Participation", "participation", body);
  }
  body += "<form method=\"post\" action=\"/participation?year=" + esc(year.to_string()) + "\">" + csrf_field(context);
  body += "<table><caption>" + std::to_string(rows.size()) +
          " national audits on the list</caption><thead><tr>"
          "<th scope=\"col\">Audit</th><th scope=\"col\">Eligible</th><th scope=\"col\">Taking part</th>"
          "<th scope=\"col\">Reason if not</th><th scope=\"col\">Data collection completed</th>"
          "<th scope=\"col\">Cases submitted</th><th scope=\"col\">Cases required</th></tr></thead><tbody>";
  for (const auto& row : rows) {
    const std::string n = std::to_string(row.audit.id.value);
    const auto& r = row.record;
    const std::string title = row.audit.title;
    body += "<tr id=\"audit-" + n + "\"><th scope=\"row\">" + esc(title) +
            (row.eligible_by_type ? "" : "<br><span class=\"muted\">Not listed for your type of organisation</span>") +
            "</th><td>" +
            yes_no_select("eligible_" + n, "eligible_" + n, r ? r->eligible : std::nullopt, title + ": eligible") +
            "</td><td>" +
            yes_no_select("participating_" + n, "participating_" + n, r ? r->participating : std::nullopt,
                          title + ": taking part") +
            "</td><td><label class=\"visually-hidden\" for=\"reason_" + n + "\">" + esc(title) +
            ": reason for not taking part</label><input type=\"text\" id=\"reason_" + n + "\" name=\"reason_" + n +
            "\" value=\"" + esc(r ? r->reason_not_participating : std::string()) + "\"></td><td>" +
            yes_no_select("completed_" + n, "completed_" + n, r ? r->data_collection_completed : std::nullopt,
                          title + ": data collection completed") +
            "</td><td>" +
            count_input("submitted_" + n, r ? r->cases_submitted : std::nullopt, title + ": cases submitted") +
            "</td><td>" +
            count_input("required_" + n, r ? r->cases_required : std::nullopt, title + ": cases required") +
            "</td></tr>";
  }
  body += "</tbody></table><button class=\"button\" type=\"submit\">Save participation</button></form>";
  return page(context, "Participation", "participation", body);
}

std::string actions_table(const Context& context, const std::vector<ActionRow>& rows, bool with_close) {
  std::string out =
      "<table><thead><tr><th scope=\"col\">Action</th><th scope=\"col\">Audit</th><th scope=\"col\">Owner</th>"
      "<th scope=\"col\">Due</th><th scope=\"col\">Status</th>";
  if (with_close) out += "<th scope=\"col\">Close with evidence</th>";
  out += "</tr></thead><tbody>";
  for (const auto& row : rows) {
    const auto& a = row.item;
    const bool open = a.status == domain::ActionStatus::open || a.status == domain::ActionStatus::in_progress;
    std::string status = row.overdue ? "<span class=\"status status-red\">Overdue</span>"
                         : open      ? "<span class=\"status status-grey\">Open</span>"
                                     : "<span class=\"status status-green\">" + esc(to_string(a.status)) + "</span>";
    if (!open && a.completed_on) status += " " + esc(a.completed_on->to_string());
    out +=
        "<tr><td>" + esc(a.title) +
        (a.evidence.empty() ? "" : "<br><span class=\"muted\">Evidence: " + esc(a.evidence) + "</span>") + "</td><td>" +
        (a.audit_id ? "<a href=\"/audits/" + std::to_string(a.audit_id->value) + "\">" + esc(row.audit_title) + "</a>"
                    : std::string("–")) +
        "</td><td>" + esc(row.owner) + "</td><td>" + esc(a.due_on.to_string()) + "</td><td>" + status + "</td>";
    if (with_close) {
      out += "<td>";
      if (open) {
        const std::string id = std::to_string(a.id.value);
        out += "<form method=\"post\" action=\"/actions/" + id + "/close\">" + csrf_field(context) +
               "<label class=\"visually-hidden\" for=\"evidence-" + id + "\">Evidence that \"" + esc(a.title) +
               "\" is done</label><input type=\"text\" id=\"evidence-" + id +
               "\" name=\"evidence\" placeholder=\"Evidence\" "
               "required> <button class=\"button secondary\" type=\"submit\">Close<span class=\"visually-hidden\"> " +
               esc(a.title) + "</span></button></form>";
      }
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table>";
  return out;
}

std::string actions_page(const Context& context, const std::vector<ActionRow>& rows, ActionFilter filter,
                         const std::vector<domain::User>& people, const std::vector<AuditRow>& audits,
                         const std::optional<Error>& error, const std::string& message) {
  const bool can_manage = role_allows(context.who->user.role, Permission::manage_actions);
  std::string body = error_summary(error) + success_banner(message);
  body += "<h1>Actions</h1><nav aria-label=\"Action lists\"><ul class=\"inline-list\">";
  for (const auto& [key, label, value] : std::initializer_list<std::tuple<const char*, const char*, ActionFilter>>{
           {"all", "All actions", ActionFilter::all},
           {"mine", "My actions", ActionFilter::mine},
           {"overdue", "Overdue", ActionFilter::overdue}}) {
    body += std::string("<li><a href=\"/actions?view=") + key + "\"" +
            (filter == value ? " aria-current=\"page\"" : "") + ">" + label + "</a></li>";
  }
  body += "</ul></nav>";
  body += rows.empty() ? "<p>No actions in this list.</p>" : actions_table(context, rows, can_manage);
  if (can_manage) {
    const std::string preset = context.request.query_value("audit");
    body +=
        "<h2 id=\"new-action\">Add an action</h2><form method=\"post\" action=\"/actions\" class=\"panel\">" +
        csrf_field(context) +
        "<div class=\"form-group\"><label for=\"title\">What must be done</label><textarea id=\"title\" name=\"title\" "
        "required></textarea></div><div class=\"form-group\"><label for=\"audit_id\">Audit</label><select "
        "id=\"audit_id\" "
        "name=\"audit_id\"><option value=\"\">No audit</option>";
    for (const auto& a : audits) {
      const std::string id = std::to_string(a.audit.id.value);
      body +=
          "<option value=\"" + id + "\"" + (id == preset ? " selected" : "") + ">" + esc(a.audit.title) + "</option>";
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"owner_id\">Owner</label><select id=\"owner_id\" "
        "name=\"owner_id\">";
    for (const auto& person : people) {
      body += "<option value=\"" + std::to_string(person.id.value) + "\"" +
              (person.id == context.who->user.id ? " selected" : "") + ">" + esc(person.display_name) + "</option>";
    }
    body +=
        "</select></div><div class=\"form-group\"><label for=\"due_on\">Due date</label><p class=\"hint\" "
        "id=\"due-hint\">For example, 2026-03-31</p><input type=\"date\" id=\"due_on\" name=\"due_on\" "
        "aria-describedby=\"due-hint\" required></div><button class=\"button\" type=\"submit\">Add "
        "action</button></form>";
  }
  return page(context, "Actions", "actions", body);
}

std::string users_page(const Context& context, const std::vector<domain::User>& users,
                       const std::optional<Error>& error, const std::string& message) {
  std::string body = error_summary(error) + success_banner(message);
  body += "<h1>Users of " + esc(context.who->organisation.name) +
          "</h1><table><thead><tr><th scope=\"col\">Name</th>"
          "<th scope=\"col\">Email</th><th scope=\"col\">Role</th><th scope=\"col\">Active</th></tr></thead><tbody>";
  for (const auto& u : users) {
    body += "<tr><td>" + esc(u.display_name) + "</td><td>" + esc(u.email) + "</td><td>" +
            esc(domain::display_name(u.role)) + "</td><td>" + (u.active ? "Yes" : "No") + "</td></tr>";
  }
  body +=
      "</tbody></table><h2>Add a user</h2><form method=\"post\" action=\"/users\" class=\"panel\">" +
      csrf_field(context) +
      "<div class=\"form-group\"><label for=\"name\">Full name</label><input type=\"text\" id=\"name\" name=\"name\" "
      "autocomplete=\"off\" required></div><div class=\"form-group\"><label for=\"email\">Email address</label>"
      "<input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"off\" spellcheck=\"false\" required></div>"
      "<div class=\"form-group\"><label for=\"role\">Role</label><select id=\"role\" name=\"role\">";
  for (const auto role : {domain::Role::read_only, domain::Role::board_member, domain::Role::clinical_lead,
                          domain::Role::audit_manager, domain::Role::admin, domain::Role::national_analyst}) {
    if (!may_assign_role(context.who->organisation, role)) continue;
    body += "<option value=\"" + std::string(to_string(role)) + "\">" + esc(domain::display_name(role)) + "</option>";
  }
  body +=
      "</select></div><div class=\"form-group\"><label for=\"password\">First password</label><p class=\"hint\" "
      "id=\"pw-hint\">At least 12 characters. Give it to the person privately.</p><input type=\"password\" "
      "id=\"password\" name=\"password\" autocomplete=\"new-password\" minlength=\"12\" aria-describedby=\"pw-hint\" "
      "required></div><button class=\"button\" type=\"submit\">Add user</button></form>";
  return page(context, "Users", "users", body);
}

}  // namespace clinaudit::http::pages
