// The CSV import pages (http/import_flow.cpp): the upload form, the check of a file (its
// problems, or the confirmation of a clean file) and the page after the import.
#include "domain/result_outliers.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {

namespace {

// How the form names each kind it offers.
std::string_view kind_label(ingest::ImportKind kind) {
  switch (kind) {
    case ingest::ImportKind::participation: return "Participation in national audits";
    case ingest::ImportKind::results: return "Audit results (measures by period)";
    case ingest::ImportKind::episodes: return "Patient-level episodes of a national audit";
    case ingest::ImportKind::organisations: return "Organisations (the register)";
    case ingest::ImportKind::audits: return "National audits (the register)";
    case ingest::ImportKind::qa_list: return "The Quality Account list of a year";
    case ingest::ImportKind::measures: return "Audits' measures";
    case ingest::ImportKind::reports: return "Published audit reports and their recommendations";
    case ingest::ImportKind::report_reviews: return "Your organisation's reviews of published reports";
    case ingest::ImportKind::dataset: return "A national audit's patient-level dataset (its columns)";
    case ingest::ImportKind::nice_guidance: return "Your NICE guidance register, with each guidance's recommendations";
    case ingest::ImportKind::survey_responses: break;
  }
  return ingest::import_kind_name(kind);
}

// National analysts choose the audit an episode file belongs to.
Html audit_choice(const ImportChoices& choices) {
  if (!choices.audits) return {};
  Html out =
      "<div class=\"form-group\"><label for=\"audit\">Audit (episodes only)</label><p class=\"hint\" "
      "id=\"audit-hint\">Episodes need organisation_code and admission_date columns, then the columns of the "
      "audit's dataset.</p><select id=\"audit\" name=\"audit\" aria-describedby=\"audit-hint\">"_html;
  for (const auto& audit : *choices.audits) {
    out += html("<option value=\"{}\">{} – {}</option>", audit.code, audit.code, audit.title);
  }
  out += "</select></div>"_html;
  return out;
}

Html import_form(const Context& context, const ImportChoices& choices) {
  Html kinds;
  for (const auto kind : choices.kinds) {
    kinds += html("<option value=\"{}\">{}</option>", ingest::import_kind_name(kind), kind_label(kind));
  }
  return html(
      "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" class=\"panel\">{}"
      "<div class=\"form-group\"><label for=\"kind\">What the file holds</label><select id=\"kind\" name=\"kind\">{}"
      "</select></div>{}<div class=\"form-group\"><label for=\"file\">CSV file</label><p class=\"hint\" "
      "id=\"file-hint\">A header row naming the columns, then one row per record. Nothing is saved until you "
      "confirm.</p><input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" "
      "aria-describedby=\"file-hint\" required></div><button class=\"button\" type=\"submit\">Check file</button>"
      "</form>",
      csrf_field(context), kinds, audit_choice(choices));
}

}  // namespace

std::string import_page(const Context& context, const ImportChoices& choices) {
  const Html body = html(
      "<h1>Import a CSV file</h1><p class=\"lead\">Upload participation records or audit results{}. clinaudit checks "
      "every row first and shows each problem with its row and column; nothing is saved until the whole file is "
      "right and you confirm.</p>{}",
      choices.episodes ? ", or a national audit's patient-level episodes"_html : ""_html,
      import_form(context, choices));
  return page(context, "Import", "import", body);
}

std::string import_check_page(const Context& context, const ImportCheck& check, const ImportChoices& choices) {
  Html body;
  if (check.problems.empty()) {
    body += html(
        "<h1>Check your import</h1><div class=\"panel\"><p class=\"lead\">{}: {} rows of {}{}, no problems found.</p>"
        "<form method=\"post\" action=\"/import/confirm\">{}<input type=\"hidden\" name=\"token\" value=\"{}\">"
        "<button class=\"button\" type=\"submit\">Confirm and import {} rows</button> <a href=\"/import\">Cancel</a>"
        "</form></div>",
        check.filename, check.rows, check.kind, check.detail, csrf_field(context), check.token, check.rows);
    return page(context, "Check your import", "import", body);
  }
  body += html(
      "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\"><h2>The file was not imported</h2><p>{} has {} {} "
      "in {} rows. Nothing was saved. Correct the file and upload it again.</p></div><h1>Problems in the file</h1>",
      check.filename, check.total_problems, check.total_problems == 1 ? "problem" : "problems", check.rows);
  body +=
      "<table><thead><tr><th scope=\"col\" class=\"num\">Row</th><th scope=\"col\">Column</th><th "
      "scope=\"col\">Value</th><th scope=\"col\">Problem</th></tr></thead><tbody>"_html;
  for (const auto& p : check.problems) {
    body += html("<tr><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", p.row, p.column, p.value,
                 p.message);
  }
  body += "</tbody></table>"_html;
  const auto shown = static_cast<std::int64_t>(check.problems.size());
  if (check.total_problems > shown) {
    body += html("<p>And {} more problems not shown.</p>", check.total_problems - shown);
  }
  body += html("<h2>Upload a corrected file</h2>{}", import_form(context, choices));
  return page(context, "Check your import", "import", body);
}

std::string import_done_page(const Context& context, const ImportDone& done) {
  Html body = success_banner("Imported " + std::to_string(done.rows) + " rows.");
  body += "<h1>Import complete</h1>"_html;
  if (!done.outlier_checks.empty()) {
    // The supplier sees at once what the yearly results mean for the outlier process.
    std::int64_t cases = 0;
    Html items;
    for (const auto& check : done.outlier_checks) {
      items += html("<li>{}, {}: {}</li>", check.measure.name, check.period, domain::result_check_findings(check));
      cases += check.cases_opened + check.cases_raised;
    }
    body += html(
        "<h2>Outlier check of the yearly results</h2><p>Each year that has ended was put on the measure's funnel "
        "plot; a provider beyond its limits has an outlier case.</p><ul>{}</ul>",
        items);
    if (cases > 0) body += "<p><a href=\"/outliers\">See the outlier cases</a></p>"_html;
  }
  body += "<p><a href=\"/\">Go to your dashboard</a> or <a href=\"/import\">import another file</a>.</p>"_html;
  return page(context, "Import complete", "import", body);
}

}  // namespace clinaudit::http::pages
