#pragma once

#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace clinaudit {

// A calendar date (proleptic Gregorian), stored as days since 1970-01-01.
// Value type; cheap to copy; safe from any thread.
class Date {
 public:
  constexpr Date() = default;
  static Date from_days(std::int64_t days_since_epoch) { return Date(days_since_epoch); }
  // Errors: invalid_input when year, month or day do not form a real date.
  static Result<Date> from_ymd(int year, unsigned month, unsigned day);
  // Parses "YYYY-MM-DD" exactly. Errors: invalid_input, naming the text.
  static Result<Date> parse(std::string_view text);

  std::int64_t days_since_epoch() const { return days_; }
  std::chrono::year_month_day ymd() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  // ISO weekday: 1 = Monday ... 7 = Sunday.
  unsigned iso_weekday() const;
  bool is_weekend() const { return iso_weekday() >= 6; }

  Date plus_days(std::int64_t days) const { return Date(days_ + days); }
  // Days from `other` to this date (positive when this is later).
  std::int64_t days_since(Date other) const { return days_ - other.days_; }

  std::string to_string() const;  // "YYYY-MM-DD"
  friend constexpr auto operator<=>(const Date&, const Date&) = default;

 private:
  constexpr explicit Date(std::int64_t days) : days_(days) {}
  std::int64_t days_ = 0;
};

// A calendar month, e.g. 2024-03.
struct Month {
  int year = 1970;
  unsigned month = 1;  // 1..12

  static Month of(Date date) { return Month{date.year(), date.month()}; }
  // Parses "YYYY-MM". Errors: invalid_input.
  static Result<Month> parse(std::string_view text);
  Date first_day() const;
  Date last_day() const;
  Month next() const;
  std::string to_string() const;  // "YYYY-MM"
  friend constexpr auto operator<=>(const Month&, const Month&) = default;
};

// An NHS financial year, 1 April to 31 March, named "2025/26" for April 2025 to March 2026.
struct FinancialYear {
  int start_year = 1970;

  static FinancialYear containing(Date date);
  // Parses "2025/26" (the second part must follow the first) or "2025-26".
  // Errors: invalid_input.
  static Result<FinancialYear> parse(std::string_view text);
  Date first_day() const;  // 1 April start_year
  Date last_day() const;   // 31 March start_year + 1
  bool contains(Date date) const { return date >= first_day() && date <= last_day(); }
  FinancialYear previous() const { return FinancialYear{start_year - 1}; }
  FinancialYear next() const { return FinancialYear{start_year + 1}; }
  std::string to_string() const;  // "2025/26"
  friend constexpr auto operator<=>(const FinancialYear&, const FinancialYear&) = default;
};

}  // namespace clinaudit
