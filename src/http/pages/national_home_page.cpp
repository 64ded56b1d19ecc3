#include "domain/display_names.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

// Where an audit's line leads: the national audit page for those who may view national
// data, else the audit's own page.
std::string audit_href(const Context& context, const domain::Audit& audit) {
  return (role_allows(context.who->user.role, Permission::view_national) ? "/national/audits/" : "/audits/") +
         std::to_string(audit.id.value);
}

Html summary_cards(const NationalHomeView& home) {
  Html out = "<div class=\"cards\">"_html;
  out += html(
      "<div class=\"card {}\"><h2>Open outlier cases</h2><p class=\"big\">{}</p><p>Open or confirmed cases of every "
      "provider in the national audits.</p><p><a href=\"#cases\">See the cases</a></p></div>",
      home.open_cases.empty() ? "good" : "alert", static_cast<std::int64_t>(home.open_cases.size()));
  out += html(
      "<div class=\"card {}\"><h2>Past their deadline</h2><p class=\"big\">{}</p><p>Open cases whose stage was due "
      "before today.</p><p><a href=\"#cases\">See the cases</a></p></div>",
      home.overdue_cases > 0 ? "alarm" : "good", home.overdue_cases);
  out += html(
      "<div class=\"card {}\"><h2>New CUSUM signals</h2><p class=\"big\">{}</p><p>Risk-adjusted CUSUM signals raised "
      "by an analysis run in the last {} days.</p><p><a href=\"#signals\">See the signals</a></p></div>",
      home.new_signals.empty() ? "good" : "alert", static_cast<std::int64_t>(home.new_signals.size()),
      domain::kNewSignalDays);
  out += "</div>"_html;
  return out;
}

Html cases_section(const NationalHomeView& home) {
  Html out = "<h2 id=\"cases\">Open outlier cases by stage</h2>"_html;
  if (home.open_cases.empty()) {
    out += "<p class=\"muted\">No outlier case is open.</p>"_html;
    return out;
  }
  out +=
      "<table><caption class=\"visually-hidden\">Open outlier cases by stage</caption><thead><tr>"
      "<th scope=\"col\">Stage</th><th scope=\"col\" class=\"num\">Open</th>"
      "<th scope=\"col\" class=\"num\">Past their deadline</th><th scope=\"col\">Soonest due</th></tr></thead><tbody>"_html;
  for (const auto& stage : home.stages) {
    out += html("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>", stage.stage_name,
                stage.open, stage.overdue, stage.soonest_due ? stage.soonest_due->to_string() : "–");
  }
  out += "</tbody></table>"_html;
  out +=
      "<h3>Every open case, soonest deadline first</h3><table><caption class=\"visually-hidden\">Open outlier cases, "
      "soonest deadline first</caption><thead><tr><th scope=\"col\">Provider</th><th scope=\"col\">Audit and "
      "measure</th><th scope=\"col\">Level</th><th scope=\"col\">Stage</th><th scope=\"col\">Due</th></tr></thead>"
      "<tbody>"_html;
  for (const auto& row : home.open_cases) {
    const auto& c = row.item;
    const bool overdue = c.stage_due_on && *c.stage_due_on < home.today;
    out += html("<tr><td><a href=\"/outliers/{}\">{}</a></td><td>{}<br>{}</td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
                c.id.value, row.organisation_name, row.audit_title, row.measure_name, outlier_level(c), row.stage_name,
                c.stage_due_on ? c.stage_due_on->to_string() : "–",
                overdue ? " <span class=\"status status-red\">Overdue</span>"_html : Html{});
  }
  out += "</tbody></table>"_html;
  return out;
}

Html runs_section(const NationalHomeView& home) {
  Html out = "<h2 id=\"runs\">Latest analysis runs</h2>"_html;
  if (home.latest_runs.empty()) {
    out += "<p class=\"muted\">No national audit has been analysed yet.</p>"_html;
    return out;
  }
  out +=
      "<table><caption class=\"visually-hidden\">Latest analysis runs</caption><thead><tr><th scope=\"col\">Audit"
      "</th><th scope=\"col\">Year</th><th scope=\"col\">When</th><th scope=\"col\">By</th><th scope=\"col\" "
      "class=\"num\">Providers flagged</th><th scope=\"col\" class=\"num\">Cases opened</th></tr></thead><tbody>"_html;
  for (const auto& line : home.latest_runs) {
    const auto& run = line.run;
    out += html(
        "<tr><td><a href=\"/national/audits/{}?year={}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
        line.audit.id.value, run.period, line.audit.title, run.period, run.run_on.to_string(), run.created_by,
        run.units_flagged, run.cases_opened);
  }
  out += "</tbody></table>"_html;
  return out;
}

Html signals_section(const NationalHomeView& home) {
  Html out = html("<h2 id=\"signals\">New CUSUM signals, last {} days</h2>", domain::kNewSignalDays);
  if (home.new_signals.empty()) {
    {
      out += "<p class=\"muted\">No analysis run raised a risk-adjusted CUSUM signal in these days.</p>"_html;
      return out;
    }
  }
  out +=
      "<table><caption class=\"visually-hidden\">New risk-adjusted CUSUM signals</caption><thead><tr><th "
      "scope=\"col\">Audit</th><th scope=\"col\">Provider</th><th scope=\"col\">Measure</th><th scope=\"col\">Signal"
      "</th><th scope=\"col\">Signalled</th><th scope=\"col\">Raised</th></tr></thead><tbody>"_html;
  for (const auto& s : home.new_signals) {
    out += html(
        "<tr><td><a href=\"/national/audits/{}\">{}</a></td><td><a href=\"/national/audits/{}/providers/{}\">{}</a>"
        "</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        s.audit.id.value, s.audit.title, s.audit.id.value, s.alert.organisation_id.value, s.provider,
        s.measure.empty() ? std::string("–") : s.measure,
        s.alert.upper ? "<span class=\"status status-red\">Worse than expected</span>"_html
                      : "<span class=\"status status-green\">Better than expected</span>"_html,
        s.alert.signalled_on.to_string(), s.alert.raised_on.to_string());
  }
  out += "</tbody></table>"_html;
  return out;
}

Html audits_section(const Context& context, const NationalHomeView& home) {
  Html out =
      "<h2 id=\"audits\">Your national audits</h2><table><caption class=\"visually-hidden\">National audits"
      "</caption><thead><tr><th scope=\"col\">Audit</th><th scope=\"col\">Kind</th>"_html;
  if (home.sees_cases) {
    out += "<th scope=\"col\" class=\"num\">Open cases</th><th scope=\"col\">Last analysed</th>"_html;
  }
  out += "</tr></thead><tbody>"_html;
  for (const auto& line : home.audits) {
    out += html("<tr><td><a href=\"{}\">{}</a></td><td>{}</td>", audit_href(context, line.audit), line.audit.title,
                domain::display_name(line.audit.kind));
    if (home.sees_cases) {
      out += html("<td class=\"num\">{}</td><td>{}</td>", line.open_cases,
                  line.last_run_on ? line.last_run_on->to_string() : "not yet");
    }
    out += "</tr>"_html;
  }
  out += "</tbody></table>"_html;
  if (home.audits.empty()) out += "<p class=\"muted\">No national audit is registered yet.</p>"_html;
  return out;
}

Html national_home_body(const Context& context, const NationalHomeView& home) {
  Html body = html("<h1>{}</h1><p class=\"lead\">The national audits today ({}).</p>", context.who->organisation.name,
                   home.today.to_string());
  if (home.sees_cases) {
    body += summary_cards(home);
    body += cases_section(home);
    body += runs_section(home);
    body += signals_section(home);
  } else {
    body +=
        "<p>Outlier cases, analysis runs and CUSUM signals are shown to the national audit analysts. Trust figures "
        "(participation, a trust's actions) are each trust's own and are not shown here.</p>"_html;
  }
  body += audits_section(context, home);
  return body;
}

}  // namespace

std::string national_home_page(const Context& context, const NationalHomeView& home) {
  Html body = national_home_body(context, home);
  if (home.sees_cases) body += "<p><a href=\"/national\">National view</a>: every provider's results by year.</p>"_html;
  return page(context, "National home", "dashboard", body);
}

std::string national_index_page(const Context& context, const NationalIndexView& view) {
  Html body = national_home_body(context, view.home);
  const std::string year = view.year.to_string();
  body += html(
      "<h2 id=\"year-list\">On the Quality Account list, {}</h2><p>Every provider's results and case ascertainment. "
      "Unpublished results are shown here only.</p>",
      year);
  // Another year: an earlier year's episodes are analysed and reviewed long after it ends.
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/national\"><div class=\"form-group\"><label for=\"year\">"
      "Financial year</label><input type=\"text\" id=\"year\" name=\"year\" size=\"8\" value=\"{}\"></div>"
      "<div class=\"form-group\"><button class=\"button secondary\" type=\"submit\">Show "
      "year</button></div></form><ul>",
      year);
  for (const auto& row : view.audits) {
    body += html("<li><a href=\"/national/audits/{}?year={}\">{}</a></li>", row.audit.id.value, year, row.audit.title);
  }
  body += "</ul>"_html;
  if (view.audits.empty()) body += "<p>No national audit is on the list for this year.</p>"_html;
  return page(context, "National view", "national", body);
}

}  // namespace clinaudit::http::pages
