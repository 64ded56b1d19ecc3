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
};

constexpr std::array<NavItem, 15> kNav{{
    {"dashboard", "Dashboard", "/", Permission::view_organisation},
    {"audits", "Audits", "/audits", Permission::view_organisation},
    {"participation", "Participation", "/participation", Permission::edit_participation},
    {"actions", "Actions", "/actions", Permission::view_organisation},
    {"outliers", "Outlier cases", "/outliers", Permission::view_organisation},
    {"board", "Board meetings", "/board-meetings", Permission::view_organisation},
    {"audit-reports", "Published reports", "/audit-reports", Permission::view_organisation},
    {"reports", "Reports", "/reports", Permission::view_organisation},
    {"notifications", "Notifications", "/notifications", Permission::view_organisation},
    {"import", "Import", "/import", Permission::import_data},
    {"national", "National view", "/national", Permission::view_national},
    {"users", "Users", "/users", Permission::manage_users},
    {"organisations", "Organisations", "/admin/organisations", Permission::manage_register},
    {"national-audits", "National audits", "/admin/audits", Permission::manage_register},
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

Html error_summary(const std::optional<Error>& error) {
  if (!error) return {};
  return html("<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><p>{}</p></div>",
              error->message);
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

std::string variation_label(std::string_view icon) { return domain::variation_words(icon); }

std::string assurance_label(std::string_view icon) { return domain::assurance_words(icon); }

std::string flag_label(std::string_view flag) { return domain::flag_words(flag); }

}  // namespace clinaudit::http::pages
