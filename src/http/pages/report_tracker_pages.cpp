// The report tracker: the trust-wide list (overdue first), one report's tracker (its
// assignment, the baseline assessment of each recommendation with its history and actions,
// and the committee review), and the summary on the report's page.
#include "http/pages/report_tracker_pages.hpp"

#include <array>

#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

using domain::Compliance;
using domain::TrackerStage;

constexpr std::array kCompliances{Compliance::compliant, Compliance::partly_compliant, Compliance::not_compliant,
                                  Compliance::not_applicable};

std::string draft_value(const std::optional<TrackerDraft>& draft, std::string_view form, int number,
                        const std::string& field, std::string fallback = {}) {
  if (!draft || draft->form != form || draft->number != number) return fallback;
  const auto found = draft->values.find(field);
  return found == draft->values.end() ? fallback : found->second;
}

// The problem of a refused tracker form at its field: "evidence: ..." about recommendation 2
// is shown at the control "evidence-2".
FormErrors errors_of(const std::optional<Error>& error, const std::optional<TrackerDraft>& draft) {
  FormErrors errors;
  if (!error) return errors;
  const auto colon = error->message.find(": ");
  if (colon == std::string::npos || !draft) {
    errors.add("", error->message);
    return errors;
  }
  std::string field = error->message.substr(0, colon);
  if (draft->number > 0) field += "-" + std::to_string(draft->number);
  errors.add(field, error->message.substr(colon + 2));
  return errors;
}

Html compliance_tag(Compliance compliance) {
  const char* colour = compliance == Compliance::compliant          ? "status-green"
                       : compliance == Compliance::partly_compliant ? "status-amber"
                       : compliance == Compliance::not_compliant    ? "status-red"
                                                                    : "status-grey";
  return html("<span class=\"status {}\">{}</span>", colour, domain::display_name(compliance));
}

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

std::string day_of(const std::string& iso) { return iso.substr(0, 10); }

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

Html assessment_form(const Context& context, const domain::ReportTracker& tracker,
                     const domain::TrackedRecommendation& item, const FormErrors& errors,
                     const std::optional<TrackerDraft>& draft) {
  const int number = item.recommendation.number;
  const std::string compliance_id = "compliance-" + std::to_string(number);
  const std::string evidence_id = "evidence-" + std::to_string(number);
  const std::string chosen =
      draft_value(draft, "assess", number, "compliance",
                  item.assessment ? std::string(domain::to_string(item.assessment->compliance)) : std::string());
  const std::string evidence =
      draft_value(draft, "assess", number, "evidence", item.assessment ? item.assessment->evidence : std::string());
  Html out = html(
      "<form method=\"post\" action=\"/audit-reports/{}/recommendations/{}/assessment\" class=\"panel\" "
      "id=\"assess-{}\">{}",
      tracker.report.row.report.id.value, number, number, csrf_field(context));
  out += html("<fieldset class=\"{}\" id=\"{}\"><legend>{} recommendation {}</legend>{}<div class=\"radios\">",
              group_class(errors, compliance_id), compliance_id, item.assessment ? "Reassess" : "Assess", number,
              error_message(errors, compliance_id));
  for (const auto compliance : kCompliances) {
    const std::string key(domain::to_string(compliance));
    const std::string id = compliance_id + "-" + key;
    out += html(
        "<div class=\"choice\"><input type=\"radio\" id=\"{}\" name=\"compliance\" value=\"{}\"{}><label "
        "for=\"{}\">{}</label></div>",
        id, key, chosen == key ? " checked"_html : ""_html, id, domain::display_name(compliance));
  }
  out += "</div></fieldset>"_html;
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Evidence</label>"
      "<p class=\"hint\" id=\"{}-hint\">What shows it: an audit, a policy, a pathway; or why it does not apply.</p>"
      "{}<textarea id=\"{}\" name=\"evidence\" rows=\"3\"{}>{}</textarea></div>",
      group_class(errors, evidence_id), evidence_id, evidence_id, error_message(errors, evidence_id), evidence_id,
      field_attributes(errors, evidence_id, evidence_id + "-hint"), evidence);
  out += "<button class=\"button\" type=\"submit\">Save the assessment</button></form>"_html;
  return out;
}

Html action_form(const Context& context, const domain::ReportTracker& tracker, int number, const FormErrors& errors,
                 const std::optional<TrackerDraft>& draft) {
  const std::string n = std::to_string(number);
  const std::string title_id = "title-" + n;
  const std::string owner_id = "owner_name-" + n;
  const std::string due_id = "due_on-" + n;
  return html(
      "<form method=\"post\" action=\"/audit-reports/{}/recommendations/{}/actions\" class=\"panel\" "
      "id=\"action-{}\">{}<h4>Raise an action from recommendation {}</h4>"
      "<div class=\"{}\"><label for=\"{}\">What must be done</label>{}<input id=\"{}\" name=\"title\" value=\"{}\"{}>"
      "</div>"
      "<div class=\"form-group\"><label for=\"{}\">Owner (leave empty to own it yourself)</label>"
      "<input id=\"{}\" name=\"owner_name\" value=\"{}\"></div>"
      "<div class=\"{}\"><label for=\"{}\">Due on (YYYY-MM-DD)</label>{}<input id=\"{}\" name=\"due_on\" "
      "value=\"{}\"{}>"
      "</div><button class=\"button\" type=\"submit\">Raise the action</button></form>",
      tracker.report.row.report.id.value, number, number, csrf_field(context), number, group_class(errors, title_id),
      title_id, error_message(errors, title_id), title_id, draft_value(draft, "action", number, "title"),
      field_attributes(errors, title_id), owner_id, owner_id, draft_value(draft, "action", number, "owner_name"),
      group_class(errors, due_id), due_id, error_message(errors, due_id), due_id,
      draft_value(draft, "action", number, "due_on"), field_attributes(errors, due_id));
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
  if (!item.history.empty()) {
    out += html("<details><summary>Earlier assessments ({})</summary><ul>", item.history.size());
    for (const auto& earlier : item.history) {
      out += html("<li>{}: {} by {}. {}</li>", day_of(earlier.assessed_at), domain::display_name(earlier.compliance),
                  earlier.assessed_by, earlier.evidence);
    }
    out += "</ul></details>"_html;
  }
  if (!item.actions.empty()) {
    out += html(
        "<table><caption>Actions from recommendation {}</caption><thead><tr>"
        "<th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th>"
        "<th scope=\"col\">Status</th></tr></thead><tbody>",
        number);
    for (const auto& action : item.actions) {
      const auto row = actions.find(action.id.value);
      const std::string owner = row == actions.end() ? action.owner_name : row->second.owner;
      const bool overdue = row != actions.end() && row->second.overdue;
      out += html("<tr><td><a href=\"/actions/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}{}</td></tr>",
                  action.id.value, action.title, owner, action.due_on.to_string(), domain::display_name(action.status),
                  overdue ? " <span class=\"status status-red\">Overdue</span>"_html : ""_html);
    }
    out += "</tbody></table>"_html;
  }
  if (tracker.may_assess) {
    out += assessment_form(context, tracker, item, errors, draft);
    if (item.assessment && domain::needs_action(item.assessment->compliance) &&
        role_allows(context.principal().role, Permission::manage_actions)) {
      out += action_form(context, tracker, number, errors, draft);
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
  const auto errors = errors_of(error, draft);
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
  const auto errors = errors_of(error, draft);
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
