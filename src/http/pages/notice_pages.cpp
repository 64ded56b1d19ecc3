#include "http/pages/notice_pages.hpp"

#include "domain/display_names.hpp"
#include "http/pages/document_pages.hpp"
#include "http/pages/layout.hpp"

namespace clinaudit::http::pages {

namespace {

Html text_input(const Context& context, const std::optional<Error>& error, const FormErrors& errors, const char* name,
                const char* label, const char* hint, const char* type = "text") {
  const std::string hint_id = std::string(name) + "-hint";
  return html(
      "<div class=\"{}\"><label for=\"{}\">{}</label>{}{}<input type=\"{}\" id=\"{}\" name=\"{}\" value=\"{}\"{}>"
      "</div>",
      group_class(errors, name), name, label,
      *hint != '\0' ? html("<p class=\"hint\" id=\"{}\">{}</p>", hint_id, hint) : Html(), error_message(errors, name),
      type, name, name, typed_after_refusal(context, error, name),
      field_attributes(errors, name, *hint != '\0' ? hint_id : ""));
}

}  // namespace

std::string outlier_notice_page(const Context& context, const domain::NoticeChoices& choices,
                                const std::optional<Error>& error) {
  const auto errors = FormErrors::of(
      error, {"audit", "supplier", "measure", "period", "stage", "received_on", "reply_by", "value", "limit", "letter"},
      "measure");
  Html body = "<p class=\"breadcrumbs\"><a href=\"/outliers\">Outlier cases</a></p>"_html;
  body += error_summary(errors, "The notice was not registered.");
  body +=
      "<h1>Register an outlier notice</h1><p class=\"lead\">A notice from an audit supplier that does not use "
      "clinaudit. Its stages, deadlines and reminders then run here with your other outlier cases; your audit "
      "team records the supplier's steps as they happen.</p>"_html;
  body += html(
      "<form method=\"post\" action=\"/outliers/notices\" enctype=\"multipart/form-data\" class=\"panel\" "
      "novalidate>{}",
      csrf_field(context));
  const auto chosen_audit = typed_after_refusal(context, error, "audit");
  body += html(
      "<div class=\"{}\"><label for=\"audit\">National audit</label>{}<select id=\"audit\" name=\"audit\"{}>"
      "<option value=\"\">Choose the audit</option>",
      group_class(errors, "audit"), error_message(errors, "audit"), field_attributes(errors, "audit"));
  for (const auto& audit : choices.audits) {
    const auto id = std::to_string(audit.id.value);
    body +=
        html("<option value=\"{}\"{}>{}</option>", id, id == chosen_audit ? " selected"_html : ""_html, audit.title);
  }
  body += "</select></div>"_html;
  body += text_input(context, error, errors, "supplier", "Supplier",
                     "Who sent the notice. Leave empty for the audit's provider named in the register.");
  body += text_input(context, error, errors, "measure", "Measure", "As the notice names it.");
  body += text_input(context, error, errors, "period", "Reporting period", "For example 2025/26.");
  const auto chosen_stage = typed_after_refusal(context, error, "stage");
  body += html(
      "<div class=\"{}\"><label for=\"stage\">What the notice asks of you</label><p class=\"hint\" "
      "id=\"stage-hint\">An alarm is beyond the 99.8% limit, an alert beyond the 95% limit.</p>{}<select "
      "id=\"stage\" name=\"stage\"{}><option value=\"\">Choose the stage</option>",
      group_class(errors, "stage"), error_message(errors, "stage"), field_attributes(errors, "stage", "stage-hint"));
  for (const auto& stage : choices.stages) {
    body += html("<option value=\"{}\"{}>{}: {}</option>", stage.key,
                 stage.key == chosen_stage ? " selected"_html : ""_html, domain::display_name(stage.track), stage.name);
  }
  body += "</select></div>"_html;
  body += text_input(context, error, errors, "received_on", "Received on", "", "date");
  body += text_input(context, error, errors, "reply_by", "Reply by",
                     "The deadline the notice gives. Leave empty to count the stage's working days from the day it "
                     "was received.",
                     "date");
  body += text_input(context, error, errors, "value", "Your value", "Optional, as the notice gives it.");
  body += text_input(context, error, errors, "limit", "The limit it passed", "Optional.");
  body += html(
      "<div class=\"{}\"><label for=\"letter\">The supplier's letter</label><p class=\"hint\" id=\"letter-hint\">"
      "Optional. {}</p>{}<input type=\"file\" id=\"letter\" name=\"letter\" "
      "accept=\".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document\"{}>"
      "</div><button class=\"button\" type=\"submit\">Register the notice</button></form>",
      group_class(errors, "letter"), document_hint(context.config.max_document_bytes), error_message(errors, "letter"),
      field_attributes(errors, "letter", "letter-hint"));
  return page(context, "Register an outlier notice", "outliers", body);
}

}  // namespace clinaudit::http::pages
