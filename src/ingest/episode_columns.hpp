#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

#include "core/compact_numbers.hpp"
#include "core/result.hpp"

namespace clinaudit::ingest {

// A numeric column read from an episode file, kept as narrow as its values allow (whole
// numbers of a byte or two take a byte or two each).
struct NumberColumn {
  std::string name;
  CompactNumbers values;
};

// A text-valued column read as categories: each distinct text is a level (in the order first
// seen) and each episode holds the index of its level.
struct CategoryColumn {
  std::string name;
  std::vector<std::string> levels;
  std::vector<std::uint32_t> codes;
};

// Which columns to read. A column may appear both as a number and as a category (it is then
// read twice); the outcome column holds 0 or 1.
struct EpisodeColumnsRequest {
  std::string outcome;
  std::vector<std::string> numbers;
  std::vector<std::string> categories;
  // Called now and then with the bytes read so far (progress reports); may be empty.
  std::function<void(std::int64_t bytes)> progress;
  // Threads that convert the file's blocks: 0 = one per hardware thread, 1 = none besides the
  // caller's. The result does not depend on it.
  unsigned threads = 0;
  // The file is cut into blocks of about this many bytes, each ending at a record's end, and
  // the blocks are converted in parallel.
  std::size_t block_bytes = std::size_t{4} << 20;
  // The input's size in bytes when known (0 when not): the columns are then allocated once
  // instead of growing.
  std::int64_t size_hint = 0;
  // A record longer than this is an error (a quote never closed would otherwise hold the rest
  // of the file in memory).
  std::size_t max_record_bytes = std::size_t{64} << 20;
};

// The requested columns, each in request order, with one entry per data row.
struct EpisodeColumns {
  std::int64_t rows = 0;
  std::vector<std::uint8_t> outcome;
  std::vector<NumberColumn> numbers;
  std::vector<CategoryColumn> categories;
};

// Reads the requested columns of a CSV file of episodes (a header row naming the columns,
// then one row per episode) into contiguous arrays, streaming: memory is the arrays plus a
// few blocks of the file, whatever its size. The file is cut into blocks at record ends
// (found by counting quotes, or with the full parser when the quoting is not well formed) and
// the blocks are converted on `threads` threads, then joined in file order. Fields that are
// not requested are skipped without being converted. Splits records as CsvReader does
// (ingest/csv_records.hpp: RFC 4180 quoting, CRLF, LF or CR line ends, spaces around unquoted
// fields, blank lines) and skips a UTF-8 byte order mark; row numbers
// in messages are record numbers with the header as row 1, as a spreadsheet shows them.
// Numbers are decimal text ("3", "-0.25", "1e-3"); the outcome is 0 or 1.
// Errors (invalid_input, naming row, column and value): an empty input, an unknown column
// (listing the file's columns), a repeated column name in the header, a row whose field
// count differs from the header's, malformed quoting, a missing or non-numeric number, an
// outcome other than 0 or 1, an empty category, a record longer than max_record_bytes (a quote
// never closed). When several rows are bad, the first is named. Not thread-safe with respect to
// `input`.
Result<EpisodeColumns> read_episode_columns(std::istream& input, const EpisodeColumnsRequest& request);

}  // namespace clinaudit::ingest
