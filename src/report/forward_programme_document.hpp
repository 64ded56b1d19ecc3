#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "domain/forward_programme.hpp"
#include "report/text_document.hpp"
#include "report/xlsx_sheet.hpp"

// The forward programme for the board and the Quality Committee: one document written as a
// printable HTML page (and so as PDF) and as an XLSX workbook, from the same rows.
namespace clinaudit::report {

// What a person needs to know about an item beyond its progress, in words: carried over
// from an earlier year or into the next (with the reason, or that none is recorded), the
// rationale of an abandoned audit, overdue, why a national audit is not taken part in.
std::vector<std::string> programme_notes(const domain::ProgrammeItem& item);

// "Completed (% of plan)": "67%", or "No audits planned".
std::string completed_share_text(const domain::DivisionProgress& progress);

// Progress against plan, one row per division and the total last (the programme's table,
// and the board pack's).
Table division_progress_table(const std::vector<domain::DivisionProgress>& divisions,
                              const domain::DivisionProgress& total);
// The same rows as a worksheet named `sheet`, counts as numbers and the share as a percentage.
void write_division_progress(lxw_workbook* workbook, const char* sheet,
                             const std::vector<domain::DivisionProgress>& divisions,
                             const domain::DivisionProgress& total, const SheetFormats& formats);

// The programme as a document: progress against plan by division, the audits by tier, and
// the audits carried over or abandoned with their reasons.
TextDocument forward_programme_document(const domain::ForwardProgramme& programme);

// The document as a complete HTML page for the screen and for print (A4), self-contained
// (inline CSS, no script). Deterministic.
std::string forward_programme_html(const domain::ForwardProgramme& programme);

// The programme as an XLSX workbook: "By division" and "Programme" sheets, headers in words,
// counts as numbers. Errors: storage_unavailable when the file cannot be written.
Result<void> write_forward_programme_xlsx(const domain::ForwardProgramme& programme, const std::string& path);

}  // namespace clinaudit::report
