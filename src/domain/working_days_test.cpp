#include "domain/working_days.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

TEST(WorkingDays, ShippedCalendarKnowsEnglandAndWalesBankHolidays) {
  const auto& calendar = WorkingDayCalendar::england_and_wales();
  // GOV.UK: Good Friday 2025 was 18 April, Easter Monday 21 April; Boxing Day 2026 falls on a
  // Saturday, so the substitute day is Monday 28 December.
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-18")));
  EXPECT_TRUE(calendar.is_holiday(d("2025-04-21")));
  EXPECT_TRUE(calendar.is_holiday(d("2026-12-28")));
  EXPECT_FALSE(calendar.is_working_day(d("2026-12-26")));  // a Saturday
  EXPECT_TRUE(calendar.is_working_day(d("2026-11-26")));
  EXPECT_GE(calendar.covered_until(), d("2028-12-26"));
}

TEST(WorkingDays, DeadlinesSkipWeekendsAndBankHolidays) {
  const auto& calendar = WorkingDayCalendar::england_and_wales();
  // Monday 2 June 2025 + 10 working days, no holiday: Monday 16 June.
  EXPECT_EQ(calendar.add_working_days(d("2025-06-02"), 10), d("2025-06-16"));
  // Thursday 17 April 2025 + 1 working day: Good Friday and Easter Monday are skipped.
  EXPECT_EQ(calendar.add_working_days(d("2025-04-17"), 1), d("2025-04-22"));
  // Across Christmas 2026: Wednesday 23 December + 3 = Wednesday 30 December
  // (24th, then 25th, 26th-27th weekend, 28th holiday, 29th, 30th).
  EXPECT_EQ(calendar.add_working_days(d("2026-12-23"), 3), d("2026-12-30"));
  EXPECT_EQ(calendar.add_working_days(d("2026-12-23"), 0), d("2026-12-23"));
  EXPECT_EQ(calendar.working_days_between(d("2026-12-23"), d("2026-12-30")), 3);
  EXPECT_EQ(calendar.working_days_between(d("2026-12-30"), d("2026-12-23")), 0);
}

TEST(WorkingDays, ReportsTheLineOfABadDate) {
  const auto calendar = WorkingDayCalendar::from_csv("date,title\n2025-01-01,New Year\n2025-02-30,Oops\n");
  ASSERT_FALSE(calendar);
  EXPECT_NE(calendar.error().message.find("line 3"), std::string::npos);
}

}  // namespace
}  // namespace clinaudit::domain
