#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"

// A file attached as evidence to an action or to an outlier case's stage (a re-audit report,
// a chief executive's letter, a root-cause report), and the checks an upload must pass before
// anything is stored: the type is read from the content, never from the name.
namespace clinaudit::domain {

// What a document is attached to.
enum class DocumentOwner { action, outlier_case };

std::string_view to_string(DocumentOwner owner);
std::optional<DocumentOwner> parse_document_owner(std::string_view text);

// The types accepted: a PDF, and a Word document (Office Open XML).
enum class DocumentType { pdf, docx };

// "application/pdf" and the Word document's registered media type.
std::string_view media_type(DocumentType type);

// One stored document, without its bytes (Store::document_content gives those).
struct EvidenceDocument {
  std::int64_t id = 0;
  DocumentOwner owner = DocumentOwner::action;
  std::int64_t owner_id = 0;  // the action or the outlier case
  std::string stage;          // the case's stage when it was attached (its key); empty for an action
  std::string file_name;      // as given, made safe to show and to send (safe_file_name)
  std::string media_type;
  std::int64_t size = 0;  // bytes
  std::string sha256;     // 64 lower-case hex digits of the content
  std::optional<UserId> uploaded_by;
  std::string uploaded_by_name;  // the uploader's address when written; shown for a removed account
  std::string uploaded_at;       // ISO 8601 UTC, e.g. "2026-11-26T15:36:00Z"
};

// The type of `content`, recognised by what it holds: a PDF starts with "%PDF-"; a Word
// document is a zip archive whose central directory names "word/document.xml". Anything else
// (an old .doc, a spreadsheet, a zip of other files, a damaged archive) is not accepted.
// `max_bytes` is the largest size accepted. Pure; safe from any thread; reads only within
// `content`, whatever it holds.
// Errors: invalid_input naming the field "document": an empty file, one larger than
// `max_bytes` (the limit in words), or one of another type.
Result<DocumentType> recognise_document(std::string_view content, std::size_t max_bytes);

// A file name fit to show on a page and to send in a Content-Disposition header: the last
// part of a path only; letters, digits, spaces, '.', '-', '_', '(' and ')' kept and any other
// character (quotes, control characters, non-ASCII) turned into '_'; no leading dots or
// spaces; at most 120 characters; ending in the type's extension (".pdf", ".docx"), which is
// added when the name lacks it. An empty name becomes "document.pdf" or "document.docx".
std::string safe_file_name(std::string_view given, DocumentType type);

// A size as a person reads it: "812 bytes", "240 KB", "3.4 MB" (1 KB = 1024 bytes; KB
// rounded to whole numbers, MB to one decimal place).
std::string size_in_words(std::int64_t bytes);

// The rules every stored document keeps, the same for every database: a known owner, a
// name, one of the accepted media types, a size of at least one byte, a SHA-256 of 64
// lower-case hex digits and a time. Errors: invalid_input naming the field.
Result<void> check(const EvidenceDocument& document);

}  // namespace clinaudit::domain
