#pragma once

#include <string>

#include "core/result.hpp"
#include "report/text_document.hpp"

namespace clinaudit::report {

// The document as a Word (Office Open XML, WordprocessingML) file: the bytes of a .docx.
// Headings use Word's built-in styles "Heading 1" to "Heading 3", so they appear in the
// navigation pane and a table of contents; list items use "List Bullet" with a bullet; a table
// has a repeated bold header row and single borders. A4 pages. Zipped with libzip.
// Deterministic: the same document gives the same bytes (entries carry a fixed date).
// Errors: internal when libzip fails.
Result<std::string> docx_bytes(const TextDocument& document);

}  // namespace clinaudit::report
