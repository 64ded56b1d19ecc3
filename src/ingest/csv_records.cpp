#include "ingest/csv_records.hpp"

namespace clinaudit::ingest {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t'; }
bool is_line_end(char c) { return c == '\n' || c == '\r'; }

// Past the line end at `p` (CRLF counts as one).
const char* past_line_end(const char* p, const char* end) {
  if (*p == '\r' && p + 1 != end && p[1] == '\n') return p + 2;
  return p + 1;
}

// The record at `p`, whatever its length (split_csv_record below bounds it).
CsvSplit split_record(const char* p, const char* end, bool at_eof, std::vector<std::string_view>& fields,
                      std::deque<std::string>& unescaped, const char*& next) {
  fields.clear();
  std::size_t escaped = 0;
  while (true) {
    while (p != end && is_space(*p)) ++p;
    if (fields.empty() && (p == end || is_line_end(*p))) {  // a blank line, or the end of the text
      if (p == end && !at_eof) return CsvSplit::incomplete;
      next = p == end ? p : past_line_end(p, end);
      return CsvSplit::record;
    }
    std::string_view field;
    if (p != end && *p == '"') {
      const char* start = ++p;
      bool doubled = false;
      while (true) {
        if (p == end) return at_eof ? CsvSplit::malformed : CsvSplit::incomplete;
        if (*p == '"') {
          if (p + 1 == end && !at_eof) return CsvSplit::incomplete;
          if (p + 1 != end && p[1] == '"') {
            doubled = true;
            p += 2;
            continue;
          }
          break;
        }
        ++p;
      }
      field = std::string_view(start, static_cast<std::size_t>(p - start));
      ++p;
      while (p != end && is_space(*p)) ++p;
      if (p != end && *p != ',' && !is_line_end(*p)) return CsvSplit::malformed;
      if (doubled) {
        if (unescaped.size() <= escaped) unescaped.emplace_back();
        auto& text = unescaped[escaped++];
        text.clear();
        for (std::size_t i = 0; i < field.size(); ++i) {
          text.push_back(field[i]);
          if (field[i] == '"') ++i;
        }
        field = text;
      }
    } else {
      const char* start = p;
      while (p != end && *p != ',' && !is_line_end(*p)) {
        if (*p == '"') return CsvSplit::malformed;
        ++p;
      }
      const char* stop = p;
      while (stop != start && is_space(stop[-1])) --stop;
      field = std::string_view(start, static_cast<std::size_t>(stop - start));
    }
    fields.push_back(field);
    if (p == end) {
      if (!at_eof) return CsvSplit::incomplete;
      next = p;
      return CsvSplit::record;
    }
    if (is_line_end(*p)) {
      next = past_line_end(p, end);
      return CsvSplit::record;
    }
    ++p;  // ','
  }
}

}  // namespace

std::string csv_record_too_long(std::size_t max_record_bytes) {
  constexpr std::size_t kMiB = std::size_t{1} << 20;
  const std::string size = max_record_bytes >= kMiB && max_record_bytes % kMiB == 0
                               ? std::to_string(max_record_bytes / kMiB) + " MiB"
                               : std::to_string(max_record_bytes) + " bytes";
  return "a record longer than " + size + " (is a quote never closed?)";
}

std::string csv_split_problem(CsvSplit split, std::size_t max_record_bytes) {
  return split == CsvSplit::malformed ? kMalformedCsv : csv_record_too_long(max_record_bytes);
}

CsvSplit split_csv_record(const char* p, const char* end, bool at_eof, std::size_t max_record_bytes,
                          std::vector<std::string_view>& fields, std::deque<std::string>& unescaped,
                          const char*& next) {
  const auto split = split_record(p, end, at_eof, fields, unescaped, next);
  const char* const reached = split == CsvSplit::record ? next : end;  // an incomplete record holds the rest
  if (split != CsvSplit::malformed && static_cast<std::size_t>(reached - p) > max_record_bytes) {
    return CsvSplit::too_long;
  }
  return split;
}

}  // namespace clinaudit::ingest
