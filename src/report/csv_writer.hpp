#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::report {

// Writes RFC 4180 CSV: fields containing a comma, quote, CR or LF are quoted and their
// quotes doubled; records end with LF. Not thread-safe; the stream must outlive it.
class CsvWriter {
 public:
  explicit CsvWriter(std::ostream& out) : out_(out) {}
  void row(const std::vector<std::string>& fields);

 private:
  std::ostream& out_;
};

// One field, quoted only when it must be.
std::string csv_field(std::string_view text);

}  // namespace clinaudit::report
