#include "domain/audit_criteria.hpp"

#include <cctype>
#include <cmath>

namespace clinaudit::domain {
namespace {

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

Result<void> check(const Criterion& row) {
  if (blank(row.statement)) return invalid_input("statement: write what the standard expects");
  if (row.statement.size() > kMaxCriterionText) {
    return invalid_input("statement: at most " + std::to_string(kMaxCriterionText) + " characters");
  }
  if (row.exceptions.size() > kMaxCriterionText) {
    return invalid_input("exceptions: at most " + std::to_string(kMaxCriterionText) + " characters");
  }
  if (!std::isfinite(row.target_percent) || row.target_percent < 0 || row.target_percent > 100) {
    return invalid_input("target_percent: the target is a percentage from 0 to 100");
  }
  if (row.met.has_value() != row.applicable.has_value()) {
    return invalid_input(row.met ? "applicable: give the number of cases the standard applied to"
                                 : "met: give the number of cases that met the standard");
  }
  if (!row.has_result()) return {};
  if (*row.applicable < 0) return invalid_input("applicable: the number of cases cannot be negative");
  if (*row.met < 0) return invalid_input("met: the number of cases cannot be negative");
  if (*row.met > *row.applicable) {
    return invalid_input("met: " + std::to_string(*row.met) + " cases met the standard but it applied to only " +
                         std::to_string(*row.applicable));
  }
  return {};
}

std::string criterion_match_key(std::string_view statement) {
  std::string key;
  bool space = false;
  for (const char c : statement) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      space = !key.empty();
      continue;
    }
    if (space) key += ' ';
    space = false;
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

}  // namespace clinaudit::domain
