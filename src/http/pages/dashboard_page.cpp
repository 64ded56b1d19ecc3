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

// "1 measure", "2 measures".
std::string count_of(std::int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

}  // namespace

std::string dashboard_page(const Context& context, const DashboardView& view) {
  const auto& p = view.participation;
  Html body = html("<h1>{}</h1><p class=\"lead\">Clinical audit at a glance, {} (today is {}).</p>",
                   context.who->organisation.name, view.year.to_string(), view.today.to_string());

  body += "<div class=\"cards\">"_html;
  Html participation_note = html("{}", view.participation_definition);
  if (p.mean_case_ascertainment) {
    participation_note += html(" Average case ascertainment {}.", percent(*p.mean_case_ascertainment));
  }
  body += card(p.not_recorded > 0 ? "alert" : "good", "Taking part",
               p.eligible > 0 ? percent(static_cast<double>(p.participating) / static_cast<double>(p.eligible)) : "–",
               participation_note, "/audits");
  body += card(view.open_alarms > 0 ? "alarm" : (view.open_potential + view.open_alerts > 0 ? "alert" : "good"),
               "Open outlier cases", std::to_string(view.open_alarms + view.open_potential + view.open_alerts),
               html("{} confirmed at alarm level (beyond 3 SD) and worse than expected; {} potential, at alarm level "
                    "but not yet confirmed by the national audit; {} others (alert level, or better than expected).",
                    view.open_alarms, view.open_potential, view.open_alerts),
               "/outliers");
  std::int64_t rising = 0;
  for (const auto& s : view.cusum_signals) rising += s.alert.worse_than_expected() ? 1 : 0;
  std::int64_t declined = 0;
  for (const auto& r : view.reaudits) declined += r.verdict == "declined" ? 1 : 0;
  // The colour follows the count: anything deteriorating is never shown as good.
  body +=
      card(view.deteriorating_count == 0 ? "good" : "alarm", "Deteriorating", std::to_string(view.deteriorating_count),
           html("{} with special-cause concern on their SPC chart, {} that declined and {} of worse-than-expected "
                "outcomes in the last 12 months.",
                count_of(static_cast<std::int64_t>(view.deteriorating.size()), "measure", "measures"),
                count_of(declined, "re-audit", "re-audits"),
                count_of(rising, "risk-adjusted CUSUM signal", "risk-adjusted CUSUM signals")),
           "#deteriorating");
  body += card(view.overdue_actions.empty() ? "good" : "alarm", "Overdue actions",
               std::to_string(view.overdue_actions.size()), html("{} actions open in all.", view.open_actions),
               "/actions?view=overdue");
  if (context.who->organisation.type != domain::OrganisationType::national_body) {
    const auto& cycle = view.cycle;
    const auto& plan = cycle.programme;
    const bool behind = plan.overdue > 0 || !cycle.overdue_reviews.empty();
    body += card(behind ? "alert" : "good", "Audit programme",
                 std::to_string(plan.completed) + " of " + std::to_string(plan.in_plan),
                 html("Local audits of the {} forward programme completed; {} past the planned end. {} past the "
                      "deadline on the report tracker.",
                      cycle.year.to_string(), count_of(plan.overdue, "is", "are"),
                      count_of(static_cast<std::int64_t>(cycle.overdue_reviews.size()), "national report review is",
                               "national report reviews are")),
                 "/programme");
    const auto& nice = cycle.nice;
    const bool unmet = nice.not_compliant > 0 || nice.recommendations_without_action > 0;
    body += card(unmet                                              ? "alarm"
                 : nice.partly_compliant + nice.reviews_overdue > 0 ? "alert"
                                                                    : "good",
                 "NICE guidance", std::to_string(nice.compliant) + " of " + std::to_string(nice.applicable),
                 html("Applicable guidance fully met; {} not compliant and {} partly. {} not met without an action; "
                      "{} past the review date.",
                      nice.not_compliant, nice.partly_compliant,
                      count_of(nice.recommendations_without_action, "recommendation", "recommendations"),
                      count_of(nice.reviews_overdue, "review", "reviews")),
                 "/nice");
  }
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
  // What the icons were computed from, and when: the charts are stored, not drawn for this page.
  if (view.spc_charts == 0) {
    body +=
        "<p class=\"muted\">No SPC chart yet: a measure is charted once it has 12 monthly results for us, "
        "when they are imported.</p>"_html;
  } else {
    body += html(
        "<p class=\"muted\">From {} of our measures, each computed when its results or settings last "
        "changed (the latest at {}).</p>",
        count_of(view.spc_charts, "stored SPC chart", "stored SPC charts"), view.spc_computed_at);
  }
  body += "<h3>Re-audit outcomes</h3>"_html;
  if (view.reaudits.empty()) {
    body += "<p class=\"muted\">No re-audit has a result before and after.</p>"_html;
  } else {
    body +=
        "<table><caption class=\"visually-hidden\">Re-audit outcomes</caption><thead><tr>"
        "<th scope=\"col\">Re-audit</th><th scope=\"col\" class=\"num\">Before</th>"
        "<th scope=\"col\" class=\"num\">After</th><th scope=\"col\">Outcome</th></tr></thead><tbody>"_html;
    for (const auto& r : view.reaudits) {
      const Html outcome = r.verdict == "declined"   ? "<span class=\"status status-red\">Declined</span>"_html
                           : r.verdict == "improved" ? "<span class=\"status status-green\">Improved</span>"_html
                                                     : "No clear change"_html;
      body += html(
          "<tr><td><a href=\"/audits/{}\">{}</a></td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
          "<td>{}</td></tr>",
          r.reaudit.id.value, r.criterion.empty() ? r.reaudit.title : r.reaudit.title + ": " + r.criterion,
          percent(r.before_numerator / r.before_denominator), percent(r.after_numerator / r.after_denominator),
          outcome);
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
  // What the signals were computed from, and when: they are stored, not computed on this page.
  if (view.cusum_monitoring.empty()) {
    body +=
        "<p class=\"muted\">Not computed yet: the signals are computed when a national audit's episodes are "
        "imported, and again each day.</p>"_html;
  }
  for (const auto& m : view.cusum_monitoring) {
    if (m.monitoring.episodes == 0) continue;  // a national audit with no patient-level data here
    body += html("<p class=\"muted\">{}: computed on {} from {} episodes admitted {} to {}.</p>", m.audit.title,
                 m.monitoring.to.to_string(), m.monitoring.episodes, m.monitoring.from.to_string(),
                 m.monitoring.to.to_string());
  }

  body += "<h2>Overdue actions</h2>"_html;
  body += view.overdue_actions.empty() ? Html("<p class=\"muted\">No action is overdue.</p>"_html)
                                       : actions_table(context, view.overdue_actions, false);
  return page(context, "Dashboard", "dashboard", body);
}

}  // namespace clinaudit::http::pages
