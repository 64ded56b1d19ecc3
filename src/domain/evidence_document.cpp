#include "domain/evidence_document.hpp"

#include <algorithm>
#include <utility>

namespace clinaudit::domain {

namespace {

constexpr std::string_view kPdfMediaType = "application/pdf";
constexpr std::string_view kDocxMediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr std::string_view kWordBody = "word/document.xml";

// Little-endian fields of a zip archive, read only where `at + width` lies within `data`.
std::optional<std::uint32_t> read_le(std::string_view data, std::size_t at, std::size_t width) {
  if (at > data.size() || width > data.size() - at) return std::nullopt;
  std::uint32_t value = 0;
  for (std::size_t i = width; i > 0; --i) {
    value = (value << 8U) | static_cast<unsigned char>(data[at + i - 1]);
  }
  return value;
}

constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::uint32_t kCentralHeader = 0x02014b50;
constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::size_t kEndOfDirectorySize = 22;
constexpr std::size_t kCentralHeaderSize = 46;
constexpr std::size_t kLongestComment = 0xFFFF;

// Whether `data` is a zip archive whose central directory names the Word body. The end of
// the central directory is looked for from the end back (past a comment of at most 64 KB);
// each directory entry is read within the archive's bounds.
bool is_word_archive(std::string_view data) {
  if (read_le(data, 0, 4) != kLocalHeader || data.size() < kEndOfDirectorySize) return false;
  const std::size_t last = data.size() - kEndOfDirectorySize;
  const std::size_t first = last > kLongestComment ? last - kLongestComment : 0;
  for (std::size_t end = last + 1; end-- > first;) {
    if (read_le(data, end, 4) != kEndOfDirectory) continue;
    const auto entries = read_le(data, end + 10, 2);
    const auto directory_size = read_le(data, end + 12, 4);
    const auto directory_at = read_le(data, end + 16, 4);
    if (!entries || !directory_size || !directory_at || *directory_at > end || *directory_size > end - *directory_at) {
      continue;
    }
    std::size_t at = *directory_at;
    const std::size_t stop = *directory_at + *directory_size;
    for (std::uint32_t i = 0; i < *entries; ++i) {
      if (at > stop || stop - at < kCentralHeaderSize || read_le(data, at, 4) != kCentralHeader) break;
      const std::size_t name_length = *read_le(data, at + 28, 2);
      const std::size_t extra_length = *read_le(data, at + 30, 2);
      const std::size_t comment_length = *read_le(data, at + 32, 2);
      const std::size_t name_at = at + kCentralHeaderSize;
      if (name_length > stop - name_at) break;
      if (data.substr(name_at, name_length) == kWordBody) return true;
      const std::size_t next = name_length + extra_length + comment_length;
      if (next > stop - name_at) break;
      at = name_at + next;
    }
  }
  return false;
}

bool kept_in_name(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' || c == '.' ||
         c == '-' || c == '_' || c == '(' || c == ')';
}

bool ends_with_lower(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  const auto tail = text.substr(text.size() - suffix.size());
  return std::equal(tail.begin(), tail.end(), suffix.begin(),
                    [](char a, char b) { return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b; });
}

}  // namespace

std::string_view to_string(DocumentOwner owner) { return owner == DocumentOwner::action ? "action" : "outlier_case"; }

std::optional<DocumentOwner> parse_document_owner(std::string_view text) {
  if (text == "action") return DocumentOwner::action;
  if (text == "outlier_case") return DocumentOwner::outlier_case;
  return std::nullopt;
}

std::string_view media_type(DocumentType type) { return type == DocumentType::pdf ? kPdfMediaType : kDocxMediaType; }

Result<DocumentType> recognise_document(std::string_view content, std::size_t max_bytes) {
  if (content.empty()) return Error{ErrorCode::invalid_input, "document: choose a PDF or Word file to upload"};
  if (content.size() > max_bytes) {
    return Error{ErrorCode::invalid_input, "document: the file is larger than the limit of " +
                                               size_in_words(static_cast<std::int64_t>(max_bytes)) +
                                               "; nothing was saved"};
  }
  if (content.substr(0, 5) == "%PDF-") return DocumentType::pdf;
  if (is_word_archive(content)) return DocumentType::docx;
  return Error{ErrorCode::invalid_input,
               "document: the file is not a PDF or a Word document (.docx); nothing was saved"};
}

std::string safe_file_name(std::string_view given, DocumentType type) {
  constexpr std::size_t kLongest = 120;
  if (const auto slash = given.find_last_of("/\\"); slash != std::string_view::npos) given.remove_prefix(slash + 1);
  std::string name;
  for (const char c : given) {
    if (name.empty() && (c == '.' || c == ' ')) continue;
    name += kept_in_name(c) ? c : '_';
  }
  while (!name.empty() && name.back() == ' ') name.pop_back();
  const std::string_view extension = type == DocumentType::pdf ? ".pdf" : ".docx";
  if (name.empty()) name = "document";
  if (!ends_with_lower(name, extension)) name += extension;
  if (name.size() > kLongest) name = name.substr(0, kLongest - extension.size()) + std::string(extension);
  return name;
}

std::string size_in_words(std::int64_t bytes) {
  constexpr std::int64_t kKiB = 1024;
  constexpr std::int64_t kMiB = kKiB * kKiB;
  if (bytes < kKiB) return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
  const std::int64_t kilobytes = (bytes + kKiB / 2) / kKiB;
  if (kilobytes < kKiB) return std::to_string(kilobytes) + " KB";
  const std::int64_t tenths = (bytes * 10 + kMiB / 2) / kMiB;
  std::string out = std::to_string(tenths / 10);
  if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
  return out + " MB";
}

Result<void> check(const EvidenceDocument& document) {
  const auto invalid = [](std::string message) { return Error{ErrorCode::invalid_input, std::move(message)}; };
  if (document.owner_id <= 0) return invalid("document: it must belong to an action or an outlier case");
  if (document.file_name.empty()) return invalid("document: the file needs a name");
  if (document.media_type != kPdfMediaType && document.media_type != kDocxMediaType) {
    return invalid("document: only PDF and Word documents are kept, not " + document.media_type);
  }
  if (document.size <= 0) return invalid("document: the file is empty");
  const bool hex = document.sha256.size() == 64 &&
                   std::all_of(document.sha256.begin(), document.sha256.end(),
                               [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
  if (!hex) return invalid("document: the SHA-256 must be 64 lower-case hex digits");
  if (document.uploaded_at.empty()) return invalid("document: the time of the upload is missing");
  return {};
}

}  // namespace clinaudit::domain
