#include "storage/episode_blocks.hpp"

#include <gtest/gtest.h>

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

TEST(OrderByAdmissionDate, SortsByDayKeepingEachDaysOrderInEveryColumn) {
  for (const std::int64_t spread : {1, 100000}) {  // the counting sort, and the sort for days far apart
    auto episodes = two_columns();
    add(episodes, 1, 20003 * spread, 0, "d3 first");
    add(episodes, 2, 20001 * spread, 1, "d1 first");
    add(episodes, 3, 20003 * spread, 1, "d3 second");
    add(episodes, 4, 20002 * spread, 0, "d2");
    add(episodes, 5, 20001 * spread, 0, "d1 second");
    order_by_admission_date(episodes);
    EXPECT_EQ(episodes.columns[1].texts,
              (std::vector<std::string>{"d1 first", "d1 second", "d2", "d3 first", "d3 second"}));
    EXPECT_EQ(episodes.provider, (std::vector<OrganisationId>{OrganisationId{2}, OrganisationId{5}, OrganisationId{4},
                                                              OrganisationId{1}, OrganisationId{3}}));
    EXPECT_EQ(episodes.columns[0].numbers, (std::vector<double>{1, 0, 0, 0, 1}));
    EXPECT_TRUE(std::is_sorted(episodes.admission_date.begin(), episodes.admission_date.end()));
  }
}

}  // namespace
}  // namespace clinaudit::storage
