#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

std::string reports_page(const Context& context, const std::vector<domain::Survey>& surveys, Date meeting) {
  const FinancialYear reported = FinancialYear::containing(context.clock.today()).previous();
  const std::string current = FinancialYear::containing(context.clock.today()).to_string();
  Html body = html(
      "<h1>Reports</h1><p class=\"lead\">Documents generated from the records of {}, ready for the board and for "
      "publication.</p>",
      context.who->organisation.name);
  body += html(
      "<h2>Quality Account</h2><ul class=\"list\"><li><a href=\"/reports/quality-account?year={}\">Clinical audit "
      "section for {}</a> (due 30 June {})</li><li><a href=\"/reports/quality-account?year={}\">The current year so "
      "far ({})</a></li></ul>",
      reported.to_string(), reported.to_string(), reported.last_day().year(), current, current);
  body += html(
      "<h2>Board pack</h2><p>For the meeting on {}: assure, advise and alert; participation; outlier cases; measures "
      "with their SPC icons; CUSUM alerts; actions; re-audits; reports not yet reviewed.</p><ul class=\"list\"><li><a "
      "href=\"/reports/board-pack?meeting={}\">Board pack (to read and print)</a></li><li><a "
      "href=\"/reports/board-pack.pdf?meeting={}\">Board pack as a PDF (A4)</a></li><li><a "
      "href=\"/reports/board-pack.xlsx?meeting={}\">Its tables as a spreadsheet (XLSX)</a></li></ul>",
      meeting.to_string(), meeting.to_string(), meeting.to_string(), meeting.to_string());
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/reports/board-pack\"><div class=\"form-group\"><label "
      "for=\"meeting\">Another meeting date</label><input type=\"date\" id=\"meeting\" name=\"meeting\" "
      "value=\"{}\"></div><button class=\"button secondary\" type=\"submit\">Open board pack</button></form>",
      meeting.to_string());
  if (context.who->organisation.type != domain::OrganisationType::national_body) {
    body += html(
        "<h2>The clinical audit programme</h2><ul class=\"list\"><li><a "
        "href=\"/reports/annual-audit-report?year={}\">Annual clinical audit report {}</a>: the programme delivered "
        "against plan, audits completed by division, reports reviewed, actions and re-audit outcomes</li><li><a "
        "href=\"/programme\">Forward programme {}</a></li></ul>",
        reported.to_string(), reported.to_string(), current);
  }
  body += "<h2>Surveys of audit staff</h2>"_html;
  if (surveys.empty()) {
    body += "<p>No surveys yet.</p>"_html;
  } else {
    body += "<ul class=\"list\">"_html;
    for (const auto& survey : surveys) {
      body += html("<li><a href=\"/surveys/{}\">{}, wave {}</a></li>", survey.id.value, survey.title, survey.wave);
    }
    body += "</ul>"_html;
  }
  return page(context, "Reports", "reports", body);
}

std::string quality_account_page(const Context& context, FinancialYear year, const Html& notes, const Html& section) {
  Html body = "<p class=\"breadcrumbs\"><a href=\"/reports\">Reports</a></p>"_html;
  body += html("<h1>Quality Account: clinical audit, {}</h1>", year.to_string());
  body += html(
      "<p class=\"lead\">The statements the NHS (Quality Accounts) Regulations 2010 require, generated from the "
      "participation, report reviews and local audit records of {}. Download the section to paste into the Quality "
      "Account <a href=\"/reports/quality-account.docx?year={}\">as a Word document</a> or <a "
      "href=\"/reports/quality-account.md?year={}\">as Markdown</a>.</p>",
      context.who->organisation.name, year.to_string(), year.to_string());
  body += html(
      "<form class=\"filters\" method=\"get\" action=\"/reports/quality-account\"><div class=\"form-group\">"
      "<label for=\"year\">Financial year</label><input type=\"text\" id=\"year\" name=\"year\" size=\"8\" "
      "value=\"{}\"></div><button class=\"button secondary\" type=\"submit\">Show</button></form>",
      year.to_string());
  body += notes;
  body += section;
  return page(context, "Quality Account " + year.to_string(), "reports", body);
}

std::string survey_page(const Context& context, const domain::Survey& survey, const Html& results) {
  Html body = "<p class=\"breadcrumbs\"><a href=\"/reports\">Reports</a></p>"_html;
  body += html(
      "<h1>{}</h1><p class=\"lead\">Wave {}. Percentages with 95% Wilson intervals; breakdowns by organisation type "
      "with a test of independence; changes since the previous wave with Newcombe's interval. <a "
      "href=\"/surveys/{}.csv\">Download the shares as CSV</a> or <a href=\"/surveys/{}.xlsx\">as a spreadsheet "
      "(XLSX)</a>.</p>",
      survey.title, survey.wave, survey.id.value, survey.id.value);
  // The results' SVG charts carry their own rules for standalone use; the page's stylesheet
  // has the same rules (the CSP allows no inline styles).
  body += results.without_style_elements();
  return page(context, survey.title, "reports", body);
}

}  // namespace clinaudit::http::pages
