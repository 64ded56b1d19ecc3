// A national audit's patient-level dataset: the columns its episode files hold, and for the
// national body the form that declares or replaces them (one row per column).
#include <charconv>

#include "http/pages/layout.hpp"
#include "http/pages/pages.hpp"

namespace clinaudit::http::pages {
namespace {

using render::Html;

// Extra blank rows the form offers for new columns.
constexpr std::size_t kBlankRows = 3;

std::string plain(const std::optional<double>& value) {
  if (!value) return "";
  char text[32];
  const auto [end, ec] = std::to_chars(text, text + sizeof text, *value);
  return ec == std::errc() ? std::string(text, end) : std::string();
}

std::string type_words(domain::ValueType type) {
  switch (type) {
    case domain::ValueType::number: return "Number";
    case domain::ValueType::yes_no: return "Yes/no";
    case domain::ValueType::category: return "Category";
    case domain::ValueType::date: return "Date";
  }
  return "Number";
}

std::string range_words(const domain::DatasetColumn& column) {
  if (column.minimum && column.maximum) return plain(column.minimum) + " to " + plain(column.maximum);
  if (column.minimum) return "at least " + plain(column.minimum);
  if (column.maximum) return "at most " + plain(column.maximum);
  return "";
}

std::string joined(const std::vector<std::string>& values, std::string_view separator) {
  std::string out;
  for (const auto& value : values) out += (out.empty() ? "" : std::string(separator)) + value;
  return out;
}

Html columns_table(const domain::Dataset& dataset) {
  Html out =
      "<table><thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Kind of value</th>"
      "<th scope=\"col\">Required</th><th scope=\"col\">Plausible range</th><th scope=\"col\">Allowed values</th>"
      "<th scope=\"col\">What it records</th></tr></thead><tbody>"_html;
  for (const auto& column : dataset.columns) {
    out += html("<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>", column.name,
                type_words(column.type), column.required ? "Yes" : "No", range_words(column),
                joined(column.allowed_values, ", "), column.description);
  }
  out += "</tbody></table>"_html;
  return out;
}

Html form_row(std::size_t i, const domain::DatasetColumn& column) {
  const std::string n = std::to_string(i);
  const std::string row = std::to_string(i + 1);
  Html out = html(
      "<tr><td><label class=\"visually-hidden\" for=\"name_{}\">Column {} name</label><input type=\"text\" "
      "size=\"12\" id=\"name_{}\" name=\"name_{}\" value=\"{}\" pattern=\"[a-z][a-z0-9_]*\" autocomplete=\"off\" "
      "spellcheck=\"false\"></td><td><label class=\"visually-hidden\" for=\"type_{}\">Column {} kind of value</label>"
      "<select id=\"type_{}\" name=\"type_{}\">",
      n, row, n, n, column.name, n, row, n, n);
  for (const auto type :
       {domain::ValueType::number, domain::ValueType::yes_no, domain::ValueType::category, domain::ValueType::date}) {
    out += type == column.type ? html("<option value=\"{}\" selected>{}</option>", to_string(type), type_words(type))
                               : html("<option value=\"{}\">{}</option>", to_string(type), type_words(type));
  }
  out += html(
      "</select></td><td><label class=\"visually-hidden\" for=\"required_{}\">Column {} required</label>"
      "<input type=\"checkbox\" id=\"required_{}\" name=\"required_{}\" value=\"yes\"{}></td>",
      n, row, n, n, column.required ? " checked" : "");
  out += html(
      "<td><label class=\"visually-hidden\" for=\"minimum_{}\">Column {} minimum</label><input type=\"text\" "
      "inputmode=\"decimal\" size=\"6\" id=\"minimum_{}\" name=\"minimum_{}\" value=\"{}\"></td>"
      "<td><label class=\"visually-hidden\" for=\"maximum_{}\">Column {} maximum</label><input type=\"text\" "
      "inputmode=\"decimal\" size=\"6\" id=\"maximum_{}\" name=\"maximum_{}\" value=\"{}\"></td>",
      n, row, n, n, plain(column.minimum), n, row, n, n, plain(column.maximum));
  out += html(
      "<td><label class=\"visually-hidden\" for=\"allowed_{}\">Column {} allowed values</label><input type=\"text\" "
      "size=\"12\" id=\"allowed_{}\" name=\"allowed_{}\" value=\"{}\" aria-describedby=\"allowed-hint\"></td>"
      "<td><label class=\"visually-hidden\" for=\"description_{}\">Column {} description</label><input type=\"text\" "
      "size=\"20\" id=\"description_{}\" name=\"description_{}\" value=\"{}\"></td></tr>",
      n, row, n, n, joined(column.allowed_values, "|"), n, row, n, n, column.description);
  return out;
}

}  // namespace

std::string dataset_page(const Context& context, const domain::DatasetView& view,
                         const std::vector<domain::DatasetColumn>& draft, const std::optional<Error>& error,
                         const std::string& message) {
  Html body = error_summary(error);
  body += success_banner(message);
  body += html(
      "<p class=\"muted\"><a href=\"/national/audits/{}\">{}</a></p><h1>Patient-level dataset</h1>"
      "<p class=\"lead\">The columns each episode file of {} holds, besides the provider (organisation_code) and "
      "the admission date. Every value is checked against its column when a file is imported; a file with any "
      "problem imports nothing.</p>",
      view.audit.id.value, view.audit.title, view.audit.code);
  if (view.dataset.columns.empty()) {
    body += "<p>No dataset is declared yet, so no episodes can be imported.</p>"_html;
  } else {
    body += columns_table(view.dataset);
  }
  if (!view.may_change) return page(context, view.audit.title + " – dataset", "national", body);

  body += html(
      "<h2>Declare the dataset</h2><form method=\"post\" action=\"/national/audits/{}/dataset\" class=\"panel\">{}"
      "<p class=\"hint\">One row per column. A name is lower-case letters, digits and _ (for example died30). "
      "Outcomes are yes/no columns. Give a plausible range for numbers (for example age 0 to 120) and the allowed "
      "values of a category, separated by | (for example 1|2|3|4|5). Leave a row's name empty to leave the row "
      "out. A column that imported episodes hold cannot be removed or change its kind.</p>"
      "<p class=\"hint\" id=\"allowed-hint\">Allowed values are separated by |.</p>"
      "<table><thead><tr><th scope=\"col\">Column</th><th scope=\"col\">Kind of value</th>"
      "<th scope=\"col\">Required</th><th scope=\"col\">Minimum</th><th scope=\"col\">Maximum</th>"
      "<th scope=\"col\">Allowed values</th><th scope=\"col\">What it records</th></tr></thead><tbody>",
      view.audit.id.value, csrf_field(context));
  const std::size_t rows = draft.size() + kBlankRows;
  for (std::size_t i = 0; i < rows; ++i) {
    body += form_row(i, i < draft.size() ? draft[i] : domain::DatasetColumn{});
  }
  body += html(
      "</tbody></table><input type=\"hidden\" name=\"rows\" value=\"{}\"><p class=\"hint\">To add more than {} "
      "columns, save and the form offers {} more rows.</p><button class=\"button\" type=\"submit\">Save the "
      "dataset</button></form>",
      rows, kBlankRows, kBlankRows);
  return page(context, view.audit.title + " – dataset", "national", body);
}

}  // namespace clinaudit::http::pages
