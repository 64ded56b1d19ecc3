#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// A test of independence in an r x c table of counts (rows: answers, columns: groups
// such as organisation types).
struct IndependenceTest {
  double chi_square = 0;  // Pearson's X^2, no continuity correction
  int degrees_of_freedom = 0;
  double p_value = 0;  // upper tail of chi-square with those degrees of freedom
  double smallest_expected = 0;
  int cells_expected_below_5 = 0;
  // Any expected count below 5, the condition under which R's chisq.test warns that the
  // chi-square approximation may be incorrect; read the exact test instead.
  bool small_expected_counts = false;
  // Fisher's exact test (two-sided, summing the probabilities of every table with the
  // same margins no more probable than the one observed, with R's relative tolerance
  // 1e-7). Empty when either half of the columns can be filled in more than `max_fillings`
  // ways (the bound on the test's time and memory: about 16 bytes a filling).
  std::optional<double> fisher_p_value;
};

// Pearson's chi-square test (as R's chisq.test(x, correct = FALSE)) and Fisher's exact test
// (as R's fisher.test(x)) on `table[row][column]`. Rows or columns that are all zero are
// dropped first. Pure; safe from any thread.
// Errors: invalid_input for a negative count, ragged rows, or fewer than two non-empty
// rows or columns.
Result<IndependenceTest> test_independence(const std::vector<std::vector<std::int64_t>>& table,
                                           std::int64_t max_fillings = 4'000'000);

}  // namespace clinaudit::stats
