#pragma once

#include <string>

#include "core/result.hpp"

namespace clinaudit::cli {

// Prints an HTML document to PDF with Debian's headless Chromium (/usr/bin/chromium), as a
// browser prints it (A4, the document's own @page rules and page numbers).
// Errors: not_found when Chromium is not installed; storage_unavailable when printing fails.
Result<void> print_html_to_pdf(const std::string& html, const std::string& pdf_path);

}  // namespace clinaudit::cli
