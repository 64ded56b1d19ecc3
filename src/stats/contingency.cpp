#include "stats/contingency.hpp"

#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <numeric>

namespace clinaudit::stats {
namespace {

using Table = std::vector<std::vector<std::int64_t>>;

// Enumerates every table with the given margins, column by column and row by row, summing
// the hypergeometric probabilities of those no more probable than the observed table.
class FisherEnumeration {
 public:
  FisherEnumeration(const std::vector<std::int64_t>& rows, const std::vector<std::int64_t>& cols, double observed_log_p,
                    std::int64_t max_tables)
      : rows_(rows), cols_(cols), observed_(observed_log_p), max_tables_(max_tables) {
    const std::int64_t n = std::accumulate(rows.begin(), rows.end(), std::int64_t{0});
    // log(k!) for every count a cell can hold, looked up at each step of the enumeration
    // instead of computed there: the same values, without a call per cell of every table.
    log_factorial_.resize(static_cast<std::size_t>(n) + 1);
    for (std::size_t k = 0; k < log_factorial_.size(); ++k) log_factorial_[k] = std::lgamma(static_cast<double>(k) + 1);
    constant_ = -log_factorial_[static_cast<std::size_t>(n)];
    for (const auto r : rows) constant_ += log_factorial_[static_cast<std::size_t>(r)];
    for (const auto c : cols) constant_ += log_factorial_[static_cast<std::size_t>(c)];
  }

  // The two-sided p-value, or nothing when the enumeration was too large.
  std::optional<double> run() {
    std::vector<std::int64_t> remaining_rows = rows_;
    fill(0, 0, cols_[0], remaining_rows, 0.0);
    if (aborted_) return std::nullopt;
    return std::min(1.0, total_);
  }

 private:
  // Place the count of cell (row, col); `left` is what column `col` still needs.
  void fill(std::size_t row, std::size_t col, std::int64_t left, std::vector<std::int64_t>& remaining,
            double log_cells) {
    if (aborted_) return;
    if (row + 1 == rows_.size()) {  // the last row takes what the column needs
      if (left > remaining[row]) return;
      remaining[row] -= left;
      const double log_term = log_cells + log_factorial_[static_cast<std::size_t>(left)];
      if (col + 1 == cols_.size()) {
        finish(log_term);
      } else {
        fill(0, col + 1, cols_[col + 1], remaining, log_term);
      }
      remaining[row] += left;
      return;
    }
    // Rows below must be able to absorb what is left of the column.
    std::int64_t below = 0;
    for (std::size_t r = row + 1; r < rows_.size(); ++r) below += remaining[r];
    const std::int64_t low = std::max<std::int64_t>(0, left - below);
    const std::int64_t high = std::min(left, remaining[row]);
    for (std::int64_t x = low; x <= high; ++x) {
      remaining[row] -= x;
      fill(row + 1, col, left - x, remaining, log_cells + log_factorial_[static_cast<std::size_t>(x)]);
      remaining[row] += x;
    }
  }

  void finish(double log_cells) {
    if (++tables_ > max_tables_) {
      aborted_ = true;
      return;
    }
    const double log_p = constant_ - log_cells;
    // R's fisher.test counts tables within a relative tolerance of 1e-7 as equally probable.
    if (log_p <= observed_ + std::log1p(1e-7)) total_ += std::exp(log_p);
  }

  const std::vector<std::int64_t>& rows_;
  const std::vector<std::int64_t>& cols_;
  double observed_;
  std::int64_t max_tables_;
  std::vector<double> log_factorial_;  // log(k!) for k = 0 .. n
  double constant_ = 0;
  double total_ = 0;
  std::int64_t tables_ = 0;
  bool aborted_ = false;
};

}  // namespace

Result<IndependenceTest> test_independence(const Table& input, std::int64_t max_tables) {
  if (input.empty()) return Error{ErrorCode::invalid_input, "the table is empty"};
  const std::size_t width = input[0].size();
  for (const auto& row : input) {
    if (row.size() != width) return Error{ErrorCode::invalid_input, "the table's rows differ in length"};
    for (const auto count : row) {
      if (count < 0) return Error{ErrorCode::invalid_input, "the table has a negative count"};
    }
  }
  // Drop empty rows and columns: they carry no information and have no expected counts.
  std::vector<std::size_t> keep_cols;
  for (std::size_t c = 0; c < width; ++c) {
    std::int64_t sum = 0;
    for (const auto& row : input) sum += row[c];
    if (sum > 0) keep_cols.push_back(c);
  }
  Table table;
  for (const auto& row : input) {
    std::vector<std::int64_t> kept;
    kept.reserve(keep_cols.size());
    for (const auto c : keep_cols) kept.push_back(row[c]);
    if (std::accumulate(kept.begin(), kept.end(), std::int64_t{0}) > 0) table.push_back(std::move(kept));
  }
  if (table.size() < 2 || keep_cols.size() < 2) {
    return Error{ErrorCode::invalid_input, "a test of independence needs at least two non-empty rows and columns"};
  }
  const std::size_t r = table.size();
  const std::size_t c = keep_cols.size();
  std::vector<std::int64_t> rows(r, 0);
  std::vector<std::int64_t> cols(c, 0);
  for (std::size_t i = 0; i < r; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      rows[i] += table[i][j];
      cols[j] += table[i][j];
    }
  }
  const auto n = static_cast<double>(std::accumulate(rows.begin(), rows.end(), std::int64_t{0}));

  IndependenceTest test;
  test.degrees_of_freedom = static_cast<int>((r - 1) * (c - 1));
  test.smallest_expected = INFINITY;
  double observed_log_cells = 0;
  for (std::size_t i = 0; i < r; ++i) {
    for (std::size_t j = 0; j < c; ++j) {
      const double expected = static_cast<double>(rows[i]) * static_cast<double>(cols[j]) / n;
      const double diff = static_cast<double>(table[i][j]) - expected;
      test.chi_square += diff * diff / expected;
      test.smallest_expected = std::min(test.smallest_expected, expected);
      if (expected < 5) ++test.cells_expected_below_5;
      observed_log_cells += std::lgamma(static_cast<double>(table[i][j]) + 1);
    }
  }
  test.small_expected_counts = test.cells_expected_below_5 > 0;
  const boost::math::chi_squared_distribution<double> distribution(test.degrees_of_freedom);
  test.p_value = boost::math::cdf(boost::math::complement(distribution, test.chi_square));

  double constant = -std::lgamma(n + 1);
  for (const auto x : rows) constant += std::lgamma(static_cast<double>(x) + 1);
  for (const auto x : cols) constant += std::lgamma(static_cast<double>(x) + 1);
  FisherEnumeration fisher(rows, cols, constant - observed_log_cells, max_tables);
  test.fisher_p_value = fisher.run();
  return test;
}

}  // namespace clinaudit::stats
