#include "stats/model_frame.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace clinaudit::stats {
namespace {

std::vector<std::string> ordered(std::vector<std::string> levels) {
  Covariate covariate{"c", true, {}, levels, {}};
  for (std::uint32_t i = 0; i < levels.size(); ++i) covariate.codes.push_back(i);
  order_levels_as_r(covariate);
  // Codes follow their levels.
  for (std::uint32_t i = 0; i < levels.size(); ++i) EXPECT_EQ(covariate.levels[covariate.codes[i]], levels[i]);
  return covariate.levels;
}

// Reference: R 4.2.2 on Debian (ICU collation, C.UTF-8):
// sort(c("a-b","ab","a b","a_b","A","a","Ab","aB","AB","a.b","10","9","1a","x","X1","x1"))
// = "10" "1a" "9" "a" "A" "a b" "a_b" "a-b" "a.b" "ab" "aB" "Ab" "AB" "x" "x1" "X1".
TEST(ModelFrame, OrdersTextLevelsAsRSortDoes) {
  EXPECT_EQ(ordered({"a-b", "ab", "a b", "a_b", "A", "a", "Ab", "aB", "AB", "a.b", "10", "9", "1a", "x", "X1", "x1"}),
            (std::vector<std::string>{"10", "1a", "9", "a", "A", "a b", "a_b", "a-b", "a.b", "ab", "aB", "Ab", "AB",
                                      "x", "x1", "X1"}));
  EXPECT_EQ(ordered({"Transfer", "emergency", "elective"}),
            (std::vector<std::string>{"elective", "emergency", "Transfer"}));
}

// factor() on a numeric column orders its levels numerically: levels(factor(c(10, 2, 1))) = 1 2 10.
TEST(ModelFrame, OrdersNumericLevelsNumerically) {
  EXPECT_EQ(ordered({"10", "2", "1", "-3", "2.5"}), (std::vector<std::string>{"-3", "1", "2", "2.5", "10"}));
}

TEST(ModelFrame, DropsUnusedLevelsAndNamesTerms) {
  ModelFrame frame;
  frame.rows = 3;
  Covariate ward{"ward", true, {}, {"C", "B", "A"}, {0, 2, 0}};
  order_levels_as_r(ward);
  EXPECT_EQ(ward.levels, (std::vector<std::string>{"A", "C"}));
  EXPECT_EQ(ward.codes, (std::vector<std::uint32_t>{1, 0, 1}));
  frame.covariates = {Covariate{"age", false, {1, 2, 3}, {}, {}}, ward};
  EXPECT_EQ(term_names(frame), (std::vector<std::string>{"(Intercept)", "age", "ward=C"}));
  EXPECT_TRUE(validate_frame(frame));
  // A missing value, whether the column is kept in bytes or as doubles, or an infinite one.
  for (const auto& values : {std::vector<double>{1, std::nan(""), 3}, std::vector<double>{1.5, std::nan(""), 3},
                             std::vector<double>{1.5, HUGE_VAL, 3}}) {
    frame.covariates[0].values = values;
    const auto invalid = validate_frame(frame);
    ASSERT_FALSE(invalid);
    EXPECT_NE(invalid.error().message.find("episode 2"), std::string::npos);
  }
  frame.covariates[0].values = std::vector<double>{1, std::nan(""), 3};
  EXPECT_EQ(frame.covariates[0].values.form(), CompactNumbers::Form::bytes);
}

}  // namespace
}  // namespace clinaudit::stats
