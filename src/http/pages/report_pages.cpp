#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

// Removes every <style> element: the report fragments' SVG charts carry their own rules
// for standalone use, and the page's stylesheet has the same rules (the CSP allows no
// inline styles).
std::string without_styles(std::string html) {
  for (auto start = html.find("<style>"); start != std::string::npos; start = html.find("<style>", start)) {
    const auto end = html.find("</style>", start);
    if (end == std::string::npos) break;
    html.erase(start, end + 8 - start);
  }
  return html;
}

}  // namespace

std::string reports_page(const Context& context, const std::vector<domain::Survey>& surveys, Date meeting) {
  const FinancialYear reported = FinancialYear::containing(context.clock.today()).previous();
  std::string body = "<h1>Reports</h1><p class=\"lead\">Documents generated from the records of " +
                     esc(context.who->organisation.name) + ", ready for the board and for publication.</p>";
  body += "<h2>Quality Account</h2><ul class=\"list\"><li><a href=\"/reports/quality-account?year=" +
          esc(reported.to_string()) + "\">Clinical audit section for " + esc(reported.to_string()) +
          "</a> (due 30 June " + std::to_string(reported.last_day().year()) +
          ")</li><li><a href=\"/reports/quality-account?year=" +
          esc(FinancialYear::containing(context.clock.today()).to_string()) + "\">The current year so far (" +
          esc(FinancialYear::containing(context.clock.today()).to_string()) + ")</a></li></ul>";
  body += "<h2>Board pack</h2><p>For the meeting on " + esc(meeting.to_string()) +
          ": assure, advise and alert; participation; outlier cases; measures with their SPC icons; CUSUM "
          "alerts; actions; re-audits; reports not yet reviewed.</p><ul class=\"list\"><li><a "
          "href=\"/reports/board-pack?meeting=" +
          esc(meeting.to_string()) +
          "\">Board pack (to read and print)</a></li><li><a href=\"/reports/board-pack.xlsx?meeting=" +
          esc(meeting.to_string()) + "\">Its tables as a spreadsheet (XLSX)</a></li></ul>";
  body +=
      "<form class=\"filters\" method=\"get\" action=\"/reports/board-pack\"><div class=\"form-group\"><label "
      "for=\"meeting\">Another meeting date</label><input type=\"date\" id=\"meeting\" name=\"meeting\" "
      "value=\"" +
      esc(meeting.to_string()) +
      "\"></div><button class=\"button secondary\" type=\"submit\">Open board pack"
      "</button></form>";
  body += "<h2>Surveys of audit staff</h2>";
  if (surveys.empty()) {
    body += "<p>No surveys yet.</p>";
  } else {
    body += "<ul class=\"list\">";
    for (const auto& survey : surveys) {
      body += "<li><a href=\"/surveys/" + std::to_string(survey.id.value) + "\">" + esc(survey.title) + ", wave " +
              esc(survey.wave) + "</a></li>";
    }
    body += "</ul>";
  }
  return page(context, "Reports", "reports", body);
}

std::string quality_account_page(const Context& context, FinancialYear year, const std::string& section_html) {
  std::string body = "<p class=\"breadcrumbs\"><a href=\"/reports\">Reports</a></p>";
  body += "<h1>Quality Account: clinical audit, " + esc(year.to_string()) + "</h1>";
  body +=
      "<p class=\"lead\">The statements the NHS (Quality Accounts) Regulations 2010 require, generated from "
      "the participation, report reviews and local audit records of " +
      esc(context.who->organisation.name) + ". <a href=\"/reports/quality-account.md?year=" + esc(year.to_string()) +
      "\">Download as Markdown</a> to paste into the Quality Account.</p>";
  body +=
      "<form class=\"filters\" method=\"get\" action=\"/reports/quality-account\"><div class=\"form-group\">"
      "<label for=\"year\">Financial year</label><input type=\"text\" id=\"year\" name=\"year\" size=\"8\" "
      "value=\"" +
      esc(year.to_string()) + "\"></div><button class=\"button secondary\" type=\"submit\">Show</button></form>";
  body += section_html;
  return page(context, "Quality Account " + year.to_string(), "reports", body);
}

std::string survey_page(const Context& context, const domain::Survey& survey, const std::string& results_html) {
  std::string body = "<p class=\"breadcrumbs\"><a href=\"/reports\">Reports</a></p>";
  body += "<h1>" + esc(survey.title) + "</h1><p class=\"lead\">Wave " + esc(survey.wave) +
          ". Percentages with 95% Wilson intervals; breakdowns by organisation type with a test of independence; "
          "changes since the previous wave with Newcombe's interval. <a href=\"/surveys/" +
          std::to_string(survey.id.value) + ".csv\">Download the shares as CSV</a> or <a href=\"/surveys/" +
          std::to_string(survey.id.value) + ".xlsx\">as a spreadsheet (XLSX)</a>.</p>";
  body += without_styles(results_html);
  return page(context, survey.title, "reports", body);
}

}  // namespace clinaudit::http::pages
