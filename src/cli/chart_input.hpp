#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "ingest/table.hpp"

namespace clinaudit::cli {

// What the x (or date) column holds, which decides the order of the points.
enum class XKind {
  row,     // no x column: the rows' order, labelled 1, 2, ...
  number,  // every cell a number: ascending
  date,    // every cell a date (YYYY-MM-DD, optionally followed by a time): ascending
  text,    // anything else: categories in order of first appearance
};

// One series of a chart input: the rows of one facet, in x order.
struct ChartSeries {
  std::string facet;               // empty without a facet column
  std::vector<std::string> x;      // one label per row (a date as YYYY-MM-DD)
  std::vector<double> y;           // NaN for a missing cell when missing cells are allowed
  std::vector<double> n;           // empty without a denominator column
  std::vector<std::int64_t> rows;  // spreadsheet row of each value, for messages
};

struct ChartColumns {
  std::string x;  // empty: none (row order)
  std::string y;
  std::string n;      // empty: no denominator
  std::string facet;  // empty: one series
  // Empty or NA cells in y and n read as missing, and rows with an empty or NA x are
  // dropped (as qicharts2 does).
  bool allow_missing = false;
};

struct ChartData {
  XKind kind = XKind::row;
  std::vector<ChartSeries> series;  // facets in order of first appearance
};

// The first of `candidates` that the table has, or empty.
std::string first_column(const ingest::Table& table, std::initializer_list<const char*> candidates);

// Reads and orders the columns of a chart input (rows stably sorted by x within each facet).
// Errors: invalid_input naming row, column and value for a cell that is not a number, or
// a missing column (listing those the file has); an empty file.
Result<ChartData> read_chart_data(const ingest::Table& table, const ChartColumns& columns);

// Parses "a,b,c" into positive whole numbers (1-based positions). Errors: invalid_input
// naming `option` and the text.
Result<std::vector<std::size_t>> parse_positions(const std::string& text, const std::string& option);

}  // namespace clinaudit::cli
