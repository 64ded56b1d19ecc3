#include "report/csv_writer.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::report {
namespace {

TEST(CsvWriter, QuotesOnlyWhatMustBeQuoted) {
  std::ostringstream out;
  CsvWriter writer(out);
  writer.row({"plain", "a,b", "say \"hi\"", "two\nlines", ""});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\n");
}

// OWASP "CSV Injection": a spreadsheet runs a cell that begins with = + - @ (or a tab or
// carriage return before one) as a formula. Such text is written as a quoted text cell
// beginning with a single quote, which the spreadsheet shows as text.
TEST(CsvWriter, WritesTextThatASpreadsheetWouldRunAsAFormulaAsText) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://evil.example\",\"Click\")"),
            "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\"");
  EXPECT_EQ(csv_field("+44 20 7946 0000"), "\"'+44 20 7946 0000\"");
  EXPECT_EQ(csv_field("-2+3+cmd|' /C calc'!A0"), "\"'-2+3+cmd|' /C calc'!A0\"");
  EXPECT_EQ(csv_field("@SUM(1+1)"), "\"'@SUM(1+1)\"");
  EXPECT_EQ(csv_field("\t=1+1"), "\"'\t=1+1\"");
  EXPECT_EQ(csv_field("\r=1+1"), "\"'\r=1+1\"");
  EXPECT_EQ(csv_field("-"), "\"'-\"");
  // Inside a cell the characters are harmless.
  EXPECT_EQ(csv_field("a=b"), "a=b");
  EXPECT_EQ(csv_field("Poor or needs improvement"), "Poor or needs improvement");
}

TEST(CsvWriter, LeavesPlainNumbersAsTheyAre) {
  for (const char* number : {"-0.5", "+1", "-12", "1e-10", "-1.5E+3", "-.25", "0", "-Inf", "Inf", "NaN"}) {
    EXPECT_EQ(csv_field(number), number);
  }
  std::ostringstream out;
  CsvWriter writer(out);
  writer.row({"-0.5", "=1+2", "+1"});
  EXPECT_EQ(out.str(), "-0.5,\"'=1+2\",+1\n");
}

}  // namespace
}  // namespace clinaudit::report
