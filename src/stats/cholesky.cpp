#include "stats/cholesky.hpp"

#include <cmath>

namespace clinaudit::stats {

bool Cholesky::factorise(const std::vector<double>& a, std::size_t n, double tolerance) {
  n_ = n;
  l_.assign(n * n, 0.0);
  scale_.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    const double diagonal = a[i * n + i];
    if (!(diagonal > 0) || !std::isfinite(diagonal)) {
      failed_column_ = i;
      return false;
    }
    scale_[i] = 1.0 / std::sqrt(diagonal);
  }
  for (std::size_t j = 0; j < n; ++j) {
    // The scaled diagonal is 1; what is left after removing the earlier columns is the squared
    // share of column j not explained by them.
    double pivot = a[j * n + j] * scale_[j] * scale_[j];
    for (std::size_t k = 0; k < j; ++k) pivot -= l_[j * n + k] * l_[j * n + k];
    if (!(pivot > tolerance)) {
      failed_column_ = j;
      return false;
    }
    const double root = std::sqrt(pivot);
    l_[j * n + j] = root;
    for (std::size_t i = j + 1; i < n; ++i) {
      double sum = a[i * n + j] * scale_[i] * scale_[j];
      for (std::size_t k = 0; k < j; ++k) sum -= l_[i * n + k] * l_[j * n + k];
      l_[i * n + j] = sum / root;
    }
  }
  return true;
}

std::vector<double> Cholesky::solve(const std::vector<double>& b) const {
  // a = S^-1 (L L') S^-1 with S = diag(scale): x = S (L L')^-1 S b.
  std::vector<double> x(n_);
  for (std::size_t i = 0; i < n_; ++i) {
    double sum = b[i] * scale_[i];
    for (std::size_t k = 0; k < i; ++k) sum -= l_[i * n_ + k] * x[k];
    x[i] = sum / l_[i * n_ + i];
  }
  for (std::size_t i = n_; i-- > 0;) {
    double sum = x[i];
    for (std::size_t k = i + 1; k < n_; ++k) sum -= l_[k * n_ + i] * x[k];
    x[i] = sum / l_[i * n_ + i];
  }
  for (std::size_t i = 0; i < n_; ++i) x[i] *= scale_[i];
  return x;
}

std::vector<double> Cholesky::inverse_diagonal() const {
  // diag(a^-1)_i = scale_i^2 * sum_k (L^-1)_{k i}^2: invert L column by column.
  std::vector<double> result(n_, 0.0);
  std::vector<double> column(n_);
  for (std::size_t i = 0; i < n_; ++i) {
    for (std::size_t k = 0; k < n_; ++k) column[k] = 0.0;
    column[i] = 1.0 / l_[i * n_ + i];
    double sum = column[i] * column[i];
    for (std::size_t k = i + 1; k < n_; ++k) {
      double value = 0.0;
      for (std::size_t m = i; m < k; ++m) value -= l_[k * n_ + m] * column[m];
      column[k] = value / l_[k * n_ + k];
      sum += column[k] * column[k];
    }
    result[i] = sum * scale_[i] * scale_[i];
  }
  return result;
}

}  // namespace clinaudit::stats
