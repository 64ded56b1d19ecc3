#include "stats/formula_frame.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <utility>

namespace clinaudit::stats {
namespace {

// A variable evaluated over the kept rows: numeric columns, or a factor.
struct Evaluated {
  bool factor = false;
  std::vector<std::vector<double>> columns;  // numeric
  std::vector<std::string> suffixes;         // numeric: appended to the label ("" or "1", "2" for poly)
  Covariate levels;                          // factor: levels (R's order) and codes
};

// One column of an interaction's contribution: its name and values over the kept rows.
struct Column {
  std::string name;
  std::vector<double> values;
};

class FrameBuilder {
 public:
  FrameBuilder(const ModelFormula& formula, std::span<const DataColumn> columns, std::size_t first_row)
      : formula_(formula), data_(columns), first_row_(first_row) {}

  Result<FormulaFrame> build() {
    CLINAUDIT_TRY_VOID(find_columns());
    drop_missing();
    if (result_.kept_rows.empty()) {
      return Error{ErrorCode::invalid_input, "no rows left: every one of the " + std::to_string(rows_) +
                                                 " rows has a missing value in a column the formula reads"};
    }
    CLINAUDIT_TRY_VOID(read_outcome());
    std::vector<Evaluated> variables;
    for (const auto& variable : formula_.variables) {
      CLINAUDIT_TRY(auto evaluated, evaluate(variable));
      variables.push_back(std::move(evaluated));
    }
    result_.frame.rows = result_.kept_rows.size();
    std::vector<std::uint64_t> masks;
    for (const auto& term : formula_.terms) {
      std::uint64_t mask = 0;
      for (const auto v : term) mask |= std::uint64_t{1} << v;
      CLINAUDIT_TRY_VOID(add_term(term, mask, masks, variables));
      masks.push_back(mask);
    }
    return std::move(result_);
  }

 private:
  std::string row_text(std::size_t row) const { return "row " + std::to_string(first_row_ + row); }

  Result<void> find_columns() {
    bool first = true;
    for (const auto& name : formula_columns(formula_)) {
      const DataColumn* found = nullptr;
      for (const auto& column : data_) {
        if (column.name == name) found = &column;
      }
      if (found == nullptr) {
        std::string known;
        for (const auto& column : data_) known += (known.empty() ? "" : ", ") + column.name;
        return Error{ErrorCode::invalid_input, "unknown column '" + name + "' in the formula" +
                                                   (known.empty() ? "" : " (the data has " + known + ")")};
      }
      const std::size_t size = found->text ? found->texts.size() : found->numbers.size();
      if (first) rows_ = size;
      first = false;
      if (size != rows_) {
        return Error{ErrorCode::invalid_input, "column '" + name + "' has " + std::to_string(size) + " rows, not " +
                                                   std::to_string(rows_) + " as '" + formula_.outcome + "'"};
      }
      columns_[name] = found;
    }
    return {};
  }

  void drop_missing() {
    std::vector<std::uint8_t> missing(rows_, 0);
    for (const auto& [name, column] : columns_) {
      for (std::size_t i = 0; i < rows_; ++i) {
        if (column->text ? column->texts[i].empty() : std::isnan(column->numbers[i])) missing[i] = 1;
      }
    }
    for (std::size_t i = 0; i < rows_; ++i) {
      if (missing[i] == 0) result_.kept_rows.push_back(i);
    }
    result_.dropped = rows_ - result_.kept_rows.size();
  }

  Result<void> read_outcome() {
    const DataColumn& column = *columns_.at(formula_.outcome);
    for (const auto row : result_.kept_rows) {
      if (column.text) {
        return Error{ErrorCode::invalid_input, "the outcome '" + formula_.outcome + "' holds text ('" +
                                                   column.texts[row] + "' in " + row_text(row) +
                                                   "); it must be 0 or 1"};
      }
      const double value = column.numbers[row];
      if (value != 0 && value != 1) {
        return Error{ErrorCode::invalid_input, row_text(row) + ": the outcome '" + formula_.outcome + "' is " +
                                                   r_number_text(value) + "; it must be 0 or 1"};
      }
      result_.outcome.push_back(value == 1 ? 1 : 0);
    }
    return {};
  }

  // The levels and codes of a column over the kept rows, in R's order.
  Covariate factor_of(const DataColumn& column, const std::string& label) const {
    Covariate factor;
    factor.name = label;
    factor.categorical = true;
    factor.level_separator.clear();
    std::map<std::string, std::uint32_t> index;
    for (const auto row : result_.kept_rows) {
      std::string level = column.text ? column.texts[row] : r_number_text(column.numbers[row]);
      auto [at, added] = index.emplace(std::move(level), static_cast<std::uint32_t>(factor.levels.size()));
      if (added) factor.levels.push_back(at->first);
      factor.codes.push_back(at->second);
    }
    // R sorts a text column's levels as text even when every kept level looks like a number:
    // an unused level that is not a number keeps order_levels_as_r from sorting numerically
    // (it drops unused levels).
    if (column.text) factor.levels.emplace_back("(text)");
    order_levels_as_r(factor);
    return factor;
  }

  Result<Evaluated> evaluate(const FormulaVariable& variable) const {
    Evaluated out;
    switch (variable.kind) {
      case FormulaVariable::Kind::column:
      case FormulaVariable::Kind::factor: {
        const DataColumn& column = *columns_.at(variable.column);
        if (column.text || variable.kind == FormulaVariable::Kind::factor) {
          out.factor = true;
          out.levels = factor_of(column, variable.label);
          if (out.levels.levels.size() < 2) {
            return Error{ErrorCode::invalid_input,
                         variable.label + " has a single value" +
                             (out.levels.levels.empty() ? std::string() : " ('" + out.levels.levels[0] + "')") +
                             " in the rows used: it cannot be compared with anything; leave it out of the formula"};
          }
          return out;
        }
        std::vector<double> values;
        values.reserve(result_.kept_rows.size());
        for (const auto row : result_.kept_rows) values.push_back(column.numbers[row]);
        out.columns.push_back(std::move(values));
        out.suffixes.emplace_back();
        return out;
      }
      case FormulaVariable::Kind::expression: {
        CLINAUDIT_TRY(auto values, evaluate_rows(variable.expression, variable.label));
        out.columns.push_back(std::move(values));
        out.suffixes.emplace_back();
        return out;
      }
      case FormulaVariable::Kind::poly: {
        CLINAUDIT_TRY(const auto x, evaluate_rows(variable.expression, variable.label));
        for (int power = 1; power <= variable.degree; ++power) {
          std::vector<double> values(x.size());
          for (std::size_t i = 0; i < x.size(); ++i) {
            // R's poly(raw = TRUE) is outer(x, 1:degree, "^"): pow, exact for small integers.
            values[i] = std::pow(x[i], power);
          }
          out.columns.push_back(std::move(values));
          out.suffixes.push_back(std::to_string(power));
        }
        return out;
      }
    }
    return out;
  }

  Result<std::vector<double>> evaluate_rows(const FormulaExpression& expression, const std::string& label) const {
    std::vector<std::string> names;
    expression_columns(expression, names);
    for (const auto& name : names) {
      const DataColumn& column = *columns_.at(name);
      if (!column.text) continue;
      const std::size_t row = result_.kept_rows.front();
      return Error{ErrorCode::invalid_input, "column '" + name + "' holds text ('" + column.texts[row] + "' in " +
                                                 row_text(row) + ") but " + label +
                                                 " uses it as a number; to use it as categories write it bare or "
                                                 "as factor(" +
                                                 name + ")"};
    }
    std::vector<double> values;
    values.reserve(result_.kept_rows.size());
    for (const auto row : result_.kept_rows) {
      const double value = value_at(expression, row);
      if (!std::isfinite(value)) {
        return Error{ErrorCode::invalid_input,
                     row_text(row) + ": " + label + " is " + r_number_text(value) +
                         " (log or sqrt of a number out of range, or a division by zero); R's glm would refuse it"};
      }
      values.push_back(value);
    }
    return values;
  }

  double value_at(const FormulaExpression& e, std::size_t row) const {
    switch (e.kind) {
      case FormulaExpression::Kind::number: return e.number;
      case FormulaExpression::Kind::column: return columns_.at(e.name)->numbers[row];
      case FormulaExpression::Kind::negate: return -value_at(e.args[0], row);
      case FormulaExpression::Kind::parentheses: return value_at(e.args[0], row);
      case FormulaExpression::Kind::binary: {
        const double a = value_at(e.args[0], row);
        const double b = value_at(e.args[1], row);
        switch (e.name[0]) {
          case '+': return a + b;
          case '-': return a - b;
          case '*': return a * b;
          case '/': return a / b;
          default: return std::pow(a, b);
        }
      }
      case FormulaExpression::Kind::call: {
        const double a = value_at(e.args[0], row);
        if (e.name == "I") return a;
        if (e.name == "log") return std::log(a);
        if (e.name == "exp") return std::exp(a);
        if (e.name == "sqrt") return std::sqrt(a);
        const double b = value_at(e.args[1], row);
        return e.name == "pmin" ? std::min(a, b) : std::max(a, b);
      }
    }
    return 0;
  }

  // R's TermCode: within `mask`, a factor is coded by contrasts when the term without it is
  // contained in a term before this one.
  static bool by_contrasts(std::uint64_t mask, std::size_t variable, const std::vector<std::uint64_t>& before) {
    const std::uint64_t margin = mask & ~(std::uint64_t{1} << variable);
    if (margin == 0) return true;  // the intercept is always in the model
    return std::any_of(before.begin(), before.end(), [&](std::uint64_t t) { return (margin & ~t) == 0; });
  }

  Result<void> add_term(const std::vector<std::size_t>& term, std::uint64_t mask,
                        const std::vector<std::uint64_t>& before, const std::vector<Evaluated>& variables) {
    const std::size_t rows = result_.kept_rows.size();
    if (term.size() == 1) {
      const auto& variable = variables[term[0]];
      const auto& label = formula_.variables[term[0]].label;
      if (variable.factor) {
        result_.frame.covariates.push_back(variable.levels);
        return {};
      }
      for (std::size_t c = 0; c < variable.columns.size(); ++c) {
        Covariate covariate;
        covariate.name = label + variable.suffixes[c];
        covariate.values = variable.columns[c];
        result_.frame.covariates.push_back(std::move(covariate));
      }
      return {};
    }
    std::vector<Column> product{Column{"", std::vector<double>(rows, 1.0)}};
    for (const auto v : term) {
      const auto& variable = variables[v];
      const auto& label = formula_.variables[v].label;
      std::vector<Column> part;
      if (variable.factor) {
        const auto& factor = variable.levels;
        for (std::size_t level = by_contrasts(mask, v, before) ? 1 : 0; level < factor.levels.size(); ++level) {
          Column column{label + factor.levels[level], std::vector<double>(rows, 0.0)};
          for (std::size_t i = 0; i < rows; ++i) column.values[i] = factor.codes[i] == level ? 1.0 : 0.0;
          part.push_back(std::move(column));
        }
      } else {
        for (std::size_t c = 0; c < variable.columns.size(); ++c) {
          part.push_back(Column{label + variable.suffixes[c], variable.columns[c]});
        }
      }
      // The earlier variables vary fastest, as in R's model.matrix.
      std::vector<Column> next;
      for (const auto& right : part) {
        for (const auto& left : product) {
          Column column{left.name.empty() ? right.name : left.name + ":" + right.name, left.values};
          for (std::size_t i = 0; i < rows; ++i) column.values[i] *= right.values[i];
          next.push_back(std::move(column));
        }
      }
      product = std::move(next);
    }
    for (auto& column : product) {
      Covariate covariate;
      covariate.name = std::move(column.name);
      covariate.values = std::move(column.values);
      result_.frame.covariates.push_back(std::move(covariate));
    }
    return {};
  }

  const ModelFormula& formula_;
  std::span<const DataColumn> data_;
  std::size_t first_row_;
  std::size_t rows_ = 0;
  std::map<std::string, const DataColumn*> columns_;
  FormulaFrame result_;
};

}  // namespace

Result<FormulaFrame> build_formula_frame(const ModelFormula& formula, std::span<const DataColumn> columns) {
  return build_formula_frame(formula, columns, 1);
}

Result<FormulaFrame> build_formula_frame(const ModelFormula& formula, std::span<const DataColumn> columns,
                                         std::size_t first_row_number) {
  return FrameBuilder(formula, columns, first_row_number).build();
}

}  // namespace clinaudit::stats
