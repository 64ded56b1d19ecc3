#include "ingest/episode_columns.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::ingest {
namespace {

Result<EpisodeColumns> read(const std::string& text, std::vector<std::string> numbers,
                            std::vector<std::string> categories = {}) {
  std::istringstream input(text);
  EpisodeColumnsRequest request;
  request.outcome = "died";
  request.numbers = std::move(numbers);
  request.categories = std::move(categories);
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
  EXPECT_EQ(columns->numbers[0].values, (std::vector<double>{70, 65.5, -10}));
  ASSERT_EQ(columns->categories.size(), 1U);
  EXPECT_EQ(columns->categories[0].levels, (std::vector<std::string>{"RX1", "RX2"}));
  EXPECT_EQ(columns->categories[0].codes, (std::vector<std::uint32_t>{0, 1, 0}));
}

TEST(EpisodeColumns, ReadsAColumnAsNumberAndCategory) {
  const auto columns = read("imd,died\n3,0\n1,1\n", {"imd"}, {"imd"});
  ASSERT_TRUE(columns);
  EXPECT_EQ(columns->numbers[0].values, (std::vector<double>{3, 1}));
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

}  // namespace
}  // namespace clinaudit::ingest
