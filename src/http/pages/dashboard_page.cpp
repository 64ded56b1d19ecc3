#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

std::string card(std::string_view css, std::string_view heading, const std::string& big, const std::string& note,
                 std::string_view href) {
  return "<div class=\"card " + std::string(css) + "\"><h2>" + esc(heading) + "</h2><p class=\"big\">" + esc(big) +
         "</p><p>" + note + "</p><p><a href=\"" + std::string(href) + "\">" +
         "See details<span class=\"visually-hidden\"> about " + esc(heading) + "</span></a></p></div>";
}

}  // namespace

std::string dashboard_page(const Context& context, const DashboardView& view) {
  const auto& p = view.participation;
  std::string body = "<h1>" + esc(context.who->organisation.name) +
                     "</h1><p class=\"lead\">Clinical audit at a glance, " + esc(view.year.to_string()) +
                     " (today is " + esc(view.today.to_string()) + ").</p>";

  body += "<div class=\"cards\">";
  std::string participation_note =
      std::to_string(p.participating) + " of " + std::to_string(p.eligible) + " eligible national audits.";
  if (p.not_recorded > 0) {
    participation_note += " <strong>" + std::to_string(p.not_recorded) + " not yet recorded.</strong>";
  }
  if (p.mean_case_ascertainment)
    participation_note += " Average case ascertainment " + percent(*p.mean_case_ascertainment) + ".";
  body += card(p.not_recorded > 0 ? "alert" : "good", "Taking part",
               p.eligible > 0 ? percent(static_cast<double>(p.participating) / static_cast<double>(p.eligible)) : "–",
               participation_note, "/audits");
  body += card(view.open_alarms > 0 ? "alarm" : (view.open_alerts > 0 ? "alert" : "good"), "Open outlier cases",
               std::to_string(view.open_alarms + view.open_alerts),
               std::to_string(view.open_alarms) + " at alarm level (beyond 3 SD), " + std::to_string(view.open_alerts) +
                   " at alert level (beyond 2 SD).",
               "/outliers");
  std::size_t rising = 0;
  for (const auto& s : view.cusum_signals) rising += s.alert.worse_than_expected() ? 1 : 0;
  body += card(view.deteriorating.empty() && rising == 0 ? "good" : "alarm", "Deteriorating measures",
               std::to_string(view.deteriorating.size() + rising),
               "Measures whose SPC chart shows special cause concern, and risk-adjusted CUSUM signals of rising "
               "mortality in the last 12 months.",
               "#deteriorating");
  body += card(view.overdue_actions.empty() ? "good" : "alarm", "Overdue actions",
               std::to_string(view.overdue_actions.size()), std::to_string(view.open_actions) + " actions open in all.",
               "/actions?view=overdue");
  body += "</div>";

  body += "<h2>Next board meeting</h2>";
  if (view.next_meeting) {
    body += "<p>" + esc(view.next_meeting->committee) + " on <strong>" + esc(view.next_meeting->held_on.to_string()) +
            "</strong> (in " + std::to_string(view.next_meeting->held_on.days_since(view.today)) + " days).</p>";
  } else {
    body += "<p class=\"muted\">No board or committee meeting is booked.</p>";
  }
  body += "<p><a href=\"/board-meetings\">Board and committee meetings</a>: what they looked at and decided";
  if (role_allows(context.who->user.role, Permission::manage_actions)) {
    body += ", and <a href=\"/board-meetings#record\">record or book a meeting</a>";
  }
  body += ".</p>";

  body += "<h2>Open outlier cases</h2>";
  body += view.open_outliers.empty() ? "<p class=\"muted\">There are no open outlier cases.</p>"
                                     : outliers_table(view.open_outliers, false);

  body += "<h2 id=\"deteriorating\">Deteriorating measures</h2>";
  if (view.deteriorating.empty()) {
    body += "<p class=\"muted\">No measure shows special cause concern.</p>";
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Measures with special cause concern</caption><thead><tr>"
        "<th scope=\"col\">Audit</th><th scope=\"col\">Measure</th><th scope=\"col\">Variation</th>"
        "<th scope=\"col\">Assurance</th><th scope=\"col\">Latest period</th></tr></thead><tbody>";
    for (const auto& s : view.deteriorating) {
      body += "<tr><td><a href=\"/audits/" + std::to_string(s.audit.id.value) + "\">" + esc(s.audit.title) +
              "</a></td><td>" + esc(s.measure.name) + "</td><td><span class=\"status status-red\">" +
              esc(variation_label(s.variation)) + "</span></td><td>" + esc(assurance_label(s.assurance)) + "</td><td>" +
              esc(s.latest_period) + "</td></tr>";
    }
    body += "</tbody></table>";
  }
  body += "<h3>Risk-adjusted CUSUM signals, last 12 months</h3>";
  if (view.cusum_signals.empty()) {
    body += "<p class=\"muted\">No risk-adjusted CUSUM signal in the national audits' patient-level data.</p>";
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Risk-adjusted CUSUM signals</caption><thead><tr>"
        "<th scope=\"col\">Audit</th><th scope=\"col\">Signal</th><th scope=\"col\">Date</th>"
        "<th scope=\"col\" class=\"num\">Patients monitored</th></tr></thead><tbody>";
    for (const auto& s : view.cusum_signals) {
      const bool upper = s.alert.worse_than_expected();
      body += "<tr><td><a href=\"/audits/" + std::to_string(s.audit.id.value) + "\">" + esc(s.audit.title) +
              "</a></td><td><span class=\"status " +
              (upper ? "status-red\">Mortality rising" : "status-green\">Mortality falling") + "</span></td><td>" +
              esc(s.alert.signalled_on.to_string()) + "</td><td class=\"num\">" +
              std::to_string(s.alert.episodes_monitored) + "</td></tr>";
    }
    body += "</tbody></table>";
  }

  body += "<h2>Overdue actions</h2>";
  body += view.overdue_actions.empty() ? "<p class=\"muted\">No action is overdue.</p>"
                                       : actions_table(context, view.overdue_actions, false);
  return page(context, "Dashboard", "dashboard", body);
}

}  // namespace clinaudit::http::pages
