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

// The reader uses the caller's earlier records again for later ones: a record is never left
// with a field of an earlier, longer one, nor a field with text of an earlier, longer field.
TEST(CsvReader, RecordsOfEveryLengthComeBackWholeWhenTheirStorageIsUsedAgain) {
  std::string text;
  std::vector<std::vector<std::string>> expected;
  for (int row = 0; row < 3000; ++row) {  // more than one buffer, and many records per buffer
    std::vector<std::string> record;
    const int fields = 1 + (row * 7) % 12;
    record.reserve(static_cast<std::size_t>(fields));
    for (int f = 0; f < fields; ++f) {
      record.push_back((row + f) % 5 == 0 ? "a field long enough to need its own allocation " + std::to_string(row)
                                          : std::to_string(row * 100 + f));
    }
    for (int f = 0; f < fields; ++f) text += (f > 0 ? "," : "") + record[static_cast<std::size_t>(f)];
    text += "\n";
    expected.push_back(std::move(record));
  }
  EXPECT_EQ(read_all(text), expected);
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
