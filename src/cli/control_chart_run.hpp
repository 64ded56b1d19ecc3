#pragma once

#include <optional>
#include <string>

#include "core/result.hpp"

namespace clinaudit::cli {

// The options shared by `stats control` and `stats runchart`.
struct ControlArgs {
  std::string chart = "run";
  std::string input;
  std::string x;
  std::string y;
  std::string n;
  std::string facet;
  std::optional<std::size_t> freeze;
  std::string part;
  std::string exclude;
  std::string screen = "on";
  double multiply = 1;
  std::string format = "json";
  std::string title;
  bool sigma_lines = false;
  std::string output;
};

// Reads the input, computes the chart per facet and writes it as JSON, CSV or SVG.
// Errors: invalid_input (naming row, column and value where there is one), not_found for a
// missing file, storage_unavailable when the output cannot be written.
Result<void> run_control_chart(const ControlArgs& args);

}  // namespace clinaudit::cli
