#pragma once

#include <charconv>
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Whole numbers in text, most of the values of a national episode file, read and written
// without the general decimal algorithms of std::from_chars and std::to_chars for a double
// (a third of the time spent reading or writing stored episodes), with their exact results.
namespace clinaudit {

// The most digits read_whole_number takes: every such number is a double exactly.
inline constexpr std::size_t kMaxWholeNumberDigits = 15;

// `text` as the double std::from_chars reads from it, when it is 1 to kMaxWholeNumberDigits
// digits after an optional minus sign ("-0" is negative zero); none otherwise, for the
// general parser to decide.
inline std::optional<double> read_whole_number(std::string_view text) {
  const bool negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > kMaxWholeNumberDigits) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  const auto whole = static_cast<double>(value);
  return negative ? -whole : whole;
}

// Appends `value` as std::to_chars writes a double (its shortest form), when it is a whole
// number of at most five digits, whose shortest form is always its digits ("1e+05" is as short
// as "100000"); returns false and appends nothing for any other value.
inline bool append_whole_number(std::string& out, double value) {
  if (!(value > -100000 && value < 100000) || value != std::trunc(value)) return false;
  if (value == 0 && std::signbit(value)) return false;  // "-0"
  char digits[8];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, static_cast<std::int32_t>(value));
  if (ec != std::errc()) return false;
  out.append(digits, end);
  return true;
}

}  // namespace clinaudit
