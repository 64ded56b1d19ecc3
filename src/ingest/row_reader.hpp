#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "ingest/csv_reader.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {

// A column an import kind knows: its name as documented (docs/csv-import.md), whether
// every file must have it, and other names a file may give it (space-separated, in the
// normalised form, e.g. "provider_code provider").
struct ColumnSpec {
  std::string_view name;
  bool required = false;
  std::string_view aliases = {};

  bool matches(std::string_view normalised) const;
};

// Reads a CSV input whose header row names its columns, row by row, and reports every
// problem it meets to a ValidationReport instead of stopping:
// - the header may name the columns in any order and letter case, with spaces, hyphens
//   or underscores between words ("Organisation Code" matches organisation_code), or
//   by one of the column's aliases;
//   a required column that is missing, a column named twice, and (unless extra columns
//   are kept) a column the kind does not know are reported against row 1;
// - a data row whose field count differs from the header's, or with text that is not
//   valid UTF-8, is reported and skipped; rows whose fields are all empty (what a
//   spreadsheet writes for blank rows) are skipped silently;
// - malformed CSV (a stray quote) is reported and ends the input: what follows cannot
//   be split into fields reliably.
// The typed getters read the current row's cell, report a bad value with its row and
// column and return nullopt; an empty cell is nullopt too, and a problem when the
// column is required. row_ok() says whether the current row has had no problem yet.
// Row numbers are spreadsheet rows: the header is row 1.
// Not thread-safe; the stream and the report must outlive the reader.
class RowReader {
 public:
  enum class Extra { unknown, keep };  // what to do with columns not in `columns`

  RowReader(std::istream& input, std::vector<ColumnSpec> columns, ValidationReport& report,
            Extra extra = Extra::unknown);

  // Moves to the next data row that has the right shape. False at the end of input.
  bool next();

  std::int64_t row() const { return csv_.record_number(); }
  bool row_ok() const { return row_ok_; }
  // Data rows read so far, good or bad, and bytes consumed (for progress).
  std::int64_t rows_read() const { return rows_read_; }
  std::int64_t bytes_read() const { return csv_.bytes_read(); }
  // False when the input had no header row at all (reported).
  bool has_header() const { return has_header_; }

  // Whether the file has column `column` (an index into the ColumnSpec list).
  bool has(std::size_t column) const { return index_[column] >= 0; }
  // The cell of `column` in the current row; "" when the file lacks the column.
  std::string_view cell(std::size_t column) const;
  // The column's name as the file's header writes it (the documented name if absent).
  std::string_view name(std::size_t column) const;

  // Reports a problem with the current row's cell of `column` (value shown) or with the
  // row as a whole (`column` empty), and marks the row as bad.
  void problem(std::size_t column, std::string_view message);
  void row_problem(std::string_view column_name, std::string_view value, std::string_view message);

  // Typed getters (see the class comment). text() returns the cell, nullopt when empty.
  std::optional<std::string_view> text(std::size_t column);
  std::optional<Date> date(std::size_t column);
  std::optional<bool> flag(std::size_t column);
  std::optional<std::int64_t> count(std::size_t column);
  std::optional<double> number(std::size_t column);
  std::optional<FinancialYear> year(std::size_t column);

  // Columns kept with Extra::keep, in file order: their header names and current cells.
  const std::vector<std::string>& extra_names() const { return extra_names_; }
  std::string_view extra_cell(std::size_t extra) const { return fields_[extra_index_[extra]]; }

 private:
  void read_header(Extra extra);
  bool empty_cell(std::size_t column);
  template <typename T, typename Parse>
  std::optional<T> parse_cell(std::size_t column, Parse parse);

  CsvReader csv_;
  std::vector<ColumnSpec> columns_;
  ValidationReport& report_;
  std::vector<std::string> header_;
  std::vector<int> index_;  // spec -> file column, -1 when absent
  std::vector<std::size_t> extra_index_;
  std::vector<std::string> extra_names_;
  std::vector<std::size_t> unnamed_;      // file columns with a blank header
  std::vector<std::string_view> fields_;  // the current row's cells: views into the reader's memory
  std::int64_t rows_read_ = 0;
  bool row_ok_ = false;
  bool has_header_ = false;
  bool finished_ = false;
};

}  // namespace clinaudit::ingest
