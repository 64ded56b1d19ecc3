#include "ingest/episode_columns.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace clinaudit::ingest {
namespace {

// Reads `text` on one thread in one block (the reference reading), or cut into blocks of
// `block_bytes` converted on `threads` threads.
Result<EpisodeColumns> read(const std::string& text, std::vector<std::string> numbers,
                            std::vector<std::string> categories = {}, unsigned threads = 1,
                            std::size_t block_bytes = std::size_t{4} << 20) {
  std::istringstream input(text);
  EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = std::move(numbers);
  request.categories = std::move(categories);
  request.threads = threads;
  request.block_bytes = block_bytes;
  request.size_hint = static_cast<std::int64_t>(text.size());
  return read_episode_columns(input, request);
}

TEST(EpisodeColumns, ReadsRequestedColumnsAndSkipsOthers) {
  const auto columns = read(
      "\xEF\xBB\xBFid,provider,age,note,died\r\n1,RX1,70,\"a, \"\"quoted\"\" note\",1\r\n\r\n"
      "2, \"RX2\" ,65.5,,0\r\n3,RX1,-1e1,x,0",
      {"age"}, {"provider"});
  ASSERT_TRUE(columns) << columns.error().message;
  EXPECT_EQ(columns->rows, 3);
  EXPECT_EQ(columns->outcome, (std::vector<std::uint8_t>{1, 0, 0}));
  ASSERT_EQ(columns->numbers.size(), 1U);
  EXPECT_EQ(columns->numbers[0].values.to_doubles(), (std::vector<double>{70, 65.5, -10}));
  ASSERT_EQ(columns->categories.size(), 1U);
  EXPECT_EQ(columns->categories[0].levels, (std::vector<std::string>{"RX1", "RX2"}));
  EXPECT_EQ(columns->categories[0].codes, (std::vector<std::uint32_t>{0, 1, 0}));
}

// Line ends as CsvReader takes them: LF, CRLF or CR alone (what some spreadsheets still
// write), whatever the blocks, with a block able to end between a CR and its LF.
TEST(EpisodeColumns, ReadsEveryKindOfLineEndInBlocksOfAnySize) {
  std::string lf = "age,died\n";
  for (int i = 0; i < 200; ++i) lf += std::to_string(40 + i % 50) + "," + std::to_string(i % 3 == 0 ? 1 : 0) + "\n";
  std::string crlf;
  std::string cr;
  for (const char c : lf) {
    crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    cr += c == '\n' ? '\r' : c;
  }
  const auto expected = read(lf, {"age"});
  ASSERT_TRUE(expected) << expected.error().message;
  EXPECT_EQ(expected->rows, 200);
  for (const auto* text : {&crlf, &cr}) {
    for (const std::size_t block_bytes : {std::size_t{7}, std::size_t{64}, std::size_t{4} << 20}) {
      const auto columns = read(*text, {"age"}, {}, 2, block_bytes);
      ASSERT_TRUE(columns) << columns.error().message;
      EXPECT_EQ(columns->rows, 200);
      EXPECT_EQ(columns->outcome, expected->outcome);
      EXPECT_EQ(columns->numbers[0].values, expected->numbers[0].values);
    }
  }
}

TEST(EpisodeColumns, ReadsAColumnAsNumberAndCategory) {
  const auto columns = read("imd,died\n3,0\n1,1\n", {"imd"}, {"imd"});
  ASSERT_TRUE(columns);
  EXPECT_EQ(columns->numbers[0].values.to_doubles(), (std::vector<double>{3, 1}));
  EXPECT_EQ(columns->categories[0].levels, (std::vector<std::string>{"3", "1"}));
}

void expect_error(const Result<EpisodeColumns>& result, const std::string& fragment) {
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().message.find(fragment), std::string::npos) << result.error().message;
}

TEST(EpisodeColumns, NamesRowColumnAndValueOfBadData) {
  expect_error(read("age,died\n70,0\nold,1\n", {"age"}), "row 3: column 'age': 'old' is not a number");
  expect_error(read("age,died\n70,0\n,1\n", {"age"}), "row 3: column 'age': the value is missing");
  expect_error(read("age,died\n70,0\n71,2\n", {"age"}), "row 3: column 'died': the outcome is '2'");
  expect_error(read("age,died\n70,0\n71\n", {"age"}), "row 3: 1 fields, expected 2");
  expect_error(read("age,died\n70,0\n", {"weight"}), "unknown column 'weight' (the file has: age, died)");
  expect_error(read("age,died\n7\"0,0\n", {"age"}), "row 2: malformed CSV");
  expect_error(read("age,age,died\n", {"age"}), "column 'age' appears twice");
  expect_error(read("", {"age"}), "the file is empty");
  expect_error(read("p,died\n,0\n", {}, {"p"}), "row 2: column 'p': the value is missing");
}

// Records straddle the reader's buffer refills: a file of several megabytes with quoted
// fields (including line breaks) must read exactly as written.
TEST(EpisodeColumns, ReadsLargeInputsAcrossBufferBoundaries) {
  std::string text = "provider,age,comment,died\n";
  const int rows = 150000;
  for (int i = 0; i < rows; ++i) {
    text += "P" + std::to_string(i % 7) + "," + std::to_string(i % 90) + ",\"line one\nline \"\"two\"\"\"," +
            std::to_string(i % 2) + "\n";
  }
  const auto columns = read(text, {"age"}, {"provider"});
  ASSERT_TRUE(columns) << columns.error().message;
  ASSERT_EQ(columns->rows, rows);
  for (int i = 0; i < rows; i += 997) {
    EXPECT_EQ(columns->numbers[0].values[static_cast<std::size_t>(i)], i % 90);
    EXPECT_EQ(columns->outcome[static_cast<std::size_t>(i)], i % 2);
    EXPECT_EQ(columns->categories[0].levels[columns->categories[0].codes[static_cast<std::size_t>(i)]],
              "P" + std::to_string(i % 7));
  }
}

// Whole numbers are read as integers, with the same values as from_chars would give: a sign,
// leading zeros, fifteen digits; sixteen digits, a fraction and negative zero as doubles.
TEST(EpisodeColumns, ReadsWholeNumbersAsTheDecimalReaderWould) {
  const auto columns = read("small,large,died\n+7,123456789012345,0\n007,1234567890123456,0\n-128,-99,0\n-0,2.5e1,0\n",
                            {"small", "large"});
  ASSERT_TRUE(columns) << columns.error().message;
  EXPECT_EQ(columns->numbers[0].values.to_doubles(), (std::vector<double>{7, 7, -128, -0.0}));
  EXPECT_TRUE(std::signbit(columns->numbers[0].values[3]));
  EXPECT_EQ(columns->numbers[1].values.to_doubles(),
            (std::vector<double>{123456789012345.0, 1234567890123456.0, -99, 25}));
  const auto bytes = read("small,died\n+7,0\n-127,1\n127,0\n", {"small"});
  ASSERT_TRUE(bytes);
  EXPECT_EQ(bytes->numbers[0].values.form(), CompactNumbers::Form::bytes);
  EXPECT_EQ(bytes->numbers[0].values.to_doubles(), (std::vector<double>{7, -127, 127}));
}

// Columns are kept as narrow as their values allow, block by block: a value needing a wider
// form in a late block (or an early one) widens the whole column, and every value reads back
// as written, whether the file is read in one block on one thread or in many on two.
TEST(EpisodeColumns, WidensAColumnWhateverBlockNeedsIt) {
  std::string text = "late,early,small,died\n";
  const int rows = 3000;
  auto late = [](int i) {
    return i == rows - 1 ? std::string("0.5") : i == rows - 2 ? "-20000" : std::to_string(i % 100);
  };
  auto early = [](int i) { return i == 0 ? std::string("-0") : std::to_string(i % 300); };
  for (int i = 0; i < rows; ++i) text += late(i) + "," + early(i) + "," + std::to_string(i % 2) + ",0\n";
  for (const unsigned threads : {1U, 2U}) {
    for (const std::size_t block_bytes : {std::size_t{64}, std::size_t{4} << 20}) {
      const auto columns = read(text, {"late", "early", "small"}, {}, threads, block_bytes);
      ASSERT_TRUE(columns) << columns.error().message;
      ASSERT_EQ(columns->rows, rows);
      const auto& numbers = columns->numbers;
      EXPECT_EQ(numbers[0].values.form(), CompactNumbers::Form::doubles);
      EXPECT_EQ(numbers[1].values.form(), CompactNumbers::Form::doubles);  // negative zero
      EXPECT_EQ(numbers[2].values.form(), CompactNumbers::Form::bytes);
      for (int i = 0; i < rows; ++i) {
        const auto row = static_cast<std::size_t>(i);
        ASSERT_EQ(numbers[0].values[row], std::stod(late(i))) << "row " << i;
        ASSERT_EQ(numbers[1].values[row], std::stod(early(i))) << "row " << i;
        ASSERT_EQ(numbers[2].values[row], i % 2) << "row " << i;
      }
      EXPECT_TRUE(std::signbit(numbers[1].values[0]));
    }
  }
}

// The distinct values of `values` in the order first seen: the levels a column of them has.
std::vector<std::string> first_seen(const std::vector<std::string>& values) {
  std::vector<std::string> levels;
  for (const auto& value : values) {
    if (std::find(levels.begin(), levels.end(), value) == levels.end()) levels.push_back(value);
  }
  return levels;
}

// A column of forty levels, each seen many times and rarely twice in a row: a value seen
// before gets the code it was first given, and the levels are in the order first seen.
TEST(EpisodeColumns, CodesEachLevelOnceWhetherTheColumnHasFewLevelsOrMany) {
  std::string text = "ward,died\n";
  std::vector<std::string> wards;
  for (int i = 0; i < 400; ++i) {
    wards.push_back("W" + std::to_string((i * 7) % 40));
    text += wards.back() + ",0\n";
  }
  const auto columns = read(text, {}, {"ward"});
  ASSERT_TRUE(columns) << columns.error().message;
  const auto& ward = columns->categories[0];
  ASSERT_EQ(ward.levels.size(), 40U);
  EXPECT_EQ(ward.levels, first_seen(wards));
  ASSERT_EQ(ward.codes.size(), wards.size());
  for (std::size_t i = 0; i < wards.size(); ++i) EXPECT_EQ(ward.levels[ward.codes[i]], wards[i]) << "row " << i;
}

// Values of up to seven bytes and longer ones are coded alike: one code per distinct value,
// in the order first seen, including values that differ only in length or in their eighth byte,
// and a thousand levels (far more than the first table holds).
TEST(EpisodeColumns, CodesShortAndLongValuesAlike) {
  std::vector<std::string> values{"1234567", "12345678", "12345679", "1234567", "a", "aa", "A provider named at length",
                                  "a",       "12345678", "aa"};
  for (int i = 0; i < 1000; ++i) values.push_back("L" + std::to_string((i * 37) % 1000));
  for (int i = 0; i < 1000; ++i) values.push_back("Longer level " + std::to_string((i * 11) % 1000));
  std::string text = "ward,died\n";
  for (const auto& value : values) text += value + ",0\n";
  for (const std::size_t block_bytes : {std::size_t{100}, std::size_t{4} << 20}) {
    const auto columns = read(text, {}, {"ward"}, 2, block_bytes);
    ASSERT_TRUE(columns) << columns.error().message;
    const auto& ward = columns->categories[0];
    EXPECT_EQ(ward.levels, first_seen(values));
    ASSERT_EQ(ward.codes.size(), values.size());
    for (std::size_t i = 0; i < values.size(); ++i) ASSERT_EQ(ward.levels[ward.codes[i]], values[i]) << "row " << i;
  }
}

void expect_same(const EpisodeColumns& expected, const EpisodeColumns& actual) {
  EXPECT_EQ(actual.rows, expected.rows);
  EXPECT_EQ(actual.outcome, expected.outcome);
  ASSERT_EQ(actual.numbers.size(), expected.numbers.size());
  for (std::size_t i = 0; i < expected.numbers.size(); ++i) {
    EXPECT_EQ(actual.numbers[i].values.to_doubles(), expected.numbers[i].values.to_doubles());
  }
  ASSERT_EQ(actual.categories.size(), expected.categories.size());
  for (std::size_t i = 0; i < expected.categories.size(); ++i) {
    EXPECT_EQ(actual.categories[i].levels, expected.categories[i].levels);
    EXPECT_EQ(actual.categories[i].codes, expected.categories[i].codes);
  }
}

// Several quoted fields with doubled quotes in one record: each unescaped value must stay valid
// while the others are unescaped (short values live inside their string, so a buffer that
// moves takes them along).
TEST(EpisodeColumns, ReadsSeveralFieldsWithDoubledQuotesInOneRecord) {
  const auto columns = read("a,b,c,died\n\"x\"\"1\",\"y\"\"2\",\"z\"\"3\",0\n", {}, {"a", "b", "c"});
  ASSERT_TRUE(columns) << columns.error().message;
  EXPECT_EQ(columns->categories[0].levels, std::vector<std::string>{"x\"1"});
  EXPECT_EQ(columns->categories[1].levels, std::vector<std::string>{"y\"2"});
  EXPECT_EQ(columns->categories[2].levels, std::vector<std::string>{"z\"3"});
}

// A file with everything the reader accepts: a byte order mark, CRLF and LF, blank lines,
// quoted fields with commas, doubled quotes and line breaks, spaces around fields, and
// categories first seen in different parts of the file.
std::string awkward_file(int rows) {
  std::string text = "\xEF\xBB\xBFprovider,age,note,died\r\n";
  for (int i = 0; i < rows; ++i) {
    text += (i % 5 == 0 ? "\"P" : "P") + std::to_string((i * 7) % (3 + i / 40)) + (i % 5 == 0 ? "\"" : "");
    text += ", " + std::to_string(i % 90) + (i % 3 == 0 ? ".5" : "") + ",";
    text += i % 4 == 0 ? "\"a, \"\"quoted\"\"\nnote\"" : "plain";
    text += "," + std::to_string(i % 2) + (i % 2 == 0 ? "\r\n" : "\n");
    if (i % 11 == 0) text += "\n";
  }
  return text;
}

// The file is cut into blocks at record ends and converted on several threads; whatever the
// size of the blocks, the columns, the levels (in the order first seen) and the codes are
// those of reading it in one go.
TEST(EpisodeColumns, BlocksOnSeveralThreadsReadAsOneGo) {
  const auto text = awkward_file(400);
  const auto whole = read(text, {"age"}, {"provider", "note"});
  ASSERT_TRUE(whole) << whole.error().message;
  ASSERT_EQ(whole->rows, 400);
  ASSERT_GT(whole->categories[0].levels.size(), 10U);
  for (const std::size_t block_bytes : {1UL, 7UL, 64UL, 1000UL}) {
    for (const unsigned threads : {1U, 2U, 3U}) {
      SCOPED_TRACE("blocks of " + std::to_string(block_bytes) + " bytes on " + std::to_string(threads) + " threads");
      const auto blocks = read(text, {"age"}, {"provider", "note"}, threads, block_bytes);
      ASSERT_TRUE(blocks) << blocks.error().message;
      expect_same(*whole, *blocks);
    }
  }
}

// With bad rows in several blocks, the first bad row of the file is named, with its row
// number in the whole file, whichever thread converted it.
TEST(EpisodeColumns, NamesTheFirstBadRowWhateverTheBlocks) {
  std::string text = "age,died\n";
  for (int i = 0; i < 3000; ++i) {
    if (i == 1234) {
      text += "old,1\n";
    } else if (i == 2500) {
      text += "70,7\n";
    } else {
      text += std::to_string(i % 90) + ",0\n";
    }
  }
  for (const std::size_t block_bytes : {5UL, 100UL, 4096UL}) {
    expect_error(read(text, {"age"}, {}, 2, block_bytes), "row 1236: column 'age': 'old' is not a number");
  }
}

// A stray quote inside an unquoted field makes the quote count wrong for the rest of the
// file: the row is still named, whether the blocks were cut by counting quotes or by the parser.
TEST(EpisodeColumns, NamesAStrayQuoteInALaterBlock) {
  std::string text = "age,note,died\n";
  for (int i = 0; i < 200; ++i) text += std::to_string(i % 90) + (i == 150 ? ",a\"b,0\n" : ",x,0\n");
  for (const std::size_t block_bytes : {3UL, 50UL, 4096UL}) {
    expect_error(read(text, {"age"}, {}, 2, block_bytes), "row 152: malformed CSV");
  }
}

// A quote that is never closed would hold the rest of the file as one record: past the limit,
// the reader stops with an error naming the row.
TEST(EpisodeColumns, StopsAtARecordLongerThanTheLimit) {
  std::string text = "age,note,died\n1,x,0\n2,\"never closed,0\n";
  for (int i = 0; i < 2000; ++i) text += "3,y,0\n";
  std::istringstream input(text);
  EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = {"age"};
  request.block_bytes = 64;
  request.max_record_bytes = 1024;
  expect_error(read_episode_columns(input, request),
               "row 3: a record longer than 1024 bytes (is a quote never closed?)");
  // Within the limit, the same file ends inside the quote: malformed.
  expect_error(read(text, {"age"}, {}, 2, 64), "row 3: malformed CSV");
}

// The limit holds for a long record that ends within one block too, as CsvReader's does.
TEST(EpisodeColumns, RefusesALongRecordThatEndsWithinABlock) {
  const std::string text = "age,note,died\n1,x,0\n2,\"" + std::string(2000, 'y') + "\",0\n3,z,0\n";
  for (const unsigned threads : {1U, 2U}) {
    std::istringstream input(text);
    EpisodeColumnsRequest request;
    request.outcome = "died";
    request.numbers = {"age"};
    request.threads = threads;
    request.max_record_bytes = 1024;  // the block (4 MiB) holds the whole file
    expect_error(read_episode_columns(input, request),
                 "row 3: a record longer than 1024 bytes (is a quote never closed?)");
  }
  // The header too.
  std::istringstream long_header("age,died," + std::string(2000, 'h') + "\n1,0,x\n");
  EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = {"age"};
  request.max_record_bytes = 1024;
  expect_error(read_episode_columns(long_header, request),
               "row 1: a record longer than 1024 bytes (is a quote never closed?)");
  // Within the limit, the same record is read.
  const auto columns = read(text, {"age"});
  ASSERT_TRUE(columns) << columns.error().message;
  EXPECT_EQ(columns->rows, 3);
}

}  // namespace
}  // namespace clinaudit::ingest
