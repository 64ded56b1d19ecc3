#include "stats/contingency.hpp"

#include <algorithm>
#include <boost/math/distributions/chi_squared.hpp>
#include <cmath>
#include <limits>
#include <numeric>
#include <unordered_map>

namespace clinaudit::stats {
namespace {

using Table = std::vector<std::vector<std::int64_t>>;

// Fisher's exact test by meeting in the middle. The columns are split in two halves; every
// way of filling each half is listed once, with the row sums it uses and its sum of log(x!)
// over its cells. A table is a left filling and a right filling whose row sums add up to the
// row totals, and its probability is exp(constant - left - right). So instead of visiting
// every table (millions for a 3 x 4 survey question of 110 answers), each half's fillings are
// grouped by row sums, and for each left filling the right fillings at least as improbable as
// the observed table are found by a binary search in the matching group, sorted.
class FisherExact {
 public:
  FisherExact(const std::vector<std::int64_t>& rows, const std::vector<std::int64_t>& cols, double observed_log_p,
              std::int64_t max_fillings)
      : rows_(rows), cols_(cols), observed_(observed_log_p), max_fillings_(max_fillings) {
    const std::int64_t n = std::accumulate(rows.begin(), rows.end(), std::int64_t{0});
    // log(k!) for every count a cell can hold, looked up at each step of the enumeration
    // instead of computed there.
    log_factorial_.resize(static_cast<std::size_t>(n) + 1);
    for (std::size_t k = 0; k < log_factorial_.size(); ++k) log_factorial_[k] = std::lgamma(static_cast<double>(k) + 1);
    constant_ = -log_factorial_[static_cast<std::size_t>(n)];
    for (const auto r : rows) constant_ += log_factorial_[static_cast<std::size_t>(r)];
    for (const auto c : cols) constant_ += log_factorial_[static_cast<std::size_t>(c)];
  }

  // The two-sided p-value, or nothing when a half has more than `max_fillings` fillings.
  std::optional<double> run() {
    // The row sums' keys must fit in 64 bits; tables that large have far more fillings anyway.
    std::uint64_t place = 1;
    for (const auto r : rows_) {
      const auto base = static_cast<std::uint64_t>(r) + 1;
      if (place > std::numeric_limits<std::uint64_t>::max() / base) return std::nullopt;
      place_.push_back(place);
      all_rows_key_ += static_cast<std::uint64_t>(r) * place;
      place *= base;
    }
    const std::size_t middle = cols_.size() / 2;
    auto left = fillings(0, middle);
    if (!left) return std::nullopt;
    auto right = fillings(middle, cols_.size());
    if (!right) return std::nullopt;
    // A table counts when constant - (l + r) <= observed, within R's relative tolerance 1e-7
    // on the probabilities: l + r >= threshold.
    const double threshold = constant_ - observed_ - std::log1p(1e-7);
    double total = 0;
    for (auto& [used, left_logs] : *left) {
      const auto match = right->find(all_rows_key_ - used);
      if (match == right->end()) continue;
      auto& right_logs = match->second;
      std::sort(right_logs.begin(), right_logs.end());
      // tail[i] = sum of exp(-(r - smallest)) over right_logs[i..]: summed from the smallest
      // terms up, and scaled by the group's most probable filling so that nothing underflows
      // that matters.
      const double smallest = right_logs.front();
      std::vector<double> tail(right_logs.size() + 1, 0.0);
      for (std::size_t i = right_logs.size(); i-- > 0;) tail[i] = tail[i + 1] + std::exp(smallest - right_logs[i]);
      for (const double l : left_logs) {
        const auto first = std::lower_bound(right_logs.begin(), right_logs.end(), threshold - l);
        const auto at = static_cast<std::size_t>(first - right_logs.begin());
        if (at < right_logs.size()) total += std::exp(constant_ - l - smallest) * tail[at];
      }
    }
    return std::min(1.0, total);
  }

 private:
  // Row sums as one number, digit r in base (row total r + 1): the key of the rows a left
  // filling leaves is the key of all the rows less the key of those it uses.
  using Groups = std::unordered_map<std::uint64_t, std::vector<double>>;

  // Every filling of columns [from, to) that uses no row beyond its total, grouped by the row
  // sums it uses; nothing when there are more than max_fillings_.
  std::optional<Groups> fillings(std::size_t from, std::size_t to) {
    Groups groups;
    std::int64_t count = 0;
    std::vector<std::int64_t> used(rows_.size(), 0);
    std::uint64_t used_key = 0;
    bool too_many = false;
    // Place the count of cell (row, col); `left` is what column `col` still needs.
    const auto fill = [&](const auto& self, std::size_t row, std::size_t col, std::int64_t left,
                          double log_cells) -> void {
      if (too_many) return;
      if (col == to) {
        if (++count > max_fillings_) {
          too_many = true;
          return;
        }
        groups[used_key].push_back(log_cells);
        return;
      }
      if (row + 1 == rows_.size()) {  // the last row takes what the column needs
        if (used[row] + left > rows_[row]) return;
        used[row] += left;
        used_key += static_cast<std::uint64_t>(left) * place_[row];
        self(self, 0, col + 1, col + 1 < to ? cols_[col + 1] : 0,
             log_cells + log_factorial_[static_cast<std::size_t>(left)]);
        used_key -= static_cast<std::uint64_t>(left) * place_[row];
        used[row] -= left;
        return;
      }
      // Rows below must be able to absorb what is left of the column.
      std::int64_t below = 0;
      for (std::size_t r = row + 1; r < rows_.size(); ++r) below += rows_[r] - used[r];
      const std::int64_t low = std::max<std::int64_t>(0, left - below);
      const std::int64_t high = std::min(left, rows_[row] - used[row]);
      for (std::int64_t x = low; x <= high; ++x) {
        used[row] += x;
        used_key += static_cast<std::uint64_t>(x) * place_[row];
        self(self, row + 1, col, left - x, log_cells + log_factorial_[static_cast<std::size_t>(x)]);
        used_key -= static_cast<std::uint64_t>(x) * place_[row];
        used[row] -= x;
      }
    };
    fill(fill, 0, from, from < to ? cols_[from] : 0, 0.0);
    if (too_many) return std::nullopt;
    return groups;
  }

  const std::vector<std::int64_t>& rows_;
  const std::vector<std::int64_t>& cols_;
  double observed_;
  std::int64_t max_fillings_;
  std::vector<double> log_factorial_;  // log(k!) for k = 0 .. n
  double constant_ = 0;
  std::vector<std::uint64_t> place_;  // the place value of each row's digit in a key
  std::uint64_t all_rows_key_ = 0;
};

}  // namespace

Result<IndependenceTest> test_independence(const Table& input, std::int64_t max_fillings) {
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
  // The exact test walks the columns, each a composition of its count over the rows: with the
  // table turned to have no more rows than columns there are fewer of those.
  const bool turn = r > c;
  FisherExact fisher(turn ? cols : rows, turn ? rows : cols, constant - observed_log_cells, max_fillings);
  test.fisher_p_value = fisher.run();
  return test;
}

}  // namespace clinaudit::stats
