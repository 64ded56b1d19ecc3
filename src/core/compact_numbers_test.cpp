#include "core/compact_numbers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace clinaudit {
namespace {

using Form = CompactNumbers::Form;

TEST(CompactNumbers, SmallWholeNumbersTakeOneByte) {
  const CompactNumbers column{0, 1, -127, 127, 65};
  EXPECT_EQ(column.form(), Form::bytes);
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{0, 1, -127, 127, 65}));
}

TEST(CompactNumbers, AWholeNumberBeyondAByteWidensToTwo) {
  for (const double beyond : {128.0, -128.0}) {  // -128 marks a missing value in a byte
    CompactNumbers column{3, -7};
    column.push_back(beyond);
    EXPECT_EQ(column.form(), Form::shorts) << beyond;
    column.push_back(-32767);
    column.push_back(32767);
    EXPECT_EQ(column.form(), Form::shorts);
    EXPECT_EQ(column.to_doubles(), (std::vector<double>{3, -7, beyond, -32767, 32767}));
    EXPECT_FALSE(column.has_missing());
  }
  CompactNumbers whole;
  whole.push_back_whole(-128);
  EXPECT_EQ(whole.form(), Form::shorts);
  EXPECT_EQ(whole[0], -128.0);
}

TEST(CompactNumbers, AnyOtherValueMakesTheColumnDoubles) {
  for (const double other : {0.5, 32768.0, -32768.0, -32769.0, 1e300, -0.0, std::numeric_limits<double>::infinity()}) {
    CompactNumbers column{1, 200};
    column.push_back(other);
    EXPECT_EQ(column.form(), Form::doubles) << other;
    ASSERT_EQ(column.size(), 3U);
    EXPECT_EQ(column[0], 1.0);
    EXPECT_EQ(column[1], 200.0);
    EXPECT_EQ(column[2], other);
    EXPECT_EQ(std::signbit(column[2]), std::signbit(other)) << "negative zero keeps its sign";
  }
}

// Missing values (NaN) stay in the narrow forms, in every way a value gets into a column, and
// read back as NaN however the column is read or widened afterwards.
TEST(CompactNumbers, KeepsMissingValuesInEveryForm) {
  const double missing = std::nan("");
  CompactNumbers column{4, missing, -127};
  EXPECT_EQ(column.form(), Form::bytes);
  EXPECT_TRUE(column.has_missing());
  EXPECT_TRUE(std::isnan(column[1]));
  EXPECT_EQ(column[2], -127.0);
  EXPECT_FALSE(std::isnan(column.back()));

  column.push_back(2000);  // to two bytes
  EXPECT_EQ(column.form(), Form::shorts);
  column.push_back(missing);
  EXPECT_EQ(column.form(), Form::shorts);
  double out[5] = {};
  column.copy_to(0, 5, out);
  EXPECT_EQ(out[0], 4.0);
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_EQ(out[2], -127.0);
  EXPECT_EQ(out[3], 2000.0);
  EXPECT_TRUE(std::isnan(out[4]));

  column.push_back(0.5);  // to doubles
  EXPECT_EQ(column.form(), Form::doubles);
  const auto values = column.to_doubles();
  ASSERT_EQ(values.size(), 6U);
  EXPECT_TRUE(std::isnan(values[1]));
  EXPECT_TRUE(std::isnan(values[4]));
  EXPECT_EQ(values[2], -127.0);
  EXPECT_EQ(values[5], 0.5);

  EXPECT_EQ(CompactNumbers(std::vector<double>{1, missing, 3}).form(), Form::bytes);
  EXPECT_TRUE(CompactNumbers(std::vector<double>{1, missing, 0.5}).has_missing());
  CompactNumbers doubles{0.5};
  EXPECT_FALSE(doubles.has_missing());
  doubles.push_back(missing);
  EXPECT_TRUE(doubles.has_missing());
}

TEST(CompactNumbers, AppendKeepsMissingValuesWhenItWidens) {
  const double missing = std::nan("");
  for (const double wide : {1000.0, 0.5}) {
    CompactNumbers column{wide};
    column.append(CompactNumbers{missing, 3});
    EXPECT_TRUE(column.has_missing());
    ASSERT_EQ(column.size(), 3U);
    EXPECT_EQ(column[0], wide);
    EXPECT_TRUE(std::isnan(column[1])) << wide;
    EXPECT_EQ(column[2], 3.0);

    CompactNumbers narrow{missing, 3};  // widened by what is appended
    narrow.append(CompactNumbers{wide});
    EXPECT_TRUE(std::isnan(narrow[0])) << wide;
    EXPECT_EQ(narrow[1], 3.0);
    EXPECT_EQ(narrow[2], wide);
  }
}

TEST(CompactNumbers, SetReplacesAValueAndWidensWhenItMust) {
  CompactNumbers column{1, 2, 3};
  column.set(1, std::nan(""));
  EXPECT_EQ(column.form(), Form::bytes);
  EXPECT_TRUE(std::isnan(column[1]));
  column.set(1, 5);
  EXPECT_EQ(column[1], 5.0);
  column.set(0, 30000);
  EXPECT_EQ(column.form(), Form::shorts);
  column.set(2, 2.25);
  EXPECT_EQ(column.form(), Form::doubles);
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{30000, 5, 2.25}));
  column.pop_back();
  EXPECT_EQ(column.to_doubles(), (std::vector<double>{30000, 5}));
  EXPECT_EQ(column.back(), 5.0);
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
  column.push_back(std::nan(""));
  column.clear();
  EXPECT_TRUE(column.empty());
  EXPECT_FALSE(column.has_missing());
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
