#include "cli/chart_input.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

#include "core/date.hpp"

namespace clinaudit::cli {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// "2020-01-31", or that date followed by a time ("2020-01-31 00:00:00", "2020-01-31T00:00Z").
std::optional<Date> parse_date_cell(const std::string& cell) {
  if (cell.size() < 10) return std::nullopt;
  if (cell.size() > 10 && cell[10] != ' ' && cell[10] != 'T') return std::nullopt;
  auto date = Date::parse(std::string_view(cell).substr(0, 10));
  if (!date) return std::nullopt;
  return *date;
}

Result<double> number_cell(const ingest::Table& table, std::size_t row, std::size_t column, bool allow_missing) {
  const std::string& cell = table.row(row)[column];
  if (allow_missing && (cell.empty() || cell == "NA")) return kMissing;
  if (auto value = ingest::parse_number(cell)) return *value;
  return Error{ErrorCode::invalid_input, "row " + std::to_string(ingest::Table::sheet_row(row)) + ", column '" +
                                             table.columns()[column] + "': '" + cell + "' is not a number"};
}

}  // namespace

std::string first_column(const ingest::Table& table, std::initializer_list<const char*> candidates) {
  for (const char* name : candidates) {
    if (table.has_column(name)) return name;
  }
  return {};
}

Result<ChartData> read_chart_data(const ingest::Table& table, const ChartColumns& columns) {
  if (table.row_count() == 0) return Error{ErrorCode::invalid_input, "the file has no data rows"};
  std::optional<std::size_t> x_col;
  std::optional<std::size_t> n_col;
  std::optional<std::size_t> facet_col;
  if (!columns.x.empty()) {
    CLINAUDIT_TRY(auto index, table.column_index(columns.x));
    x_col = index;
  }
  CLINAUDIT_TRY(auto y_col, table.column_index(columns.y));
  if (!columns.n.empty()) {
    CLINAUDIT_TRY(auto index, table.column_index(columns.n));
    n_col = index;
  }
  if (!columns.facet.empty()) {
    CLINAUDIT_TRY(auto index, table.column_index(columns.facet));
    facet_col = index;
  }

  ChartData data;
  std::vector<std::string> labels(table.row_count());
  std::vector<double> order_key(table.row_count(), 0);  // numbers and dates sort on this
  if (!x_col) {
    data.kind = XKind::row;
  } else {
    bool numbers = true;
    bool dates = true;
    for (std::size_t i = 0; i < table.row_count(); ++i) {
      const std::string& cell = table.row(i)[*x_col];
      if (columns.allow_missing && (cell.empty() || cell == "NA")) continue;  // dropped below, as qicharts2
      if (cell.empty()) {
        return Error{ErrorCode::invalid_input, "row " + std::to_string(ingest::Table::sheet_row(i)) + ", column '" +
                                                   columns.x + "': the x value is empty"};
      }
      numbers = numbers && ingest::parse_number(cell).has_value();
      dates = dates && parse_date_cell(cell).has_value();
    }
    data.kind = numbers ? XKind::number : (dates ? XKind::date : XKind::text);
  }
  std::vector<bool> skip(table.row_count(), false);
  for (std::size_t i = 0; i < table.row_count(); ++i) {
    if (x_col && columns.allow_missing && (table.row(i)[*x_col].empty() || table.row(i)[*x_col] == "NA")) {
      skip[i] = true;
      continue;
    }
    if (data.kind == XKind::row) {
      labels[i] = std::to_string(i + 1);
      order_key[i] = static_cast<double>(i);
    } else if (data.kind == XKind::number) {
      labels[i] = table.row(i)[*x_col];
      order_key[i] = *ingest::parse_number(labels[i]);
    } else if (data.kind == XKind::date) {
      const Date date = *parse_date_cell(table.row(i)[*x_col]);
      labels[i] = date.to_string();
      order_key[i] = static_cast<double>(date.days_since_epoch());
    } else {
      labels[i] = table.row(i)[*x_col];
    }
  }
  if (data.kind == XKind::text) {
    std::map<std::string, double> first_seen;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (skip[i]) continue;
      first_seen.emplace(labels[i], static_cast<double>(first_seen.size()));
      order_key[i] = first_seen[labels[i]];
    }
  }

  std::vector<std::size_t> rows(table.row_count());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) { return order_key[a] < order_key[b]; });

  std::map<std::string, std::size_t> facet_index;
  for (std::size_t i = 0; i < table.row_count(); ++i) {
    // Facets in order of first appearance in the file.
    const std::string facet = facet_col ? table.row(i)[*facet_col] : std::string();
    if (facet_index.emplace(facet, data.series.size()).second)
      data.series.push_back(ChartSeries{facet, {}, {}, {}, {}});
  }
  for (const std::size_t i : rows) {
    if (skip[i]) continue;
    const std::string facet = facet_col ? table.row(i)[*facet_col] : std::string();
    ChartSeries& series = data.series[facet_index[facet]];
    CLINAUDIT_TRY(auto y, number_cell(table, i, y_col, columns.allow_missing));
    series.x.push_back(labels[i]);
    series.y.push_back(y);
    series.rows.push_back(ingest::Table::sheet_row(i));
    if (n_col) {
      CLINAUDIT_TRY(auto n, number_cell(table, i, *n_col, columns.allow_missing));
      series.n.push_back(n);
    }
  }
  return data;
}

Result<std::vector<std::size_t>> parse_positions(const std::string& text, const std::string& option) {
  std::vector<std::size_t> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (item.empty() || ec != std::errc() || ptr != item.data() + item.size() || value == 0) {
      return Error{ErrorCode::invalid_input,
                   option + " '" + text + "': '" + item + "' is not a point number (1, 2, ...)"};
    }
    out.push_back(value);
    start = comma + 1;
  }
  return out;
}

}  // namespace clinaudit::cli
