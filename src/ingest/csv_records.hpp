#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace clinaudit::ingest {

// Splitting CSV text into records and fields (RFC 4180 quoting), shared by CsvReader and the
// episode column reader so that both read a file alike. The rules are those of the strict libcsv
// parser, which the tests hold them to on many random inputs: fields end at a comma; a record
// ends at a line end outside quotes (LF, CR or CRLF); spaces and tabs around an unquoted field,
// and around a quoted field's quotes, are not part of it; a quoted field may hold commas, line
// ends and doubled quotes; a quote within an unquoted field, text after a closing quote, and a
// quote never closed are malformed. A line of nothing but spaces and tabs is not a record.

// What a malformed record is told (after its row number).
inline constexpr const char* kMalformedCsv =
    "malformed CSV: a field containing quotes must be quoted and its quotes doubled";

// What a record longer than a reader's bound is told, e.g. "a record longer than 64 MiB (is a
// quote never closed?)".
std::string csv_record_too_long(std::size_t max_record_bytes);

enum class CsvSplit {
  record,      // a record, or a blank line (no fields)
  incomplete,  // the text ends inside the record: more text is needed
  malformed,
  too_long,  // the record, whole or not yet, is longer than the bound (a quote never closed?)
};

// Splits the record starting at `p` into `fields`: views into the text, or into `unescaped` for
// quoted fields with doubled quotes. `at_eof`: the text ends at `end` (otherwise a record that
// reaches `end` is incomplete). On `record`, `next` is set past the record's line end; `fields`
// is empty for a blank line. A record, line end included, of more than `max_record_bytes` is
// too_long, whether it ends in the text or not (a malformed one is malformed at any length). `unescaped` is a deque:
// adding a value never moves the others, whose views are in `fields` (a short string keeps its characters inside
// itself).
CsvSplit split_csv_record(const char* p, const char* end, bool at_eof, std::size_t max_record_bytes,
                          std::vector<std::string_view>& fields, std::deque<std::string>& unescaped, const char*& next);

// What a record split as malformed or too_long is told (after its row number).
std::string csv_split_problem(CsvSplit split, std::size_t max_record_bytes);

}  // namespace clinaudit::ingest
