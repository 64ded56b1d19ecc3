#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/compact_numbers.hpp"
#include "core/result.hpp"

namespace clinaudit::stats {

// One covariate of a case-mix model, held as a column (one entry per episode).
// A numeric covariate enters the model as one term named after the column. A categorical
// covariate is dummy-coded against its first level, as R's default treatment contrasts do:
// one term per other level, named "column=level" (e.g. "diag_group=3"), or with another
// `level_separator` (model formulas use "", R's naming: "factor(asa_grade)2", "sexM").
struct Covariate {
  std::string name;
  bool categorical = false;
  CompactNumbers values;              // numeric covariates: the values (finite)
  std::vector<std::string> levels;    // categorical: the level names; levels[0] is the reference
  std::vector<std::uint32_t> codes;   // categorical: one index into levels per episode
  std::string level_separator = "=";  // categorical: between the name and the level in term names
};

// The covariates of a model in the order their terms appear (as in an R formula).
// Every covariate has `rows` entries. Value type; safe to share read-only between threads.
struct ModelFrame {
  std::size_t rows = 0;
  std::vector<Covariate> covariates;
};

// Reorders a categorical covariate's levels the way R's factor() orders them, and remaps its
// codes: numerically when every level reads as a number (as factor() on a numeric column
// does: 1, 2, 10), otherwise as R's sort() orders text when it collates with ICU (R on
// Debian in a UTF-8 locale): punctuation, then digits, then letters ignoring case, with
// lower case first on a tie ("Trust1" < "Trust10" < "Trust2"; "elective" < "Transfer").
// Text beyond printable ASCII is ordered by its bytes, after it.
// Levels that no episode uses are dropped, as factor() drops them. Pure.
void order_levels_as_r(Covariate& covariate);

// The names of the model's terms: "(Intercept)", then each covariate's terms in order.
std::vector<std::string> term_names(const ModelFrame& frame);

// Checks a frame before fitting: every column has `rows` entries, numeric values are finite,
// codes index a level. Errors: invalid_input naming the covariate and the episode
// (1-based) at fault; a categorical covariate with a single level (nothing to compare).
Result<void> validate_frame(const ModelFrame& frame);

}  // namespace clinaudit::stats
