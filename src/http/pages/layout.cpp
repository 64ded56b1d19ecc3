#include "http/pages/layout.hpp"

#include <array>

#include "core/number_format.hpp"
#include "domain/organisation.hpp"

namespace clinaudit::http::pages {

namespace {

struct NavItem {
  std::string_view key;
  std::string_view label;
  std::string_view href;
  std::optional<Permission> needs;
  bool trusts_only = false;  // a trust's own work, which the national body does not keep
};

constexpr std::array<NavItem, 19> kNav{{
    {"dashboard", "Dashboard", "/", Permission::view_organisation},
    {"audits", "Audits", "/audits", Permission::view_organisation},
    {"register", "Local audits", "/register", Permission::manage_local_audits, true},
    {"nice", "NICE guidance", "/nice", Permission::view_organisation, true},
    {"participation", "Participation", "/participation", Permission::edit_participation},
    {"actions", "Actions", "/actions", Permission::view_organisation},
    {"my-actions", "My actions", "/actions?view=mine", Permission::view_organisation},
    {"outliers", "Outlier cases", "/outliers", Permission::view_outliers},
    {"board", "Board meetings", "/board-meetings", Permission::view_organisation},
    {"audit-reports", "Published reports", "/audit-reports", Permission::view_organisation},
    {"reports", "Reports", "/reports", Permission::view_organisation},
    {"notifications", "Notifications", "/notifications", std::nullopt},
    {"import", "Import", "/import", Permission::import_data},
    {"national", "National view", "/national", Permission::view_national},
    {"users", "Users", "/users", Permission::manage_users},
    {"organisations", "Organisations", "/admin/organisations", Permission::manage_register},
    {"national-audits", "National audits", "/admin/audits", Permission::manage_register},
    {"suppliers", "Audit suppliers", "/admin/suppliers", Permission::manage_register},
    {"timetable", "Outlier timetable", "/admin/outlier-timetable", Permission::manage_national_settings},
}};

}  // namespace

Html csrf_field(const Context& context) {
  if (!context.who) return {};
  return html("<input type=\"hidden\" name=\"csrf\" value=\"{}\">", context.who->csrf_token);
}

std::string page(const Context& context, std::string_view title, std::string_view nav, const Html& body) {
  Html out;
  out.reserve(body.size() + 4096);
  out += html(
      "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>{} – clinaudit</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>"
      "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>"
      "<header class=\"header\"><div class=\"wrap header-row\"><a class=\"brand\" href=\"/\">clinaudit</a>",
      title);
  if (context.who) {
    const auto& who = *context.who;
    out += html(
        "<p class=\"who\"><span>{}</span> <span class=\"muted-inverse\">{}, {}</span></p>"
        "<form class=\"signout\" method=\"post\" action=\"/logout\">{}"
        "<button type=\"submit\" class=\"link-button\">Sign out</button></form>",
        who.user.display_name, domain::display_name(who.user.role), who.organisation.name, csrf_field(context));
  }
  out += "</div>"_html;
  if (context.who) {
    out += "<nav class=\"nav\" aria-label=\"Main\"><ul class=\"wrap\">"_html;
    for (const auto& item : kNav) {
      if (item.needs && !allows(context.principal(), *item.needs)) continue;
      if (item.trusts_only && context.principal().organisation_type == domain::OrganisationType::national_body) {
        continue;
      }
      out += html("<li><a href=\"{}\"{}>{}</a></li>", item.href,
                  item.key == nav ? " aria-current=\"page\""_html : ""_html, item.label);
    }
    out += "</ul></nav>"_html;
  }
  out += "</header>"_html;
  if (context.config.demo) {
    out +=
        "<div class=\"phase\"><p class=\"wrap\"><strong class=\"tag\">Demo</strong> Every organisation, person "
        "and result here is synthetic.</p></div>"_html;
  }
  out += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">"_html;
  out += body;
  out += "</main><footer class=\"footer\"><div class=\"wrap\"><p>clinaudit " CLINAUDIT_VERSION
         " · <a href=\"/api/\">JSON API</a></p></div></footer></body></html>\n"_html;
  return std::move(out).str();
}

std::string error_page(const Context& context, const Error& error) {
  std::string title;
  switch (error.code) {
    case ErrorCode::not_found: title = "Page not found"; break;
    case ErrorCode::forbidden: title = "You cannot do this"; break;
    case ErrorCode::unauthenticated: title = "Sign in to continue"; break;
    case ErrorCode::invalid_input: title = "There is a problem"; break;
    case ErrorCode::conflict: title = "This has changed"; break;
    case ErrorCode::storage_unavailable: title = "Sorry, the service is unavailable"; break;
    default: title = "Sorry, something went wrong"; break;
  }
  Html body = html("<h1>{}</h1><p class=\"lead\">{}.</p>", title, error.message);
  if (error.code == ErrorCode::forbidden) {
    body += "<p>If you need access, ask an administrator in your organisation.</p>"_html;
  }
  body += "<p><a href=\"/\">Go to your dashboard</a></p>"_html;
  return page(context, title, "", body);
}

namespace {

// The field a domain error's message names before ": " (a control name: lower-case letters,
// digits and underscores), or "".
std::string_view named_field(std::string_view message) {
  const auto colon = message.find(": ");
  if (colon == std::string_view::npos || colon == 0) return {};
  const auto name = message.substr(0, colon);
  if (name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789_") != std::string_view::npos) return {};
  return name;
}

// A message as a sentence: its first letter in capitals.
std::string sentence(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
  return text;
}

}  // namespace

FormErrors FormErrors::of(const std::optional<Error>& error, std::initializer_list<std::string_view> fields,
                          std::string_view fallback) {
  FormErrors out;
  if (!error) return out;
  const auto named = named_field(error->message);
  for (const auto field : fields) {
    if (!named.empty() && named == field) {
      out.add(std::string(field), error->message.substr(named.size() + 2));
      return out;
    }
  }
  out.add(std::string(fallback), error->message);
  return out;
}

void FormErrors::add(std::string field, std::string message) {
  errors_.push_back(FieldError{std::move(field), sentence(std::move(message))});
}

std::string FormErrors::message(std::string_view field) const {
  std::string out;
  for (const auto& error : errors_) {
    if (error.field != field) continue;
    out += (out.empty() ? "" : "; ") + error.message;
  }
  return out;
}

Html error_summary(const FormErrors& errors, std::string_view lead) {
  if (errors.empty()) return {};
  Html out =
      "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus aria-labelledby=\"error-summary-title\">"
      "<h2 id=\"error-summary-title\">There is a problem</h2>"_html;
  if (!lead.empty()) out += html("<p>{}</p>", lead);
  out += "<ul class=\"error-summary-list\">"_html;
  for (const auto& error : errors.all()) {
    if (error.field.empty()) {
      out += html("<li>{}</li>", error.message);
    } else {
      out += html("<li><a href=\"#{}\">{}</a></li>", error.field, error.message);
    }
  }
  out += "</ul></div>"_html;
  return out;
}

Html error_summary(const std::optional<Error>& error) {
  if (!error) return {};
  const auto named = named_field(error->message);
  return error_summary(FormErrors::of(error, {named}));
}

Html error_message(const FormErrors& errors, std::string_view field) {
  const std::string text = errors.message(field);
  if (text.empty()) return {};
  return html("<p class=\"error-message\" id=\"{}-error\"><span class=\"visually-hidden\">Error:</span> {}</p>", field,
              text);
}

Html field_attributes(const FormErrors& errors, std::string_view field, std::string_view hint) {
  const bool invalid = !errors.message(field).empty();
  std::string described(hint);
  if (invalid) described += (described.empty() ? "" : " ") + std::string(field) + "-error";
  Html out;
  if (!described.empty()) out += html(" aria-describedby=\"{}\"", described);
  if (invalid) out += " aria-invalid=\"true\""_html;
  return out;
}

std::string group_class(const FormErrors& errors, std::string_view field) {
  return errors.message(field).empty() ? "form-group" : "form-group form-group-error";
}

std::string typed_after_refusal(const Context& context, const std::optional<Error>& error, std::string_view name) {
  if (!error) return {};
  return context.request.field(name).value_or("");
}

Html success_banner(std::string_view message) {
  if (message.empty()) return {};
  return html("<div class=\"banner-success\" role=\"status\"><p>{}</p></div>", message);
}

std::string percent(double share, int decimals) { return format_fixed(share * 100.0, decimals) + "%"; }

std::string yes_no_unknown(const std::optional<bool>& value) {
  if (!value) return "Not recorded";
  return *value ? "Yes" : "No";
}

std::string count_or_dash(const std::optional<std::int64_t>& value) {
  return value ? std::to_string(*value) : std::string("–");
}

std::string number_or_dash(const std::optional<double>& value) {
  return value ? format_fixed(*value, 3) : std::string("–");
}

Html chart_svg(std::string_view svg) {
  // The SVG of render/'s chart writers, whose every label is escaped as it is written.
  return Html::trusted(std::string(svg)).without_style_elements();
}

Html chart_svg(std::string_view svg, std::string_view values) {
  Html out = chart_svg(svg);
  // The values table of render/'s chart writers, every cell escaped as it is written.
  out += Html::trusted(std::string(values));
  return out;
}

std::string variation_label(std::string_view icon) { return domain::variation_words(icon); }

std::string assurance_label(std::string_view icon) { return domain::assurance_words(icon); }

std::string flag_label(std::string_view flag) { return domain::flag_words(flag); }

}  // namespace clinaudit::http::pages
