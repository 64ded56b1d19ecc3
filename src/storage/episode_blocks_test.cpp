#include "storage/episode_blocks.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace clinaudit::storage {
namespace {

domain::EpisodeColumns two_columns() {
  domain::EpisodeColumns episodes;
  episodes.add_column("died30", domain::ValueType::yes_no);
  episodes.add_column("unit", domain::ValueType::category);
  return episodes;
}

void add(domain::EpisodeColumns& episodes, std::int64_t provider, std::int64_t day, double died, std::string unit) {
  episodes.provider.push_back(OrganisationId{provider});
  episodes.admission_date.push_back(Date::from_days(day));
  episodes.columns[0].numbers.push_back(died);
  episodes.columns[1].texts.push_back(std::move(unit));
}

TEST(EpisodeBlock, WritesALinePerEpisodeAndKeepsItsDaysAndCount) {
  auto episodes = two_columns();
  add(episodes, 4, 20179, 1, "Ward \"A\"\nNorth");
  add(episodes, 5, 20170, 0, "");
  add(episodes, 4, 20190, std::nan(""), "B");
  EpisodeBlock block;
  for (std::size_t row = 0; row < episodes.size(); ++row) block.add(episodes, row);
  EXPECT_EQ(block.count(), 3U);
  EXPECT_EQ(block.first_day(), 20170);
  EXPECT_EQ(block.last_day(), 20190);
  EXPECT_EQ(block.text(),
            "4,20179,[true,\"Ward \\\"A\\\"\\u000aNorth\"]\n5,20170,[false,null]\n4,20190,[null,\"B\"]\n");
  block.clear();
  EXPECT_EQ(block.count(), 0U);
  EXPECT_EQ(block.text(), "");
  block.add_stored(7, 20000, "{\"died30\":\n true}");
  EXPECT_EQ(block.text(), "7,20000,{\"died30\":  true}\n");  // a line end between values is a space
  EXPECT_EQ(block.first_day(), 20000);
  EXPECT_EQ(block.last_day(), 20000);
}

TEST(EpisodeBlock, IsFullAtAThousandEpisodes) {
  auto episodes = two_columns();
  add(episodes, 1, 20000, 0, "A");
  EpisodeBlock block;
  for (std::size_t i = 1; i < kEpisodesPerBlock; ++i) block.add(episodes, 0);
  EXPECT_FALSE(block.full());
  block.add(episodes, 0);
  EXPECT_TRUE(block.full());
}

TEST(EpisodeBlockRead, KeepsOnlyThePeriodsEpisodesWithTheirProvidersDaysAndValues) {
  auto episodes = two_columns();
  EpisodeDataReader reader(episodes);
  const auto slots = reader.slots_for({"unit", "died30"});
  std::string problem;
  const std::string text = "4,20179,[\"A\",true]\n5,20170,[\"B\",false]\n6,20185,[null,null]\n3,20186,[\"C\",true]\n";
  ASSERT_TRUE(read_episode_block(text, 20175, 20185, reader, &slots, episodes, problem)) << problem;
  ASSERT_EQ(episodes.size(), 2U);
  EXPECT_EQ(episodes.provider, (std::vector<OrganisationId>{OrganisationId{4}, OrganisationId{6}}));
  EXPECT_EQ(episodes.admission_date, (std::vector<Date>{Date::from_days(20179), Date::from_days(20185)}));
  EXPECT_EQ(episodes.columns[0].numbers[0], 1);
  EXPECT_TRUE(episodes.columns[0].missing(1));
  EXPECT_EQ(episodes.columns[1].texts, (std::vector<std::string>{"A", ""}));
}

TEST(EpisodeBlockRead, NamesTheEpisodeOfTheBlockThatCannotBeRead) {
  auto episodes = two_columns();
  EpisodeDataReader reader(episodes);
  const auto slots = reader.slots_for({"died30", "unit"});
  std::string problem;
  EXPECT_FALSE(
      read_episode_block("4,20179,[true,\"A\"]\n4,x,[true,\"A\"]\n", 0, 30000, reader, &slots, episodes, problem));
  EXPECT_EQ(problem, "episode 2 of the block does not start with its provider and day");
  EXPECT_FALSE(
      read_episode_block("4,20179,[true,\"A\"]\n4,20179,[true]\n", 0, 30000, reader, &slots, episodes, problem));
  EXPECT_EQ(problem.rfind("episode 2 of the block: the stored values hold fewer values", 0), 0U) << problem;
}

// The values the store writes (whole numbers, true/false) are read on a short path; anything
// else (signs, fractions, exponents, spaces, dates, null) on the general one; both give what
// std::from_chars and the dataset's types give.
TEST(EpisodeDataReader, ReadsEveryKindOfStoredValueIntoTheColumnsTypes) {
  domain::EpisodeColumns episodes;
  const std::vector<std::string> names{"n1", "yes", "no", "n2", "n3", "n4", "n5", "n6", "day", "n7", "n8", "unit"};
  for (const auto& name : names) {
    const auto type = name == "yes" || name == "no" ? domain::ValueType::yes_no
                      : name == "day"               ? domain::ValueType::date
                      : name == "unit"              ? domain::ValueType::category
                                                    : domain::ValueType::number;
    episodes.add_column(name, type);
  }
  EpisodeDataReader reader(episodes);
  const auto slots = reader.slots_for(names);
  std::string problem;
  ASSERT_TRUE(
      reader.append(R"([53,true,false,-4,2.5,1e3,null, 7 ,"2024-05-01",0,1234567890123456,"A"])", problem, &slots))
      << problem;
  ASSERT_TRUE(reader.append(R"([007,false,true,-0,0.25,-2E-1,12,8,null,999999999999999,12345678901234567890123,null])",
                            problem, &slots))
      << problem;
  const auto value = [&](std::size_t column, std::size_t row) { return episodes.columns[column].numbers[row]; };
  EXPECT_EQ(value(0, 0), 53);
  EXPECT_EQ(value(1, 0), 1);
  EXPECT_EQ(value(2, 0), 0);
  EXPECT_EQ(value(3, 0), -4);
  EXPECT_EQ(value(4, 0), 2.5);
  EXPECT_EQ(value(5, 0), 1000);
  EXPECT_TRUE(std::isnan(value(6, 0)));
  EXPECT_EQ(value(7, 0), 7);
  EXPECT_EQ(value(8, 0), static_cast<double>(Date::parse("2024-05-01")->days_since_epoch()));
  EXPECT_EQ(value(9, 0), 0);
  EXPECT_EQ(value(10, 0), 1234567890123456.0);  // sixteen digits: the general path
  EXPECT_EQ(value(0, 1), 7);
  EXPECT_EQ(value(1, 1), 0);
  EXPECT_EQ(value(2, 1), 1);
  EXPECT_EQ(value(3, 1), 0);
  EXPECT_TRUE(std::signbit(value(3, 1)));  // "-0" is negative zero, as from_chars reads it
  EXPECT_EQ(value(5, 1), -0.2);
  EXPECT_EQ(value(6, 1), 12);
  EXPECT_TRUE(std::isnan(value(8, 1)));
  EXPECT_EQ(value(9, 1), 999999999999999.0);
  EXPECT_EQ(value(10, 1), std::stod("12345678901234567890123"));
  EXPECT_EQ(episodes.columns[11].texts, (std::vector<std::string>{"A", ""}));
  EXPECT_EQ(episodes.columns[0].numbers.form(), CompactNumbers::Form::bytes);

  // A value of the wrong type on either path: the row is refused and appended as missing.
  for (const std::string& wrong :
       {R"([true,true,false,1,1,1,1,1,null,1,1,"A"])", R"([1,1,false,1,1,1,1,1,null,1,1,"A"])",
        R"([12x,true,false,1,1,1,1,1,null,1,1,"A"])"}) {
    EXPECT_FALSE(reader.append(wrong, problem, &slots)) << wrong;
    for (const auto& column : episodes.columns) {
      ASSERT_EQ(column.size(), episodes.columns[0].size());
      EXPECT_TRUE(column.missing(column.size() - 1)) << wrong << " " << column.name;
    }
  }
  EXPECT_EQ(problem, "the stored values hold something that is not a JSON value");
  reader.append(R"([1,1,false,1,1,1,1,1,null,1,1,"A"])", problem, &slots);
  EXPECT_EQ(problem, "column 'yes' holds a number, but the dataset declares it a yes/no");
}

// Blocks of two imports (their columns in other orders), parsed in batches on two threads:
// every episode of the period once, by date, then in the order of the blocks and their lines.
TEST(EpisodeBlockReader, ReadsBlocksInDateOrderKeepingEachDaysOrderAsGiven) {
  for (const std::int64_t spread : {1, 100000}) {  // the counting sort, and the sort for days far apart
    const auto shape = two_columns();
    EpisodeBlockReader reader(shape, 0, 30000 * spread);
    reader.add_import(1, {"died30", "unit"});
    reader.add_import(2, {"unit", "died30"});
    std::string problem;
    std::vector<std::string> expected;                        // units in date order, then as given
    std::vector<std::pair<std::int64_t, std::string>> given;  // (day, unit)
    for (int b = 0; b < 75; ++b) {                            // more than two batches
      std::string text;
      for (int line = 0; line < 10; ++line) {
        const int n = b * 10 + line;
        const std::int64_t day = (20000 + (n * 7919) % 31) * spread;
        const std::string unit = "u" + std::to_string(n);
        given.emplace_back(day, unit);
        const std::string died = n % 2 == 0 ? "true" : "false";
        const std::string values = b % 2 == 0 ? "[" + died + ",\"" + unit + "\"]" : "[\"" + unit + "\"," + died + "]";
        text += std::to_string(n % 3) + "," + std::to_string(day) + "," + values + "\n";
      }
      ASSERT_TRUE(reader.add(b, b % 2 == 0 ? 1 : 2, text, problem)) << problem;
    }
    domain::EpisodeColumns out = two_columns();
    ASSERT_TRUE(reader.finish(out, problem)) << problem;
    std::stable_sort(given.begin(), given.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    expected.reserve(given.size());
    for (const auto& [day, unit] : given) expected.push_back(unit);
    ASSERT_EQ(out.size(), 750U);
    EXPECT_EQ(out.columns[1].texts, expected);
    EXPECT_EQ(out.columns[0].numbers.form(), CompactNumbers::Form::bytes);  // flags stay a byte each
    for (std::size_t i = 0; i < out.size(); ++i) {
      const int n = std::stoi(out.columns[1].texts[i].substr(1));
      ASSERT_EQ(out.admission_date[i].days_since_epoch(), given[i].first) << i;
      ASSERT_EQ(out.provider[i], OrganisationId{n % 3}) << i;
      ASSERT_EQ(out.columns[0].numbers[i], n % 2 == 0 ? 1 : 0) << i;
    }
  }
}

TEST(EpisodeBlockReader, NamesTheFirstBlockThatCannotBeReadWhicheverThreadReadIt) {
  // The first batch (blocks 100 to 131) is parsed half by each thread.
  const std::vector<std::pair<std::vector<int>, std::string>> cases{
      {{120, 135}, "episode block 120: "},  // in the second half, and in the next batch
      {{105, 125}, "episode block 105: "},  // in both halves
  };
  for (const auto& [broken, first] : cases) {
    const auto shape = two_columns();
    EpisodeBlockReader reader(shape, 0, 30000);
    reader.add_import(1, {"died30", "unit"});
    std::string problem;
    bool failed = false;
    for (int id = 100; id < 140 && !failed; ++id) {
      const bool bad = std::find(broken.begin(), broken.end(), id) != broken.end();
      failed = !reader.add(id, 1, bad ? "1,20000,[true]\n" : "1,20000,[true,\"A\"]\n", problem);
    }
    domain::EpisodeColumns out = two_columns();
    if (!failed) EXPECT_FALSE(reader.finish(out, problem));
    EXPECT_EQ(problem.rfind(first + "episode 1 of the block: the stored values hold fewer values", 0), 0U) << problem;
  }
}

}  // namespace
}  // namespace clinaudit::storage
