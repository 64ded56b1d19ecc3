// An audit's criteria: the section of the audit's page (each standard's result against its
// target and, for a re-audit, the comparison with the audit it repeats), the form of one
// criterion, and the form of the results per criterion.
#include <string>

#include "core/number_format.hpp"
#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

constexpr std::initializer_list<std::string_view> kCriterionFields = {"statement", "target_percent", "exceptions"};

// What a field shows: what was typed when the form was refused, otherwise `stored`.
std::string shown(const Context& context, bool refused, const std::string& name, const std::string& stored) {
  if (!refused) return stored;
  const auto typed = context.request.fields.find(name);
  return typed == context.request.fields.end() ? std::string() : typed->second;
}

// 95 -> "95%", 92.5 -> "92.5%".
std::string target_text(double target) {
  const auto whole = format_fixed(target, 0);
  return (format_fixed(target, 1) == whole + ".0" ? whole : format_fixed(target, 1)) + "%";
}

std::string target_value(double target) {
  const auto text = target_text(target);
  return text.substr(0, text.size() - 1);
}

// "90.0% (78.6% to 95.7%)" or a dash.
Html compliance_cells(const domain::CriterionFigures& f) {
  const auto& c = f.criterion;
  if (!c.has_result()) return "<td class=\"num\">–</td><td class=\"num\">–</td><td class=\"num\">–</td>"_html;
  if (!f.compliance) {
    return html("<td class=\"num\">{} of {}</td><td class=\"num\">–</td><td class=\"num\">–</td>", *c.met,
                *c.applicable);
  }
  return html("<td class=\"num\">{} of {}</td><td class=\"num\">{}</td><td class=\"num\">{} to {}</td>", *c.met,
              *c.applicable, percent(*f.compliance, 1), percent(f.interval.lower, 1), percent(f.interval.upper, 1));
}

Html verdict_text(const domain::CriterionFigures& f) {
  if (!f.verdict) return "No result yet"_html;
  return html("<strong class=\"verdict-{}\">{}</strong>", domain::to_string(*f.verdict),
              domain::display_name(*f.verdict));
}

Html statement_cell(const domain::Criterion& c) {
  Html out = html("<td>{}", c.statement);
  if (!c.exceptions.empty()) out += html("<br><span class=\"muted\">Exceptions: {}</span>", c.exceptions);
  out += "</td>"_html;
  return out;
}

// The buttons that change one criterion, each a form of its own (no script).
Html change_cell(const Context& context, const domain::Criterion& c, std::size_t count) {
  const auto button = [&](std::string_view change, std::string_view label) {
    return html(
        "<form method=\"post\" action=\"/audits/{}/criteria/{}\" class=\"inline-form\">{}<button type=\"submit\" "
        "name=\"change\" value=\"{}\" class=\"small-button\">{}<span class=\"visually-hidden\"> criterion {}</span>"
        "</button></form>",
        c.audit_id.value, c.id.value, csrf_field(context), change, label, c.position);
  };
  Html out =
      html("<td><a href=\"/audits/{}/criteria/{}\">Change<span class=\"visually-hidden\"> criterion {}</span></a> ",
           c.audit_id.value, c.id.value, c.position);
  if (c.position > 1) out += button("up", "Move up");
  if (static_cast<std::size_t>(c.position) < count) out += button("down", "Move down");
  out += button("remove", "Remove");
  out += "</td>"_html;
  return out;
}

Html criteria_table(const Context& context, const domain::CriteriaView& view) {
  Html out =
      "<table><caption class=\"visually-hidden\">Criteria with this audit's results against their targets</caption>"
      "<thead><tr><th scope=\"col\" class=\"num\">No.</th><th scope=\"col\">Standard</th><th scope=\"col\" "
      "class=\"num\">Target</th><th scope=\"col\" class=\"num\">Met</th><th scope=\"col\" class=\"num\">"
      "Compliance</th><th scope=\"col\" class=\"num\">95% interval</th><th scope=\"col\">Against the target</th>"_html;
  if (view.may_change) out += "<th scope=\"col\">Change</th>"_html;
  out += "</tr></thead><tbody>"_html;
  for (const auto& f : view.criteria) {
    const auto& c = f.criterion;
    out += html("<tr><td class=\"num\">{}</td>{}<td class=\"num\">{}</td>{}<td>{}</td>", c.position, statement_cell(c),
                target_text(c.target_percent), compliance_cells(f), verdict_text(f));
    if (view.may_change) out += change_cell(context, c, view.criteria.size());
    out += "</tr>"_html;
  }
  out += "</tbody></table>"_html;
  return out;
}

// "45 of 50 (90.0%)" or a dash.
std::string result_text(const std::optional<domain::CriterionFigures>& f) {
  if (!f || !f->compliance) return "–";
  return std::to_string(*f->criterion.met) + " of " + std::to_string(*f->criterion.applicable) + " (" +
         percent(*f->compliance, 1) + ")";
}

// A change in percentage points, signed: "+30.0", "-2.5".
std::string points(double difference) {
  const auto text = format_fixed(difference * 100.0, 1);
  return difference > 0 && text != "0.0" ? "+" + text : text;
}

Html comparison_section(const domain::CriteriaView& view) {
  if (!view.repeats) return {};
  Html out = html(
      "<h3>Compared with the audit it repeats</h3><p>This re-audit repeats <a href=\"/audits/{}\">{}</a>. Each "
      "criterion is compared with the earlier audit's criterion of the same statement; the change is in percentage "
      "points, with its 95% interval (Newcombe's method).</p>",
      view.repeats->id.value, view.repeats->title);
  if (view.comparison.empty()) {
    out += "<p class=\"muted\">This re-audit has no criteria yet.</p>"_html;
    return out;
  }
  out +=
      "<table><caption class=\"visually-hidden\">Each criterion before and after</caption><thead><tr><th "
      "scope=\"col\">Standard</th><th scope=\"col\" class=\"num\">Before</th><th scope=\"col\" class=\"num\">After"
      "</th><th scope=\"col\" class=\"num\">Change (points)</th><th scope=\"col\" class=\"num\">95% interval</th>"
      "<th scope=\"col\">Verdict</th></tr></thead><tbody>"_html;
  for (const auto& row : view.comparison) {
    out += html("<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>", row.after.criterion.statement,
                row.before ? result_text(row.before) : std::string("Not in the earlier audit"), result_text(row.after));
    if (row.change) {
      out += html("<td class=\"num\">{}</td><td class=\"num\">{} to {}</td><td><strong>{}</strong></td>",
                  points(row.change->difference), points(row.change->interval.lower),
                  points(row.change->interval.upper), domain::display_name(*row.verdict));
    } else {
      out += "<td class=\"num\">–</td><td class=\"num\">–</td><td>Not compared: a result is missing</td>"_html;
    }
    out += "</tr>"_html;
  }
  out += "</tbody></table>"_html;
  if (!view.not_repeated.empty()) {
    out += "<p>Criteria of the earlier audit this re-audit does not repeat:</p><ul>"_html;
    for (const auto& c : view.not_repeated) out += html("<li>{}</li>", c.statement);
    out += "</ul>"_html;
  }
  return out;
}

Html criterion_fields(const Context& context, bool refused, const FormErrors& errors, const domain::Criterion& stored) {
  Html out = html(
      "<div class=\"{}\"><label for=\"statement\">Standard</label><p class=\"hint\" id=\"statement-hint\">What "
      "should happen, for example: Patients with suspected sepsis receive antibiotics within one hour</p>{}"
      "<textarea id=\"statement\" name=\"statement\" rows=\"2\"{}>{}</textarea></div>",
      group_class(errors, "statement"), error_message(errors, "statement"),
      field_attributes(errors, "statement", "statement-hint"), shown(context, refused, "statement", stored.statement));
  out += html(
      "<div class=\"{}\"><label for=\"target_percent\">Target (% of cases)</label><p class=\"hint\" "
      "id=\"target_percent-hint\">From 0 to 100, for example 95</p>{}<input type=\"text\" inputmode=\"decimal\" "
      "id=\"target_percent\" name=\"target_percent\" value=\"{}\" class=\"short-input\"{}></div>",
      group_class(errors, "target_percent"), error_message(errors, "target_percent"),
      shown(context, refused, "target_percent", target_value(stored.target_percent)),
      field_attributes(errors, "target_percent", "target_percent-hint"));
  out += html(
      "<div class=\"{}\"><label for=\"exceptions\">Exceptions (optional)</label><p class=\"hint\" "
      "id=\"exceptions-hint\">The cases the standard does not apply to</p>{}<textarea id=\"exceptions\" "
      "name=\"exceptions\" rows=\"2\"{}>{}</textarea></div>",
      group_class(errors, "exceptions"), error_message(errors, "exceptions"),
      field_attributes(errors, "exceptions", "exceptions-hint"),
      shown(context, refused, "exceptions", stored.exceptions));
  return out;
}

std::string banner(const Context& context) {
  const auto done = context.request.query_value("criteria");
  if (done == "added") return "The criterion was added.";
  if (done == "saved") return "The criterion was saved.";
  if (done == "moved") return "The criterion was moved.";
  if (done == "removed") return "The criterion was removed.";
  if (done == "results") return "The results were saved.";
  return "";
}

}  // namespace

Html criteria_section(const Context& context, const domain::CriteriaView& view) {
  Html out = "<section aria-labelledby=\"criteria\"><h2 id=\"criteria\">Standards and results</h2>"_html;
  out += success_banner(banner(context));
  if (view.criteria.empty()) {
    out += "<p class=\"muted\">No criteria are recorded for this audit.</p>"_html;
  } else {
    out += criteria_table(context, view);
    out +=
        "<p class=\"muted\">Compliance is the share of applicable cases that met the standard, with its 95% Wilson "
        "interval. “Short of the target, but the interval includes it” means the shortfall could be chance with this "
        "many cases.</p>"_html;
  }
  if (view.may_change && !view.criteria.empty()) {
    out +=
        html("<p><a href=\"/audits/{}/criteria/results\" class=\"button\">Enter results</a></p>", view.audit.id.value);
  }
  out += comparison_section(view);
  if (view.may_change) {
    const FormErrors none;
    out += html(
        "<form method=\"post\" action=\"/audits/{}/criteria\" class=\"panel\" id=\"new-criterion\" novalidate>{}"
        "<h3>Add a criterion</h3>{}<button type=\"submit\" class=\"button\">Add the criterion</button></form>",
        view.audit.id.value, csrf_field(context), criterion_fields(context, false, none, domain::Criterion{}));
  }
  out += "</section>"_html;
  return out;
}

std::string criterion_page(const Context& context, const domain::CriteriaView& view,
                           const std::optional<CriterionId>& criterion, const std::optional<Error>& error) {
  const auto& a = view.audit;
  domain::Criterion stored;
  if (criterion) {
    const auto found = std::find_if(view.criteria.begin(), view.criteria.end(),
                                    [&](const auto& f) { return f.criterion.id == *criterion; });
    if (found == view.criteria.end()) {
      return error_page(
          context, Error{ErrorCode::not_found, "criterion id " + std::to_string(criterion->value) + " does not exist"});
    }
    stored = found->criterion;
  }
  const FormErrors errors = FormErrors::of(error, kCriterionFields, "statement");
  const std::string title = criterion ? "Change criterion " + std::to_string(stored.position) : "Add a criterion";
  Html body =
      error_summary(errors, error ? (criterion ? "The criterion was not saved." : "The criterion was not added.") : "");
  body += html("<p><a href=\"/audits/{}#criteria\">Back to {}</a></p><h1>{}</h1>", a.id.value, a.title, title);
  const std::string action =
      criterion ? "/audits/" + std::to_string(a.id.value) + "/criteria/" + std::to_string(criterion->value)
                : "/audits/" + std::to_string(a.id.value) + "/criteria";
  body += html("<form method=\"post\" action=\"{}\" novalidate>{}{}", action, csrf_field(context),
               criterion_fields(context, error.has_value(), errors, stored));
  if (criterion) body += "<input type=\"hidden\" name=\"change\" value=\"save\">"_html;
  body += html("<button type=\"submit\" class=\"button\">{}</button></form>",
               criterion ? "Save the criterion" : "Add the criterion");
  return page(context, title + " – " + a.title, "audits", body);
}

std::string criterion_results_page(const Context& context, const domain::CriteriaView& view,
                                   const std::optional<Error>& error) {
  const auto& a = view.audit;
  // A refusal names its criterion by place and its field ("criterion 2: met: ..."): the
  // problem is shown at that control.
  FormErrors errors;
  if (error) {
    std::string field;
    std::string message = error->message;
    for (const auto& f : view.criteria) {
      const std::string prefix = "criterion " + std::to_string(f.criterion.position) + ": ";
      if (!message.starts_with(prefix)) continue;
      const auto rest = message.substr(prefix.size());
      for (const std::string name : {"met", "applicable"}) {
        if (rest.starts_with(name + ": ")) {
          field = name + "_" + std::to_string(f.criterion.id.value);
          message = "Criterion " + std::to_string(f.criterion.position) + ", " +
                    (name == "met" ? "cases met" : "cases applicable") + ": " + rest.substr(name.size() + 2);
        }
      }
    }
    errors.add(field, message);
  }
  Html body = error_summary(errors, error ? "No results were saved." : "");
  body += html(
      "<p><a href=\"/audits/{}#criteria\">Back to {}</a></p><h1>Results per criterion</h1><p>For each standard, "
      "the number of cases it applied to (leaving out its exceptions) and how many of them met it. Leave both "
      "blank for a criterion without a result yet.</p>",
      a.id.value, a.title);
  body += html("<form method=\"post\" action=\"/audits/{}/criteria/results\" novalidate>{}", a.id.value,
               csrf_field(context));
  for (const auto& f : view.criteria) {
    const auto& c = f.criterion;
    const auto id = std::to_string(c.id.value);
    const auto number = [&](const std::string& name, std::string_view label, const std::optional<std::int64_t>& value) {
      const std::string field = name + "_" + id;
      return html(
          "<div class=\"{}\"><label for=\"{}\">{}</label>{}<input type=\"text\" inputmode=\"numeric\" id=\"{}\" "
          "name=\"{}\" value=\"{}\" class=\"short-input\"{}></div>",
          group_class(errors, field), field, label, error_message(errors, field), field, field,
          shown(context, error.has_value(), field, value ? std::to_string(*value) : std::string()),
          field_attributes(errors, field));
    };
    body += html(
        "<fieldset class=\"panel\"><legend>Criterion {}: {}</legend><p class=\"hint\">Target {}{}</p>{}{}"
        "</fieldset>",
        c.position, c.statement, target_text(c.target_percent),
        c.exceptions.empty() ? std::string() : ". Exceptions: " + c.exceptions,
        number("applicable", "Cases the standard applied to", c.applicable),
        number("met", "Cases that met the standard", c.met));
  }
  body += "<button type=\"submit\" class=\"button\">Save the results</button></form>"_html;
  return page(context, "Results per criterion – " + a.title, "audits", body);
}

}  // namespace clinaudit::http::pages
