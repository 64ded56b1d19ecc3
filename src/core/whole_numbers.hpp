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

// The digits of `text` after an optional minus sign as an integer (`negative` says whether the
// sign was there), when there are 1 to kMaxWholeNumberDigits of them; none otherwise.
inline std::optional<std::int64_t> read_whole_digits(std::string_view text, bool& negative) {
  negative = !text.empty() && text.front() == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty() || text.size() > kMaxWholeNumberDigits) return std::nullopt;
  std::int64_t value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

// `text` as the double std::from_chars reads from it, when it is 1 to kMaxWholeNumberDigits
// digits after an optional minus sign ("-0" is negative zero); none otherwise, for the
// general parser to decide.
inline std::optional<double> read_whole_number(std::string_view text) {
  bool negative = false;
  const auto digits = read_whole_digits(text, negative);
  if (!digits) return std::nullopt;
  const auto whole = static_cast<double>(*digits);
  return negative ? -whole : whole;
}

// The same number as an integer, for callers that store whole numbers as such; none for
// negative zero too, which only a double holds.
inline std::optional<std::int64_t> read_whole_integer(std::string_view text) {
  bool negative = false;
  const auto digits = read_whole_digits(text, negative);
  if (!digits || (negative && *digits == 0)) return std::nullopt;
  return negative ? -*digits : *digits;
}

// Appends `value` as std::to_chars writes a double (its shortest form), when it is a whole
// number of at most five digits, whose shortest form is always its digits ("1e+05" is as short
// as "100000"); returns false and appends nothing for any other value.
inline bool append_whole_number(std::string& out, double value) {
  if (!(value > -100000 && value < 100000)) return false;
  const auto whole = static_cast<std::int32_t>(value);  // exact within the range above
  if (static_cast<double>(whole) != value) return false;
  if (whole == 0 && std::signbit(value)) return false;  // "-0"
  char digits[8];
  const auto [end, ec] = std::to_chars(digits, digits + sizeof digits, whole);
  if (ec != std::errc()) return false;
  // By length: appending a pointer pair goes through the general (and slower) replace.
  out.append(digits, static_cast<std::size_t>(end - digits));
  return true;
}

}  // namespace clinaudit
