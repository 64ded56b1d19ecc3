#include "stats/normal.hpp"

#include <gtest/gtest.h>

namespace clinaudit::stats {
namespace {

// Reference: R 4.2.2, qnorm(0.975) = 1.959963984540054, qnorm(0.999) = 3.090232306167813,
// pnorm(-1) = 0.1586552539314571.
TEST(Normal, MatchesRsQuantilesAndDistributionFunction) {
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 1e-14);
  EXPECT_NEAR(two_sided_z(0.998), 3.090232306167813, 1e-13);
  EXPECT_NEAR(normal_cdf(-1.0), 0.1586552539314571, 1e-15);
  EXPECT_NEAR(kZ95, two_sided_z(0.95), 1e-14);
  EXPECT_NEAR(kZ998, two_sided_z(0.998), 1e-13);
}

}  // namespace
}  // namespace clinaudit::stats
