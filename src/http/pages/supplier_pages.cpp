#include "http/pages/supplier_pages.hpp"

#include "http/pages/layout.hpp"

namespace clinaudit::http::pages {

namespace {

Html text_input(const Context& context, const std::optional<Error>& error, const FormErrors& errors, const char* name,
                const char* label, const char* hint) {
  const std::string hint_id = std::string(name) + "-hint";
  return html(
      "<div class=\"{}\"><label for=\"{}\">{}</label><p class=\"hint\" id=\"{}\">{}</p>{}<input type=\"text\" "
      "id=\"{}\" name=\"{}\" value=\"{}\"{}></div>",
      group_class(errors, name), name, label, hint_id, hint, error_message(errors, name), name, name,
      typed_after_refusal(context, error, name), field_attributes(errors, name, hint_id));
}

// A select of the suppliers, the first option `none` (the national body's own analysts).
Html supplier_select(const domain::SupplierOverview& overview, const FormErrors& errors, const char* id,
                     const char* label, const char* none) {
  Html out = html(
      "<div class=\"{}\"><label for=\"{}\">{}</label>{}<select id=\"{}\" name=\"supplier_id\"{}><option "
      "value=\"\">{}</option>",
      group_class(errors, id), id, label, error_message(errors, id), id, field_attributes(errors, id), none);
  for (const auto& line : overview.suppliers) {
    out += html("<option value=\"{}\">{}</option>", line.supplier.id.value, line.supplier.name);
  }
  out += "</select></div>"_html;
  return out;
}

std::string_view done_words(std::string_view done) {
  if (done == "added") return "The supplier was added.";
  if (done == "audit") return "The audit's supplier was saved.";
  if (done == "analyst") return "The analyst's supplier was saved.";
  return {};
}

}  // namespace

std::string suppliers_page(const Context& context, const domain::SupplierOverview& overview,
                           const std::optional<Error>& error, std::string_view done) {
  const auto errors = FormErrors::of(error, {"code", "name", "audit_id", "user_id"}, "code");
  Html body = success_banner(done_words(done));
  body += error_summary(errors, "Nothing was changed.");
  body +=
      "<h1>Audit suppliers</h1><p class=\"lead\">The bodies that run national audits for the national body. A "
      "national analyst who works for a supplier sees and acts on that supplier's audits only; one who works for "
      "none sees every national audit.</p>"_html;
  if (overview.suppliers.empty()) {
    body += "<p>No supplier yet: every national audit is run by the national body's own analysts.</p>"_html;
  } else {
    body +=
        "<table><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Supplier</th><th scope=\"col\">Audits it "
        "runs</th><th scope=\"col\">Analysts</th></tr></thead><tbody>"_html;
    for (const auto& line : overview.suppliers) {
      std::string audits;
      for (const auto& audit : line.audits) audits += (audits.empty() ? "" : "; ") + audit.title;
      std::string analysts;
      for (const auto& user : line.analysts) analysts += (analysts.empty() ? "" : "; ") + user.email;
      body += html("<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", line.supplier.code, line.supplier.name,
                   audits.empty() ? std::string("None yet") : audits,
                   analysts.empty() ? std::string("None yet") : analysts);
    }
    body += "</tbody></table>"_html;
  }

  body += html("<h2>Add a supplier</h2><form method=\"post\" action=\"/admin/suppliers\" class=\"panel\" novalidate>{}",
               csrf_field(context));
  body += text_input(context, error, errors, "code", "Code", "Up to 12 letters or digits, for example RCP");
  body += text_input(context, error, errors, "name", "Name", "For example Royal College of Physicians");
  body += "<button class=\"button\" type=\"submit\">Add the supplier</button></form>"_html;

  if (!overview.suppliers.empty()) {
    body += html(
        "<h2>Who runs a national audit</h2><form method=\"post\" action=\"/admin/suppliers/audits\" class=\"panel\" "
        "novalidate>{}<div class=\"{}\"><label for=\"audit_id\">National audit</label>{}<select id=\"audit_id\" "
        "name=\"audit_id\"{}>",
        csrf_field(context), group_class(errors, "audit_id"), error_message(errors, "audit_id"),
        field_attributes(errors, "audit_id"));
    for (const auto& audit : overview.national_audits) {
      body += html("<option value=\"{}\">{}</option>", audit.id.value, audit.title);
    }
    body += "</select></div>"_html;
    body += supplier_select(overview, errors, "audit-supplier", "Supplier", "The national body's own analysts");
    body += "<button class=\"button\" type=\"submit\">Save the audit's supplier</button></form>"_html;

    body += html(
        "<h2>Whom a national analyst works for</h2><form method=\"post\" action=\"/admin/suppliers/analysts\" "
        "class=\"panel\" novalidate>{}<div class=\"{}\"><label for=\"user_id\">National analyst</label>{}<select "
        "id=\"user_id\" name=\"user_id\"{}>",
        csrf_field(context), group_class(errors, "user_id"), error_message(errors, "user_id"),
        field_attributes(errors, "user_id"));
    for (const auto& user : overview.analysts) {
      body += html("<option value=\"{}\">{} ({})</option>", user.id.value, user.display_name, user.email);
    }
    body += "</select></div>"_html;
    body += supplier_select(overview, errors, "analyst-supplier", "Supplier", "None: every national audit");
    body += "<button class=\"button\" type=\"submit\">Save the analyst's supplier</button></form>"_html;
  }
  return page(context, "Audit suppliers", "suppliers", body);
}

}  // namespace clinaudit::http::pages
