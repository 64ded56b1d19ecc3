// libFuzzer target for the check of an uploaded document (domain/evidence_document.hpp): any
// bytes must be recognised as a PDF or a Word document or refused with invalid_input, never a
// crash or a read outside the file (the zip directory's offsets and lengths are untrusted);
// the name made safe must hold no character that could break a header.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/evidence_document.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // A private copy, so that AddressSanitizer sees any read past its end.
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  const auto recognised = clinaudit::domain::recognise_document(bytes, std::size_t{10} * 1024 * 1024);
  if (!recognised && recognised.error().code != clinaudit::ErrorCode::invalid_input) __builtin_trap();
  if (recognised && *recognised == clinaudit::domain::DocumentType::pdf && bytes.rfind("%PDF-", 0) != 0) {
    __builtin_trap();
  }
  // The same bytes as a file name.
  const auto type = recognised ? *recognised : clinaudit::domain::DocumentType::pdf;
  const std::string name = clinaudit::domain::safe_file_name(bytes, type);
  if (name.empty() || name.size() > 120) __builtin_trap();
  for (const char c : name) {
    if (c == '"' || c == '\\' || c == '/' || c == ';' || static_cast<unsigned char>(c) < 0x20 ||
        static_cast<unsigned char>(c) >= 0x7F) {
      __builtin_trap();
    }
  }
  return 0;
}
