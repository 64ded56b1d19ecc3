// The CSV splitting rules (ingest/csv_records.hpp) held to the strict libcsv parser, an
// independent implementation of the same rules, on many random inputs: the same records, the
// same fields, and an error at the same record.
#include "ingest/csv_records.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "ingest/csv_reader.hpp"
#include "ingest/libcsv_reference.hpp"

namespace clinaudit::ingest {
namespace {

using Records = std::vector<std::vector<std::string>>;
using Reference = LibcsvRecords;

// What CsvReader makes of `text`, read from a stream, in the reference's form.
Reference reader_records(const std::string& text, std::size_t max_record_bytes = CsvReader::kDefaultMaxRecordBytes) {
  std::istringstream input(text);
  CsvReader reader(input, max_record_bytes);
  Reference result;
  std::vector<std::string> fields;
  while (true) {
    auto more = reader.next(fields);
    if (!more) {
      result.malformed = true;
      break;
    }
    if (!*more) break;
    result.records.push_back(fields);
  }
  return result;
}

std::string shown(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      out += c;
    }
  }
  return out;
}

TEST(CsvRecords, SplitsEveryShortTextAsLibcsvDoes) {
  // Every character that matters to the rules, and a letter.
  constexpr std::string_view kAlphabet = "ab \t\",\r\n";
  std::mt19937 random(20261206);
  int compared = 0;
  for (int i = 0; i < 50000; ++i) {
    const auto length = random() % 20;
    std::string text;
    for (std::uint32_t c = 0; c < length; ++c) text += kAlphabet[random() % kAlphabet.size()];
    const auto expected = libcsv_records(text);
    const auto got = reader_records(text);
    ASSERT_EQ(got.malformed, expected.malformed) << "'" << shown(text) << "'";
    ASSERT_EQ(got.records, expected.records) << "'" << shown(text) << "'";
    ++compared;
  }
  EXPECT_EQ(compared, 50000);
}

// Records of random shape (quoted or not, with doubled quotes, line ends and commas inside
// quotes, spaces around, LF, CR or CRLF line ends, blank lines, long fields) across many reads
// of the input, so that records and quoted fields are cut at every kind of place.
std::string long_text(std::mt19937& random) {
  std::string text;
  const char* const line_ends[] = {"\n", "\r\n", "\r"};
  while (text.size() < 300000) {
    const auto fields = 1 + random() % 6;
    for (std::uint32_t f = 0; f < fields; ++f) {
      if (f > 0) text += ',';
      if (random() % 5 == 0) text += "  ";
      const auto length = random() % 12 == 0 ? 70000 + random() % 1000 : random() % 9;
      std::string value;
      for (std::uint32_t c = 0; c < length; ++c) value += static_cast<char>('a' + random() % 26);
      if (random() % 3 == 0) {
        text += '"';
        for (std::size_t c = 0; c < value.size(); ++c) {
          text += value[c];
          if (c % 5 == 1) text += random() % 2 == 0 ? "\"\"" : (random() % 2 == 0 ? ",\r\n" : "\n");
        }
        text += '"';
      } else {
        text += value;
      }
      if (random() % 5 == 0) text += " \t";
    }
    text += line_ends[random() % 3];
    if (random() % 20 == 0) text += "  \n";
  }
  return text;
}

TEST(CsvRecords, ReadsLongTextsAsLibcsvDoesAcrossReads) {
  std::mt19937 random(7);
  for (int round = 0; round < 6; ++round) {
    std::string text = long_text(random);
    if (round % 2 == 1) text.insert(text.size() - 1000 + random() % 900, "x\"y,");  // a stray quote late on
    const auto expected = libcsv_records(text);
    const auto got = reader_records(text);
    EXPECT_EQ(got.malformed, expected.malformed) << "round " << round;
    ASSERT_EQ(got.records.size(), expected.records.size()) << "round " << round;
    EXPECT_EQ(got.records, expected.records) << "round " << round;
  }
}

TEST(CsvReader, RefusesARecordLongerThanItsBoundAndNamesTheRow) {
  // A quote never closed: without the bound the rest of the input would be held as one field.
  std::string text = "a,b\n1,2\n3,\"never closed\n";
  text.append(200000, 'x');
  std::istringstream input(text);
  CsvReader reader(input, 100000);
  std::vector<std::string_view> fields;
  ASSERT_TRUE(*reader.next(fields));
  ASSERT_TRUE(*reader.next(fields));
  const auto refused = reader.next(fields);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "row 3: a record longer than 100000 bytes (is a quote never closed?)");
  EXPECT_FALSE(reader.next(fields));  // and stays refused
}

TEST(CsvReader, RefusesALongRecordEvenWhenItEndsWithinOneRead) {
  std::string text = "a,b\n1,\"";
  text.append(120000, 'x');
  text += "\"\n2,3\n";
  std::istringstream input(text);
  CsvReader reader(input, 100000);
  std::vector<std::string_view> fields;
  ASSERT_TRUE(*reader.next(fields));
  const auto refused = reader.next(fields);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().message, "row 2: a record longer than 100000 bytes (is a quote never closed?)");
  // Just within the bound, the same record is read.
  std::istringstream again(text);
  CsvReader roomy(again, 120005);
  ASSERT_TRUE(*roomy.next(fields));
  ASSERT_TRUE(*roomy.next(fields));
  EXPECT_EQ(fields[1].size(), 120000U);
}

TEST(CsvReader, ReadsLineEndsOfEveryKind) {
  const auto records = reader_records("a,b\r1,2\r\n3,4\n\r\n5,6");
  ASSERT_FALSE(records.malformed);
  EXPECT_EQ(records.records, (Records{{"a", "b"}, {"1", "2"}, {"3", "4"}, {"5", "6"}}));
}

}  // namespace
}  // namespace clinaudit::ingest
