#include "render/chart_values.hpp"

namespace clinaudit::render {

Html values_details(const ChartValues& values) {
  if (values.rows.empty()) return {};
  Html out = html(
      "<details class=\"chart-values\"><summary>Values in this chart</summary><table><caption>{}</caption><thead><tr>",
      values.caption);
  for (const auto& column : values.columns) out += html("<th scope=\"col\">{}</th>", column);
  out += "</tr></thead><tbody>"_html;
  for (const auto& row : values.rows) {
    out += "<tr>"_html;
    for (std::size_t i = 0; i < row.size(); ++i) {
      out += i == 0 ? html("<th scope=\"row\">{}</th>", row[i]) : html("<td>{}</td>", row[i]);
    }
    out += "</tr>"_html;
  }
  out += "</tbody></table></details>"_html;
  return out;
}

}  // namespace clinaudit::render
