#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/display_names.hpp"
#include "http/app.hpp"
#include "render/html.hpp"

// The page frame and small HTML helpers shared by every page (GOV.UK-style layout:
// skip link, header with the organisation and sign-out, navigation by permission,
// one <main> with one <h1>). No script anywhere; styles from /static/style.css only.
// Pages are written with render::Html: markup is "..."_html or the format of html(...),
// and every piece of text is escaped as it is added.
namespace clinaudit::http::pages {

using render::Html;
using render::html;
using render::operator""_html;

// A full HTML document. `nav` names the current navigation item ("dashboard", "audits"...).
std::string page(const Context& context, std::string_view title, std::string_view nav, const Html& body);

// A hidden CSRF field for forms of a signed-in user.
Html csrf_field(const Context& context);

// The page shown for an Error (not found, forbidden...), in plain language.
std::string error_page(const Context& context, const Error& error);

// Forms shown again after a refusal follow the GOV.UK error summary pattern: what was typed
// stays in every field; a summary at the top of the page (role="alert", "There is a
// problem", focused when the page loads through `autofocus`, so no script is needed) lists
// each problem as a link to its field; and the field itself carries the message, with
// aria-invalid and aria-describedby pointing at it.

// One problem of a refused form: `field` is the id of the control it belongs to (empty for
// the form as a whole), `message` says what to do, in plain words.
struct FieldError {
  std::string field;
  std::string message;
};

// The problems of a refused form, in the order the summary lists them.
class FormErrors {
 public:
  FormErrors() = default;
  // The problem of a refused command. A domain error names its field before a colon
  // ("email: enter an email address"); the problem is at that field when it is one of
  // `fields` (the form's control ids), and at `fallback` otherwise (empty: the whole form).
  static FormErrors of(const std::optional<Error>& error, std::initializer_list<std::string_view> fields,
                       std::string_view fallback = {});

  void add(std::string field, std::string message);
  bool empty() const { return errors_.empty(); }
  const std::vector<FieldError>& all() const { return errors_; }
  // The messages at `field`, joined ("" when it has none).
  std::string message(std::string_view field) const;

 private:
  std::vector<FieldError> errors_;
};

// The error summary of `errors` (empty when there are none), with an optional sentence
// under its title ("The meeting was not recorded.").
Html error_summary(const FormErrors& errors, std::string_view lead = {});
// The summary of one refused command (FormErrors::of with the field its message names, when
// it names one): the pages whose forms are marked field by field use the overload above.
Html error_summary(const std::optional<Error>& error);
// The message paragraph at a field (id "<field>-error"), empty when the field has no problem.
Html error_message(const FormErrors& errors, std::string_view field);
// The attributes of a control: aria-describedby naming `hint` (an element id, may be empty)
// and the message, and aria-invalid="true" when the field has a problem.
Html field_attributes(const FormErrors& errors, std::string_view field, std::string_view hint = {});
// The class of a field's group: "form-group", with "form-group-error" when it has a problem.
std::string group_class(const FormErrors& errors, std::string_view field);

// A notification banner after a successful change (empty when the message is).
Html success_banner(std::string_view message);

// What was typed in the request's field `name`, to show again on a form refused with `error`;
// empty when nothing was refused (a fresh form).
std::string typed_after_refusal(const Context& context, const std::optional<Error>& error, std::string_view name);

std::string percent(double share, int decimals = 0);
std::string yes_no_unknown(const std::optional<bool>& value);
std::string count_or_dash(const std::optional<std::int64_t>& value);
std::string number_or_dash(const std::optional<double>& value);

// An SVG from the renderers without its <style> element: the page's stylesheet carries the
// chart rules, so the Content-Security-Policy needs no inline styles.
Html chart_svg(std::string_view svg);
// A chart with the table of its values after it (render/measure_charts.hpp), the SVG as
// chart_svg gives it.
Html chart_svg(std::string_view svg, std::string_view values);

// Plain-language labels.
std::string variation_label(std::string_view icon);
std::string assurance_label(std::string_view icon);
std::string flag_label(std::string_view flag);

// The stylesheet served at /static/style.css.
std::string_view stylesheet();

}  // namespace clinaudit::http::pages
