#include "stats/model_formula.hpp"

#include <algorithm>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <system_error>
#include <utility>

namespace clinaudit::stats {
namespace {

using TermSet = std::vector<std::uint64_t>;  // a set of terms; a term is a mask of variables

constexpr std::size_t kMaxVariables = 63;
constexpr int kMaxPolyDegree = 10;

bool syntactic_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0 || c == '.'; }
bool syntactic_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '_'; }

// A name R deparses without backticks: a letter or a dot (not followed by a digit) first,
// then letters, digits, dots and underscores, and not a reserved word.
bool syntactic_name(const std::string& name) {
  if (name.empty() || !syntactic_start(name[0])) return false;
  if (name[0] == '.' && name.size() > 1 && std::isdigit(static_cast<unsigned char>(name[1])) != 0) return false;
  if (!std::all_of(name.begin(), name.end(), syntactic_char)) return false;
  static constexpr const char* kReserved[] = {"if",   "else",  "repeat", "while",       "function", "for",
                                              "next", "break", "TRUE",   "FALSE",       "NULL",     "Inf",
                                              "NaN",  "NA",    "in",     "NA_integer_", "NA_real_"};
  return std::none_of(std::begin(kReserved), std::end(kReserved), [&](const char* word) { return name == word; });
}

std::string name_text(const std::string& name) {
  if (syntactic_name(name) || name == "TRUE" || name == "FALSE") return name;
  return "`" + name + "`";
}

Error error_at(std::size_t position, const std::string& message) {
  return Error{ErrorCode::invalid_input, "position " + std::to_string(position) + ": " + message};
}

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  Result<ModelFormula> parse() {
    ModelFormula formula;
    formula.text = std::string(text_);
    skip_space();
    if (at_end()) return error_at(1, "the formula is empty; write it as outcome ~ terms");
    formula.outcome_position = position();
    CLINAUDIT_TRY(formula.outcome, read_name("the outcome column"));
    skip_space();
    if (peek() == '(') {
      return error_at(position(), "the left-hand side must be a column name (the 0/1 outcome), not an expression");
    }
    if (peek() != '~') return error_at(position(), "expected '~' after the outcome column");
    ++at_;
    CLINAUDIT_TRY(TermSet terms, parse_sum());
    skip_space();
    if (!at_end()) {
      if (peek() == ')') return error_at(position(), "unexpected ')'");
      return error_at(position(), std::string("unexpected '") + peek() + "'");
    }
    terms.erase(std::remove(terms.begin(), terms.end(), 0U), terms.end());
    if (terms.empty()) return error_at(text_.size() + 1, "the model has no terms beyond the intercept");
    std::stable_sort(terms.begin(), terms.end(),
                     [](std::uint64_t a, std::uint64_t b) { return std::popcount(a) < std::popcount(b); });
    for (const auto mask : terms) {
      std::vector<std::size_t> term;
      for (std::size_t v = 0; v < variables_.size(); ++v) {
        if ((mask >> v) & 1U) term.push_back(v);
      }
      formula.terms.push_back(std::move(term));
    }
    for (const auto& variable : variables_) {
      if (variable.kind == FormulaVariable::Kind::column && variable.column == formula.outcome) {
        return error_at(variable.position, "the outcome '" + formula.outcome + "' cannot also be a term");
      }
    }
    formula.variables = std::move(variables_);
    return formula;
  }

 private:
  bool at_end() const { return at_ >= text_.size(); }
  char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
  std::size_t position() const { return at_ + 1; }
  void skip_space() {
    while (!at_end() && std::isspace(static_cast<unsigned char>(peek())) != 0) ++at_;
  }

  // A column or function name: R's syntactic name, or any text in backticks.
  Result<std::string> read_name(const std::string& what) {
    skip_space();
    if (peek() == '`') {
      const std::size_t start = position();
      const auto end = text_.find('`', at_ + 1);
      if (end == std::string_view::npos) return error_at(start, "unmatched '`'");
      std::string name(text_.substr(at_ + 1, end - at_ - 1));
      if (name.empty()) return error_at(start, "an empty name in backticks");
      at_ = end + 1;
      return name;
    }
    if (!syntactic_start(peek())) {
      if (at_end()) return error_at(position(), "expected " + what + " at the end of the formula");
      return error_at(position(), "expected " + what);
    }
    const std::size_t start = at_;
    while (!at_end() && syntactic_char(peek())) ++at_;
    return std::string(text_.substr(start, at_ - start));
  }

  // --- The formula algebra: sums, products, interactions of terms ------------------------

  static void add_terms(TermSet& into, const TermSet& terms) {
    for (const auto term : terms) {
      if (std::find(into.begin(), into.end(), term) == into.end()) into.push_back(term);
    }
  }

  static TermSet interact(const TermSet& left, const TermSet& right) {
    TermSet out;
    for (const auto a : left) {
      for (const auto b : right) add_terms(out, {a | b});
    }
    return out;
  }

  Result<TermSet> parse_sum() {
    skip_space();
    TermSet terms;  // the intercept is implicit (added by R's terms(), not by a group)
    bool first = true;
    for (;;) {
      skip_space();
      char op = '+';
      const std::size_t op_position = position();
      if (peek() == '+' || peek() == '-') {
        op = peek();
        ++at_;
      } else if (!first) {
        return terms;
      }
      skip_space();
      const std::size_t term_position = position();
      if (op == '-' && peek() == '1' && !std::isdigit(static_cast<unsigned char>(peek(1))) && peek(1) != '.') {
        return error_at(op_position, "'- 1' (a model without an intercept) is not supported");
      }
      CLINAUDIT_TRY(TermSet term, parse_product());
      if (op == '+') {
        add_terms(terms, term);
      } else {
        for (const auto t : term) {
          if (t == 0U) return error_at(term_position, "removing the intercept is not supported");
          terms.erase(std::remove(terms.begin(), terms.end(), t), terms.end());
        }
      }
      first = false;
    }
  }

  Result<TermSet> parse_product() {
    CLINAUDIT_TRY(TermSet left, parse_interaction());
    for (;;) {
      skip_space();
      if (peek() == '*') {
        ++at_;
        CLINAUDIT_TRY(TermSet right, parse_interaction());
        TermSet all = left;
        add_terms(all, right);
        add_terms(all, interact(left, right));
        left = std::move(all);
      } else if (peek() == '/') {
        return error_at(position(), "nesting with '/' is not supported; write a:b or a*b");
      } else if (peek() == '%') {
        return error_at(position(), "'%in%' is not supported; write a:b or a*b");
      } else {
        return left;
      }
    }
  }

  Result<TermSet> parse_interaction() {
    CLINAUDIT_TRY(TermSet left, parse_primary_term());
    for (;;) {
      skip_space();
      if (peek() == '^') {
        return error_at(position(), "'^' between terms is not supported; inside I() it is a power: I(x^2)");
      }
      if (peek() != ':') return left;
      ++at_;
      CLINAUDIT_TRY(TermSet right, parse_primary_term());
      left = interact(left, right);
    }
  }

  Result<TermSet> parse_primary_term() {
    skip_space();
    const std::size_t start = position();
    if (at_end()) return error_at(start, "expected a term at the end of the formula");
    const char c = peek();
    if (c == '(') {
      ++at_;
      CLINAUDIT_TRY(TermSet inner, parse_sum());
      skip_space();
      if (peek() != ')') return error_at(position(), "expected ')'");
      ++at_;
      return inner;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
      CLINAUDIT_TRY(const double number, read_number());
      if (number == 1) return TermSet{0U};
      if (number == 0) return error_at(start, "'+ 0' (a model without an intercept) is not supported");
      return error_at(start, "a number is not a term; to use a constant write it inside I(), e.g. I(age - 68)");
    }
    if (c == '.' && !syntactic_char(peek(1))) {
      return error_at(start, "'.' (all other columns) is not supported; name the columns");
    }
    if (c != '`' && !syntactic_start(c)) {
      if (c == ')') return error_at(start, "unexpected ')'");
      return error_at(start, std::string("expected a term, found '") + c + "'");
    }
    CLINAUDIT_TRY(FormulaVariable variable, parse_variable());
    CLINAUDIT_TRY(const std::size_t index, add_variable(std::move(variable)));
    return TermSet{std::uint64_t{1} << index};
  }

  Result<std::size_t> add_variable(FormulaVariable variable) {
    for (std::size_t i = 0; i < variables_.size(); ++i) {
      if (variables_[i].label == variable.label) return i;
    }
    if (variables_.size() == kMaxVariables) {
      return error_at(variable.position, "too many variables (at most " + std::to_string(kMaxVariables) + ")");
    }
    variables_.push_back(std::move(variable));
    return variables_.size() - 1;
  }

  Result<FormulaVariable> parse_variable() {
    skip_space();
    FormulaVariable variable;
    variable.position = position();
    CLINAUDIT_TRY(std::string name, read_name("a column"));
    skip_space();
    if (peek() != '(') {
      variable.kind = FormulaVariable::Kind::column;
      variable.column = name;
      variable.label = name_text(name);
      return variable;
    }
    const std::size_t open = position();
    if (name == "factor" || name == "as.factor") {
      ++at_;
      skip_space();
      const std::size_t column_position = position();
      if (peek() != '`' && !syntactic_start(peek())) return error_at(column_position, "factor() takes a column name");
      CLINAUDIT_TRY(variable.column, read_name("a column"));
      skip_space();
      if (peek() == '(') return error_at(column_position, "factor() takes a column name, not an expression");
      if (peek() != ')') return error_at(position(), "expected ')'");
      ++at_;
      variable.kind = FormulaVariable::Kind::factor;
      variable.label = name + "(" + name_text(variable.column) + ")";
      return variable;
    }
    at_ = open - 1;  // back to '('
    CLINAUDIT_TRY(FormulaExpression call, parse_call(name, variable.position));
    if (name == "poly") return poly_variable(call, variable.position);
    if (name != "I" && name != "log" && name != "exp" && name != "sqrt" && name != "pmin" && name != "pmax") {
      return error_at(variable.position, "function '" + name +
                                             "' is not supported in a formula (supported: factor, I, log, exp, sqrt, "
                                             "pmin, pmax, poly with raw = TRUE)");
    }
    variable.kind = FormulaVariable::Kind::expression;
    variable.label = deparse(call);
    variable.expression = std::move(call);
    return variable;
  }

  Result<FormulaVariable> poly_variable(const FormulaExpression& call, std::size_t at) {
    const auto& args = call.args;
    const auto& names = call.arg_names;
    if (args.size() != 3 || !names[0].empty() || (!names[1].empty() && names[1] != "degree") || names[2] != "raw") {
      return error_at(at, "write poly(x, k, raw = TRUE): orthogonal polynomials (raw = FALSE) are not supported");
    }
    const auto& degree = args[1];
    if (degree.kind != FormulaExpression::Kind::number || degree.number != std::floor(degree.number) ||
        degree.number < 1 || degree.number > kMaxPolyDegree) {
      return error_at(degree.position,
                      "the degree of poly() must be a whole number from 1 to " + std::to_string(kMaxPolyDegree));
    }
    if (args[2].kind != FormulaExpression::Kind::column || (args[2].name != "TRUE" && args[2].name != "T")) {
      return error_at(args[2].position, "poly() needs raw = TRUE: orthogonal polynomials are not supported");
    }
    FormulaVariable variable;
    variable.kind = FormulaVariable::Kind::poly;
    variable.position = at;
    variable.degree = static_cast<int>(degree.number);
    variable.label = deparse(call);
    variable.expression = args[0];
    return variable;
  }

  // --- Arithmetic inside I() and function arguments --------------------------------------

  Result<double> read_number() {
    const std::size_t start = at_;
    while (!at_end() && (std::isdigit(static_cast<unsigned char>(peek())) != 0 || peek() == '.')) ++at_;
    if (peek() == 'e' || peek() == 'E') {
      ++at_;
      if (peek() == '+' || peek() == '-') ++at_;
      if (std::isdigit(static_cast<unsigned char>(peek())) == 0) return error_at(position(), "malformed number");
      while (std::isdigit(static_cast<unsigned char>(peek())) != 0) ++at_;
    }
    if (peek() == 'L' || peek() == 'i' || peek() == 'x') {
      return error_at(position(), "write numbers in decimal (no L, i or hexadecimal)");
    }
    const std::string digits(text_.substr(start, at_ - start));
    double value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc() || end != digits.data() + digits.size()) {
      return error_at(start + 1, "malformed number '" + digits + "'");
    }
    return value;
  }

  Result<FormulaExpression> parse_call(const std::string& name, std::size_t at) {
    FormulaExpression call;
    call.kind = FormulaExpression::Kind::call;
    call.name = name;
    call.position = at;
    ++at_;  // '('
    skip_space();
    if (peek() == ')') return error_at(position(), name + "() needs an argument");
    for (;;) {
      skip_space();
      std::string arg_name;
      if (syntactic_start(peek())) {
        const std::size_t save = at_;
        CLINAUDIT_TRY(std::string word, read_name("an argument"));
        skip_space();
        if (peek() == '=' && peek(1) != '=') {
          ++at_;
          arg_name = word;
        } else {
          at_ = save;
        }
      }
      CLINAUDIT_TRY(FormulaExpression arg, parse_arith_sum());
      call.args.push_back(std::move(arg));
      call.arg_names.push_back(arg_name);
      skip_space();
      if (peek() == ',') {
        ++at_;
        continue;
      }
      if (peek() != ')') return error_at(position(), "expected ')'");
      ++at_;
      break;
    }
    if (name == "I" || name == "log" || name == "exp" || name == "sqrt") {
      if (call.args.size() != 1 || !call.arg_names[0].empty()) {
        return error_at(at, name + "() takes one argument" + (name == "log" ? " (natural logarithm)" : ""));
      }
    } else if (name == "pmin" || name == "pmax") {
      if (call.args.size() != 2 || !call.arg_names[0].empty() || !call.arg_names[1].empty()) {
        return error_at(at, name + "() takes two arguments, e.g. " + name + "(age, 90)");
      }
    }
    return call;
  }

  Result<FormulaExpression> parse_arith_sum() {
    CLINAUDIT_TRY(FormulaExpression left, parse_arith_product());
    for (;;) {
      skip_space();
      if (peek() != '+' && peek() != '-') return left;
      left = binary(std::string(1, peek()), std::move(left));
      ++at_;
      CLINAUDIT_TRY(left.args[1], parse_arith_product());
    }
  }

  Result<FormulaExpression> parse_arith_product() {
    CLINAUDIT_TRY(FormulaExpression left, parse_arith_unary());
    for (;;) {
      skip_space();
      if (peek() != '*' && peek() != '/') return left;
      left = binary(std::string(1, peek()), std::move(left));
      ++at_;
      CLINAUDIT_TRY(left.args[1], parse_arith_unary());
    }
  }

  Result<FormulaExpression> parse_arith_unary() {
    skip_space();
    if (peek() == '-') {
      FormulaExpression negate;
      negate.kind = FormulaExpression::Kind::negate;
      negate.position = position();
      ++at_;
      CLINAUDIT_TRY(FormulaExpression inner, parse_arith_unary());
      negate.args.push_back(std::move(inner));
      return negate;
    }
    if (peek() == '+') return error_at(position(), "unary '+' is not supported");
    CLINAUDIT_TRY(FormulaExpression base, parse_arith_primary());
    skip_space();
    if (peek() != '^') {
      if (peek() == ':') return error_at(position(), "':' is not arithmetic; inside I() use + - * / ^");
      return base;
    }
    FormulaExpression power = binary("^", std::move(base));
    ++at_;
    CLINAUDIT_TRY(power.args[1], parse_arith_unary());  // right-associative; 2^-1 is allowed
    return power;
  }

  Result<FormulaExpression> parse_arith_primary() {
    skip_space();
    FormulaExpression node;
    node.position = position();
    const char c = peek();
    if (at_end()) return error_at(position(), "expected a value at the end of the formula");
    if (c == '(') {
      ++at_;
      node.kind = FormulaExpression::Kind::parentheses;
      CLINAUDIT_TRY(FormulaExpression inner, parse_arith_sum());
      node.args.push_back(std::move(inner));
      skip_space();
      if (peek() != ')') return error_at(position(), "expected ')'");
      ++at_;
      return node;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) != 0 ||
        (c == '.' && std::isdigit(static_cast<unsigned char>(peek(1))) != 0)) {
      node.kind = FormulaExpression::Kind::number;
      CLINAUDIT_TRY(node.number, read_number());
      return node;
    }
    if (c != '`' && !syntactic_start(c)) {
      if (c == ')' || c == ',') return error_at(position(), "expected a value");
      return error_at(position(), std::string("expected a value, found '") + c + "'");
    }
    CLINAUDIT_TRY(std::string name, read_name("a value"));
    skip_space();
    if (peek() != '(') {
      node.kind = FormulaExpression::Kind::column;
      node.name = name;
      return node;
    }
    if (name != "log" && name != "exp" && name != "sqrt" && name != "pmin" && name != "pmax") {
      return error_at(node.position, "function '" + name +
                                         "' is not supported inside an expression (supported: log, exp, sqrt, "
                                         "pmin, pmax)");
    }
    return parse_call(name, node.position);
  }

  FormulaExpression binary(std::string op, FormulaExpression left) const {
    FormulaExpression node;
    node.kind = FormulaExpression::Kind::binary;
    node.name = std::move(op);
    node.position = position();
    node.args.push_back(std::move(left));
    node.args.emplace_back();
    return node;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::vector<FormulaVariable> variables_;
};

void add_once(std::vector<std::string>& names, const std::string& name) {
  if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

Result<ModelFormula> parse_model_formula(std::string_view text) { return Parser(text).parse(); }

const std::string& formula_outcome(const ModelFormula& formula) { return formula.outcome; }

void expression_columns(const FormulaExpression& expression, std::vector<std::string>& out) {
  if (expression.kind == FormulaExpression::Kind::column) {
    add_once(out, expression.name);
    return;
  }
  for (const auto& arg : expression.args) expression_columns(arg, out);
}

std::vector<std::string> formula_columns(const ModelFormula& formula) {
  std::vector<std::string> columns{formula.outcome};
  for (const auto& variable : formula.variables) {
    switch (variable.kind) {
      case FormulaVariable::Kind::column:
      case FormulaVariable::Kind::factor: add_once(columns, variable.column); break;
      case FormulaVariable::Kind::expression:
      case FormulaVariable::Kind::poly: expression_columns(variable.expression, columns); break;
    }
  }
  return columns;
}

std::vector<std::string> formula_term_labels(const ModelFormula& formula) {
  std::vector<std::string> labels;
  for (const auto& term : formula.terms) {
    std::string label;
    for (const auto v : term) label += (label.empty() ? "" : ":") + formula.variables[v].label;
    labels.push_back(std::move(label));
  }
  return labels;
}

std::string deparse(const FormulaExpression& expression) {
  switch (expression.kind) {
    case FormulaExpression::Kind::number: return r_number_text(expression.number);
    case FormulaExpression::Kind::column: return name_text(expression.name);
    case FormulaExpression::Kind::negate: return "-" + deparse(expression.args[0]);
    case FormulaExpression::Kind::parentheses: return "(" + deparse(expression.args[0]) + ")";
    case FormulaExpression::Kind::binary: {
      const bool tight = expression.name == "/" || expression.name == "^";
      const std::string op = tight ? expression.name : " " + expression.name + " ";
      return deparse(expression.args[0]) + op + deparse(expression.args[1]);
    }
    case FormulaExpression::Kind::call: {
      std::string text = name_text(expression.name) + "(";
      for (std::size_t i = 0; i < expression.args.size(); ++i) {
        if (i > 0) text += ", ";
        if (!expression.arg_names[i].empty()) text += expression.arg_names[i] + " = ";
        text += deparse(expression.args[i]);
      }
      return text + ")";
    }
  }
  return {};
}

std::string r_number_text(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "Inf" : "-Inf";
  if (value == 0) return "0";
  // The fewest significant digits (at most 15) that give the value to 15 significant digits,
  // as R's formatReal chooses them.
  char buffer[64];
  const auto scientific_text = [&](int precision) {
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, precision).ptr;
    return std::string(buffer, end);
  };
  const auto read_back = [](const std::string& text) {
    double parsed = 0;
    std::from_chars(text.data(), text.data() + text.size(), parsed);
    return parsed;
  };
  const double target = read_back(scientific_text(14));
  int digits = 1;
  while (digits < 15 && read_back(scientific_text(digits - 1)) != target) ++digits;
  const std::string scientific_raw = scientific_text(digits - 1);
  const auto e_at = scientific_raw.find('e');
  int exponent = 0;
  const char* exponent_start = scientific_raw.c_str() + e_at + 1;
  if (*exponent_start == '+') ++exponent_start;
  std::from_chars(exponent_start, scientific_raw.c_str() + scientific_raw.size(), exponent);
  const int negative = value < 0 ? 1 : 0;
  // Scientific: mantissa, "e", sign, at least two exponent digits.
  const std::string exponent_digits = std::to_string(std::abs(exponent));
  std::string scientific = scientific_raw.substr(0, e_at) + "e" + (exponent < 0 ? "-" : "+") +
                           (exponent_digits.size() < 2 ? "0" : "") + exponent_digits;
  const int decimals = std::max(0, digits - 1 - exponent);
  const int fixed_width = negative + (exponent >= 0 ? exponent + 1 : 1) + (decimals > 0 ? decimals + 1 : 0);
  if (fixed_width <= static_cast<int>(scientific.size())) {
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, decimals).ptr;
    return std::string(buffer, end);
  }
  return scientific;
}

}  // namespace clinaudit::stats
