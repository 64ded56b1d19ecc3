#include "core/compact_numbers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace clinaudit {
namespace {

using Form = CompactNumbers::Form;

TEST(CompactNumbers, SmallWholeNumbersTakeOneByte) {
  const CompactNumbers column{0, 1, -128, 127, 65};
  EXPECT_EQ(column.form(), Form::bytes);
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{0, 1, -128, 127, 65}));
}

TEST(CompactNumbers, AWholeNumberBeyondAByteWidensToTwo) {
  CompactNumbers column{3, -7};
  column.push_back(128);
  EXPECT_EQ(column.form(), Form::shorts);
  column.push_back(-32768);
  column.push_back(32767);
  EXPECT_EQ(column.form(), Form::shorts);
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{3, -7, 128, -32768, 32767}));
}

TEST(CompactNumbers, AnyOtherValueMakesTheColumnDoubles) {
  for (const double other : {0.5, 32768.0, -32769.0, 1e300, -0.0, std::numeric_limits<double>::infinity()}) {
    CompactNumbers column{1, 200};
    column.push_back(other);
    EXPECT_EQ(column.form(), Form::doubles) << other;
    ASSERT_EQ(column.size(), 3U);
    EXPECT_EQ(column[0], 1.0);
    EXPECT_EQ(column[1], 200.0);
    EXPECT_EQ(column[2], other);
    EXPECT_EQ(std::signbit(column[2]), std::signbit(other)) << "negative zero keeps its sign";
  }
  CompactNumbers column{4};
  column.push_back(std::nan(""));
  EXPECT_EQ(column.form(), Form::doubles);
  EXPECT_TRUE(std::isnan(column[1]));
}

TEST(CompactNumbers, FromDoublesTakesTheNarrowestForm) {
  EXPECT_EQ(CompactNumbers(std::vector<double>{1, 0, 90}).form(), Form::bytes);
  EXPECT_EQ(CompactNumbers(std::vector<double>{1, 2024}).form(), Form::shorts);
  const CompactNumbers fractions(std::vector<double>{1, 2.5});
  EXPECT_EQ(fractions.form(), Form::doubles);
  EXPECT_EQ(fractions.to_doubles(), (std::vector<double>{1, 2.5}));
}

TEST(CompactNumbers, AppendWidensToTheWiderOfTheTwo) {
  CompactNumbers column{1, 2};
  column.append(CompactNumbers{-1000});
  EXPECT_EQ(column.form(), Form::shorts);
  column.append(CompactNumbers{5});
  EXPECT_EQ(column.form(), Form::shorts);
  column.append(CompactNumbers{0.25});
  EXPECT_EQ(column.form(), Form::doubles);
  column.append(CompactNumbers{7, 3000});
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{1, 2, -1000, 5, 0.25, 7, 3000}));
}

TEST(CompactNumbers, ClearReturnsToOneByte) {
  CompactNumbers column{0.5, 2};
  column.clear();
  EXPECT_TRUE(column.empty());
  column.push_back(9);
  EXPECT_EQ(column.form(), Form::bytes);
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{9}));
}

TEST(CompactNumbers, CopiesARangeAsDoubles) {
  for (const auto& values :
       {std::vector<double>{1, -2, 3, 4}, std::vector<double>{1, -2000, 3, 4}, std::vector<double>{1, -2.5, 3, 4}}) {
    const CompactNumbers column(values);
    double out[2] = {};
    column.copy_to(1, 2, out);
    EXPECT_EQ(out[0], values[1]);
    EXPECT_EQ(out[1], values[2]);
  }
}

TEST(CompactNumbers, EqualWhenTheValuesAre) {
  EXPECT_EQ(CompactNumbers({1, 2}), CompactNumbers(std::vector<double>{1.0, 2.0}));
  CompactNumbers wide{1, 0.5};
  CompactNumbers narrow{1, 2};
  EXPECT_FALSE(wide == narrow);
  EXPECT_FALSE(CompactNumbers({1}) == CompactNumbers({1, 1}));
}

}  // namespace
}  // namespace clinaudit
