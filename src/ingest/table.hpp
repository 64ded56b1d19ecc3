#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::ingest {

// A small CSV file read whole: a header row naming the columns and the data rows.
// For summary-level inputs (a few thousand rows); large files stream through
// CsvReader instead. Row numbers in messages are spreadsheet rows (header = row 1).
class Table {
 public:
  // Reads a header row and every data row. Errors: invalid_input for malformed CSV,
  // an empty input, a blank or repeated column name, or a row whose field count
  // differs from the header's (naming the row).
  static Result<Table> read(std::istream& input);

  const std::vector<std::string>& columns() const { return columns_; }
  std::size_t row_count() const { return rows_.size(); }
  const std::vector<std::string>& row(std::size_t index) const { return rows_[index]; }

  // The index of a column (exact name). Errors: invalid_input naming the column and
  // listing the columns the file has.
  Result<std::size_t> column_index(std::string_view name) const;
  bool has_column(std::string_view name) const;

  // A column's text values.
  Result<std::vector<std::string>> text_column(std::string_view name) const;
  // A column parsed as numbers. Errors: invalid_input naming row, column and value
  // for an empty cell or text that is not a finite number.
  Result<std::vector<double>> number_column(std::string_view name) const;

  // The spreadsheet row number of data row `index` (0-based): index + 2.
  static std::int64_t sheet_row(std::size_t index) { return static_cast<std::int64_t>(index) + 2; }

 private:
  std::vector<std::string> columns_;
  std::vector<std::vector<std::string>> rows_;
};

// Parses a whole cell as a finite decimal number ("3", "-0.25", "1e-3"); surrounding
// spaces are not allowed (CsvReader already trims them).
std::optional<double> parse_number(std::string_view text);

}  // namespace clinaudit::ingest
