#include "ingest/row_reader.hpp"

#include <algorithm>
#include <map>

#include "ingest/cell_parsers.hpp"
#include "ingest/utf8.hpp"

namespace clinaudit::ingest {
namespace {

// The edit distance between two short names, to suggest what a misspelt column meant.
std::size_t distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

}  // namespace

bool ColumnSpec::matches(std::string_view normalised) const {
  if (normalised == name) return true;
  std::string_view rest = aliases;
  while (!rest.empty()) {
    const auto space = rest.find(' ');
    if (rest.substr(0, space) == normalised) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

RowReader::RowReader(std::istream& input, std::vector<ColumnSpec> columns, ValidationReport& report, Extra extra)
    : csv_(input), columns_(std::move(columns)), report_(report), index_(columns_.size(), -1) {
  read_header(extra);
}

void RowReader::read_header(Extra extra) {
  auto header = csv_.next(header_);
  if (!header) {
    report_.add(1, "", header.error().message);
    finished_ = true;
    return;
  }
  if (!*header) {
    report_.add(1, "", "the file is empty (expected a header row naming the columns)");
    finished_ = true;
    return;
  }
  has_header_ = true;
  std::map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    const auto& label = header_[i];
    if (!is_valid_utf8(label)) {
      report_.add(1, "", label, "is a column name that is not valid UTF-8 (save the file as 'CSV UTF-8')");
      continue;
    }
    const std::string key = normalise_name(label);
    if (key.empty()) {
      unnamed_.push_back(i);
      continue;
    }
    if (const auto [it, fresh] = seen.emplace(key, i); !fresh) {
      report_.add(1, label,
                  "appears twice in the header (column " + std::to_string(it->second + 1) + " and column " +
                      std::to_string(i + 1) + ")");
      continue;
    }
    const auto spec =
        std::find_if(columns_.begin(), columns_.end(), [&](const ColumnSpec& column) { return column.matches(key); });
    if (spec != columns_.end()) {
      auto& slot = index_[static_cast<std::size_t>(spec - columns_.begin())];
      if (slot >= 0) {
        report_.add(1, label,
                    "is another name for column '" + header_[static_cast<std::size_t>(slot)] +
                        "', which the header already has");
      } else {
        slot = static_cast<int>(i);
      }
    } else if (extra == Extra::keep) {
      extra_index_.push_back(i);
      extra_names_.push_back(label);
    } else {
      std::string message = "is not a column of this kind of file";
      std::string_view closest;
      std::size_t best = 3;  // suggest only near misses
      for (const auto& column : columns_) {
        const auto d = distance(key, column.name);
        if (d < best) {
          best = d;
          closest = column.name;
        }
      }
      if (!closest.empty()) {
        message.append(" (did you mean '").append(closest).append("'?)");
      } else {
        message += " (expected:";
        for (const auto& column : columns_) {
          message += ' ';
          message.append(column.name);
        }
        message += ")";
      }
      report_.add(1, label, message);
    }
  }
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    if (columns_[i].required && index_[i] < 0) report_.add(1, columns_[i].name, "is a required column but is missing");
  }
}

bool RowReader::next() {
  while (!finished_) {
    auto more = csv_.next(fields_);
    if (!more) {
      // The reader's message already names the row.
      report_.add(csv_.record_number() + 1, "", more.error().message);
      finished_ = true;
      return false;
    }
    if (!*more) {
      finished_ = true;
      return false;
    }
    if (std::all_of(fields_.begin(), fields_.end(), [](std::string_view f) { return f.empty(); })) continue;
    ++rows_read_;
    row_ok_ = true;
    if (fields_.size() != header_.size()) {
      row_problem("", "",
                  "has " + std::to_string(fields_.size()) + " fields but the header has " +
                      std::to_string(header_.size()) +
                      " (a missing or extra comma, or a value with a comma that is not in quotes?)");
      continue;
    }
    for (std::size_t i = 0; i < fields_.size(); ++i) {
      if (!is_valid_utf8(fields_[i])) {
        row_problem(i < header_.size() ? header_[i] : "", fields_[i],
                    "is not valid UTF-8 text (the file may be saved as Windows-1252/ANSI: save it as 'CSV UTF-8')");
      }
    }
    for (const auto i : unnamed_) {
      if (!fields_[i].empty()) {
        row_problem("", fields_[i], "is in column " + std::to_string(i + 1) + ", which has no name in the header row");
      }
    }
    if (row_ok_) return true;
  }
  return false;
}

std::string_view RowReader::cell(std::size_t column) const {
  const int index = index_[column];
  return index < 0 ? std::string_view() : fields_[static_cast<std::size_t>(index)];
}

std::string_view RowReader::name(std::size_t column) const {
  const int index = index_[column];
  return index < 0 ? columns_[column].name : std::string_view(header_[static_cast<std::size_t>(index)]);
}

void RowReader::problem(std::size_t column, std::string_view message) {
  row_ok_ = false;
  report_.add(row(), name(column), cell(column), message);
}

void RowReader::row_problem(std::string_view column_name, std::string_view value, std::string_view message) {
  row_ok_ = false;
  if (value.empty()) {
    report_.add(row(), column_name, message);
  } else {
    report_.add(row(), column_name, value, message);
  }
}

bool RowReader::empty_cell(std::size_t column) {
  if (!cell(column).empty()) return false;
  if (columns_[column].required) {
    // A missing required column was reported once, against the header.
    row_ok_ = false;
    if (has(column)) report_.add(row(), name(column), "is empty but a value is required");
  }
  return true;
}

std::optional<std::string_view> RowReader::text(std::size_t column) {
  if (empty_cell(column)) return std::nullopt;
  return cell(column);
}

template <typename T, typename Parse>
std::optional<T> RowReader::parse_cell(std::size_t column, Parse parse) {
  if (empty_cell(column)) return std::nullopt;
  auto parsed = parse(cell(column));
  if (!parsed) {
    problem(column, parsed.error().message);
    return std::nullopt;
  }
  return *parsed;
}

std::optional<Date> RowReader::date(std::size_t column) { return parse_cell<Date>(column, parse_date_cell); }
std::optional<bool> RowReader::flag(std::size_t column) { return parse_cell<bool>(column, parse_flag_cell); }
std::optional<std::int64_t> RowReader::count(std::size_t column) {
  return parse_cell<std::int64_t>(column, parse_count_cell);
}
std::optional<double> RowReader::number(std::size_t column) { return parse_cell<double>(column, parse_decimal_cell); }
std::optional<FinancialYear> RowReader::year(std::size_t column) {
  return parse_cell<FinancialYear>(column, parse_financial_year_cell);
}

}  // namespace clinaudit::ingest
