#include "report/xlsx_sheet.hpp"

#include <cstdlib>

namespace clinaudit::report {

void write_sheet(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<Row>& rows,
                 lxw_format* bold) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 48 : 18, nullptr);
  }
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      char* end = nullptr;
      const double number = std::strtod(rows[r][c].c_str(), &end);
      if (!rows[r][c].empty() && end != nullptr && *end == '\0') {
        worksheet_write_number(sheet, row, col, number, nullptr);
      } else {
        worksheet_write_string(sheet, row, col, rows[r][c].c_str(), nullptr);
      }
    }
  }
}

}  // namespace clinaudit::report
