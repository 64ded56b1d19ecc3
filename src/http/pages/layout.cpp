#include "http/pages/layout.hpp"

#include <array>

#include "core/number_format.hpp"
#include "domain/organisation.hpp"
#include "render/svg_writer.hpp"

namespace clinaudit::http::pages {

namespace {

struct NavItem {
  std::string_view key;
  std::string_view label;
  std::string_view href;
  std::optional<Permission> needs;
};

constexpr std::array<NavItem, 12> kNav{{
    {"dashboard", "Dashboard", "/", Permission::view_organisation},
    {"audits", "Audits", "/audits", Permission::view_organisation},
    {"participation", "Participation", "/participation", Permission::edit_participation},
    {"actions", "Actions", "/actions", Permission::view_organisation},
    {"outliers", "Outlier cases", "/outliers", Permission::view_organisation},
    {"board", "Board meetings", "/board-meetings", Permission::view_organisation},
    {"reports", "Reports", "/reports", Permission::view_organisation},
    {"notifications", "Notifications", "/notifications", Permission::view_organisation},
    {"import", "Import", "/import", Permission::import_data},
    {"national", "National view", "/national", Permission::view_national},
    {"users", "Users", "/users", Permission::manage_users},
    {"timetable", "Outlier timetable", "/admin/outlier-timetable", Permission::manage_national_settings},
}};

}  // namespace

std::string esc(std::string_view text) { return render::xml_escape(text); }

std::string csrf_field(const Context& context) {
  if (!context.who) return {};
  return "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(context.who->csrf_token) + "\">";
}

std::string page(const Context& context, std::string_view title, std::string_view nav, const std::string& body) {
  std::string html;
  html.reserve(body.size() + 4096);
  html +=
      "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>";
  html += esc(title);
  html +=
      " – clinaudit</title><link rel=\"stylesheet\" href=\"/static/style.css\"></head><body>"
      "<a class=\"skip-link\" href=\"#main\">Skip to main content</a>"
      "<header class=\"header\"><div class=\"wrap header-row\"><a class=\"brand\" href=\"/\">clinaudit</a>";
  if (context.who) {
    const auto& who = *context.who;
    html += "<p class=\"who\"><span>" + esc(who.user.display_name) + "</span> <span class=\"muted-inverse\">" +
            esc(domain::display_name(who.user.role)) + ", " + esc(who.organisation.name) +
            "</span></p><form class=\"signout\" method=\"post\" action=\"/logout\">" + csrf_field(context) +
            "<button type=\"submit\" class=\"link-button\">Sign out</button></form>";
  }
  html += "</div>";
  if (context.who) {
    html += "<nav class=\"nav\" aria-label=\"Main\"><ul class=\"wrap\">";
    for (const auto& item : kNav) {
      if (item.needs && !allows(context.principal(), *item.needs)) continue;
      html += "<li><a href=\"" + std::string(item.href) + "\"";
      if (item.key == nav) html += " aria-current=\"page\"";
      html += ">" + std::string(item.label) + "</a></li>";
    }
    html += "</ul></nav>";
  }
  html += "</header>";
  if (context.config.demo) {
    html +=
        "<div class=\"phase\"><p class=\"wrap\"><strong class=\"tag\">Demo</strong> Every organisation, person "
        "and result here is synthetic.</p></div>";
  }
  html += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">";
  html += body;
  html += "</main><footer class=\"footer\"><div class=\"wrap\"><p>clinaudit " CLINAUDIT_VERSION
          " · <a href=\"/api/\">JSON API</a></p></div></footer></body></html>\n";
  return html;
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
  std::string body = "<h1>" + esc(title) + "</h1><p class=\"lead\">" + esc(error.message) + ".</p>";
  if (error.code == ErrorCode::forbidden) {
    body += "<p>If you need access, ask an administrator in your organisation.</p>";
  }
  body += "<p><a href=\"/\">Go to your dashboard</a></p>";
  return page(context, title, "", body);
}

std::string error_summary(const std::optional<Error>& error) {
  if (!error) return {};
  return "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>There is a problem</h2><p>" +
         esc(error->message) + "</p></div>";
}

std::string success_banner(std::string_view message) {
  if (message.empty()) return {};
  return "<div class=\"banner-success\" role=\"status\"><p>" + esc(message) + "</p></div>";
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

std::string chart_svg(std::string_view svg) {
  std::string out(svg);
  const auto start = out.find("<style>");
  if (start != std::string::npos) {
    const auto end = out.find("</style>", start);
    if (end != std::string::npos) out.erase(start, end + 8 - start);
  }
  return out;
}

std::string variation_label(std::string_view icon) {
  if (icon == "common_cause") return "Common cause variation: no significant change";
  if (icon == "improvement_high") return "Special cause improvement: higher values";
  if (icon == "improvement_low") return "Special cause improvement: lower values";
  if (icon == "concern_high") return "Special cause concern: higher values";
  if (icon == "concern_low") return "Special cause concern: lower values";
  if (icon == "neutral_high") return "Special cause variation: higher values";
  if (icon == "neutral_low") return "Special cause variation: lower values";
  return "Not enough data for a chart (12 points needed)";
}

std::string assurance_label(std::string_view icon) {
  if (icon == "consistent_pass") return "Will consistently meet the target";
  if (icon == "consistent_fail") return "Will consistently miss the target";
  if (icon == "inconsistent") return "Will sometimes meet and sometimes miss the target";
  return "No target";
}

std::string flag_label(std::string_view flag) {
  if (flag == "alert_high") return "Alert: above the 95% limit";
  if (flag == "alarm_high") return "Alarm: above the 99.8% limit";
  if (flag == "alert_low") return "Alert: below the 95% limit";
  if (flag == "alarm_low") return "Alarm: below the 99.8% limit";
  return "Within limits";
}

}  // namespace clinaudit::http::pages
