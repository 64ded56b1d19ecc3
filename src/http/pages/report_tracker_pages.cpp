// The report tracker: the trust-wide list (overdue first), one report's tracker (its
// assignment, the baseline assessment of each recommendation with its history and actions,
// and the committee review), and the summary on the report's page.
#include "http/pages/report_tracker_pages.hpp"

#include "http/pages/baseline_forms.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

using domain::Compliance;
using domain::TrackerStage;

Html stage_tag(const domain::TrackedReport& report) {
  Html out =
      html("<span class=\"status {}\">{}</span>",
           report.stage == TrackerStage::reviewed ? "status-green" : "status-blue", domain::display_name(report.stage));
  if (report.overdue) out += " <span class=\"status status-red\">Overdue</span>"_html;
  return out;
}

std::string lead_of(const domain::TrackedReport& report) {
  return report.assignment ? report.assignment->lead_name : std::string("Not assigned");
}

// "Assigned → baseline assessed (n of N) → actions raised → reviewed by committee".
Html progress_steps(const domain::TrackedReport& report) {
  const auto step = [](bool done, const Html& text) {
    return html("<li><span class=\"status {}\">{}</span> {}</li>", done ? "status-green" : "status-grey",
                done ? "Done" : "To do", text);
  };
  Html out = "<ol class=\"steps\">"_html;
  out += step(report.assignment.has_value(),
              report.assignment
                  ? html("Assigned to {}, review due by {}", report.assignment->lead_name, report.deadline.to_string())
                  : html("Not yet assigned (review due by {})", report.deadline.to_string()));
  out += step(report.recommendations > 0 && report.assessed == report.recommendations,
              html("Baseline assessed: {} of {} recommendations", report.assessed, report.recommendations));
  if (report.needing_action == 0 && report.assessed == report.recommendations && report.recommendations > 0) {
    out += step(true, "No recommendation needs an action"_html);
  } else {
    out += step(
        report.actions > 0,
        html("Actions raised: {} ({} still open) for {} partly or not compliant", report.actions, report.open_actions,
             report.needing_action == 1 ? std::string("1 recommendation")
                                        : std::to_string(report.needing_action) + " recommendations"));
  }
  const auto& review = report.row.review;
  out += step(report.row.reviewed(),
              report.row.reviewed() ? html("Reviewed by {} on {}", review->committee, review->reviewed_on->to_string())
                                    : Html("Not yet reviewed by a committee"_html));
  out += "</ol>"_html;
  return out;
}

Html assignment_form(const Context& context, const domain::ReportTracker& tracker, const FormErrors& errors,
                     const std::optional<TrackerDraft>& draft) {
  const auto& report = tracker.report;
  const std::string chosen_lead =
      draft_value(draft, "assign", 0, "lead_id",
                  report.assignment && report.assignment->lead ? std::to_string(report.assignment->lead->value) : "");
  const std::string lead_name =
      draft_value(draft, "assign", 0, "lead_name",
                  report.assignment && !report.assignment->lead ? report.assignment->lead_name : std::string());
  const std::string deadline = draft_value(draft, "assign", 0, "deadline",
                                           report.assignment ? report.assignment->deadline.to_string() : std::string());
  Html out = html("<form method=\"post\" action=\"/audit-reports/{}/assignment\" class=\"panel\" id=\"assign\">{}",
                  report.row.report.id.value, csrf_field(context));
  out += html("<h3>{}</h3>", report.assignment ? "Change the lead or the deadline" : "Assign the report");
  out += html("<div class=\"{}\"><label for=\"lead_id\">Lead</label>{}<select id=\"lead_id\" name=\"lead_id\"{}>",
              group_class(errors, "lead_id"), error_message(errors, "lead_id"), field_attributes(errors, "lead_id"));
  out += html("<option value=\"\"{}>Someone without an account (name below)</option>",
              chosen_lead.empty() ? " selected"_html : ""_html);
  for (const auto& person : tracker.leads) {
    out += html("<option value=\"{}\"{}>{}</option>", person.id.value,
                std::to_string(person.id.value) == chosen_lead ? " selected"_html : ""_html,
                person.display_name.empty() ? person.email : person.display_name);
  }
  out += "</select></div>"_html;
  out += html(
      "<div class=\"{}\"><label for=\"lead_name\">Lead's name, when they have no account</label>{}"
      "<input id=\"lead_name\" name=\"lead_name\" value=\"{}\"{}></div>",
      group_class(errors, "lead_name"), error_message(errors, "lead_name"), lead_name,
      field_attributes(errors, "lead_name"));
  out += html(
      "<div class=\"{}\"><label for=\"deadline\">Review deadline (YYYY-MM-DD)</label>"
      "<p class=\"hint\" id=\"deadline-hint\">Leave it empty for {} weeks after publication.</p>{}"
      "<input id=\"deadline\" name=\"deadline\" value=\"{}\"{}></div>",
      group_class(errors, "deadline"), tracker.review_weeks, error_message(errors, "deadline"), deadline,
      field_attributes(errors, "deadline", "deadline-hint"));
  out += "<button class=\"button\" type=\"submit\">Save the assignment</button></form>"_html;
  return out;
}

Html recommendation_section(const Context& context, const domain::ReportTracker& tracker,
                            const domain::TrackedRecommendation& item,
                            const std::map<std::int64_t, domain::ActionRow>& actions, const FormErrors& errors,
                            const std::optional<TrackerDraft>& draft) {
  const int number = item.recommendation.number;
  Html out = html("<section class=\"recommendation\" id=\"recommendation-{}\"><h3>Recommendation {}</h3><p>{}</p>",
                  number, number, item.recommendation.text);
  if (item.assessment) {
    const auto& now = *item.assessment;
    out += html(
        "<dl class=\"summary-list\"><dt>Baseline</dt><dd>{}</dd><dt>Evidence</dt><dd>{}</dd>"
        "<dt>Assessed</dt><dd>{} by {}</dd></dl>",
        compliance_tag(now.compliance), now.evidence, day_of(now.assessed_at), now.assessed_by);
  } else {
    out += "<p><span class=\"status status-grey\">Not yet assessed</span></p>"_html;
  }
  out += earlier_assessments(item.history);
  out += recommendation_actions_table(std::to_string(number), item.actions, actions);
  if (tracker.may_assess) {
    const std::string n = std::to_string(number);
    const std::string path =
        "/audit-reports/" + std::to_string(tracker.report.row.report.id.value) + "/recommendations/" + n;
    out += assessment_form(
        context, path + "/assessment", n, n, item.assessment.has_value(),
        draft_value(draft, "assess", number, "compliance",
                    item.assessment ? std::string(domain::to_string(item.assessment->compliance)) : std::string()),
        draft_value(draft, "assess", number, "evidence", item.assessment ? item.assessment->evidence : std::string()),
        errors);
    if (item.assessment && domain::needs_action(item.assessment->compliance) &&
        role_allows(context.principal().role, Permission::manage_actions)) {
      out += recommendation_action_form(
          context, path + "/actions", n, n,
          ActionDraft{draft_value(draft, "action", number, "title"), draft_value(draft, "action", number, "owner_name"),
                      draft_value(draft, "action", number, "due_on")},
          errors);
    }
  }
  out += "</section>"_html;
  return out;
}

}  // namespace

Html report_tracker_summary(const domain::TrackedReport& report) {
  Html out = html("<h2>Report tracker</h2><p>{}</p>", stage_tag(report));
  out += progress_steps(report);
  out += html("<p><a href=\"/audit-reports/{}/tracker\">Open the report's tracker</a></p>", report.row.report.id.value);
  return out;
}

std::string report_tracker_list_page(const Context& context, const domain::ReportTrackerList& list,
                                     const std::optional<Error>& error, const std::string& message,
                                     const std::optional<TrackerDraft>& draft) {
  const auto errors = baseline_form_errors(error, draft);
  Html body = error_summary(errors);
  body += success_banner(message);
  body += html(
      "<h1>Report tracker</h1><p class=\"lead\">Each published national report, who leads its review, by when, "
      "and how far it has gone: the baseline of its recommendations, the actions raised and the committee's "
      "review. Overdue reviews come first. A review is due {} weeks after publication unless its lead's deadline "
      "says otherwise.</p>",
      list.review_weeks);
  if (list.reports.empty()) {
    body +=
        "<p class=\"muted\">No published report of an audit your organisation takes part in is recorded yet.</p>"_html;
  } else {
    body +=
        "<table><caption>Published reports and their reviews</caption><thead><tr>"
        "<th scope=\"col\">Report</th><th scope=\"col\">Audit</th><th scope=\"col\">Lead</th>"
        "<th scope=\"col\">Review deadline</th><th scope=\"col\">Progress</th><th scope=\"col\">Committee review</th>"
        "</tr></thead><tbody>"_html;
    for (const auto& row : list.reports) {
      const auto& review = row.row.review;
      body += html(
          "<tr><td><a href=\"/audit-reports/{}/tracker\">{}</a><br><span class=\"muted\">Published {}</span></td>"
          "<td>{}</td><td>{}</td><td>{}</td><td>{}<br>{} of {} assessed; {} actions, {} open</td><td>{}</td></tr>",
          row.row.report.id.value, row.row.report.title, row.row.report.published_on.to_string(), row.row.audit.title,
          lead_of(row), row.deadline.to_string(), stage_tag(row), row.assessed, row.recommendations, row.actions,
          row.open_actions,
          row.row.reviewed() ? review->committee + ", " + review->reviewed_on->to_string()
                             : std::string("Not yet reviewed"));
    }
    body += "</tbody></table>"_html;
  }
  if (list.may_assign) {
    const std::string weeks = draft_value(draft, "weeks", 0, "review_weeks", std::to_string(list.review_weeks));
    body += html(
        "<form method=\"post\" action=\"/report-tracker/settings\" class=\"panel\" id=\"settings\">{}"
        "<h2>Default review deadline</h2><div class=\"{}\"><label for=\"review_weeks\">Weeks after publication"
        "</label>{}<input id=\"review_weeks\" name=\"review_weeks\" inputmode=\"numeric\" value=\"{}\"{}></div>"
        "<button class=\"button\" type=\"submit\">Save</button></form>",
        csrf_field(context), group_class(errors, "review_weeks"), error_message(errors, "review_weeks"), weeks,
        field_attributes(errors, "review_weeks"));
  }
  return page(context, "Report tracker", "audit-reports", body);
}

std::string report_tracker_page(const Context& context, const domain::ReportTracker& tracker,
                                const std::map<std::int64_t, domain::ActionRow>& actions,
                                const std::optional<Error>& error, const std::string& message,
                                const std::optional<TrackerDraft>& draft) {
  const auto& report = tracker.report;
  const auto errors = baseline_form_errors(error, draft);
  Html body = error_summary(errors);
  body += success_banner(message);
  body += html(
      "<p class=\"muted\"><a href=\"/report-tracker\">Report tracker</a> · <a href=\"/audit-reports/{}\">The "
      "report</a> · {}</p><h1>{}</h1><p>{}</p>",
      report.row.report.id.value, report.row.audit.title, report.row.report.title, stage_tag(report));
  body += html("<dl class=\"summary-list\"><dt>Published</dt><dd>{}</dd><dt>Lead</dt><dd>{}</dd>",
               report.row.report.published_on.to_string(), lead_of(report));
  body += html("<dt>Review deadline</dt><dd>{}{}</dd></dl>", report.deadline.to_string(),
               report.assignment ? ""_html : html(" ({} weeks after publication)", tracker.review_weeks));
  body += "<h2>Progress</h2>"_html;
  body += progress_steps(report);
  if (tracker.may_assign) body += assignment_form(context, tracker, errors, draft);
  body += "<h2>Recommendations</h2>"_html;
  if (tracker.recommendations.empty()) {
    body += "<p class=\"muted\">No recommendation is recorded for this report.</p>"_html;
  }
  for (const auto& item : tracker.recommendations) {
    body += recommendation_section(context, tracker, item, actions, errors, draft);
  }
  body += "<h2>Committee review</h2>"_html;
  if (report.row.reviewed()) {
    const auto& review = *report.row.review;
    body += html("<dl class=\"summary-list\"><dt>Reviewed</dt><dd>{} by {}</dd><dt>Findings</dt><dd>{}</dd></dl>",
                 review.reviewed_on->to_string(), review.committee,
                 review.findings.empty() ? "Not recorded" : review.findings);
  } else {
    body += html(
        "<p>Not yet reviewed. <a href=\"/audit-reports/{}#review\">Record the committee's review on the report's "
        "page</a>.</p>",
        report.row.report.id.value);
  }
  return page(context, "Tracker: " + report.row.report.title, "audit-reports", body);
}

}  // namespace clinaudit::http::pages
