#include "ingest/cell_parsers.hpp"

#include <charconv>
#include <cmath>

#include "core/whole_numbers.hpp"

namespace clinaudit::ingest {
namespace {

bool all_digits(std::string_view text) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int to_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Removes thousands separators when they group the integer part in threes
// ("1,234,567.5"); returns false when commas appear anywhere else.
bool strip_grouping(std::string_view text, std::string& out) {
  out.clear();
  const auto point = text.find_first_of(".eE");
  const std::string_view integer = text.substr(0, point);
  if (integer.find(',') == std::string_view::npos) {
    out.assign(text);
    return true;
  }
  if (text.find(',', integer.size()) != std::string_view::npos) return false;
  std::string_view digits = integer;
  if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
  std::size_t group = 0;
  bool first = true;
  for (const char c : digits) {
    if (c == ',') {
      if (group == 0 || group > 3 || (!first && group != 3)) return false;
      first = false;
      group = 0;
    } else {
      ++group;
    }
  }
  if (group != 3) return false;
  for (const char c : text) {
    if (c != ',') out += c;
  }
  return true;
}

}  // namespace

Result<Date> parse_date_cell(std::string_view text) {
  constexpr std::string_view kBoth = "is not a date (expected YYYY-MM-DD or DD/MM/YYYY)";
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    const auto y = text.substr(0, 4);
    const auto m = text.substr(5, 2);
    const auto d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return invalid_input(std::string(kBoth));
    auto date = Date::from_ymd(to_int(y), static_cast<unsigned>(to_int(m)), static_cast<unsigned>(to_int(d)));
    if (!date) return invalid_input("is not a real date (expected YYYY-MM-DD)");
    return date;
  }
  const auto first = text.find('/');
  const auto second = first == std::string_view::npos ? first : text.find('/', first + 1);
  if (second != std::string_view::npos) {
    const auto d = text.substr(0, first);
    const auto m = text.substr(first + 1, second - first - 1);
    const auto y = text.substr(second + 1);
    if (!all_digits(d) || !all_digits(m) || !all_digits(y) || d.size() > 2 || m.size() > 2) {
      return invalid_input(std::string(kBoth));
    }
    if (y.size() != 4)
      return invalid_input("has a two-digit year (expected DD/MM/YYYY with four digits, or YYYY-MM-DD)");
    const int month = to_int(m);
    if (month > 12) {
      return invalid_input("is not a real date: month " + std::to_string(month) +
                           " (expected DD/MM/YYYY, day first as in the UK)");
    }
    auto date = Date::from_ymd(to_int(y), static_cast<unsigned>(month), static_cast<unsigned>(to_int(d)));
    if (!date) return invalid_input("is not a real date (expected DD/MM/YYYY)");
    return date;
  }
  return invalid_input(std::string(kBoth));
}

Result<bool> parse_flag_cell(std::string_view text) {
  if (text == "1") return true;  // how national files mostly write them: no need to normalise
  if (text == "0") return false;
  const std::string word = normalise_name(text);
  if (word == "yes" || word == "y" || word == "true" || word == "1") return true;
  if (word == "no" || word == "n" || word == "false" || word == "0") return false;
  return invalid_input("is not yes or no (expected yes/no, y/n, true/false or 1/0)");
}

Result<std::int64_t> parse_count_cell(std::string_view text) {
  std::string plain;
  if (!strip_grouping(text, plain)) return invalid_input("is not a whole number (expected a count such as 120)");
  std::string_view digits = plain;
  if (!digits.empty() && digits[0] == '+') digits.remove_prefix(1);
  if (!digits.empty() && digits[0] == '-' && all_digits(digits.substr(1))) {
    return invalid_input("is negative (expected a count of 0 or more)");
  }
  if (!all_digits(digits)) return invalid_input("is not a whole number (expected a count such as 120)");
  std::int64_t value = 0;
  const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) return invalid_input("is too large for a count");
  return value;
}

Result<double> parse_decimal_cell(std::string_view text) {
  if (const auto whole = read_whole_number(text)) return *whole;
  std::string plain;
  if (strip_grouping(text, plain)) {
    std::string_view number = plain;
    if (!number.empty() && number[0] == '+') number.remove_prefix(1);
    double value = 0;
    const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
    if (!number.empty() && ec == std::errc() && ptr == number.data() + number.size() && std::isfinite(value)) {
      return value;
    }
  }
  return invalid_input("is not a number (expected e.g. 12 or 0.25)");
}

Result<FinancialYear> parse_financial_year_cell(std::string_view text) {
  const Error bad = invalid_input("is not a financial year (expected YYYY/YY, e.g. 2025/26)");
  if (text.size() < 7 || (text[4] != '/' && text[4] != '-')) return bad;
  const auto first = text.substr(0, 4);
  const auto second = text.substr(5);
  if (!all_digits(first) || !all_digits(second) || (second.size() != 2 && second.size() != 4)) return bad;
  const int start = to_int(first);
  const int end = to_int(second);
  const bool follows = second.size() == 2 ? (start + 1) % 100 == end : start + 1 == end;
  if (start < 1 || !follows) {
    return invalid_input("is not a financial year: the second year must follow the first (expected e.g. 2025/26)");
  }
  return FinancialYear{start};
}

std::string normalise_name(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool gap = false;
  for (const char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      gap = true;
      continue;
    }
    if (gap && !out.empty()) out += '_';
    gap = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string upper_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

}  // namespace clinaudit::ingest
