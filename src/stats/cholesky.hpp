#pragma once

#include <cstddef>
#include <vector>

namespace clinaudit::stats {

// A symmetric positive definite system, factorised once and solved many times.
// The matrix is scaled by its diagonal before factorising (Jacobi equilibration), which
// keeps the factorisation accurate when covariates are on very different scales.
// Not thread-safe while factorising; const members are safe to share.
class Cholesky {
 public:
  // Factorises the n x n row-major symmetric matrix `a` (only the lower triangle is read).
  // Returns false when the matrix is not numerically positive definite: then `failed_column`
  // is the first column that is (within a relative tolerance of `tolerance` on its pivot)
  // a linear combination of the earlier ones, or has no weight at all.
  bool factorise(const std::vector<double>& a, std::size_t n, double tolerance = 1e-10);
  std::size_t failed_column() const { return failed_column_; }

  // Solves a x = b.
  std::vector<double> solve(const std::vector<double>& b) const;
  // The diagonal of a^-1.
  std::vector<double> inverse_diagonal() const;

 private:
  std::size_t n_ = 0;
  std::vector<double> l_;      // lower-triangular factor of the scaled matrix, row-major
  std::vector<double> scale_;  // 1 / sqrt(a_ii)
  std::size_t failed_column_ = 0;
};

}  // namespace clinaudit::stats
