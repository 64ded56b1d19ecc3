#pragma once

#include <cstdint>
#include <deque>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::ingest {

// Reads comma-separated values (RFC 4180) from a stream, one record at a time,
// without holding the whole input in memory. Accepts UTF-8 with or without a byte
// order mark, CRLF or LF line ends, and quoted fields with embedded commas, doubled
// quotes and line breaks. Spaces around unquoted fields are trimmed; blank lines are
// skipped. Record numbers count records from 1 (the header, if any, is record 1),
// which is the row number a spreadsheet shows for the same file.
// Not thread-safe; the stream must outlive the reader.
class CsvReader {
 public:
  explicit CsvReader(std::istream& input);
  ~CsvReader();
  CsvReader(const CsvReader&) = delete;
  CsvReader& operator=(const CsvReader&) = delete;

  // Reads the next record into `fields` (replacing its contents). Returns false at the
  // end of input. Errors: invalid_input for malformed quoting, naming the record.
  Result<bool> next(std::vector<std::string>& fields);

  // The number of the record most recently returned by next().
  std::int64_t record_number() const { return record_number_; }

  // Bytes of input consumed so far (for progress reports).
  std::int64_t bytes_read() const { return bytes_read_; }

 private:
  struct Parser;
  bool fill();

  std::istream& input_;
  std::unique_ptr<Parser> parser_;
  std::deque<std::vector<std::string>> ready_;
  std::int64_t record_number_ = 0;
  std::int64_t bytes_read_ = 0;
  bool first_chunk_ = true;
  bool finished_ = false;
  std::optional<Error> error_;
};

}  // namespace clinaudit::ingest
