#include "stats/model_formula.hpp"

#include <gtest/gtest.h>

namespace clinaudit::stats {
namespace {

std::vector<std::string> labels(std::string_view text) {
  auto formula = parse_model_formula(text);
  EXPECT_TRUE(formula) << (formula ? "" : formula.error().message);
  return formula ? formula_term_labels(*formula) : std::vector<std::string>{};
}

std::string parse_error(std::string_view text) {
  auto formula = parse_model_formula(text);
  EXPECT_FALSE(formula) << text;
  return formula ? std::string() : formula.error().message;
}

// Reference: R 4.2.2, attr(terms(f), "term.labels").
TEST(ModelFormula, LabelsTermsAsRDeparsesThem) {
  EXPECT_EQ(
      labels("died30 ~ I((age-68)/10) + sex + emergency + factor(imd_quintile) + factor(asa_grade)"),
      (std::vector<std::string>{"I((age - 68)/10)", "sex", "emergency", "factor(imd_quintile)", "factor(asa_grade)"}));
  EXPECT_EQ(labels("y ~ log(age) + poly(age, 2, raw = TRUE) + pmin(age,90) + pmax(age, -1)"),
            (std::vector<std::string>{"log(age)", "poly(age, 2, raw = TRUE)", "pmin(age, 90)", "pmax(age, -1)"}));
  // deparse(quote(I(x/100000 + 0.001 - 0.0001 + 1e-10 + 123456789012 + 1/3 + 2.50)))
  EXPECT_EQ(labels("y ~ I(x/100000 + 0.001 - 0.0001 + 1e-10 + 123456789012 + 1/3 + 2.50)"),
            (std::vector<std::string>{"I(x/1e+05 + 0.001 - 1e-04 + 1e-10 + 123456789012 + 1/3 + 2.5)"}));
  EXPECT_EQ(labels("y ~ I(-x^2 + -(3))"), (std::vector<std::string>{"I(-x^2 + -(3))"}));
  EXPECT_EQ(labels("y ~ `my col` + age"), (std::vector<std::string>{"`my col`", "age"}));
}

// terms(y ~ b:a + a): "a" "b:a"; terms(y ~ sex + age:sex): "sex" "sex:age"; a*b expands and
// terms are ordered by degree.
TEST(ModelFormula, OrdersTermsByDegreeThenAppearance) {
  EXPECT_EQ(labels("y ~ b:a + a"), (std::vector<std::string>{"a", "b:a"}));
  EXPECT_EQ(labels("y ~ sex + age:sex"), (std::vector<std::string>{"sex", "sex:age"}));
  EXPECT_EQ(labels("y ~ a*b + c"), (std::vector<std::string>{"a", "b", "c", "a:b"}));
  EXPECT_EQ(labels("y ~ a*b*c - a:b:c"), (std::vector<std::string>{"a", "b", "c", "a:b", "a:c", "b:c"}));
  EXPECT_EQ(labels("y ~ (a + b):c + a + a"), (std::vector<std::string>{"a", "a:c", "b:c"}));
  EXPECT_EQ(labels("y ~ a*b - a"), (std::vector<std::string>{"b", "a:b"}));
  EXPECT_EQ(labels("y ~ 1 + x"), (std::vector<std::string>{"x"}));
}

TEST(ModelFormula, ListsColumnsOutcomeFirstEachOnce) {
  auto formula = parse_model_formula("died ~ I(age/10) + sex*age + log(los + 1) + factor(asa)");
  ASSERT_TRUE(formula);
  EXPECT_EQ(formula_outcome(*formula), "died");
  EXPECT_EQ(formula_columns(*formula), (std::vector<std::string>{"died", "age", "sex", "los", "asa"}));
}

TEST(ModelFormula, NamesThePositionOfASyntaxError) {
  EXPECT_EQ(parse_error("y ~ I((age - 68 / 10)"), "position 22: expected ')'");
  EXPECT_EQ(parse_error("y ~ age +"), "position 10: expected a term at the end of the formula");
  EXPECT_EQ(parse_error("y age"), "position 3: expected '~' after the outcome column");
  EXPECT_EQ(parse_error("y ~ age + ) "), "position 11: unexpected ')'");
  EXPECT_EQ(parse_error("y ~ age $ sex"), "position 9: unexpected '$'");
  EXPECT_EQ(parse_error(""), "position 1: the formula is empty; write it as outcome ~ terms");
  EXPECT_EQ(parse_error("y ~ `age"), "position 5: unmatched '`'");
}

TEST(ModelFormula, RefusesWhatItDoesNotSupportNamingThePosition) {
  EXPECT_EQ(parse_error("y ~ age - 1"), "position 9: '- 1' (a model without an intercept) is not supported");
  EXPECT_EQ(parse_error("y ~ age + 0"), "position 11: '+ 0' (a model without an intercept) is not supported");
  EXPECT_EQ(parse_error("y ~ poly(age, 2)"),
            "position 5: write poly(x, k, raw = TRUE): orthogonal polynomials (raw = FALSE) are not supported");
  EXPECT_EQ(parse_error("y ~ ns(age, 3)"),
            "position 5: function 'ns' is not supported in a formula (supported: factor, I, log, exp, sqrt, pmin, "
            "pmax, poly with raw = TRUE)");
  EXPECT_EQ(parse_error("y ~ (a + b)^2"),
            "position 12: '^' between terms is not supported; inside I() it is a power: I(x^2)");
  EXPECT_EQ(parse_error("y ~ ."), "position 5: '.' (all other columns) is not supported; name the columns");
  EXPECT_EQ(parse_error("y ~ factor(age + 1)"), "position 16: expected ')'");
  EXPECT_EQ(parse_error("log(y) ~ x"),
            "position 4: the left-hand side must be a column name (the 0/1 outcome), not an expression");
  EXPECT_EQ(parse_error("y ~ x + y"), "position 9: the outcome 'y' cannot also be a term");
}

// as.character(c(1, 2.5, 100000, 1e15, 123456, 0.1 + 0.2, -0.5, 1e-4, 0.001)).
TEST(ModelFormula, WritesNumbersAsRDoes) {
  EXPECT_EQ(r_number_text(1), "1");
  EXPECT_EQ(r_number_text(2.5), "2.5");
  EXPECT_EQ(r_number_text(100000), "1e+05");
  EXPECT_EQ(r_number_text(1e15), "1e+15");
  EXPECT_EQ(r_number_text(123456), "123456");
  EXPECT_EQ(r_number_text(0.1 + 0.2), "0.3");
  EXPECT_EQ(r_number_text(-0.5), "-0.5");
  EXPECT_EQ(r_number_text(1e-4), "1e-04");
  EXPECT_EQ(r_number_text(0.001), "0.001");
}

}  // namespace
}  // namespace clinaudit::stats
