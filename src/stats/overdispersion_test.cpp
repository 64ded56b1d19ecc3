#include "stats/overdispersion.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace clinaudit::stats {
namespace {

// With n = 20 and trim 0.1 (k = 10), floor(r·10/21) is 0 for ranks 1-2 and 9 for ranks 19-20:
// ranks 3 to 18 are kept (worked by hand from the SHMI rule).
TEST(Overdispersion, TruncationKeepsTheMiddleRanks) {
  std::vector<double> z;
  for (int i = 0; i < 20; ++i) z.push_back(static_cast<double>((i * 7) % 20));  // a permutation of 0..19
  const auto kept = truncation_kept(z, 0.1);
  for (std::size_t i = 0; i < z.size(); ++i) {
    const double rank = z[i] + 1;
    EXPECT_EQ(kept[i], rank >= 3 && rank <= 18) << "rank " << rank;
  }
}

TEST(Overdispersion, TruncationDropsNothingBelowNineUnits) {
  const std::vector<double> z{-5, -1, 0, 0.5, 1, 2, 8, 30};
  const auto kept = truncation_kept(z, 0.1);
  for (const bool k : kept) EXPECT_TRUE(k);
}

TEST(Overdispersion, TiesShareTheAverageRank) {
  // Ranks 1.5, 1.5, 3..11 of 11: floor(1.5·10/12) = 1 keeps the tied pair.
  const std::vector<double> z{-3, -3, 0, 1, 2, 3, 4, 5, 6, 7, 8};
  const auto kept = truncation_kept(z, 0.1);
  EXPECT_TRUE(kept[0]);
  EXPECT_TRUE(kept[1]);
  EXPECT_FALSE(kept[10]);  // rank 11: floor(110/12) = 9 = k - 1
}

// R 4.2.2: quantile(c(1,2,3,4,10), c(0.1, 0.9)) = 1.4, 7.6; quantile(c(-Inf,1,2,3), 0.1) = -Inf.
TEST(Overdispersion, QuantilesFollowRType7) {
  const std::vector<double> v{10, 2, 1, 4, 3};
  EXPECT_NEAR(quantile_type7(v, 0.1), 1.4, 1e-12);
  EXPECT_NEAR(quantile_type7(v, 0.9), 7.6, 1e-12);
  const std::vector<double> w{1, -std::numeric_limits<double>::infinity(), 2, 3};
  EXPECT_EQ(quantile_type7(w, 0.1), -std::numeric_limits<double>::infinity());
  const auto clamped = winsorised(v, 0.1);
  EXPECT_NEAR(clamped[0], 7.6, 1e-12);
  EXPECT_NEAR(clamped[2], 1.4, 1e-12);
  EXPECT_EQ(clamped[1], 2.0);
}

// φ = (1 + 4 + 9)/3; τ² = (3φ - 2) / (Σw - Σw²/Σw) with w = 1, 2, 3: (14 - 2) / (6 - 14/6).
TEST(Overdispersion, PhiAndTau2ByTheMomentFormula) {
  const std::vector<double> z{1, -2, 3};
  const std::vector<double> s{1, 1 / std::sqrt(2.0), 1 / std::sqrt(3.0)};
  const auto d = estimate_dispersion(z, s, std::vector<bool>(3, true));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->units_used, 3);
  EXPECT_NEAR(d->phi, 14.0 / 3.0, 1e-12);
  EXPECT_NEAR(d->tau2, 12.0 / (6.0 - 14.0 / 6.0), 1e-12);
}

TEST(Overdispersion, NoTau2WhenUnderdispersedAndInfiniteScoresAreLeftOut) {
  const double inf = std::numeric_limits<double>::infinity();
  const std::vector<double> z{0.1, -0.2, -inf, 0.3};
  const std::vector<double> s{0.1, 0.1, 0.1, 0.1};
  const auto d = estimate_dispersion(z, s, std::vector<bool>(4, true));
  ASSERT_TRUE(d);
  EXPECT_EQ(d->units_used, 3);
  EXPECT_LT(d->phi, 1.0);
  EXPECT_EQ(d->tau2, 0.0);
  EXPECT_FALSE(estimate_dispersion(std::vector<double>{1.0}, std::vector<double>{1.0}, std::vector<bool>{true}));
}

}  // namespace
}  // namespace clinaudit::stats
