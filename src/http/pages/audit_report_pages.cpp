// Published audit reports: the reports register, an audit's reports with the form to record
// one, and one report with its recommendations, the organisation's review and its actions.
#include "domain/audit_reports.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

bool is_national_body(const Context& context) {
  return context.principal().organisation_type == domain::OrganisationType::national_body;
}

// "Not yet reviewed", or "Reviewed on 2025-10-09 by Quality Committee".
Html review_status(const domain::ReportRow& row) {
  if (!row.reviewed()) return "<span class=\"status status-amber\">Not yet reviewed</span>"_html;
  return html("Reviewed on {} by {}", row.review->reviewed_on->to_string(), row.review->committee);
}

std::string publisher(const domain::ReportRow& row) {
  return row.report.organisation_id ? "Recorded by your organisation" : "Published nationally";
}

Html reports_table(const std::vector<domain::ReportRow>& rows, bool with_audit, bool with_review) {
  Html body = "<table><thead><tr><th scope=\"col\">Report</th>"_html;
  if (with_audit) body += "<th scope=\"col\">Audit</th>"_html;
  body += "<th scope=\"col\">Published</th><th scope=\"col\" class=\"num\">Recommendations</th>"_html;
  if (with_review) body += "<th scope=\"col\">Our review</th>"_html;
  body += "</tr></thead><tbody>"_html;
  for (const auto& row : rows) {
    body += html("<tr><td><a href=\"/audit-reports/{}\">{}</a></td>", row.report.id.value, row.report.title);
    if (with_audit) body += html("<td><a href=\"/audits/{}\">{}</a></td>", row.audit.id.value, row.audit.title);
    body += html("<td>{}</td><td class=\"num\">{}</td>", row.report.published_on.to_string(),
                 static_cast<std::int64_t>(row.report.recommendations.size()));
    if (with_review) body += html("<td>{}</td>", review_status(row));
    body += "</tr>"_html;
  }
  body += "</tbody></table>"_html;
  return body;
}

std::string value_or_empty(const std::optional<Date>& date) { return date ? date->to_string() : ""; }

}  // namespace

Html audit_reports_section(const Context& context, const domain::Audit& audit,
                           const std::vector<domain::ReportRow>& rows) {
  Html body = "<h2>Published reports</h2>"_html;
  if (rows.empty()) {
    body += "<p class=\"muted\">No report of this audit is recorded yet.</p>"_html;
  } else {
    body += reports_table(rows, false, !is_national_body(context));
  }
  if (allows(context.principal(), Permission::record_reports)) {
    body +=
        html("<p><a href=\"/audits/{}/reports#record-report\">Record a report of this audit</a></p>", audit.id.value);
  }
  return body;
}

std::string audit_reports_page(const Context& context, const std::vector<domain::ReportRow>& rows) {
  const bool national = is_national_body(context);
  Html body = "<h1>Audit reports</h1>"_html;
  body += national ? Html("<p class=\"lead\">Every national audit's published report.</p>"_html)
                   : Html(
                         "<p class=\"lead\">The published reports of the audits your organisation takes part in, "
                         "and whether your organisation has reviewed each one.</p>"_html);
  if (!national) body += "<p><a href=\"/report-tracker\">Open the report tracker</a></p>"_html;
  if (rows.empty()) {
    body += "<p class=\"muted\">No report is recorded yet.</p>"_html;
  } else {
    body += reports_table(rows, true, !national);
  }
  return page(context, "Audit reports", "audit-reports", body);
}

std::string audit_report_list_page(const Context& context, const domain::Audit& audit,
                                   const std::vector<domain::ReportRow>& rows, const std::optional<Error>& error,
                                   const domain::NewReport& draft) {
  Html body = error_summary(error);
  body += html("<p class=\"muted\"><a href=\"/audits/{}\">{}</a></p><h1>Reports of {}</h1>", audit.id.value,
               audit.title, audit.title);
  if (rows.empty()) {
    body += "<p class=\"muted\">No report of this audit is recorded yet.</p>"_html;
  } else {
    body += reports_table(rows, false, !is_national_body(context));
  }
  if (allows(context.principal(), Permission::record_reports)) {
    const bool national = is_national_body(context) && audit.kind != domain::AuditKind::local_audit;
    body += html(
        "<h2 id=\"record-report\">Record a report</h2><p>{}</p>"
        "<form method=\"post\" action=\"/audits/{}/reports\" class=\"panel\">{}"
        "<p><label for=\"title\">Title</label><input id=\"title\" name=\"title\" value=\"{}\" required></p>"
        "<p><label for=\"published_on\">Published on (YYYY-MM-DD)</label>"
        "<input id=\"published_on\" name=\"published_on\" value=\"{}\" required></p>"
        "<p><label for=\"link\">Link (https://, optional)</label><input id=\"link\" name=\"link\" value=\"{}\"></p>"
        "<p><label for=\"recommendations\">Recommendations, one a line, in the report's order</label>"
        "<textarea id=\"recommendations\" name=\"recommendations\" rows=\"6\">{}</textarea></p>"
        "<button class=\"button\" type=\"submit\">Record the report</button></form>",
        national ? "The report is recorded for every organisation."
                 : "The report is recorded for your organisation only.",
        audit.id.value, csrf_field(context), draft.title, value_or_empty(draft.published_on), draft.link, [&] {
          std::string lines;
          for (const auto& line : draft.recommendations) lines += line + "\n";
          return lines;
        }());
  }
  return page(context, "Reports of " + audit.title, "audits", body);
}

std::string audit_report_page(const Context& context, const domain::ReportDetails& details,
                              const std::vector<ActionRow>& actions, const std::optional<Error>& error,
                              const std::string& message, const std::optional<domain::NewReview>& draft,
                              const Html& tracker) {
  const auto& row = details.row;
  const auto& report = row.report;
  Html body = error_summary(error);
  body += success_banner(message);
  body += html("<p class=\"muted\"><a href=\"/audits/{}\">{}</a> · {}</p><h1>{}</h1>", row.audit.id.value,
               row.audit.title, publisher(row), report.title);
  body += html("<dl class=\"summary-list\"><dt>Published</dt><dd>{}</dd>", report.published_on.to_string());
  if (!report.link.empty()) {
    body += html("<dt>Link</dt><dd><a href=\"{}\" rel=\"noopener noreferrer\">{}</a></dd>", report.link, report.link);
  }
  body += "</dl><h2>Recommendations</h2>"_html;
  if (report.recommendations.empty()) {
    body += "<p class=\"muted\">No recommendation is recorded for this report.</p>"_html;
  } else {
    body += "<ol>"_html;
    for (const auto& recommendation : report.recommendations) {
      body += html("<li value=\"{}\">{}</li>", static_cast<std::int64_t>(recommendation.number), recommendation.text);
    }
    body += "</ol>"_html;
  }
  if (is_national_body(context)) return page(context, report.title, "audits", body);

  body += tracker;
  body += html("<h2>Our review</h2><p>{}</p>", review_status(row));
  if (row.reviewed()) {
    const auto& review = *row.review;
    body += html("<dl class=\"summary-list\"><dt>Findings</dt><dd>{}</dd><dt>Intended actions</dt><dd>{}</dd></dl>",
                 review.findings.empty() ? "Not recorded" : review.findings,
                 review.intended_actions.empty() ? "Not recorded" : review.intended_actions);
  }
  if (allows(context.principal(), Permission::record_reports)) {
    // The review as stored, or as it was sent when it was refused.
    domain::ReportReview shown = row.review.value_or(domain::ReportReview{});
    if (draft) {
      shown.reviewed_on = draft->reviewed_on;
      shown.committee = draft->committee;
      shown.findings = draft->findings;
      shown.intended_actions = draft->intended_actions;
    }
    body += html(
        "<form method=\"post\" action=\"/audit-reports/{}/review\" class=\"panel\" id=\"review\">{}"
        "<h3>{}</h3>"
        "<p><label for=\"reviewed_on\">Reviewed on (YYYY-MM-DD)</label>"
        "<input id=\"reviewed_on\" name=\"reviewed_on\" value=\"{}\" required></p>"
        "<p><label for=\"committee\">Committee</label><input id=\"committee\" name=\"committee\" value=\"{}\" "
        "required></p>"
        "<p><label for=\"findings\">Findings</label><textarea id=\"findings\" name=\"findings\" rows=\"4\">{}"
        "</textarea></p>"
        "<p><label for=\"intended_actions\">Intended actions</label>"
        "<textarea id=\"intended_actions\" name=\"intended_actions\" rows=\"4\">{}</textarea></p>"
        "<button class=\"button\" type=\"submit\">Save the review</button></form>",
        report.id.value, csrf_field(context), row.reviewed() ? "Change the review" : "Record the review",
        value_or_empty(shown.reviewed_on), shown.committee, shown.findings, shown.intended_actions);
  }
  if (row.review) {
    body += "<h2>Actions from the review</h2>"_html;
    body += actions.empty() ? Html("<p class=\"muted\">No action has been raised from this review.</p>"_html)
                            : actions_table(context, actions, false);
    if (role_allows(context.principal().role, Permission::manage_actions)) {
      body += html(
          "<form method=\"post\" action=\"/audit-reports/{}/actions\" class=\"panel\" id=\"new-action\">{}"
          "<h3>Add an action to the action plan</h3>"
          "<p><label for=\"title\">What must be done</label><input id=\"title\" name=\"title\" required></p>"
          "<p><label for=\"owner_name\">Owner (leave empty to own it yourself)</label>"
          "<input id=\"owner_name\" name=\"owner_name\"></p>"
          "<p><label for=\"due_on\">Due on (YYYY-MM-DD)</label><input id=\"due_on\" name=\"due_on\" required></p>"
          "<button class=\"button\" type=\"submit\">Add the action</button></form>",
          report.id.value, csrf_field(context));
    }
  }
  return page(context, report.title, "audits", body);
}

}  // namespace clinaudit::http::pages
