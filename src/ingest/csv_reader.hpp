#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::ingest {

// Reads comma-separated values (RFC 4180) from a stream, one record at a time,
// without holding the whole input in memory. Accepts UTF-8 with or without a byte
// order mark, CRLF, LF or CR line ends, and quoted fields with embedded commas, doubled
// quotes and line breaks. Spaces around unquoted fields are trimmed; blank lines are
// skipped (ingest/csv_records.hpp has the rules). Record numbers count records from 1 (the
// header, if any, is record 1), which is the row number a spreadsheet shows for the same file.
// Memory: a read of the input (64 KiB) and the longest record, at most max_record_bytes.
// Not thread-safe; the stream must outlive the reader.
class CsvReader {
 public:
  static constexpr std::size_t kDefaultMaxRecordBytes = std::size_t{64} << 20;

  explicit CsvReader(std::istream& input, std::size_t max_record_bytes = kDefaultMaxRecordBytes);

  // Reads the next record into `fields` (replacing its contents). Returns false at the
  // end of input. Errors (invalid_input, naming the record): malformed quoting, a record
  // longer than max_record_bytes (a quote never closed would otherwise take in the rest of
  // the input). After an error every call returns it again.
  Result<bool> next(std::vector<std::string>& fields);
  // The same, with the fields as views into the reader's memory: valid until the next call.
  Result<bool> next(std::vector<std::string_view>& fields);

  // The number of the record most recently returned by next().
  std::int64_t record_number() const { return record_number_; }

  // Bytes of input consumed so far (for progress reports).
  std::int64_t bytes_read() const { return bytes_read_; }

 private:
  // Keeps the unsplit rest of the buffer and appends a read of the input to it.
  void fill();

  std::istream& input_;
  std::size_t max_record_bytes_;
  std::string buffer_;
  std::size_t start_ = 0;  // where the next record starts in buffer_
  std::deque<std::string> unescaped_;
  std::vector<std::string_view> views_;
  std::int64_t record_number_ = 0;
  std::int64_t bytes_read_ = 0;
  bool first_read_ = true;
  bool at_eof_ = false;
  std::optional<Error> error_;
};

}  // namespace clinaudit::ingest
