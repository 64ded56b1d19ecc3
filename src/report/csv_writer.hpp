#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::report {

// Writes RFC 4180 CSV: fields containing a comma, quote, CR or LF are quoted and their
// quotes doubled; records end with LF. Text that a spreadsheet would run as a formula is
// written as text (csv_field). Not thread-safe; the stream must outlive it.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void row(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

// One field, quoted only when it must be. A field that begins with =, +, -, @, a tab or a
// carriage return and is not a plain number ("-0.5", "+1", "1e-10", "-Inf" stay as they are)
// is quoted with a single quote before its text, so that a spreadsheet shows it as text
// instead of running it as a formula (OWASP, "CSV Injection"). Every CSV the product writes
// goes through here. Pure.
std::string csv_field(std::string_view text);

}  // namespace clinaudit::report
