#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace clinaudit::stats {

// A case-mix model written as an R model formula over a dataset's columns, e.g.
//   died30 ~ I((age - 68) / 10) + sex + emergency + factor(imd_quintile) + factor(asa_grade)
// The subset understood, with R's meaning (R Core Team, ?formula, ?terms.object, and
// Chambers & Hastie, Statistical Models in S, 1992, chapter 2):
//   - left-hand side: one column (the 0/1 outcome);
//   - terms joined by `+`; `a:b` (interaction), `a*b` (= a + b + a:b), `- term` (removes a
//     term), parentheses around groups of terms, `1` (the intercept, always present);
//   - variables: a column name (plain or in backticks); `factor(column)`; `I(expression)`
//     with + - * / ^, unary minus, parentheses, numeric constants, columns and the functions
//     below; `log(x)`, `exp(x)`, `sqrt(x)`; `pmin(x, y)` and `pmax(x, y)`;
//     `poly(x, k, raw = TRUE)` (raw polynomial of degree k, 1 <= k <= 10).
// Refused with a message: `- 1`, `+ 0` (models without an intercept), `.`, `%in%`, `/` and
// `^` between terms, offset(), orthogonal poly(), any other function.
// Terms are ordered as R's terms() orders them (by degree, then in order of appearance),
// duplicates removed; a variable's label is R's deparse of its expression, e.g.
// "I((age - 68)/10)", and an interaction's label joins its variables in the order they first
// appear in the formula ("sex:age" for `sex + age:sex`).
struct FormulaExpression {
  enum class Kind { number, column, call, negate, binary, parentheses };
  Kind kind = Kind::number;
  double number = 0;                    // number
  std::string name;                     // column name, function name, or the operator (+ - * / ^)
  std::vector<FormulaExpression> args;  // call arguments; negate/parentheses: 1; binary: 2
  std::vector<std::string> arg_names;   // call: "" or the argument's name (raw = TRUE)
  std::size_t position = 0;             // 1-based character position in the formula text
};

// One variable of the model (a column of R's model frame).
struct FormulaVariable {
  enum class Kind {
    column,      // a bare column: numeric, or a factor when the column holds text
    factor,      // factor(column)
    expression,  // I(...), log(...), pmin(...) and so on: numeric
    poly,        // poly(x, degree, raw = TRUE): `degree` numeric columns x^1 .. x^degree
  };
  Kind kind = Kind::column;
  std::string label;             // R's deparse, e.g. "factor(asa_grade)", "poly(age, 2, raw = TRUE)"
  std::string column;            // column and factor: the data column
  FormulaExpression expression;  // expression: the whole call; poly: its first argument
  int degree = 0;                // poly
  std::size_t position = 0;      // 1-based position where it first appears
};

struct ModelFormula {
  std::string text;     // as written
  std::string outcome;  // left-hand side column
  std::size_t outcome_position = 0;
  // Right-hand side variables in order of first appearance, each once (by label).
  std::vector<FormulaVariable> variables;
  // The terms in R's order; each lists indexes into `variables`, ascending.
  std::vector<std::vector<std::size_t>> terms;
};

// Parses `text`. Pure.
// Errors: invalid_input whose message starts "position N: " (1-based character position),
// e.g. "position 14: expected ')'", for a syntax error or anything outside the subset above.
Result<ModelFormula> parse_model_formula(std::string_view text);

// The left-hand side column.
const std::string& formula_outcome(const ModelFormula& formula);

// Every data column the formula reads, outcome first, then in order of first appearance,
// each once.
std::vector<std::string> formula_columns(const ModelFormula& formula);

// The term labels, as R's attr(terms(formula), "term.labels"): "age", "factor(asa_grade)",
// "sex:age".
std::vector<std::string> formula_term_labels(const ModelFormula& formula);

// The data columns one expression reads, in order of appearance, each once (appended to `out`).
void expression_columns(const FormulaExpression& expression, std::vector<std::string>& out);

// R's deparse of an expression: "(age - 68)/10", "pmin(age, 90)", "x^2", "1e+05".
std::string deparse(const FormulaExpression& expression);

// A number as R's as.character() and deparse() write it: up to 15 significant digits, fixed
// notation unless scientific is narrower ("2.5", "100", "1e+05", "1e-04", "0.001").
std::string r_number_text(double value);

}  // namespace clinaudit::stats
