#include "core/date.hpp"

#include <charconv>
#include <cstdio>

namespace clinaudit {
namespace {

namespace chr = std::chrono;

bool parse_digits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (const char c : text) {
    if (c < '0' || c > '9') return false;
  }
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

Error bad(std::string_view what, std::string_view text, std::string_view expected) {
  return Error{ErrorCode::invalid_input, std::string("invalid ") + std::string(what) + " '" + std::string(text) +
                                             "': expected " + std::string(expected)};
}

}  // namespace

Result<Date> Date::from_ymd(int y, unsigned m, unsigned d) {
  const chr::year_month_day ymd{chr::year{y}, chr::month{m}, chr::day{d}};
  if (!ymd.ok() || y < 1 || y > 9999) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", y, m, d);
    return bad("date", buf, "a real calendar date");
  }
  return Date(chr::sys_days{ymd}.time_since_epoch().count());
}

Result<Date> Date::parse(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !parse_digits(text.substr(0, 4), y) ||
      !parse_digits(text.substr(5, 2), m) || !parse_digits(text.substr(8, 2), d)) {
    return bad("date", text, "YYYY-MM-DD");
  }
  auto date = from_ymd(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
  if (!date) return bad("date", text, "a real calendar date (YYYY-MM-DD)");
  return date;
}

std::chrono::year_month_day Date::ymd() const { return chr::year_month_day{chr::sys_days{chr::days{days_}}}; }
int Date::year() const { return static_cast<int>(ymd().year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd().month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd().day()); }

unsigned Date::iso_weekday() const { return chr::weekday{chr::sys_days{chr::days{days_}}}.iso_encoding(); }

std::string Date::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year(), month(), day());
  return buf;
}

Result<Month> Month::parse(std::string_view text) {
  int y = 0;
  int m = 0;
  if (text.size() != 7 || text[4] != '-' || !parse_digits(text.substr(0, 4), y) ||
      !parse_digits(text.substr(5, 2), m) || m < 1 || m > 12 || y < 1) {
    return bad("month", text, "YYYY-MM");
  }
  return Month{y, static_cast<unsigned>(m)};
}

Date Month::first_day() const { return *Date::from_ymd(year, month, 1); }

Date Month::last_day() const { return next().first_day().plus_days(-1); }

Month Month::next() const { return month == 12 ? Month{year + 1, 1} : Month{year, month + 1}; }

std::string Month::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", year, month);
  return buf;
}

FinancialYear FinancialYear::containing(Date date) {
  return FinancialYear{date.month() >= 4 ? date.year() : date.year() - 1};
}

Result<FinancialYear> FinancialYear::parse(std::string_view text) {
  int first = 0;
  int second = 0;
  if (text.size() != 7 || (text[4] != '/' && text[4] != '-') || !parse_digits(text.substr(0, 4), first) ||
      !parse_digits(text.substr(5, 2), second) || (first + 1) % 100 != second || first < 1) {
    return bad("financial year", text, "YYYY/YY with consecutive years, e.g. 2025/26");
  }
  return FinancialYear{first};
}

Date FinancialYear::first_day() const { return *Date::from_ymd(start_year, 4, 1); }
Date FinancialYear::last_day() const { return *Date::from_ymd(start_year + 1, 3, 31); }

std::string FinancialYear::to_string() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d/%02d", start_year, (start_year + 1) % 100);
  return buf;
}

}  // namespace clinaudit
