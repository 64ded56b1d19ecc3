#include "ingest/table.hpp"

#include <charconv>
#include <cmath>
#include <set>

#include "ingest/csv_reader.hpp"

namespace clinaudit::ingest {

std::optional<double> parse_number(std::string_view text) {
  if (text.empty()) return std::nullopt;
  const char* first = text.data();
  if (*first == '+') ++first;
  double value = 0;
  const auto [ptr, ec] = std::from_chars(first, text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

Result<Table> Table::read(std::istream& input) {
  CsvReader reader(input);
  Table table;
  CLINAUDIT_TRY(auto header, reader.next(table.columns_));
  if (!header) return Error{ErrorCode::invalid_input, "the file is empty: expected a header row"};
  std::set<std::string> seen;
  for (std::size_t i = 0; i < table.columns_.size(); ++i) {
    const auto& name = table.columns_[i];
    if (name.empty()) {
      return Error{ErrorCode::invalid_input, "row 1: column " + std::to_string(i + 1) + " has no name"};
    }
    if (!seen.insert(name).second) {
      return Error{ErrorCode::invalid_input, "row 1: column '" + name + "' appears twice"};
    }
  }
  std::vector<std::string> fields;
  while (true) {
    CLINAUDIT_TRY(auto more, reader.next(fields));
    if (!more) break;
    if (fields.size() != table.columns_.size()) {
      return Error{ErrorCode::invalid_input, "row " + std::to_string(reader.record_number()) + ": " +
                                                 std::to_string(fields.size()) + " fields, expected " +
                                                 std::to_string(table.columns_.size()) + " as in the header"};
    }
    table.rows_.push_back(std::move(fields));
    fields.clear();
  }
  return table;
}

bool Table::has_column(std::string_view name) const {
  for (const auto& column : columns_) {
    if (column == name) return true;
  }
  return false;
}

Result<std::size_t> Table::column_index(std::string_view name) const {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i] == name) return i;
  }
  std::string known;
  for (const auto& column : columns_) known += (known.empty() ? "" : ", ") + column;
  return Error{ErrorCode::invalid_input, "unknown column '" + std::string(name) + "' (the file has: " + known + ")"};
}

Result<std::vector<std::string>> Table::text_column(std::string_view name) const {
  CLINAUDIT_TRY(const auto index, column_index(name));
  std::vector<std::string> values;
  values.reserve(rows_.size());
  for (const auto& row : rows_) values.push_back(row[index]);
  return values;
}

Result<std::vector<double>> Table::number_column(std::string_view name) const {
  CLINAUDIT_TRY(const auto index, column_index(name));
  std::vector<double> values;
  values.reserve(rows_.size());
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    const auto& cell = rows_[i][index];
    const auto value = parse_number(cell);
    if (!value) {
      return Error{ErrorCode::invalid_input, "row " + std::to_string(sheet_row(i)) + ", column '" + std::string(name) +
                                                 "': '" + cell + "' is not a number"};
    }
    values.push_back(*value);
  }
  return values;
}

}  // namespace clinaudit::ingest
