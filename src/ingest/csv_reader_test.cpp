#include "ingest/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "ingest/table.hpp"

namespace clinaudit::ingest {
namespace {

std::vector<std::vector<std::string>> read_all(const std::string& text) {
  std::istringstream input(text);
  CsvReader reader(input);
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> fields;
  while (true) {
    auto more = reader.next(fields);
    EXPECT_TRUE(more) << more.error().message;
    if (!more || !*more) break;
    records.push_back(fields);
  }
  return records;
}

TEST(CsvReader, ReadsQuotedFieldsWithCommasQuotesAndNewlines) {
  const auto records = read_all("a,b,c\r\n\"x, y\",\"he said \"\"no\"\"\",\"two\nlines\"\r\n1,2,3");
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1][0], "x, y");
  EXPECT_EQ(records[1][1], "he said \"no\"");
  EXPECT_EQ(records[1][2], "two\nlines");
  EXPECT_EQ(records[2][2], "3");
}

TEST(CsvReader, SkipsAByteOrderMarkAndKeepsEmptyFields) {
  const auto records = read_all("\xEF\xBB\xBFunit,value\nA,\n");
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0][0], "unit");
  ASSERT_EQ(records[1].size(), 2u);
  EXPECT_EQ(records[1][1], "");
}

TEST(CsvReader, CountsRecordsAcrossManyBuffers) {
  std::string text = "n\n";
  for (int i = 0; i < 50000; ++i) text += std::to_string(i) + "\n";
  std::istringstream input(text);
  CsvReader reader(input);
  std::vector<std::string> fields;
  std::int64_t last = -1;
  while (*reader.next(fields)) last = std::stoll(fields[0] == "n" ? "-1" : fields[0]);
  EXPECT_EQ(last, 49999);
  EXPECT_EQ(reader.record_number(), 50001);
}

TEST(CsvReader, ReportsAStrayQuoteWithItsRow) {
  std::istringstream input("a,b\n1,2\n3,x\"y\n");
  CsvReader reader(input);
  std::vector<std::string> fields;
  ASSERT_TRUE(*reader.next(fields));
  ASSERT_TRUE(*reader.next(fields));
  const auto bad = reader.next(fields);
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("row 3"), std::string::npos) << bad.error().message;
}

TEST(Table, NamesRowColumnAndValueOfABadNumber) {
  std::istringstream input("unit,numerator\nA,3\nB,three\n");
  const auto table = Table::read(input);
  ASSERT_TRUE(table);
  const auto numbers = table->number_column("numerator");
  ASSERT_FALSE(numbers);
  EXPECT_EQ(numbers.error().message, "row 3, column 'numerator': 'three' is not a number");
}

TEST(Table, ListsTheColumnsWhenOneIsUnknown) {
  std::istringstream input("unit,numerator\nA,3\n");
  const auto table = Table::read(input);
  ASSERT_TRUE(table);
  const auto index = table->column_index("denominator");
  ASSERT_FALSE(index);
  EXPECT_EQ(index.error().message, "unknown column 'denominator' (the file has: unit, numerator)");
}

TEST(Table, RejectsRaggedRowsAndRepeatedColumns) {
  std::istringstream ragged("a,b\n1,2\n3\n");
  const auto table = Table::read(ragged);
  ASSERT_FALSE(table);
  EXPECT_NE(table.error().message.find("row 3"), std::string::npos);
  std::istringstream repeated("a,a\n1,2\n");
  EXPECT_FALSE(Table::read(repeated));
}

TEST(ParseNumber, AcceptsOnlyWholeFiniteNumbers) {
  EXPECT_EQ(parse_number("1e-3"), 1e-3);
  EXPECT_EQ(parse_number("+2"), 2.0);
  EXPECT_FALSE(parse_number("1.2.3"));
  EXPECT_FALSE(parse_number("inf"));
  EXPECT_FALSE(parse_number("nan"));
  EXPECT_FALSE(parse_number(""));
}

}  // namespace
}  // namespace clinaudit::ingest
