#include "report/xlsx_sheet.hpp"

#include <cmath>
#include <cstdlib>

namespace clinaudit::report {
namespace {

constexpr NumberStyle kStyles[] = {NumberStyle::whole,         NumberStyle::one_decimal,
                                   NumberStyle::two_decimals,  NumberStyle::three_decimals,
                                   NumberStyle::percent_whole, NumberStyle::percent_one_decimal};

const char* format_code(NumberStyle style) {
  switch (style) {
    case NumberStyle::whole: return "0";
    case NumberStyle::one_decimal: return "0.0";
    case NumberStyle::two_decimals: return "0.00";
    case NumberStyle::three_decimals: return "0.000";
    case NumberStyle::percent_whole: return "0%";
    case NumberStyle::percent_one_decimal: return "0.0%";
  }
  return "General";
}

int decimals_stored(NumberStyle style) {
  switch (style) {
    case NumberStyle::whole: return 0;
    case NumberStyle::one_decimal: return 1;
    case NumberStyle::two_decimals: return 2;
    case NumberStyle::three_decimals: return 3;
    case NumberStyle::percent_whole: return 2;        // 0.90 is 90%
    case NumberStyle::percent_one_decimal: return 3;  // 0.920 is 92.0%
  }
  return 6;
}

void set_header(lxw_worksheet* sheet, const Row& header, lxw_format* bold) {
  for (std::size_t c = 0; c < header.size(); ++c) {
    worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), header[c].c_str(), bold);
    worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), c == 0 ? 48 : 18, nullptr);
  }
}

}  // namespace

void write_sheet(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<Row>& rows,
                 lxw_format* bold) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
  set_header(sheet, header, bold);
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

SheetFormats::SheetFormats(lxw_workbook* workbook) : header_(workbook_add_format(workbook)) {
  format_set_bold(header_);
  format_set_text_wrap(header_);
  for (const NumberStyle style : kStyles) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_num_format(format, format_code(style));
    numbers_.push_back(format);
  }
}

lxw_format* SheetFormats::number(NumberStyle style) const { return numbers_.at(static_cast<std::size_t>(style)); }

double rounded(double value, NumberStyle style) {
  const double scale = std::pow(10.0, decimals_stored(style));
  return std::round(value * scale) / scale;
}

void write_table(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<CellRow>& rows,
                 const SheetFormats& formats) {
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, name);
  set_header(sheet, header, formats.header());
  worksheet_freeze_panes(sheet, 1, 0);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (std::size_t c = 0; c < rows[r].size(); ++c) {
      const auto row = static_cast<lxw_row_t>(r + 1);
      const auto col = static_cast<lxw_col_t>(c);
      const Cell& cell = rows[r][c];
      if (const auto* number = std::get_if<double>(&cell.value)) {
        worksheet_write_number(sheet, row, col, rounded(*number, cell.style), formats.number(cell.style));
      } else {
        worksheet_write_string(sheet, row, col, std::get<std::string>(cell.value).c_str(), nullptr);
      }
    }
  }
}

}  // namespace clinaudit::report
