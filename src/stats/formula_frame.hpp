#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/compact_numbers.hpp"
#include "core/result.hpp"
#include "stats/model_formula.hpp"
#include "stats/model_frame.hpp"

namespace clinaudit::stats {

// One data column, as the dataset holds it. Missing values: NaN in numbers, "" in texts.
// A text column has `texts` (one per row); a numeric column has `numbers`.
struct DataColumn {
  std::string name;
  bool text = false;
  CompactNumbers numbers;
  std::vector<std::string> texts;
};

// The model frame of a formula over a dataset, as R's glm(formula, binomial, data) builds it
// (model.frame with na.action = na.omit and drop.unused.levels = TRUE, then model.matrix):
//   - a row is dropped when any column the formula reads is missing (its outcome included);
//   - a numeric column used bare is one numeric term; a text column used bare is a factor
//     (as glm treats character columns), so is factor(column); a factor's levels are those
//     of the kept rows in R's order (order_levels_as_r: numerically for a numeric column,
//     by R's sort() for text);
//   - a factor main effect is a categorical covariate, treatment contrasts (first level the
//     reference), named as R names the coefficients: "sexM", "factor(asa_grade)2";
//   - I(), log(), pmin() and other expressions are numeric covariates named by their label
//     ("I((age - 68)/10)"); poly(x, k, raw = TRUE) gives k numeric covariates x^1 .. x^k
//     named "poly(x, k, raw = TRUE)1" .. "...k";
//   - an interaction is dense numeric covariates, the product of its variables' columns with
//     the first variable varying fastest, named "a:b" (e.g. "factor(imd)2:sexM"); within it a
//     factor is coded by contrasts when the term without it appears among the terms before
//     it, else by one indicator per level (R's rule, Chambers & Hastie 1992, p. 38;
//     TermCode in R's model.c).
// The covariates are in R's coefficient order, so term_names(frame) equals
// names(coef(glm(...))).
struct FormulaFrame {
  ModelFrame frame;                    // ready for fit_logistic / case_mix_model
  std::vector<std::uint8_t> outcome;   // 0/1 per kept row
  std::vector<std::size_t> kept_rows;  // indexes into the input rows, in order
  std::size_t dropped = 0;             // rows dropped because a value the formula reads is missing (na.omit)
};

// Builds the frame of `formula` over `columns` (all of equal length; other columns are
// ignored). Row numbers in messages count the input rows from 1. Pure.
// Errors (invalid_input): a column the formula names is not among `columns` (naming it);
// columns of different lengths; the outcome is text or holds a value other than 0 or 1
// (naming the row); a text column used as a number (in I(), log(), poly() and so on; naming
// the column, the expression and a row); an expression that is not finite in some row (log of
// a number <= 0, division by zero; naming the row); no rows left after dropping missing
// values; a factor with a single level among the kept rows.
Result<FormulaFrame> build_formula_frame(const ModelFormula& formula, std::span<const DataColumn> columns);

// As above; messages number input row i as `first_row_number + i` (2 for a CSV file whose
// header is row 1).
Result<FormulaFrame> build_formula_frame(const ModelFormula& formula, std::span<const DataColumn> columns,
                                         std::size_t first_row_number);

}  // namespace clinaudit::stats
