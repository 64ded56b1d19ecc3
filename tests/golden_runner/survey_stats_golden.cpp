// Golden handlers for the survey statistics: Newcombe's difference interval and tests of
// independence.
#include <sstream>

#include "golden_runner/golden_registry.hpp"
#include "stats/contingency.hpp"
#include "stats/proportion_difference.hpp"

namespace clinaudit::golden {
namespace {

// Inputs: x1 n1 x2 n2 [level]. Outputs: difference, lower, upper.
Result<Values> newcombe(const Values& inputs) {
  double args[4];
  const char* names[] = {"x1", "n1", "x2", "n2"};
  for (int i = 0; i < 4; ++i) {
    const auto value = number_input(inputs, names[i]);
    if (!value) return value.error();
    args[i] = *value;
  }
  const auto level = number_input(inputs, "level");
  const auto result = stats::newcombe_difference(args[0], args[1], args[2], args[3], level ? *level : 0.95);
  if (!result) return result.error();
  return Values{{"difference", number_output(result->difference)},
                {"lower", number_output(result->interval.lower)},
                {"upper", number_output(result->interval.upper)}};
}

// Inputs: table="a,b,c;d,e,f" (rows separated by ';'). Outputs: chi_square, df, p, fisher_p.
Result<Values> independence(const Values& inputs) {
  const auto text = input(inputs, "table");
  if (!text) return text.error();
  std::vector<std::vector<std::int64_t>> table;
  std::stringstream rows(*text);
  for (std::string row; std::getline(rows, row, ';');) {
    std::vector<std::int64_t> cells;
    std::stringstream cols(row);
    for (std::string cell; std::getline(cols, cell, ',');) cells.push_back(std::stoll(cell));
    table.push_back(cells);
  }
  const auto test = stats::test_independence(table);
  if (!test) return test.error();
  return Values{{"chi_square", number_output(test->chi_square)},
                {"df", std::to_string(test->degrees_of_freedom)},
                {"p", number_output(test->p_value)},
                {"fisher_p", test->fisher_p_value ? number_output(*test->fisher_p_value) : "none"},
                {"small_cells", test->small_expected_counts ? "yes" : "no"}};
}

const bool registered =
    register_handler("newcombe_difference", &newcombe) && register_handler("test_independence", &independence);

}  // namespace
}  // namespace clinaudit::golden
