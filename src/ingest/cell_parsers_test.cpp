#include "ingest/cell_parsers.hpp"

#include <gtest/gtest.h>

#include "ingest/utf8.hpp"
#include "ingest/validation_report.hpp"

namespace clinaudit::ingest {
namespace {

TEST(ParseDateCell, AcceptsIsoAndUkForms) {
  EXPECT_EQ(parse_date_cell("2024-02-29")->to_string(), "2024-02-29");
  EXPECT_EQ(parse_date_cell("29/02/2024")->to_string(), "2024-02-29");
  EXPECT_EQ(parse_date_cell("3/4/2024")->to_string(), "2024-04-03");  // day first, as in the UK
}

TEST(ParseDateCell, SaysWhatIsWrong) {
  EXPECT_EQ(parse_date_cell("2024-02-30").error().message, "is not a real date (expected YYYY-MM-DD)");
  EXPECT_EQ(parse_date_cell("31/04/2024").error().message, "is not a real date (expected DD/MM/YYYY)");
  EXPECT_EQ(parse_date_cell("04/13/2024").error().message,
            "is not a real date: month 13 (expected DD/MM/YYYY, day first as in the UK)");
  EXPECT_NE(parse_date_cell("01/02/24").error().message.find("two-digit year"), std::string::npos);
  EXPECT_EQ(parse_date_cell("yesterday").error().message, "is not a date (expected YYYY-MM-DD or DD/MM/YYYY)");
  EXPECT_FALSE(parse_date_cell("2024-1-01"));
  EXPECT_FALSE(parse_date_cell("/1/2024"));
  EXPECT_FALSE(parse_date_cell("1//2024"));
}

TEST(ParseFlagCell, AcceptsTheSpreadsheetSpellings) {
  for (const char* yes : {"yes", "Yes", "Y", "y", "TRUE", "true", "1"}) EXPECT_TRUE(*parse_flag_cell(yes)) << yes;
  for (const char* no : {"no", "NO", "N", "false", "0"}) EXPECT_FALSE(*parse_flag_cell(no)) << no;
  EXPECT_FALSE(parse_flag_cell("maybe"));
  EXPECT_FALSE(parse_flag_cell("2"));
}

TEST(ParseCountCell, AcceptsGroupedDigitsAndRefusesTheRest) {
  EXPECT_EQ(*parse_count_cell("120"), 120);
  EXPECT_EQ(*parse_count_cell("1,234,567"), 1234567);
  EXPECT_EQ(*parse_count_cell("0"), 0);
  EXPECT_EQ(parse_count_cell("-3").error().message, "is negative (expected a count of 0 or more)");
  EXPECT_FALSE(parse_count_cell("12.5"));
  EXPECT_FALSE(parse_count_cell("1,23"));
  EXPECT_FALSE(parse_count_cell("12,3456"));
  EXPECT_FALSE(parse_count_cell(",123"));
  EXPECT_FALSE(parse_count_cell("ten"));
  EXPECT_EQ(parse_count_cell("99999999999999999999").error().message, "is too large for a count");
}

TEST(ParseDecimalCell, ReadsFiniteNumbers) {
  EXPECT_EQ(*parse_decimal_cell("0.25"), 0.25);
  EXPECT_EQ(*parse_decimal_cell("-3"), -3.0);
  EXPECT_EQ(*parse_decimal_cell("1,234.5"), 1234.5);
  EXPECT_EQ(*parse_decimal_cell("1e-3"), 1e-3);
  EXPECT_FALSE(parse_decimal_cell("inf"));
  EXPECT_FALSE(parse_decimal_cell("nan"));
  EXPECT_FALSE(parse_decimal_cell("1.2.3"));
  EXPECT_FALSE(parse_decimal_cell("+"));
  EXPECT_FALSE(parse_decimal_cell("12%"));
}

TEST(ParseFinancialYearCell, AcceptsShortAndLongForms) {
  EXPECT_EQ(parse_financial_year_cell("2025/26")->start_year, 2025);
  EXPECT_EQ(parse_financial_year_cell("2025-26")->start_year, 2025);
  EXPECT_EQ(parse_financial_year_cell("2025/2026")->start_year, 2025);
  EXPECT_EQ(parse_financial_year_cell("1999/00")->start_year, 1999);
  EXPECT_NE(parse_financial_year_cell("2025/27").error().message.find("must follow"), std::string::npos);
  EXPECT_FALSE(parse_financial_year_cell("2025"));
  EXPECT_FALSE(parse_financial_year_cell("2025/2"));
}

TEST(NormaliseName, MatchesWhatSpreadsheetHeadersLookLike) {
  EXPECT_EQ(normalise_name(" Organisation Code "), "organisation_code");
  EXPECT_EQ(normalise_name("ADMISSION-DATE"), "admission_date");
  EXPECT_EQ(normalise_name("cases  __ required"), "cases_required");
  EXPECT_EQ(upper_ascii("rxx01"), "RXX01");
}

TEST(Utf8, AcceptsWellFormedTextOnly) {
  EXPECT_TRUE(is_valid_utf8("plain ascii text, long enough for the fast path"));
  EXPECT_TRUE(is_valid_utf8("Sjögren — 𝔘"));
  EXPECT_FALSE(is_valid_utf8("caf\xE9"));           // Windows-1252 é
  EXPECT_FALSE(is_valid_utf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xED\xA0\x80"));      // a surrogate
  EXPECT_FALSE(is_valid_utf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(is_valid_utf8("abcdefgh\xE2\x82"));  // cut short
}

TEST(Printable, EscapesWhatATerminalShouldNotSee) {
  EXPECT_EQ(printable("caf\xE9"), "caf\\xE9");
  EXPECT_EQ(printable("a\nb\x1b[2J"), "a\\x0Ab\\x1B[2J");
  EXPECT_EQ(printable("Sjögren"), "Sjögren");
  EXPECT_EQ(printable(std::string(100, 'x'), 10), std::string(10, 'x') + "...");
}

TEST(ValidationReport, KeepsProblemsUpToTheCapAndCountsTheRest) {
  ValidationReport report(2);
  EXPECT_TRUE(report.clean());
  report.add(5, "admission_date", "2024-02-30", "is not a real date (expected YYYY-MM-DD)");
  report.add(9, "organisation_code", "RZZ", "is not a known organisation");
  report.add(12, "", "has 3 fields but the header has 4");
  report.add(13, "", "has 3 fields but the header has 4");
  EXPECT_FALSE(report.clean());
  EXPECT_EQ(report.total(), 4);
  EXPECT_EQ(report.problems().size(), 2u);
  EXPECT_EQ(report.to_text(),
            "row 5, column 'admission_date': '2024-02-30' is not a real date (expected YYYY-MM-DD)\n"
            "row 9, column 'organisation_code': 'RZZ' is not a known organisation\n"
            "and 2 more problems (not shown; the first 2 are listed)\n");
}

}  // namespace
}  // namespace clinaudit::ingest
