#pragma once

#include <string>
#include <vector>

#include "render/html.hpp"

namespace clinaudit::render {

// The numbers a chart draws, as a table, for people who cannot see the chart (screen
// readers) and for anyone who wants the exact values. Cells are text, already formatted as
// the chart labels them.
struct ChartValues {
  std::string caption;               // names the chart
  std::vector<std::string> columns;  // header cells
  std::vector<std::vector<std::string>> rows;
};

// The table inside a closed <details> ("Values in this chart"), so that it takes no room
// until opened and a screen reader meets it right after the chart. Every cell is escaped.
// Empty Html when there is no row. Pure; thread-safe.
Html values_details(const ChartValues& values);

}  // namespace clinaudit::render
