#include "stats/formula_frame.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace clinaudit::stats {
namespace {

const double kNA = std::nan("");

DataColumn numbers(std::string name, std::vector<double> values) {
  return DataColumn{std::move(name), false, std::move(values), {}};
}
DataColumn texts(std::string name, std::vector<std::string> values) {
  return DataColumn{std::move(name), true, {}, std::move(values)};
}

Result<FormulaFrame> frame_of(std::string_view text, const std::vector<DataColumn>& columns) {
  auto formula = parse_model_formula(text);
  EXPECT_TRUE(formula) << (formula ? "" : formula.error().message);
  if (!formula) return formula.error();
  return build_formula_frame(*formula, columns);
}

std::string error_of(std::string_view text, const std::vector<DataColumn>& columns) {
  const auto frame = frame_of(text, columns);
  EXPECT_FALSE(frame) << text;
  return frame ? std::string() : frame.error().message;
}

const std::vector<DataColumn> kData = {
    numbers("died", {0, 1, 0, 1, kNA, 0, 1, 0}),
    numbers("age", {70, 64, kNA, 81, 55, 90, 47, 66}),
    texts("sex", {"M", "F", "F", "", "M", "F", "M", "M"}),
    numbers("asa", {10, 2, 1, 2, 1, 10, 2, 1}),
    texts("ward", {"Transfer", "elective", "emergency", "elective", "Transfer", "emergency", "elective", "Transfer"}),
};

// R 4.2.2, with kData as a data.frame (sex NA in row 4):
// rownames(model.frame(died ~ age + sex, d)) = 1 2 6 7 8 (na.omit drops 3, 4, 5).
TEST(FormulaFrame, DropsRowsWithAMissingValueTheFormulaReads) {
  const auto frame = frame_of("died ~ age + sex", kData);
  ASSERT_TRUE(frame) << frame.error().message;
  EXPECT_EQ(frame->kept_rows, (std::vector<std::size_t>{0, 1, 5, 6, 7}));
  EXPECT_EQ(frame->dropped, 3U);
  EXPECT_EQ(frame->outcome, (std::vector<std::uint8_t>{0, 1, 0, 1, 0}));
  EXPECT_EQ(frame->frame.rows, 5U);
  // A column the formula does not read does not drop rows: only died's NA (row 5) here.
  const auto without_age = frame_of("died ~ asa", kData);
  ASSERT_TRUE(without_age);
  EXPECT_EQ(without_age->dropped, 1U);
}

// levels(factor(c(10, 2, 1))) = "1" "2" "10"; a text column's levels sort as R's sort()
// (ICU): elective, emergency, Transfer; coefficient names as glm: "sexM", "factor(asa)2".
TEST(FormulaFrame, OrdersLevelsAsRAndNamesTermsAsGlm) {
  const auto frame = frame_of("died ~ factor(asa) + ward + sex", kData);
  ASSERT_TRUE(frame) << frame.error().message;
  const auto& covariates = frame->frame.covariates;
  ASSERT_EQ(covariates.size(), 3U);
  EXPECT_EQ(covariates[0].levels, (std::vector<std::string>{"1", "2", "10"}));
  EXPECT_EQ(covariates[1].levels, (std::vector<std::string>{"elective", "emergency", "Transfer"}));
  EXPECT_EQ(term_names(frame->frame), (std::vector<std::string>{"(Intercept)", "factor(asa)2", "factor(asa)10",
                                                                "wardemergency", "wardTransfer", "sexM"}));
}

// A text column sorts as text even when the kept rows' values all look like numbers, as R's
// factor() on character does: levels(factor(c("2", "10", "2", "10"))) = "10" "2".
TEST(FormulaFrame, SortsTextColumnsAsTextEvenWhenTheyLookNumeric) {
  const std::vector<DataColumn> data = {numbers("y", {0, 1, 0, 1, kNA}), texts("g", {"2", "10", "2", "10", "x"})};
  const auto frame = frame_of("y ~ g", data);
  ASSERT_TRUE(frame) << frame.error().message;
  EXPECT_EQ(frame->frame.covariates[0].levels, (std::vector<std::string>{"10", "2"}));
}

// model.matrix(died ~ sex + age:sex, d) (values checked there): sex in sex:age has no margin (age) before it, so it is
// coded by one indicator per level: "sexF:age", "sexM:age".
TEST(FormulaFrame, CodesFactorsInInteractionsByRsRule) {
  const auto frame = frame_of("died ~ sex + age:sex", kData);
  ASSERT_TRUE(frame) << frame.error().message;
  EXPECT_EQ(term_names(frame->frame), (std::vector<std::string>{"(Intercept)", "sexM", "sexF:age", "sexM:age"}));
  // Rows kept: 1 (70, M), 2 (64, F), 6 (90, F), 7 (47, M), 8 (66, M).
  ASSERT_EQ(frame->frame.covariates.size(), 3U);
  EXPECT_EQ(frame->frame.covariates[1].values.to_doubles(), (std::vector<double>{0, 64, 90, 0, 0}));
  EXPECT_EQ(frame->frame.covariates[2].values.to_doubles(), (std::vector<double>{70, 0, 0, 47, 66}));
  const auto both = frame_of("died ~ age*sex", kData);
  ASSERT_TRUE(both);
  EXPECT_EQ(term_names(both->frame), (std::vector<std::string>{"(Intercept)", "age", "sexM", "age:sexM"}));
}

TEST(FormulaFrame, ComputesTransformedColumns) {
  const auto frame = frame_of("died ~ I((age - 60)/10) + poly(age, 2, raw = TRUE) + pmin(age, 80) + log(age)", kData);
  ASSERT_TRUE(frame) << frame.error().message;
  const auto& c = frame->frame.covariates;
  ASSERT_EQ(c.size(), 5U);
  EXPECT_EQ(term_names(frame->frame),
            (std::vector<std::string>{"(Intercept)", "I((age - 60)/10)", "poly(age, 2, raw = TRUE)1",
                                      "poly(age, 2, raw = TRUE)2", "pmin(age, 80)", "log(age)"}));
  // Rows 3 and 5 are dropped (age, died missing); row 4 is kept: sex is not read.
  EXPECT_EQ(frame->kept_rows, (std::vector<std::size_t>{0, 1, 3, 5, 6, 7}));
  EXPECT_DOUBLE_EQ(c[0].values[0], 1.0);
  EXPECT_DOUBLE_EQ(c[2].values[2], 81.0 * 81.0);
  EXPECT_DOUBLE_EQ(c[3].values[2], 80.0);
  EXPECT_DOUBLE_EQ(c[4].values[3], std::log(90.0));
}

TEST(FormulaFrame, ReportsBadDataClearly) {
  EXPECT_EQ(error_of("died ~ weight", kData),
            "unknown column 'weight' in the formula (the data has died, age, sex, asa, ward)");
  EXPECT_EQ(error_of("died ~ I(sex + 1)", kData),
            "column 'sex' holds text ('M' in row 1) but I(sex + 1) uses it as a number; to use it as categories "
            "write it bare or as factor(sex)");
  EXPECT_EQ(error_of("age ~ sex", kData), "row 1: the outcome 'age' is 70; it must be 0 or 1");
  EXPECT_EQ(error_of("sex ~ age", kData), "the outcome 'sex' holds text ('M' in row 1); it must be 0 or 1");
  EXPECT_EQ(error_of("died ~ log(age - 64)", kData),
            "row 2: log(age - 64) is -Inf (log or sqrt of a number out of range, or a division by zero); R's glm "
            "would refuse it");
  const std::vector<DataColumn> one_level = {numbers("y", {0, 1, 1}), texts("g", {"a", "a", ""})};
  EXPECT_EQ(error_of("y ~ g", one_level),
            "g has a single value ('a') in the rows used: it cannot be compared with anything; leave it out of the "
            "formula");
  const std::vector<DataColumn> all_missing = {numbers("y", {0, kNA}), numbers("x", {kNA, 1})};
  EXPECT_EQ(error_of("y ~ x", all_missing),
            "no rows left: every one of the 2 rows has a missing value in a column the formula reads");
}

}  // namespace
}  // namespace clinaudit::stats
