#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace clinaudit::report {

using Row = std::vector<std::string>;

// Adds a worksheet with a bold header row; a cell whose text is a whole number written
// as a number is stored as a number, so spreadsheets can sum and chart it.
void write_sheet(lxw_workbook* workbook, const char* name, const Row& header, const std::vector<Row>& rows,
                 lxw_format* bold);

}  // namespace clinaudit::report
