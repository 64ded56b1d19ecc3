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
