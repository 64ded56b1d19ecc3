#pragma once

#include <string>

#include "core/result.hpp"

namespace clinaudit::platform {

// Prints an HTML document to PDF with Debian's headless Chromium (/usr/bin/chromium), as a
// browser prints it (A4, the document's own @page rules and page numbers). The page is read
// from a private temporary folder, removed afterwards. Blocks until Chromium has finished (a
// few seconds); safe to call from several threads at once (each call has its own folder).
// Errors: not_found when Chromium is not installed; storage_unavailable when printing fails.
Result<void> print_html_to_pdf(const std::string& html, const std::string& pdf_path);

// The same, giving the PDF's bytes (for the web application's download).
Result<std::string> html_to_pdf(const std::string& html);

}  // namespace clinaudit::platform
