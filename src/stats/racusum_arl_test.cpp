#include "stats/racusum_arl.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace clinaudit::stats {
namespace {

// Dense Gaussian elimination, to check the Toeplitz solver on a small non-symmetric system.
std::vector<double> dense_solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t k = 0; k < n; ++k) {
    for (std::size_t i = k + 1; i < n; ++i) {
      const double f = a[i][k] / a[k][k];
      for (std::size_t j = k; j < n; ++j) a[i][j] -= f * a[k][j];
      b[i] -= f * b[k];
    }
  }
  std::vector<double> x(n);
  for (std::size_t i = n; i-- > 0;) {
    double s = b[i];
    for (std::size_t j = i + 1; j < n; ++j) s -= a[i][j] * x[j];
    x[i] = s / a[i][i];
  }
  return x;
}

TEST(RacusumArl, ToeplitzSolverAgreesWithGaussianElimination) {
  const std::size_t n = 6;
  std::vector<double> diagonals{-0.01, -0.02, -0.05, -0.1, -0.2, 0.9, -0.15, -0.05, -0.02, -0.01, -0.005};
  std::vector<std::vector<double>> a(n, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) a[i][j] = diagonals[n - 1 + i - j];
  }
  const std::vector<double> rhs{1, 2, 0.5, -1, 3, 0.25};
  const auto x = solve_toeplitz(diagonals, rhs);
  ASSERT_TRUE(x);
  const auto expected = dense_solve(a, rhs);
  for (std::size_t i = 0; i < n; ++i) EXPECT_NEAR((*x)[i], expected[i], 1e-12);
}

// A mix with one risk class: the chain gives the same ARL however the same mix is written.
TEST(RacusumArl, MixIsTheEmpiricalDistribution) {
  const auto mix = risk_mix(std::vector<double>{0.2, 0.1, 0.2, 0.2});
  ASSERT_TRUE(mix);
  ASSERT_EQ(mix->risks.size(), 2u);
  EXPECT_EQ(mix->risks[0], 0.1);
  EXPECT_EQ(mix->shares[0], 0.25);
  EXPECT_EQ(mix->shares[1], 0.75);
  EXPECT_FALSE(risk_mix(std::vector<double>{0.1, -0.1}));
  EXPECT_FALSE(risk_mix(std::vector<double>{}));
}

// vlad's test-racusum_arl_mc.R / test-racusum_crit_mc.R mix (shares 0.1, 0.5, 0.4 with risks
// 0.1, 0.12, 0.14): the ARL rises with h, falls when the true odds ratio doubles, and the
// limit search returns an h whose ARL reaches the target while h - 0.0001 does not.
TEST(RacusumArl, LimitSearchBracketsTheTarget) {
  const RiskMix mix{{0.1, 0.12, 0.14}, {0.1, 0.5, 0.4}};
  const auto low = racusum_arl_markov(mix, 2, 1, 2.9);
  const auto high = racusum_arl_markov(mix, 2, 1, 3.5);
  const auto out = racusum_arl_markov(mix, 2, 2, 2.9);
  ASSERT_TRUE(low && high && out);
  EXPECT_LT(*low, *high);
  EXPECT_LT(*out, *low);
  const auto limit = racusum_limit_markov(mix, 2, 100);
  ASSERT_TRUE(limit);
  EXPECT_GE(limit->arl, 100);
  const auto below = racusum_arl_markov(mix, 2, 1, limit->h - 0.0001);
  ASSERT_TRUE(below);
  EXPECT_LT(*below, 100);
  EXPECT_EQ(limit->states, static_cast<std::int64_t>(std::round(limit->h * 600)));
}

TEST(RacusumArl, SimulationIsReproducibleForASeed) {
  const RiskMix mix{{0.1, 0.12, 0.14}, {0.1, 0.5, 0.4}};
  const SimulationOptions options{42, 500, 1000000};
  const auto a = racusum_arl_simulated(mix, 2, 1, 2.0, options);
  const auto b = racusum_arl_simulated(mix, 2, 1, 2.0, options);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->arl, b->arl);
  const auto c = racusum_arl_simulated(mix, 2, 1, 2.0, SimulationOptions{43, 500, 1000000});
  ASSERT_TRUE(c);
  EXPECT_NE(a->arl, c->arl);
}

TEST(RacusumArl, RejectsParametersOutOfRange) {
  const RiskMix mix{{0.1}, {1.0}};
  EXPECT_FALSE(racusum_arl_markov(mix, 1, 1, 4));
  EXPECT_FALSE(racusum_arl_markov(mix, 2, 0, 4));
  EXPECT_FALSE(racusum_arl_markov(mix, 2, 1, 0));
  EXPECT_FALSE(racusum_limit_markov(mix, 2, 0.5));
  EXPECT_FALSE(racusum_arl_simulated(mix, 2, 1, 4, SimulationOptions{1, 1, 10}));
  // Risk 0 and RA < 1: no patient can move the lower chart, so it never signals.
  const RiskMix none{{0.0}, {1.0}};
  EXPECT_FALSE(racusum_arl_markov(none, 0.5, 1, 4));
  EXPECT_FALSE(racusum_arl_simulated(none, 0.5, 1, 4));
}

}  // namespace
}  // namespace clinaudit::stats
