#pragma once

#include <string>

#include "core/result.hpp"
#include "domain/annual_audit_report.hpp"
#include "report/text_document.hpp"

// The annual clinical audit report for the board, the Quality Committee and the Quality
// Account: one document written as a printable HTML page (and so as PDF) and as an XLSX
// workbook, from the same rows.
namespace clinaudit::report {

// The report as a document: a summary, the programme against plan by division, the local
// audits completed by division, the national and local audit reports reviewed (the Quality
// Account's), the actions and the re-audit outcomes with the interval for each change.
TextDocument annual_audit_report_document(const domain::AnnualAuditReport& report);

// The document as a complete HTML page for the screen and for print (A4), self-contained
// (inline CSS, no script). Deterministic.
std::string annual_audit_report_html(const domain::AnnualAuditReport& report);

// The report as an XLSX workbook: "Summary", "By division", "Completed", "Reports reviewed"
// and "Re-audits" sheets, headers in words. Errors: storage_unavailable when the file cannot
// be written.
Result<void> write_annual_audit_report_xlsx(const domain::AnnualAuditReport& report, const std::string& path);

}  // namespace clinaudit::report
