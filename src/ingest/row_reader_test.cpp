#include "ingest/row_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::ingest {
namespace {

const std::vector<ColumnSpec> kColumns{{"code", true}, {"name", true}, {"region", false, "area"}};

struct Read {
  ValidationReport report;
  std::vector<std::vector<std::string>> rows;  // code, name, region of each good row
  std::vector<std::int64_t> row_numbers;
};

Read read(const std::string& text, RowReader::Extra extra = RowReader::Extra::unknown) {
  Read out;
  std::istringstream input(text);
  RowReader reader(input, kColumns, out.report, extra);
  while (reader.next()) {
    const auto code = reader.text(0);
    const auto name = reader.text(1);
    if (!reader.row_ok()) continue;
    out.rows.push_back({std::string(*code), std::string(*name), std::string(reader.cell(2))});
    out.row_numbers.push_back(reader.row());
  }
  return out;
}

TEST(RowReader, MatchesHeadersInAnyOrderCaseAndSpacing) {
  const auto out = read(
      "\xEF\xBB\xBF"
      "Region , NAME,Code\r\nNorth,Alpha Trust,RXA\r\n");
  EXPECT_TRUE(out.report.clean()) << out.report.to_text();
  ASSERT_EQ(out.rows.size(), 1u);
  EXPECT_EQ(out.rows[0], (std::vector<std::string>{"RXA", "Alpha Trust", "North"}));
  EXPECT_EQ(out.row_numbers[0], 2);
}

TEST(RowReader, AcceptsAnAliasAndLeavesOptionalColumnsOut) {
  const auto out = read("code,name,Area\nRXA,Alpha,East\n");
  EXPECT_TRUE(out.report.clean()) << out.report.to_text();
  EXPECT_EQ(out.rows.at(0)[2], "East");
  EXPECT_TRUE(read("code,name\nRXA,Alpha\n").report.clean());
}

TEST(RowReader, ReportsMissingUnknownAndRepeatedColumns) {
  const auto out = read("code,reigon,code,colour\nRXA,x,y,z\n");
  EXPECT_EQ(out.report.to_text(),
            "row 1, column 'reigon': is not a column of this kind of file (did you mean 'region'?)\n"
            "row 1, column 'code': appears twice in the header (column 1 and column 3)\n"
            "row 1, column 'colour': is not a column of this kind of file (expected: code name region)\n"
            "row 1, column 'name': is a required column but is missing\n");
}

TEST(RowReader, KeepsExtraColumnsWhenAsked) {
  ValidationReport report;
  std::istringstream input("code,name,age,sex\nRXA,Alpha,71,F\n");
  RowReader reader(input, kColumns, report, RowReader::Extra::keep);
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.extra_names(), (std::vector<std::string>{"age", "sex"}));
  EXPECT_EQ(reader.extra_cell(1), "F");
  EXPECT_TRUE(report.clean());
}

TEST(RowReader, ReportsBadRowsAndKeepsGoing) {
  const auto out = read(
      "code,name,region\n"
      "RXA,Alpha,North\n"
      "RXB,Beta\n"                     // row 3: too few fields
      ",,\n"                           // a blank spreadsheet row: skipped silently
      "RXC,,South\n"                   // row 5: required name empty
      "RXD,Caf\xE9,West\n"             // row 6: not UTF-8
      "\"RXE\",\"Eps, Ltd\",\"\"\n");  // row 7: fine
  EXPECT_EQ(out.report.to_text(),
            "row 3: has 2 fields but the header has 3 (a missing or extra comma, or a value with a comma that is not "
            "in quotes?)\n"
            "row 5, column 'name': is empty but a value is required\n"
            "row 6, column 'name': 'Caf\\xE9' is not valid UTF-8 text (the file may be saved as Windows-1252/ANSI: "
            "save it as 'CSV UTF-8')\n");
  ASSERT_EQ(out.rows.size(), 2u);
  EXPECT_EQ(out.rows[1][1], "Eps, Ltd");
  EXPECT_EQ(out.row_numbers, (std::vector<std::int64_t>{2, 7}));
}

TEST(RowReader, ReportsValuesInAColumnWithNoName) {
  const auto out = read("code,name,\nRXA,Alpha,\nRXB,Beta,stray\n");
  EXPECT_EQ(out.report.to_text(), "row 3: 'stray' is in column 3, which has no name in the header row\n");
  EXPECT_EQ(out.rows.size(), 1u);
}

TEST(RowReader, StopsAtMalformedQuotingWithItsRow) {
  const auto out = read("code,name\nRXA,Alpha\nRXB,Be\"ta\nRXC,Gamma\n");
  ASSERT_EQ(out.report.problems().size(), 1u);
  EXPECT_EQ(out.report.problems()[0].row, 3);
  EXPECT_NE(out.report.problems()[0].message.find("malformed CSV"), std::string::npos);
  EXPECT_EQ(out.rows.size(), 1u);
}

TEST(RowReader, ReportsAnEmptyFile) {
  EXPECT_EQ(read("").report.to_text(), "row 1: the file is empty (expected a header row naming the columns)\n");
}

TEST(RowReader, TypedGettersNameRowColumnAndValue) {
  ValidationReport report;
  std::istringstream input("when,flag,n,x,fy\n2024-02-30,perhaps,-1,abc,2024/26\n01/03/2024,Y,\"1,200\",2.5,2024/25\n");
  RowReader reader(input, {{"when"}, {"flag"}, {"n"}, {"x"}, {"fy"}}, report);
  ASSERT_TRUE(reader.next());
  EXPECT_FALSE(reader.date(0));
  EXPECT_FALSE(reader.flag(1));
  EXPECT_FALSE(reader.count(2));
  EXPECT_FALSE(reader.number(3));
  EXPECT_FALSE(reader.year(4));
  EXPECT_FALSE(reader.row_ok());
  EXPECT_EQ(report.total(), 5);
  EXPECT_EQ(report.problems()[0].to_string(),
            "row 2, column 'when': '2024-02-30' is not a real date (expected YYYY-MM-DD)");
  ASSERT_TRUE(reader.next());
  EXPECT_EQ(reader.date(0)->to_string(), "2024-03-01");
  EXPECT_EQ(*reader.flag(1), true);
  EXPECT_EQ(*reader.count(2), 1200);
  EXPECT_EQ(*reader.number(3), 2.5);
  EXPECT_EQ(reader.year(4)->to_string(), "2024/25");
  EXPECT_TRUE(reader.row_ok());
}

}  // namespace
}  // namespace clinaudit::ingest
