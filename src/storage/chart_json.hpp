#pragma once

// What the stored charts (measure_charts, provider_cusum_charts) share: each is kept as JSON,
// written and read whole, the same text on both databases. Pure; thread-safe.

#include <nlohmann/json.hpp>
#include <string>

#include "storage/sql_rows.hpp"

namespace clinaudit::storage {

// Thrown by a reader on text that is not a chart this version wrote.
struct NotAChart {};

// JSON has no NaN: a line a chart does not have (no limits, a side that is off) is null.
nlohmann::json nullable_number(double value);
// The number of `value`, NaN for null. Throws NotAChart for anything else.
double number_or_nan(const nlohmann::json& value);

// Runs `read(text)` on the chart text in `column` of `row`; the row is reported unreadable
// when it throws NotAChart or a JSON error.
template <typename Read>
void read_chart(const SqlRow& row, int column, Read&& read) {
  const std::string text = row.text(column);
  try {
    read(text);
  } catch (const NotAChart&) {
    unreadable(row, column, text);
  } catch (const nlohmann::json::exception&) {
    unreadable(row, column, text);
  }
}

}  // namespace clinaudit::storage
