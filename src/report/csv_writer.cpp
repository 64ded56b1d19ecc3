#include "report/csv_writer.hpp"

#include <cctype>

namespace clinaudit::report {
namespace {

// A number as a spreadsheet reads it: optional sign, digits with at most one point, an
// optional exponent; or the non-finite values that format_number writes.
bool plain_number(std::string_view text) {
  if (text == "NaN" || text == "Inf" || text == "-Inf" || text == "+Inf") return true;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  bool digits = false;
  bool point = false;
  for (; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c) != 0) {
      digits = true;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      break;
    }
  }
  if (!digits) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    const std::size_t exponent = i;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])) != 0) ++i;
    if (i == exponent) return false;
  }
  return i == text.size();
}

// A spreadsheet runs a cell that begins with one of these as a formula (OWASP, "CSV Injection").
bool formula_like(std::string_view text) {
  if (text.empty()) return false;
  switch (text.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return !plain_number(text);
    default: return false;
  }
}

}  // namespace

std::string csv_field(std::string_view text) {
  const bool formula = formula_like(text);
  if (!formula && text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string quoted = formula ? "\"'" : "\"";
  for (const char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

void CsvWriter::row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out_ << ',';
    out_ << csv_field(fields[i]);
  }
  out_ << '\n';
}

}  // namespace clinaudit::report
