#pragma once

#include <string>
#include <vector>

#include "domain/board_pack.hpp"
#include "report/xlsx_sheet.hpp"

namespace clinaudit::report {

// The board pack as a complete HTML document for the screen and for print (A4, page numbers
// in the footer; sections follow one another with no forced page break, so no page is left
// nearly blank, while a heading stays with what follows it and a table row, a list item or a
// chart is never split across pages): the assure /
// advise / alert summary; participation and case ascertainment; open outlier cases and
// their stage; the integrated quality report table with Making Data Count variation and
// assurance icons, and SPC charts for measures with special causes; CUSUM alerts; actions
// overdue and completed; re-audit outcomes with the interval for the change; national
// reports not yet reviewed; the board's own engagement. Self-contained (inline CSS, inline
// SVG, no script) so it prints to PDF as it is. Deterministic.
std::string board_pack_html(const domain::BoardPack& pack);

// A measure's value as the pack's tables and workbook give it, before rounding: a rate times
// its multiplier (per 1,000 bed days), anything else as stored (proportions, and ratios
// charted as events / cases, are then written as percentages).
double pack_value(const domain::MeasureChart& m, double value);

// A "Re-audits" worksheet: each outcome before and after as percentages, the change and its
// 95% limits in points, and the verdict (the pack's sheet, and the annual report's).
void write_reaudit_sheet(lxw_workbook* workbook, const std::vector<domain::ReauditOutcome>& outcomes,
                         const SheetFormats& formats);

// The pack's tables as an XLSX workbook (one sheet per table, a header row in words, enums
// in their display words, numbers rounded as the pack shows them: shares as percentages),
// written to `path`.
// Errors: storage_unavailable when the file cannot be written.
Result<void> write_board_pack_xlsx(const domain::BoardPack& pack, const std::string& path);

}  // namespace clinaudit::report
