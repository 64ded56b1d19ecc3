#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::golden {

// key=value pairs in file order; values are text ("1.5", "alarm_high", "a b").
using Values = std::vector<std::pair<std::string, std::string>>;

// One case: the inputs and the expected outputs, with the line numbers they came from.
struct GoldenCase {
  Values inputs;
  Values expected;
  std::size_t input_line = 0;     // 1-based
  std::size_t expected_line = 0;  // 1-based
};

// A golden file (tests/golden/<layer>/NAME.golden):
//   # comments
//   source: where the expected values come from (required)
//   rebaseline: never         the values come from a publication (a paper, a book, an
//                             official statistic, a package's published tests); or
//                             "allowed" when they were computed for this file (required)
//   function: the handler to call (required)
//   tolerance: 1e-10          absolute, or "relative 1e-6" (required)
//   ----
//   key=value key="value with spaces" ...      one line of inputs
//   key=value ...                                the expected outputs
// Cases follow one another; blank lines and lines starting with # are ignored.
struct GoldenFile {
  std::string path;
  std::string source;
  bool publication = false;  // "rebaseline: never": CLINAUDIT_REBASELINE must not rewrite it
  std::string function;
  double tolerance = 0;
  bool relative = false;
  std::vector<GoldenCase> cases;
  std::vector<std::string> lines;  // the file as read, for rebaselining
};

Result<GoldenFile> read_golden_file(const std::string& path);

// Rewrites the file's expected lines with `computed` (one set per case, in file order),
// keeping every other line. Errors: conflict, with the file left as it is, when its values
// come from a publication (rebaseline: never): the code must agree with the publication,
// not the other way round; invalid_input when `computed` does not have one set per case;
// storage_unavailable when the file cannot be written.
Result<void> rebaseline_golden_file(const GoldenFile& file, const std::vector<Values>& computed);

// Parses "a=1 b=\"x y\"". Errors: invalid_input for a token without '=' or an open quote.
Result<Values> parse_values(const std::string& line);
std::string format_values(const Values& values);

// Compares one expected value with the actual one: numerically (within the file's
// tolerance) when both are numbers, as text otherwise. Returns an empty string when
// they agree, else what differs.
std::string compare_value(const GoldenFile& file, const std::string& key, const std::string& expected,
                          const std::string& actual);

}  // namespace clinaudit::golden
