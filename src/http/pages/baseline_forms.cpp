#include "http/pages/baseline_forms.hpp"

#include <array>

namespace clinaudit::http::pages {
namespace {

using domain::Compliance;

constexpr std::array kCompliances{Compliance::compliant, Compliance::partly_compliant, Compliance::not_compliant,
                                  Compliance::not_applicable};

// An earlier assessment as the page lists it.
struct Earlier {
  std::string day;
  Compliance compliance = Compliance::not_applicable;
  std::string by;
  std::string evidence;
};

Html earlier_list(const std::vector<Earlier>& history) {
  Html out;
  if (history.empty()) return out;
  out += html("<details><summary>Earlier assessments ({})</summary><ul>", history.size());
  for (const auto& earlier : history) {
    out += html("<li>{}: {} by {}. {}</li>", earlier.day, domain::display_name(earlier.compliance), earlier.by,
                earlier.evidence);
  }
  out += "</ul></details>"_html;
  return out;
}

// The report tracker's and the NICE register's assessments have the same fields.
template <typename Assessment>
std::vector<Earlier> earlier_of(const std::vector<Assessment>& history) {
  std::vector<Earlier> out;
  out.reserve(history.size());
  for (const auto& a : history) out.push_back({day_of(a.assessed_at), a.compliance, a.assessed_by, a.evidence});
  return out;
}

}  // namespace

std::string draft_value(const std::optional<BaselineDraft>& draft, std::string_view form, std::int64_t item,
                        const std::string& field, std::string fallback) {
  if (!draft || draft->form != form || draft->item != item) return fallback;
  const auto found = draft->values.find(field);
  return found == draft->values.end() ? fallback : found->second;
}

FormErrors baseline_form_errors(const std::optional<Error>& error, const std::optional<BaselineDraft>& draft) {
  FormErrors errors;
  if (!error) return errors;
  const auto colon = error->message.find(": ");
  if (colon == std::string::npos || !draft) {
    errors.add("", error->message);
    return errors;
  }
  std::string field = error->message.substr(0, colon);
  if (draft->item > 0) {
    field += "-" + std::to_string(draft->item);
  } else if (draft->form == "edit") {
    field = "edit-" + field;
  }
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

Html assessment_form(const Context& context, std::string_view action, std::string_view suffix, std::string_view name,
                     bool reassess, const std::string& chosen, const std::string& evidence, const FormErrors& errors) {
  const std::string compliance_id = "compliance-" + std::string(suffix);
  const std::string evidence_id = "evidence-" + std::string(suffix);
  Html out = html("<form method=\"post\" action=\"{}\" class=\"panel\" id=\"assess-{}\">{}", action, suffix,
                  csrf_field(context));
  out += html("<fieldset class=\"{}\" id=\"{}\"><legend>{} recommendation {}</legend>{}<div class=\"radios\">",
              group_class(errors, compliance_id), compliance_id, reassess ? "Reassess" : "Assess", name,
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

Html recommendation_action_form(const Context& context, std::string_view action, std::string_view suffix,
                                std::string_view name, const ActionDraft& typed, const FormErrors& errors) {
  const std::string title_id = "title-" + std::string(suffix);
  const std::string owner_id = "owner_name-" + std::string(suffix);
  const std::string due_id = "due_on-" + std::string(suffix);
  return html(
      "<form method=\"post\" action=\"{}\" class=\"panel\" id=\"action-{}\">{}<h4>Raise an action from "
      "recommendation {}</h4>"
      "<div class=\"{}\"><label for=\"{}\">What must be done</label>{}<input id=\"{}\" name=\"title\" value=\"{}\"{}>"
      "</div>"
      "<div class=\"form-group\"><label for=\"{}\">Owner (leave empty to own it yourself)</label>"
      "<input id=\"{}\" name=\"owner_name\" value=\"{}\"></div>"
      "<div class=\"{}\"><label for=\"{}\">Due on (YYYY-MM-DD)</label>{}<input id=\"{}\" name=\"due_on\" "
      "value=\"{}\"{}>"
      "</div><button class=\"button\" type=\"submit\">Raise the action</button></form>",
      action, suffix, csrf_field(context), name, group_class(errors, title_id), title_id,
      error_message(errors, title_id), title_id, typed.title, field_attributes(errors, title_id), owner_id, owner_id,
      typed.owner_name, group_class(errors, due_id), due_id, error_message(errors, due_id), due_id, typed.due_on,
      field_attributes(errors, due_id));
}

Html recommendation_actions_table(std::string_view name, const std::vector<domain::Action>& actions,
                                  const std::map<std::int64_t, domain::ActionRow>& rows) {
  if (actions.empty()) return {};
  Html out = html(
      "<table><caption>Actions from recommendation {}</caption><thead><tr>"
      "<th scope=\"col\">Action</th><th scope=\"col\">Owner</th><th scope=\"col\">Due</th>"
      "<th scope=\"col\">Status</th></tr></thead><tbody>",
      name);
  for (const auto& action : actions) {
    const auto row = rows.find(action.id.value);
    const std::string owner = row == rows.end() ? action.owner_name : row->second.owner;
    const bool overdue = row != rows.end() && row->second.overdue;
    out += html("<tr><td><a href=\"/actions/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}{}</td></tr>", action.id.value,
                action.title, owner, action.due_on.to_string(), domain::display_name(action.status),
                overdue ? " <span class=\"status status-red\">Overdue</span>"_html : ""_html);
  }
  out += "</tbody></table>"_html;
  return out;
}

std::string day_of(const std::string& iso) { return iso.substr(0, 10); }

Html earlier_assessments(const std::vector<domain::RecommendationAssessment>& history) {
  return earlier_list(earlier_of(history));
}

Html earlier_assessments(const std::vector<domain::NiceAssessment>& history) {
  return earlier_list(earlier_of(history));
}

}  // namespace clinaudit::http::pages
