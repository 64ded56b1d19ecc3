#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

// A form's field as it stands: what was typed when the form was refused (the request's
// fields), otherwise `stored`.
std::string shown(const Context& context, bool refused, const std::string& name, std::string stored) {
  if (!refused) return stored;
  const auto typed = context.request.fields.find(name);
  return typed == context.request.fields.end() ? std::string() : typed->second;
}

std::string yes_no_text(const std::optional<bool>& value) {
  if (!value) return {};
  return *value ? "yes" : "no";
}

Html yes_no_select(const std::string& name, const std::string& value, const std::string& label,
                   const FormErrors& errors) {
  const auto opt = [&value](std::string_view v, std::string_view text) {
    return html("<option value=\"{}\"{}>{}</option>", v, v == value ? " selected"_html : ""_html, text);
  };
  return html("<label class=\"visually-hidden\" for=\"{}\">{}</label>{}<select id=\"{}\" name=\"{}\"{}>{}{}{}</select>",
              name, label, error_message(errors, name), name, name, field_attributes(errors, name),
              opt("", "Not recorded"), opt("yes", "Yes"), opt("no", "No"));
}

// A count as text with a numeric keyboard (not type="number", which would drop a value that
// is not a number instead of showing it back with its message).
Html count_input(const std::string& name, const std::string& value, const std::string& label,
                 const FormErrors& errors) {
  return html(
      "<label class=\"visually-hidden\" for=\"{}\">{}</label>{}<input type=\"text\" inputmode=\"numeric\" "
      "class=\"count\" id=\"{}\" name=\"{}\" value=\"{}\"{}>",
      name, label, error_message(errors, name), name, name, value, field_attributes(errors, name));
}

// The participation form's problem at its field: the command names a count field
// ("submitted_12: ..."), or the rules name the audit by its title ("<title>: give the
// reason..."), which is that row's reason.
FormErrors participation_errors(const std::optional<Error>& error, const std::vector<ParticipationRow>& rows) {
  FormErrors errors;
  if (!error) return errors;
  const std::string& text = error->message;
  const auto colon = text.find(": ");
  const std::string prefix = colon == std::string::npos ? std::string() : text.substr(0, colon);
  const std::string rest = colon == std::string::npos ? text : text.substr(colon + 2);
  for (const auto& row : rows) {
    const std::string n = std::to_string(row.audit.id.value);
    if (prefix == row.audit.title) {
      errors.add("reason_" + n, text);
      return errors;
    }
    for (const auto& [field, label] : std::initializer_list<std::pair<std::string_view, std::string_view>>{
             {"submitted_", "cases submitted"}, {"required_", "cases required"}}) {
      if (prefix == std::string(field) + n) {
        errors.add(prefix, row.audit.title + ", " + std::string(label) + ": " + rest);
        return errors;
      }
    }
  }
  errors.add("", text);
  return errors;
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
  // A refused form shows every row as it was typed, not only the row with the problem.
  const bool refused = error.has_value();
  const FormErrors errors = participation_errors(error, rows);
  Html body = error_summary(errors, refused ? "Nothing was saved. Correct the problem and save again." : "");
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
  body += html("<form method=\"post\" action=\"/participation?year={}\" novalidate>{}", year.to_string(),
               csrf_field(context));
  body += html(
      "<table><caption>{} national audits on the list</caption><thead><tr><th scope=\"col\">Audit</th>"
      "<th scope=\"col\">Eligible</th><th scope=\"col\">Taking part</th><th scope=\"col\">Reason if not</th>"
      "<th scope=\"col\">Data collection completed</th><th scope=\"col\">Cases submitted</th>"
      "<th scope=\"col\">Cases required</th></tr></thead><tbody>",
      rows.size());
  const auto count_text = [](const std::optional<std::int64_t>& value) {
    return value ? std::to_string(*value) : std::string();
  };
  for (const auto& row : rows) {
    const std::string n = std::to_string(row.audit.id.value);
    const auto& r = row.record;
    const std::string title = row.audit.title;
    const auto value = [&](const std::string& name, std::string stored) {
      return shown(context, refused, name + n, std::move(stored));
    };
    const std::string reason = "reason_" + n;
    body += html(
        "<tr id=\"audit-{}\"><th scope=\"row\">{}{}</th><td>{}</td><td>{}</td><td{}><label "
        "class=\"visually-hidden\" for=\"{}\">{}: reason for not taking part</label>{}<input type=\"text\" id=\"{}\" "
        "name=\"{}\" value=\"{}\"{}></td><td>{}</td><td>{}</td><td>{}</td></tr>",
        n, title,
        row.eligible_by_type ? ""_html
                             : "<br><span class=\"muted\">Not listed for your type of organisation</span>"_html,
        yes_no_select("eligible_" + n, value("eligible_", yes_no_text(r ? r->eligible : std::nullopt)),
                      title + ": eligible", errors),
        yes_no_select("participating_" + n, value("participating_", yes_no_text(r ? r->participating : std::nullopt)),
                      title + ": taking part", errors),
        errors.message(reason).empty() ? ""_html : " class=\"form-group-error\""_html, reason, title,
        error_message(errors, reason), reason, reason,
        value("reason_", r ? r->reason_not_participating : std::string()), field_attributes(errors, reason),
        yes_no_select("completed_" + n,
                      value("completed_", yes_no_text(r ? r->data_collection_completed : std::nullopt)),
                      title + ": data collection completed", errors),
        count_input("submitted_" + n, value("submitted_", count_text(r ? r->cases_submitted : std::nullopt)),
                    title + ": cases submitted", errors),
        count_input("required_" + n, value("required_", count_text(r ? r->cases_required : std::nullopt)),
                    title + ": cases required", errors));
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
    out += html("<tr id=\"action-{}\"><td><a href=\"/actions/{}\">{}</a>", a.id.value, a.id.value, a.title);
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
  Html body = error_summary(FormErrors::of(error, {"title", "audit_id", "owner_id", "owner_name", "due_on"}),
                            error ? "The action was not added." : "");
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
    const FormErrors errors = FormErrors::of(error, {"title", "audit_id", "owner_id", "owner_name", "due_on"});
    const bool refused = error.has_value();
    const std::string preset = shown(context, refused, "audit_id", context.request.query_value("audit"));
    const std::string owner = shown(context, refused, "owner_id", std::to_string(context.who->user.id.value));
    body += html(
        "<h2 id=\"new-action\">Add an action</h2><form method=\"post\" action=\"/actions\" class=\"panel\" "
        "novalidate>{}<div class=\"{}\"><label for=\"title\">What must be done</label>{}<textarea id=\"title\" "
        "name=\"title\"{}>{}</textarea></div><div class=\"{}\"><label for=\"audit_id\">Audit</label>{}"
        "<select id=\"audit_id\" name=\"audit_id\"{}><option value=\"\">No audit</option>",
        csrf_field(context), group_class(errors, "title"), error_message(errors, "title"),
        field_attributes(errors, "title"), shown(context, refused, "title", ""), group_class(errors, "audit_id"),
        error_message(errors, "audit_id"), field_attributes(errors, "audit_id"));
    for (const auto& a : audits) {
      body += html("<option value=\"{}\"{}>{}</option>", a.audit.id.value,
                   std::to_string(a.audit.id.value) == preset ? " selected"_html : ""_html, a.audit.title);
    }
    body += html(
        "</select></div><div class=\"{}\"><label for=\"owner_id\">Owner</label>{}<select id=\"owner_id\" "
        "name=\"owner_id\"{}><option value=\"\"{}>Someone without an account (name below)</option>",
        group_class(errors, "owner_id"), error_message(errors, "owner_id"), field_attributes(errors, "owner_id"),
        owner.empty() ? " selected"_html : ""_html);
    for (const auto& person : people) {
      if (!person.active) continue;
      body += html("<option value=\"{}\"{}>{}</option>", person.id.value,
                   std::to_string(person.id.value) == owner ? " selected"_html : ""_html, person.display_name);
    }
    body += html(
        "</select></div><div class=\"{}\"><label for=\"owner_name\">Name of an owner without an account</label>"
        "<p class=\"hint\" id=\"owner-name-hint\">For example, Ward 7 manager. Used when no one is chosen above.</p>"
        "{}<input type=\"text\" id=\"owner_name\" name=\"owner_name\" value=\"{}\"{}></div>",
        group_class(errors, "owner_name"), error_message(errors, "owner_name"),
        shown(context, refused, "owner_name", ""), field_attributes(errors, "owner_name", "owner-name-hint"));
    body += html(
        "<div class=\"{}\"><label for=\"due_on\">Due date</label><p class=\"hint\" id=\"due-hint\">For example, "
        "2026-03-31</p>{}<input type=\"date\" id=\"due_on\" name=\"due_on\" value=\"{}\"{}></div><button "
        "class=\"button\" type=\"submit\">Add action</button></form>",
        group_class(errors, "due_on"), error_message(errors, "due_on"), shown(context, refused, "due_on", ""),
        field_attributes(errors, "due_on", "due-hint"));
  }
  return page(context, filter == ActionFilter::mine ? "My actions" : "Actions",
              filter == ActionFilter::mine ? "my-actions" : "actions", body);
}

namespace {

constexpr domain::Role kRoles[] = {
    domain::Role::read_only, domain::Role::board_member,     domain::Role::clinical_lead, domain::Role::audit_manager,
    domain::Role::admin,     domain::Role::national_analyst, domain::Role::regulator};

// The role choices an organisation's users may hold, `chosen` selected.
Html role_options(const Context& context, std::string_view chosen) {
  Html out;
  for (const auto role : kRoles) {
    if (!may_assign_role(context.who->organisation, role)) continue;
    out += html("<option value=\"{}\"{}>{}</option>", to_string(role),
                to_string(role) == chosen ? " selected"_html : ""_html, domain::display_name(role));
  }
  return out;
}

// The problem of a refused user form at its field: the rules name it ("email: ..."); an
// address in use is the e-mail's, a role the organisation may not hold is the role's.
FormErrors user_errors(const std::optional<Error>& error) {
  std::string_view fallback;
  if (error && error->code == ErrorCode::conflict) fallback = "email";
  if (error && error->code == ErrorCode::forbidden) fallback = "role";
  return FormErrors::of(error, {"name", "email", "role", "password", "chief_executive"}, fallback);
}

Html text_field(const FormErrors& errors, std::string_view id, std::string_view label, const std::string& value,
                std::string_view type, std::string_view autocomplete) {
  return html(
      "<div class=\"{}\"><label for=\"{}\">{}</label>{}<input type=\"{}\" id=\"{}\" name=\"{}\" "
      "autocomplete=\"{}\" spellcheck=\"false\" value=\"{}\"{}></div>",
      group_class(errors, id), id, label, error_message(errors, id), type, id, id, autocomplete, value,
      field_attributes(errors, id));
}

}  // namespace

std::string users_page(const Context& context, const std::vector<domain::User>& users,
                       const std::optional<Error>& error, const std::string& message) {
  const FormErrors errors = user_errors(error);
  // Two forms share the page: naming the chief executive, and adding a user.
  const bool chief_executive_refused = error && error->message.starts_with("chief_executive:");
  const bool refused = error.has_value() && !chief_executive_refused;
  const auto& named = context.who->organisation.chief_executive;
  Html body = error_summary(errors, chief_executive_refused ? "The chief executive was not changed."
                                    : refused               ? "The user was not added."
                                                            : "");
  body += success_banner(message);
  if (domain::allows(context.principal(), Permission::manage_register)) {
    body +=
        "<p>The register: <a href=\"/admin/organisations\">organisations</a> · <a href=\"/admin/audits\">national "
        "audits and the Quality Account list</a></p>"_html;
  }
  body += html(
      "<h1>Users of {}</h1><table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th>"
      "<th scope=\"col\">Role</th><th scope=\"col\">Active</th><th scope=\"col\"><span "
      "class=\"visually-hidden\">Change</span></th></tr></thead><tbody>",
      context.who->organisation.name);
  for (const auto& u : users) {
    body += html(
        "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/users/{}\">Change<span "
        "class=\"visually-hidden\"> {}</span></a></td></tr>",
        u.display_name, u.email,
        std::string(domain::display_name(u.role)) + (named == u.id ? "; chief executive for outlier cases" : ""),
        u.active ? "Yes" : "No, deactivated", u.id.value, u.display_name);
  }
  body += html(
      "</tbody></table><h2 id=\"chief-executive\">Chief executive for outlier cases</h2><p>When a national audit "
      "confirms that {} is an outlier, the chief executive acknowledges it in person; nobody else can complete that "
      "stage. Name the person who holds the duty.</p><form method=\"post\" action=\"/users/chief-executive\" "
      "class=\"panel\" novalidate>{}<div class=\"{}\"><label for=\"chief_executive\">Chief executive</label>{}"
      "<select id=\"chief_executive\" name=\"chief_executive\"{}><option value=\"\">Nobody named</option>",
      context.who->organisation.name, csrf_field(context), group_class(errors, "chief_executive"),
      error_message(errors, "chief_executive"), field_attributes(errors, "chief_executive"));
  for (const auto& u : users) {
    if (!u.active && named != u.id) continue;
    body += html("<option value=\"{}\"{}>{}</option>", u.id.value, named == u.id ? " selected"_html : ""_html,
                 u.active ? u.display_name : u.display_name + " (deactivated)");
  }
  body += "</select></div><button class=\"button secondary\" type=\"submit\">Save chief executive</button></form>"_html;
  const auto typed = [&](const std::string& name) { return shown(context, refused, name, std::string()); };
  body += html(
      "<h2 id=\"add-user\">Add a user</h2><form method=\"post\" action=\"/users\" "
      "class=\"panel\" novalidate>{}",
      csrf_field(context));
  body += text_field(errors, "name", "Full name", typed("name"), "text", "off");
  body += text_field(errors, "email", "Email address", typed("email"), "email", "off");
  body +=
      html("<div class=\"{}\"><label for=\"role\">Role</label>{}<select id=\"role\" name=\"role\"{}>{}</select></div>",
           group_class(errors, "role"), error_message(errors, "role"), field_attributes(errors, "role"),
           role_options(context, typed("role")));
  body += html(
      "<div class=\"{}\"><label for=\"password\">First password</label><p class=\"hint\" id=\"pw-hint\">At least 12 "
      "characters. Give it to the person privately.</p>{}<input type=\"password\" id=\"password\" name=\"password\" "
      "autocomplete=\"new-password\" minlength=\"12\"{}></div><button class=\"button\" type=\"submit\">Add "
      "user</button></form>",
      group_class(errors, "password"), error_message(errors, "password"),
      field_attributes(errors, "password", "pw-hint"));
  return page(context, "Users", "users", body);
}

std::string user_page(const Context& context, const domain::User& user, const std::optional<Error>& error,
                      const std::string& message, const std::optional<domain::PasswordResetLink>& link) {
  const FormErrors errors = user_errors(error);
  const bool refused = error.has_value();
  const bool self = user.id == context.who->user.id;
  Html body = error_summary(errors, refused ? "Nothing was changed." : "");
  body += success_banner(message);
  body += html(
      "<p><a href=\"/users\">All users</a></p><h1>{}</h1><dl class=\"summary-list\"><dt>Email address</dt><dd>{}</dd>"
      "<dt>Role</dt><dd>{}</dd><dt>Account</dt><dd>{}</dd></dl>",
      user.display_name, user.email, domain::display_name(user.role),
      user.active ? "Active" : "Deactivated: this person cannot sign in");
  if (link) {
    body += html(
        "<div class=\"panel\" id=\"reset-link\"><h2>One-time password link</h2><p>Give this link to {} privately. It "
        "works once, until {} (UTC), and lets them choose a new password. It is not shown again.</p>"
        "<p><a href=\"/password-reset/{}\">/password-reset/{}</a></p></div>",
        user.display_name, link->expires_at.substr(0, 16).replace(10, 1, " "), link->token, link->token);
  }
  body += html("<h2>Change name and role</h2><form method=\"post\" action=\"/users/{}\" class=\"panel\" novalidate>{}",
               user.id.value, csrf_field(context));
  body += text_field(errors, "name", "Full name", shown(context, refused, "name", user.display_name), "text", "off");
  const std::string role = shown(context, refused, "role", std::string(to_string(user.role)));
  if (self) {
    body += html(
        "<input type=\"hidden\" name=\"role\" value=\"{}\"><p>You cannot change your own role: another "
        "administrator can.</p>",
        to_string(user.role));
  } else {
    body += html(
        "<div class=\"{}\"><label for=\"role\">Role</label>{}<select id=\"role\" name=\"role\"{}>{}</select></div>",
        group_class(errors, "role"), error_message(errors, "role"), field_attributes(errors, "role"),
        role_options(context, role));
  }
  body += "<button class=\"button\" type=\"submit\">Save changes</button></form>"_html;
  body += "<h2>Account</h2>"_html;
  if (user.active && self) {
    body += "<p>You cannot deactivate your own account: another administrator can.</p>"_html;
  } else if (user.active) {
    body += html(
        "<form method=\"post\" action=\"/users/{}/deactivate\">{}<p>A deactivated person is signed out at once "
        "and cannot sign in until the account is reactivated.</p><button class=\"button secondary\" "
        "type=\"submit\">Deactivate {}</button></form>",
        user.id.value, csrf_field(context), user.display_name);
  } else {
    body += html(
        "<form method=\"post\" action=\"/users/{}/reactivate\">{}<button class=\"button\" "
        "type=\"submit\">Reactivate {}</button></form>",
        user.id.value, csrf_field(context), user.display_name);
  }
  if (user.active) {
    body += html(
        "<h2>Password</h2><form method=\"post\" action=\"/users/{}/password-reset\">{}<p>Make a link that lets {} "
        "choose a new password. It works once, for 24 hours; their sessions end when they use it.</p>"
        "<button class=\"button secondary\" type=\"submit\">Make a password link</button></form>",
        user.id.value, csrf_field(context), user.display_name);
  }
  return page(context, user.display_name, "users", body);
}

std::string password_reset_page(const Context& context, const domain::User& user, const std::optional<Error>& error) {
  const FormErrors errors = FormErrors::of(error, {"password"}, "password");
  Html body = error_summary(errors);
  body += html(
      "<h1>Choose a new password</h1><p class=\"lead\">For {}.</p><form method=\"post\" action=\"{}\" "
      "class=\"panel\" novalidate><div class=\"{}\"><label for=\"password\">New password</label><p class=\"hint\" "
      "id=\"pw-hint\">At least 12 characters.</p>{}<input type=\"password\" id=\"password\" name=\"password\" "
      "autocomplete=\"new-password\" minlength=\"12\"{}></div><button class=\"button\" type=\"submit\">Set "
      "password</button></form>",
      user.email, context.request.path, group_class(errors, "password"), error_message(errors, "password"),
      field_attributes(errors, "password", "pw-hint"));
  return page(context, "Choose a new password", "", body);
}

std::string password_reset_done_page(const Context& context) {
  return page(context, "Your password is set", "",
              "<h1>Your password is set</h1><p class=\"lead\">The link cannot be used again.</p><p><a "
              "href=\"/login\">Sign in</a></p>"_html);
}

}  // namespace clinaudit::http::pages
