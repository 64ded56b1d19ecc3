#include "core/number_format.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace clinaudit {
namespace {

TEST(FormatNumber, WritesTheShortestRoundTrip) {
  EXPECT_EQ(format_number(0.1), "0.1");
  EXPECT_EQ(format_number(1.0), "1");
  EXPECT_EQ(format_number(-2.5), "-2.5");
  EXPECT_EQ(format_number(1e-10), "1e-10");
  const double third = 1.0 / 3.0;
  EXPECT_EQ(std::stod(format_number(third)), third);
}

TEST(FormatNumber, NamesNonFiniteValues) {
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "Inf");
  EXPECT_EQ(format_number(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(FormatFixed, RoundsForDisplayWithoutNegativeZero) {
  EXPECT_EQ(format_fixed(0.95, 3), "0.950");
  EXPECT_EQ(format_fixed(62.0 / 110.0 * 100.0, 1), "56.4");
  EXPECT_EQ(format_fixed(-0.0001, 2), "0.00");
}

}  // namespace
}  // namespace clinaudit
