#include "stats/contingency.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

namespace clinaudit::stats {
namespace {

using Table = std::vector<std::vector<std::int64_t>>;

// A survey question by organisation type: 3 x 4, n = 110 (millions of tables with these margins;
// its p-values against R are in tests/golden/stats/test_independence.golden).
const Table kSurveyQuestion{{9, 15, 21, 15}, {4, 7, 12, 7}, {3, 4, 7, 6}};

TEST(Independence, AnExactTestBeyondItsBoundIsLeftOutAndTheChiSquareStays) {
  const auto bounded = test_independence(kSurveyQuestion, 10);
  ASSERT_TRUE(bounded) << bounded.error().message;
  EXPECT_FALSE(bounded->fisher_p_value.has_value());
  const auto full = test_independence(kSurveyQuestion);
  ASSERT_TRUE(full) << full.error().message;
  ASSERT_TRUE(full->fisher_p_value.has_value());
  EXPECT_DOUBLE_EQ(bounded->p_value, full->p_value);
}

TEST(Independence, ATableAndItsTransposeHaveTheSameExactTest) {
  Table turned(4, std::vector<std::int64_t>(3));
  for (std::size_t r = 0; r < 3; ++r) {
    for (std::size_t c = 0; c < 4; ++c) turned[c][r] = kSurveyQuestion[r][c];
  }
  const auto wide = test_independence(kSurveyQuestion);
  const auto tall = test_independence(turned);
  ASSERT_TRUE(wide && tall);
  ASSERT_TRUE(wide->fisher_p_value && tall->fisher_p_value);
  EXPECT_NEAR(*wide->fisher_p_value, *tall->fisher_p_value, 1e-12);
}

TEST(Independence, AnEmptyColumnIsDroppedBeforeTheTest) {
  const auto with_empty = test_independence({{3, 0, 1}, {1, 0, 3}});
  const auto without = test_independence({{3, 1}, {1, 3}});
  ASSERT_TRUE(with_empty && without);
  ASSERT_TRUE(with_empty->fisher_p_value && without->fisher_p_value);
  EXPECT_DOUBLE_EQ(*with_empty->fisher_p_value, *without->fisher_p_value);
  EXPECT_EQ(with_empty->degrees_of_freedom, 1);
}

}  // namespace
}  // namespace clinaudit::stats
