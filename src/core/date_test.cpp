#include "core/date.hpp"

#include <gtest/gtest.h>

namespace clinaudit {
namespace {

TEST(Date, ParsesAndPrintsIsoDates) {
  const auto date = Date::parse("2024-02-29");
  ASSERT_TRUE(date);
  EXPECT_EQ(date->year(), 2024);
  EXPECT_EQ(date->month(), 2u);
  EXPECT_EQ(date->day(), 29u);
  EXPECT_EQ(date->to_string(), "2024-02-29");
}

TEST(Date, RejectsImpossibleAndMalformedDates) {
  EXPECT_FALSE(Date::parse("2023-02-29"));
  EXPECT_FALSE(Date::parse("2023-13-01"));
  EXPECT_FALSE(Date::parse("2023-1-01"));
  EXPECT_FALSE(Date::parse("01/02/2023"));
  EXPECT_FALSE(Date::parse(""));
  const auto bad = Date::parse("2023-02-30");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::invalid_input);
  EXPECT_NE(bad.error().message.find("2023-02-30"), std::string::npos);
}

TEST(Date, KnowsTheEpochAndWeekdays) {
  EXPECT_EQ(Date::parse("1970-01-01")->days_since_epoch(), 0);
  EXPECT_EQ(Date::parse("1970-01-01")->iso_weekday(), 4u);  // a Thursday
  EXPECT_EQ(Date::parse("2026-11-26")->iso_weekday(), 4u);
  EXPECT_TRUE(Date::parse("2026-11-28")->is_weekend());
  EXPECT_EQ(Date::parse("2024-03-01")->days_since(*Date::parse("2024-02-28")), 2);
}

TEST(Month, StepsAcrossYearEnds) {
  const auto december = Month::parse("2024-12");
  ASSERT_TRUE(december);
  EXPECT_EQ(december->next().to_string(), "2025-01");
  EXPECT_EQ(Month::parse("2024-02")->last_day().to_string(), "2024-02-29");
  EXPECT_FALSE(Month::parse("2024-00"));
}

TEST(FinancialYear, RunsFromAprilToMarch) {
  EXPECT_EQ(FinancialYear::containing(*Date::parse("2026-03-31")).to_string(), "2025/26");
  EXPECT_EQ(FinancialYear::containing(*Date::parse("2026-04-01")).to_string(), "2026/27");
  const auto year = FinancialYear::parse("2025/26");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->first_day().to_string(), "2025-04-01");
  EXPECT_EQ(year->last_day().to_string(), "2026-03-31");
  EXPECT_EQ(FinancialYear::parse("1999-00")->start_year, 1999);
  EXPECT_FALSE(FinancialYear::parse("2025/27"));
  EXPECT_FALSE(FinancialYear::parse("2025"));
}

}  // namespace
}  // namespace clinaudit
