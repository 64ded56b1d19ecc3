#pragma once

#include <xlsxwriter.h>

#include <string>
#include <variant>
#include <vector>

namespace clinaudit::report {

using Row = std::vector<std::string>;

// Adds a worksheet with a bold header row; a cell whose text is a whole number written
// as a number is stored as a number, so spreadsheets can sum and chart it.
void write_sheet(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<Row>& rows,
                 lxw_format* bold);

// How a number cell reads: its decimals, and whether it is a share shown as a percentage.
enum class NumberStyle {
  whole,               // 45
  one_decimal,         // 30.0
  two_decimals,        // 1.62
  three_decimals,      // 1.620
  percent_whole,       // 0.9 shown as 90%
  percent_one_decimal  // 0.92 shown as 92.0%
};

// A cell of a typed table: text, or a number stored rounded to its style's precision (a
// percentage's share to one more place than its decimals), so the cell holds what it shows.
struct Cell {
  std::variant<std::string, double> value;
  NumberStyle style = NumberStyle::two_decimals;

  Cell(std::string text) : value(std::move(text)) {}    // NOLINT(google-explicit-constructor): rows read as lists
  Cell(const char* text) : value(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  Cell(double number, NumberStyle how) : value(number), style(how) {}
};
using CellRow = std::vector<Cell>;

// The formats of a workbook's typed tables: the bold header and one number format per style.
// Made once per workbook, which owns them.
class SheetFormats {
 public:
  explicit SheetFormats(lxw_workbook* workbook);
  lxw_format* header() const { return header_; }
  lxw_format* number(NumberStyle style) const;

 private:
  lxw_format* header_;
  std::vector<lxw_format*> numbers_;
};

// `value` rounded as `style` shows it (0.91999 -> 0.92 for percent_one_decimal).
double rounded(double value, NumberStyle style);

// Adds a worksheet with a bold header row (frozen, so it stays in view) and the rows' cells.
void write_table(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<CellRow>& rows,
                 const SheetFormats& formats);

}  // namespace clinaudit::report
