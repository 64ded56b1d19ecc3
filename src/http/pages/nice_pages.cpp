// The NICE guidance register: the trust's register (overdue reviews first) with its figures,
// a filter by division and status and the form to add guidance; and one piece of guidance
// with its details form, the baseline of each recommendation with its history and actions,
// the audits that check it and its review.
#include "http/pages/nice_pages.hpp"

#include <array>

#include "http/pages/baseline_forms.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

using domain::Applicability;
using domain::Compliance;
using domain::GuidanceStatus;

constexpr std::array kApplicabilities{Applicability::applicable, Applicability::not_applicable,
                                      Applicability::to_be_assessed};
constexpr std::array kStatuses{GuidanceStatus::not_compliant,
                               GuidanceStatus::partly_compliant,
                               GuidanceStatus::compliant,
                               GuidanceStatus::baseline_incomplete,
                               GuidanceStatus::applicability_to_be_assessed,
                               GuidanceStatus::not_applicable};

Html status_tag(GuidanceStatus status) {
  const char* colour = status == GuidanceStatus::compliant             ? "status-green"
                       : status == GuidanceStatus::partly_compliant    ? "status-amber"
                       : status == GuidanceStatus::not_compliant       ? "status-red"
                       : status == GuidanceStatus::baseline_incomplete ? "status-blue"
                                                                       : "status-grey";
  return html("<span class=\"status {}\">{}</span>", colour, domain::display_name(status));
}

Html review_cell(const domain::TrackedGuidance& item) {
  if (!item.guidance.review_due) return "Not set"_html;
  Html out = Html::escaped(item.guidance.review_due->to_string());
  if (item.review_overdue) out += " <span class=\"status status-red\">Review overdue</span>"_html;
  return out;
}

std::string lead_of(const domain::NiceGuidance& guidance) {
  return guidance.lead_name.empty() ? std::string("No lead") : guidance.lead_name;
}

std::string plural(int count, std::string_view one, std::string_view many) {
  return std::to_string(count) + " " + std::string(count == 1 ? one : many);
}

Html summary_figures(const domain::NiceSummary& s) {
  return html(
      "<ul class=\"figures\"><li><strong>{}</strong> {}</li>"
      "<li><strong>{}</strong> applicable, <strong>{}</strong> to be assessed, <strong>{}</strong> not "
      "applicable</li>"
      "<li><strong>{}</strong> compliant, <strong>{}</strong> partly compliant, <strong>{}</strong> not compliant, "
      "<strong>{}</strong> with the baseline incomplete</li>"
      "<li><strong>{}</strong> {}</li>"
      "<li><strong>{}</strong> {}; <strong>{}</strong> {}</li></ul>",
      s.guidance, s.guidance == 1 ? "piece of guidance" : "pieces of guidance", s.applicable, s.to_be_assessed,
      s.not_applicable, s.compliant, s.partly_compliant, s.not_compliant, s.baseline_incomplete, s.reviews_overdue,
      s.reviews_overdue == 1 ? "review overdue" : "reviews overdue", s.recommendations_without_action,
      s.recommendations_without_action == 1 ? "recommendation not met without an action"
                                            : "recommendations not met without an action",
      s.open_actions, s.open_actions == 1 ? "action open" : "actions open");
}

// The fields of the add and edit forms. `prefix` names the edit form's controls apart
// ("edit-title") so that the two forms never share an id.
struct GuidanceValues {
  std::string reference, title, published_on, applicability, applicability_note, lead_id, lead_name, division_id,
      review_due;
};

GuidanceValues values_of(const domain::NiceGuidance& g) {
  return GuidanceValues{
      g.reference(),
      g.title,
      g.published_on.to_string(),
      std::string(domain::to_string(g.applicability)),
      g.applicability_note,
      g.lead ? std::to_string(g.lead->value) : std::string(),
      g.lead ? std::string() : g.lead_name,
      g.division ? std::to_string(g.division->value) : std::string(),
      g.review_due ? g.review_due->to_string() : std::string(),
  };
}

GuidanceValues drafted(const std::optional<NiceDraft>& draft, std::string_view form, const GuidanceValues& v) {
  return GuidanceValues{draft_value(draft, form, 0, "reference", v.reference),
                        draft_value(draft, form, 0, "title", v.title),
                        draft_value(draft, form, 0, "published_on", v.published_on),
                        draft_value(draft, form, 0, "applicability", v.applicability),
                        draft_value(draft, form, 0, "applicability_note", v.applicability_note),
                        draft_value(draft, form, 0, "lead_id", v.lead_id),
                        draft_value(draft, form, 0, "lead_name", v.lead_name),
                        draft_value(draft, form, 0, "division_id", v.division_id),
                        draft_value(draft, form, 0, "review_due", v.review_due)};
}

Html text_input(const FormErrors& errors, const std::string& id, std::string_view name, std::string_view label,
                const std::string& value, std::string_view hint = {}) {
  const std::string hint_id = hint.empty() ? std::string() : id + "-hint";
  Html out = html("<div class=\"{}\"><label for=\"{}\">{}</label>", group_class(errors, id), id, label);
  if (!hint.empty()) out += html("<p class=\"hint\" id=\"{}\">{}</p>", hint_id, hint);
  out += html("{}<input id=\"{}\" name=\"{}\" value=\"{}\"{}></div>", error_message(errors, id), id, name, value,
              field_attributes(errors, id, hint_id));
  return out;
}

Html guidance_fields(const FormErrors& errors, std::string_view prefix, const GuidanceValues& v, bool with_reference,
                     const std::vector<domain::User>& leads, const std::vector<domain::TrustUnit>& divisions) {
  const auto id = [&](std::string_view name) { return std::string(prefix) + std::string(name); };
  Html out;
  if (with_reference) {
    out += text_input(errors, id("reference"), "reference", "NICE reference", v.reference,
                      "As NICE publishes it: NG136, CG95, QS15, TA123 or IPG642.");
  }
  out += text_input(errors, id("title"), "title", "Title", v.title);
  out += text_input(errors, id("published_on"), "published_on", "Published on (YYYY-MM-DD)", v.published_on);
  const std::string applicability_id = id("applicability");
  out += html(
      "<fieldset class=\"{}\" id=\"{}\"><legend>Does it apply to the trust's services?</legend>{}"
      "<div class=\"radios\">",
      group_class(errors, applicability_id), applicability_id, error_message(errors, applicability_id));
  const std::string chosen = v.applicability.empty() ? "to_be_assessed" : v.applicability;
  for (const auto applicability : kApplicabilities) {
    const std::string key(domain::to_string(applicability));
    const std::string control = applicability_id + "-" + key;
    out += html(
        "<div class=\"choice\"><input type=\"radio\" id=\"{}\" name=\"applicability\" value=\"{}\"{}><label "
        "for=\"{}\">{}</label></div>",
        control, key, chosen == key ? " checked"_html : ""_html, control, domain::display_name(applicability));
  }
  out += "</div></fieldset>"_html;
  const std::string note_id = id("applicability_note");
  out += html(
      "<div class=\"{}\"><label for=\"{}\">Why it does or does not apply</label>"
      "<p class=\"hint\" id=\"{}-hint\">Needed when it does not apply.</p>{}"
      "<textarea id=\"{}\" name=\"applicability_note\" rows=\"2\"{}>{}</textarea></div>",
      group_class(errors, note_id), note_id, note_id, error_message(errors, note_id), note_id,
      field_attributes(errors, note_id, note_id + "-hint"), v.applicability_note);
  const std::string lead_id = id("lead_id");
  out += html("<div class=\"{}\"><label for=\"{}\">Lead</label>{}<select id=\"{}\" name=\"lead_id\"{}>",
              group_class(errors, lead_id), lead_id, error_message(errors, lead_id), lead_id,
              field_attributes(errors, lead_id));
  out += html("<option value=\"\"{}>Someone without an account (name below), or no lead yet</option>",
              v.lead_id.empty() ? " selected"_html : ""_html);
  for (const auto& person : leads) {
    out += html("<option value=\"{}\"{}>{}</option>", person.id.value,
                std::to_string(person.id.value) == v.lead_id ? " selected"_html : ""_html,
                person.display_name.empty() ? person.email : person.display_name);
  }
  out += "</select></div>"_html;
  out += text_input(errors, id("lead_name"), "lead_name", "Lead's name, when they have no account", v.lead_name);
  const std::string division_id = id("division_id");
  out += html("<div class=\"{}\"><label for=\"{}\">Division</label>{}<select id=\"{}\" name=\"division_id\"{}>",
              group_class(errors, division_id), division_id, error_message(errors, division_id), division_id,
              field_attributes(errors, division_id));
  out += html("<option value=\"\"{}>Trust-wide (no one division)</option>",
              v.division_id.empty() ? " selected"_html : ""_html);
  for (const auto& division : divisions) {
    if (division.retired && std::to_string(division.id.value) != v.division_id) continue;
    out += html("<option value=\"{}\"{}>{}</option>", division.id.value,
                std::to_string(division.id.value) == v.division_id ? " selected"_html : ""_html, division.name);
  }
  out += "</select></div>"_html;
  out += text_input(errors, id("review_due"), "review_due", "Next review due (YYYY-MM-DD)", v.review_due,
                    "Leave it empty when no review date is set.");
  return out;
}

Html filter_form(const domain::NiceRegister& data) {
  Html out =
      "<form method=\"get\" action=\"/nice\" class=\"filters\"><div class=\"form-group\"><label "
      "for=\"filter-division\">Division</label><select id=\"filter-division\" name=\"division\">"
      "<option value=\"\">All divisions</option>"_html;
  for (const auto& division : data.divisions) {
    out += html("<option value=\"{}\"{}>{}</option>", division.id.value,
                data.filter.division == division.id ? " selected"_html : ""_html, division.name);
  }
  out +=
      "</select></div><div class=\"form-group\"><label for=\"filter-status\">Status</label>"
      "<select id=\"filter-status\" name=\"status\"><option value=\"\">Any status</option>"_html;
  for (const auto status : kStatuses) {
    out += html("<option value=\"{}\"{}>{}</option>", domain::to_string(status),
                data.filter.status == status ? " selected"_html : ""_html, domain::display_name(status));
  }
  out += "</select></div><button class=\"button secondary\" type=\"submit\">Show</button></form>"_html;
  return out;
}

Html recommendation_section(const Context& context, const domain::GuidanceDetails& details,
                            const domain::TrackedNiceRecommendation& item,
                            const std::map<std::int64_t, domain::ActionRow>& actions, const FormErrors& errors,
                            const std::optional<NiceDraft>& draft) {
  const auto rid = item.recommendation.id.value;
  Html out = html("<section class=\"recommendation\" id=\"recommendation-{}\"><h3>Recommendation {}</h3><p>{}</p>", rid,
                  item.recommendation.label, item.recommendation.text);
  if (item.assessment) {
    const auto& now = *item.assessment;
    out += html(
        "<dl class=\"summary-list\"><dt>Baseline</dt><dd>{}{}</dd><dt>Evidence</dt><dd>{}</dd>"
        "<dt>Assessed</dt><dd>{} by {}</dd></dl>",
        compliance_tag(now.compliance),
        item.without_action ? " <span class=\"status status-red\">No action raised</span>"_html : ""_html, now.evidence,
        day_of(now.assessed_at), now.assessed_by);
  } else {
    out += "<p><span class=\"status status-grey\">Not yet assessed</span></p>"_html;
  }
  out += earlier_assessments(item.history);
  out += recommendation_actions_table(item.recommendation.label, item.actions, actions);
  if (details.may_assess) {
    const std::string n = std::to_string(rid);
    const std::string path = "/nice/" + std::to_string(details.item.guidance.id.value) + "/recommendations/" + n;
    out += assessment_form(
        context, path + "/assessment", n, item.recommendation.label, item.assessment.has_value(),
        draft_value(draft, "assess", rid, "compliance",
                    item.assessment ? std::string(domain::to_string(item.assessment->compliance)) : std::string()),
        draft_value(draft, "assess", rid, "evidence", item.assessment ? item.assessment->evidence : std::string()),
        errors);
    if (item.assessment && domain::needs_action(item.assessment->compliance) &&
        role_allows(context.principal().role, Permission::manage_actions)) {
      out += recommendation_action_form(
          context, path + "/actions", n, item.recommendation.label,
          ActionDraft{draft_value(draft, "action", rid, "title"), draft_value(draft, "action", rid, "owner_name"),
                      draft_value(draft, "action", rid, "due_on")},
          errors);
    }
  }
  out += "</section>"_html;
  return out;
}

Html audits_section(const Context& context, const domain::GuidanceDetails& details, const FormErrors& errors) {
  const auto id = details.item.guidance.id.value;
  Html out = "<h2 id=\"audits\">Audits that check it</h2>"_html;
  if (details.audits.empty()) {
    out += "<p class=\"muted\">No audit is linked to this guidance yet.</p>"_html;
  } else {
    out += "<ul class=\"linked-audits\">"_html;
    for (const auto& audit : details.audits) {
      const Html link = audit.kind == domain::AuditKind::local_audit
                            ? html("<a href=\"/register/{}\">{}: {}</a>", audit.id.value, audit.code, audit.title)
                            : html("<a href=\"/audits/{}\">{}: {}</a>", audit.id.value, audit.code, audit.title);
      out += html("<li>{}", link);
      if (details.may_manage) {
        out += html(
            " <form method=\"post\" action=\"/nice/{}/audits\" class=\"inline-form\">{}<input type=\"hidden\" "
            "name=\"audit_id\" value=\"{}\"><input type=\"hidden\" name=\"linked\" value=\"no\">"
            "<button class=\"small-button\" type=\"submit\">Unlink {}</button></form>",
            id, csrf_field(context), audit.id.value, audit.code);
      }
      out += "</li>"_html;
    }
    out += "</ul>"_html;
  }
  if (details.may_manage && !details.linkable.empty()) {
    out += html(
        "<form method=\"post\" action=\"/nice/{}/audits\" class=\"panel\" id=\"link\">{}<div class=\"{}\">"
        "<label for=\"audit_id\">Link an audit</label>{}<select id=\"audit_id\" name=\"audit_id\"{}>",
        id, csrf_field(context), group_class(errors, "audit_id"), error_message(errors, "audit_id"),
        field_attributes(errors, "audit_id"));
    for (const auto& audit : details.linkable) {
      out += html("<option value=\"{}\">{}: {}</option>", audit.id.value, audit.code, audit.title);
    }
    out +=
        "</select></div><input type=\"hidden\" name=\"linked\" value=\"yes\">"
        "<button class=\"button secondary\" type=\"submit\">Link the audit</button></form>"_html;
  }
  return out;
}

Html review_section(const Context& context, const domain::GuidanceDetails& details, const FormErrors& errors,
                    const std::optional<NiceDraft>& draft) {
  const auto& g = details.item.guidance;
  Html out = html(
      "<h2 id=\"review\">Review</h2><dl class=\"summary-list\"><dt>Last reviewed</dt><dd>{}</dd>"
      "<dt>Next review due</dt><dd>{}</dd></dl>",
      g.last_reviewed_on ? g.last_reviewed_on->to_string() : std::string("Not yet reviewed"),
      review_cell(details.item));
  if (!details.may_manage) return out;
  out += html(
      "<form method=\"post\" action=\"/nice/{}/review\" class=\"panel\" id=\"review-form\">{}"
      "<h3>Record a review</h3>",
      g.id.value, csrf_field(context));
  out += text_input(errors, "reviewed_on", "reviewed_on", "Reviewed on (YYYY-MM-DD)",
                    draft_value(draft, "review", 0, "reviewed_on"));
  out += text_input(errors, "next_review_due", "next_review_due", "Next review due (YYYY-MM-DD)",
                    draft_value(draft, "review", 0, "next_review_due"));
  out += "<button class=\"button\" type=\"submit\">Record the review</button></form>"_html;
  return out;
}

Html recommendation_form(const Context& context, const domain::GuidanceDetails& details, const FormErrors& errors,
                         const std::optional<NiceDraft>& draft) {
  Html out = html(
      "<form method=\"post\" action=\"/nice/{}/recommendations\" class=\"panel\" id=\"add-recommendation\">"
      "{}<h3>Add a recommendation</h3>",
      details.item.guidance.id.value, csrf_field(context));
  out += text_input(errors, "label", "label", "Number, as NICE numbers it",
                    draft_value(draft, "recommendation", 0, "label"), "For example 1.2.3.");
  out += html(
      "<div class=\"{}\"><label for=\"text\">Recommendation</label>{}<textarea id=\"text\" name=\"text\" "
      "rows=\"3\"{}>{}</textarea></div>",
      group_class(errors, "text"), error_message(errors, "text"), field_attributes(errors, "text"),
      draft_value(draft, "recommendation", 0, "text"));
  out += "<button class=\"button\" type=\"submit\">Add the recommendation</button></form>"_html;
  return out;
}

}  // namespace

std::string nice_register_page(const Context& context, const domain::NiceRegister& data,
                               const std::optional<Error>& error, const std::string& message,
                               const std::optional<NiceDraft>& draft) {
  const auto errors = baseline_form_errors(error, draft);
  Html body = error_summary(errors);
  body += success_banner(message);
  body +=
      "<h1>NICE guidance</h1><p class=\"lead\">The NICE guidance the trust tracks: whether each applies, who leads "
      "it, how far the trust meets each recommendation, the actions for those not met, the audits that check it and "
      "when it is next reviewed. Overdue reviews come first.</p>"_html;
  body += summary_figures(data.summary);
  body += filter_form(data);
  if (data.items.empty()) {
    body += data.summary.guidance == 0 ? "<p class=\"muted\">No NICE guidance is in the register yet.</p>"_html
                                       : "<p class=\"muted\">No guidance matches the filter.</p>"_html;
  } else {
    body +=
        "<table><caption>NICE guidance in the register</caption><thead><tr>"
        "<th scope=\"col\">Guidance</th><th scope=\"col\">Applies</th><th scope=\"col\">Lead</th>"
        "<th scope=\"col\">Division</th><th scope=\"col\">Baseline</th><th scope=\"col\">Actions</th>"
        "<th scope=\"col\">Next review</th></tr></thead><tbody>"_html;
    for (const auto& item : data.items) {
      const auto& g = item.guidance;
      body += html(
          "<tr><td><a href=\"/nice/{}\">{}: {}</a><br><span class=\"muted\">{}, published {}</span></td>"
          "<td>{}</td><td>{}</td><td>{}</td><td>{}<br>{} of {} assessed</td><td>{} open of {}{}</td><td>{}</td></tr>",
          g.id.value, g.reference(), g.title, domain::display_name(g.type), g.published_on.to_string(),
          domain::display_name(g.applicability), lead_of(g),
          item.division_name.empty() ? std::string("Trust-wide") : item.division_name, status_tag(item.status),
          item.assessed, item.recommendations, item.open_actions, item.actions,
          item.without_action > 0
              ? html("<br><span class=\"status status-red\">{} not met without an action</span>", item.without_action)
              : Html(),
          review_cell(item));
    }
    body += "</tbody></table>"_html;
  }
  if (data.may_manage) {
    body += html("<form method=\"post\" action=\"/nice\" class=\"panel\" id=\"add\">{}<h2>Add guidance</h2>",
                 csrf_field(context));
    body += guidance_fields(errors, "", drafted(draft, "add", {}), true, data.leads, data.divisions);
    body +=
        "<button class=\"button\" type=\"submit\">Add the guidance</button></form>"
        "<p>To add many at once, with their recommendations, <a href=\"/import\">import a CSV file</a> of the kind "
        "\"NICE guidance\".</p>"_html;
  }
  return page(context, "NICE guidance", "nice", body);
}

std::string nice_guidance_page(const Context& context, const domain::GuidanceDetails& details,
                               const std::map<std::int64_t, domain::ActionRow>& actions,
                               const std::optional<Error>& error, const std::string& message,
                               const std::optional<NiceDraft>& draft) {
  const auto& item = details.item;
  const auto& g = item.guidance;
  const auto errors = baseline_form_errors(error, draft);
  Html body = error_summary(errors);
  body += success_banner(message);
  body += html("<p class=\"muted\"><a href=\"/nice\">NICE guidance</a> · {}</p><h1>{}: {}</h1><p>{}</p>",
               domain::display_name(g.type), g.reference(), g.title, status_tag(item.status));
  body += html(
      "<dl class=\"summary-list\"><dt>Published</dt><dd>{}</dd><dt>Applies to the trust</dt><dd>{}{}</dd>"
      "<dt>Lead</dt><dd>{}</dd><dt>Division</dt><dd>{}</dd><dt>Baseline</dt><dd>{} of {}, {} compliant, {} partly, "
      "{} not compliant, {} not applicable</dd><dt>Actions</dt><dd>{} open of {}</dd></dl>",
      g.published_on.to_string(), domain::display_name(g.applicability),
      g.applicability_note.empty() ? std::string() : ": " + g.applicability_note, lead_of(g),
      item.division_name.empty() ? std::string("Trust-wide") : item.division_name,
      plural(item.assessed, "recommendation assessed", "recommendations assessed"), item.recommendations,
      item.compliant, item.partly_compliant, item.not_compliant, item.not_applicable, item.open_actions, item.actions);
  body += "<h2>Recommendations</h2>"_html;
  if (details.recommendations.empty()) {
    body += "<p class=\"muted\">No recommendation is recorded for this guidance yet.</p>"_html;
  }
  for (const auto& recommendation : details.recommendations) {
    body += recommendation_section(context, details, recommendation, actions, errors, draft);
  }
  if (details.may_manage) body += recommendation_form(context, details, errors, draft);
  body += audits_section(context, details, errors);
  body += review_section(context, details, errors, draft);
  if (details.may_manage) {
    body += html("<form method=\"post\" action=\"/nice/{}\" class=\"panel\" id=\"edit\">{}<h2>Change the details</h2>",
                 g.id.value, csrf_field(context));
    body +=
        guidance_fields(errors, "edit-", drafted(draft, "edit", values_of(g)), false, details.leads, details.divisions);
    body += "<button class=\"button\" type=\"submit\">Save the changes</button></form>"_html;
  }
  return page(context, g.reference() + ": " + g.title, "nice", body);
}

}  // namespace clinaudit::http::pages
