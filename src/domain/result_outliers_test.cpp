#include "domain/result_outliers.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

TEST(ReportingYear, IsTwelveWholeMonthsFromTheFirstOfAMonth) {
  EXPECT_TRUE(is_reporting_year(d("2025-04-01"), d("2026-03-31")));
  EXPECT_TRUE(is_reporting_year(d("2025-01-01"), d("2025-12-31")));
  EXPECT_TRUE(is_reporting_year(d("2023-03-01"), d("2024-02-29")));  // a leap February ends it
  EXPECT_TRUE(is_reporting_year(d("2025-08-01"), d("2026-07-31")));
  EXPECT_FALSE(is_reporting_year(d("2026-03-01"), d("2026-03-31")));  // a month
  EXPECT_FALSE(is_reporting_year(d("2025-04-01"), d("2025-06-30")));  // a quarter
  EXPECT_FALSE(is_reporting_year(d("2025-04-02"), d("2026-04-01")));  // not from the first
  EXPECT_FALSE(is_reporting_year(d("2024-04-01"), d("2026-03-31")));  // two years
}

TEST(ReportingYear, IsNamedAsPeopleNameIt) {
  EXPECT_EQ(reporting_year_name(d("2025-04-01"), d("2026-03-31")), "2025/26");
  EXPECT_EQ(reporting_year_name(d("2025-01-01"), d("2025-12-31")), "2025");
  EXPECT_EQ(reporting_year_name(d("2025-08-01"), d("2026-07-31")), "2025-08-01 to 2026-07-31");
}

}  // namespace
}  // namespace clinaudit::domain
