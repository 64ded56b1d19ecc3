#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

Html card(std::string_view css, std::string_view heading, const std::string& big, const Html& note,
          std::string_view href) {
  return html(
      "<div class=\"card {}\"><h2>{}</h2><p class=\"big\">{}</p><p>{}</p><p><a href=\"{}\">See details<span "
      "class=\"visually-hidden\"> about {}</span></a></p></div>",
      css, heading, big, note, href, heading);
}

}  // namespace

std::string dashboard_page(const Context& context, const DashboardView& view) {
  const auto& p = view.participation;
  Html body = html("<h1>{}</h1><p class=\"lead\">Clinical audit at a glance, {} (today is {}).</p>",
                   context.who->organisation.name, view.year.to_string(), view.today.to_string());

  body += "<div class=\"cards\">"_html;
  Html participation_note = html("{} of {} eligible national audits.", p.participating, p.eligible);
  if (p.not_recorded > 0) {
    participation_note += html(" <strong>{} not yet recorded.</strong>", p.not_recorded);
  }
  if (p.mean_case_ascertainment) {
    participation_note += html(" Average case ascertainment {}.", percent(*p.mean_case_ascertainment));
  }
  body += card(p.not_recorded > 0 ? "alert" : "good", "Taking part",
               p.eligible > 0 ? percent(static_cast<double>(p.participating) / static_cast<double>(p.eligible)) : "–",
               participation_note, "/audits");
  body += card(
      view.open_alarms > 0 ? "alarm" : (view.open_alerts > 0 ? "alert" : "good"), "Open outlier cases",
      std::to_string(view.open_alarms + view.open_alerts),
      html("{} at alarm level (beyond 3 SD), {} at alert level (beyond 2 SD).", view.open_alarms, view.open_alerts),
      "/outliers");
  std::size_t rising = 0;
  for (const auto& s : view.cusum_signals) rising += s.alert.worse_than_expected() ? 1 : 0;
  body += card(view.deteriorating.empty() && rising == 0 ? "good" : "alarm", "Deteriorating measures",
               std::to_string(view.deteriorating.size() + rising),
               "Measures whose SPC chart shows special cause concern, and risk-adjusted CUSUM signals of rising "
               "mortality in the last 12 months."_html,
               "#deteriorating");
  body += card(view.overdue_actions.empty() ? "good" : "alarm", "Overdue actions",
               std::to_string(view.overdue_actions.size()), html("{} actions open in all.", view.open_actions),
               "/actions?view=overdue");
  body += "</div>"_html;

  body += "<h2>Next board meeting</h2>"_html;
  if (view.next_meeting) {
    body += html("<p>{} on <strong>{}</strong> (in {} days).</p>", view.next_meeting->committee,
                 view.next_meeting->held_on.to_string(), view.next_meeting->held_on.days_since(view.today));
  } else {
    body += "<p class=\"muted\">No board or committee meeting is booked.</p>"_html;
  }
  body += "<p><a href=\"/board-meetings\">Board and committee meetings</a>: what they looked at and decided"_html;
  if (role_allows(context.who->user.role, Permission::manage_actions)) {
    body += ", and <a href=\"/board-meetings#record\">record or book a meeting</a>"_html;
  }
  body += ".</p>"_html;

  body += "<h2>Open outlier cases</h2>"_html;
  body += view.open_outliers.empty() ? Html("<p class=\"muted\">There are no open outlier cases.</p>"_html)
                                     : outliers_table(view.open_outliers, false);

  body += "<h2 id=\"deteriorating\">Deteriorating measures</h2>"_html;
  if (view.deteriorating.empty()) {
    body += "<p class=\"muted\">No measure shows special cause concern.</p>"_html;
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Measures with special cause concern</caption><thead><tr>"
        "<th scope=\"col\">Audit</th><th scope=\"col\">Measure</th><th scope=\"col\">Variation</th>"
        "<th scope=\"col\">Assurance</th><th scope=\"col\">Latest period</th></tr></thead><tbody>"_html;
    for (const auto& s : view.deteriorating) {
      body += html(
          "<tr><td><a href=\"/audits/{}\">{}</a></td><td>{}</td><td><span class=\"status status-red\">{}</span></td>"
          "<td>{}</td><td>{}</td></tr>",
          s.audit.id.value, s.audit.title, s.measure.name, variation_label(s.variation), assurance_label(s.assurance),
          s.latest_period);
    }
    body += "</tbody></table>"_html;
  }
  body += "<h3>Risk-adjusted CUSUM signals, last 12 months</h3>"_html;
  if (view.cusum_signals.empty()) {
    body += "<p class=\"muted\">No risk-adjusted CUSUM signal in the national audits' patient-level data.</p>"_html;
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Risk-adjusted CUSUM signals</caption><thead><tr>"
        "<th scope=\"col\">Audit</th><th scope=\"col\">Signal</th><th scope=\"col\">Date</th>"
        "<th scope=\"col\" class=\"num\">Patients monitored</th></tr></thead><tbody>"_html;
    for (const auto& s : view.cusum_signals) {
      const bool upper = s.alert.worse_than_expected();
      body += html("<tr><td><a href=\"/audits/{}\">{}</a></td><td>{}</td><td>{}</td><td class=\"num\">{}</td></tr>",
                   s.audit.id.value, s.audit.title,
                   upper ? "<span class=\"status status-red\">Mortality rising</span>"_html
                         : "<span class=\"status status-green\">Mortality falling</span>"_html,
                   s.alert.signalled_on.to_string(), s.alert.episodes_monitored);
    }
    body += "</tbody></table>"_html;
  }

  body += "<h2>Overdue actions</h2>"_html;
  body += view.overdue_actions.empty() ? Html("<p class=\"muted\">No action is overdue.</p>"_html)
                                       : actions_table(context, view.overdue_actions, false);
  return page(context, "Dashboard", "dashboard", body);
}

}  // namespace clinaudit::http::pages
