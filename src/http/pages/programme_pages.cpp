#include "http/pages/programme_pages.hpp"

#include <array>

#include "http/pages/layout.hpp"
#include "report/annual_audit_report_document.hpp"
#include "report/forward_programme_document.hpp"

namespace clinaudit::http::pages {
namespace {

constexpr std::array kTiers{domain::ProgrammeTier::national_mandatory, domain::ProgrammeTier::trust_priority,
                            domain::ProgrammeTier::divisional, domain::ProgrammeTier::local_interest};

// "2026/27" as a query value: "2026-27" needs no escaping in a link.
std::string year_query(FinancialYear year) {
  std::string text = year.to_string();
  for (char& ch : text) {
    if (ch == '/') ch = '-';
  }
  return text;
}

Html state_tag(const domain::ProgrammeItem& item) {
  using St = domain::ProgrammeState;
  const char* colour = "status-blue";
  switch (item.state) {
    case St::completed:
    case St::data_submitted: colour = "status-green"; break;
    case St::abandoned:
    case St::not_taking_part: colour = "status-red"; break;
    case St::awaiting_approval:
    case St::not_recorded: colour = "status-grey"; break;
    default: break;
  }
  Html out = html("<span class=\"status {}\">{}</span>", colour, item.progress);
  if (item.overdue) out += " <span class=\"status status-red\">Overdue</span>"_html;
  return out;
}

Html division_table(const domain::ForwardProgramme& programme) {
  Html out =
      "<table><caption>Progress against plan by division</caption><thead><tr><th scope=\"col\">Division</th>"
      "<th scope=\"col\">In plan</th><th scope=\"col\">Carried in</th><th scope=\"col\">Completed</th>"
      "<th scope=\"col\">Under way</th><th scope=\"col\">Not started</th><th scope=\"col\">Abandoned</th>"
      "<th scope=\"col\">Overdue</th><th scope=\"col\">Carrying over</th><th scope=\"col\">Completed (% of plan)</th>"
      "<th scope=\"col\">Awaiting approval</th></tr></thead><tbody>"_html;
  const auto row = [&](const domain::DivisionProgress& d, bool total) {
    out += total ? html("<tr class=\"total\"><th scope=\"row\">{}</th>", d.division)
                 : html("<tr><th scope=\"row\">{}</th>", d.division);
    for (const int n :
         {d.in_plan, d.carried_in, d.completed, d.under_way, d.not_started, d.abandoned, d.overdue, d.carrying_over}) {
      out += html("<td>{}</td>", n);
    }
    out += html("<td>{}</td><td>{}</td></tr>", report::completed_share_text(d), d.awaiting_approval);
  };
  for (const auto& division : programme.divisions) row(division, false);
  row(programme.total, true);
  out += "</tbody></table>"_html;
  return out;
}

Html tier_section(const domain::ForwardProgramme& programme, domain::ProgrammeTier tier) {
  Html out = html("<h2>{}</h2>", domain::display_name(tier));
  Html rows;
  int count = 0;
  for (const auto& item : programme.items) {
    if (item.tier != tier) continue;
    ++count;
    if (item.national) {
      rows += html("<tr><td><a href=\"/audits/{}\">{}</a><br><span class=\"muted\">{}</span></td><td>Trust-wide</td>",
                   item.audit_id.value, item.title, item.code);
    } else {
      rows += html("<tr><td><a href=\"/register/{}\">{}</a><br><span class=\"muted\">{}</span></td><td>{}</td>",
                   item.audit_id.value, item.title, item.code, item.division.empty() ? "–" : item.division);
    }
    rows += html("<td>{}</td><td>{}</td><td>{}</td><td>", item.lead.empty() ? "–" : item.lead,
                 item.end_date ? item.end_date->to_string() : "–", state_tag(item));
    for (const auto& note : report::programme_notes(item)) rows += html("<p class=\"note\">{}</p>", note);
    rows += "</td></tr>"_html;
  }
  if (count == 0) {
    out += "<p>No audits in this tier.</p>"_html;
    return out;
  }
  out += html(
      "<table><caption>{}: {} {}</caption><thead><tr><th scope=\"col\">Audit</th><th scope=\"col\">Division</th>"
      "<th scope=\"col\">Lead</th><th scope=\"col\">Planned end</th><th scope=\"col\">Progress</th>"
      "<th scope=\"col\">Notes</th></tr></thead><tbody>{}</tbody></table>",
      domain::display_name(tier), count, count == 1 ? "audit" : "audits", rows);
  return out;
}

}  // namespace

std::string forward_programme_page(const Context& context, const domain::ForwardProgramme& programme) {
  const std::string year = programme.year.to_string();
  const std::string query = year_query(programme.year);
  Html body = html("<h1>Forward programme {}</h1>", year);
  body += html(
      "<p>The clinical audits {} plans for {}, by priority tier: the national audits it is eligible for, and the "
      "local audits approved to start in the year with those carried over from earlier years.</p>",
      programme.organisation, year);
  body += html(
      "<nav aria-label=\"Other years\"><p><a href=\"/programme?year={}\">Previous year ({})</a> · "
      "<a href=\"/programme?year={}\">Next year ({})</a></p></nav>",
      year_query(programme.year.previous()), programme.year.previous().to_string(), year_query(programme.year.next()),
      programme.year.next().to_string());
  body += html(
      "<p>For the board and the Quality Committee: <a href=\"/programme/print?year={}\">printable page</a> · "
      "<a href=\"/programme.pdf?year={}\">PDF</a> · <a href=\"/programme.xlsx?year={}\">Excel workbook</a></p>",
      query, query, query);
  body += html("<p>National audits: taking part in {} of the {} the trust is eligible for.</p>",
               programme.national_taking_part, programme.national_eligible);
  body += division_table(programme);
  for (const auto tier : kTiers) body += tier_section(programme, tier);
  return page(context, "Forward programme " + year, "register", body);
}

std::string annual_audit_report_page(const Context& context, const domain::AnnualAuditReport& report) {
  const std::string year = report.year.to_string();
  const std::string query = year_query(report.year);
  Html body = html(
      "<nav aria-label=\"Other years\"><p><a href=\"/reports\">Reports</a> · <a "
      "href=\"/reports/annual-audit-report?year={}\">Previous year ({})</a> · <a "
      "href=\"/reports/annual-audit-report?year={}\">Next year ({})</a></p></nav>",
      year_query(report.year.previous()), report.year.previous().to_string(), year_query(report.year.next()),
      report.year.next().to_string());
  body += html(
      "<p>Download: <a href=\"/reports/annual-audit-report.pdf?year={}\">PDF</a> · <a "
      "href=\"/reports/annual-audit-report.xlsx?year={}\">Excel workbook</a></p>",
      query, query);
  body += report::to_html(report::annual_audit_report_document(report));
  return page(context, "Annual clinical audit report " + year, "reports", body);
}

}  // namespace clinaudit::http::pages
