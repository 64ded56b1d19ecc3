// The SQLite bulk path for episodes: into an empty table, the date index is dropped for the load
// and built once after it, inside the import's transaction.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/store_factory.hpp"

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class SqliteEpisodeLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "clinaudit-episode-load-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data());
    path_ = (folder_ / "store.sqlite").string();
    auto opened = open_store(path_);
    ASSERT_TRUE(opened.has_value()) << opened.error().message;
    store_ = std::move(*opened);
    auto providers = store_->add_organisations({{{}, "RAA", "Trust RAA", domain::OrganisationType::acute, ""}}, actor_);
    ASSERT_TRUE(providers.has_value()) << providers.error().message;
    provider_ = providers->at(0);
    domain::Audit row;
    row.code = "NHFD";
    row.title = "Hip fracture";
    row.kind = domain::AuditKind::national_clinical_audit;
    auto audits = store_->add_audits({row}, actor_);
    ASSERT_TRUE(audits.has_value()) << audits.error().message;
    audit_ = audits->at(0);
    domain::Dataset dataset;
    dataset.audit_id = audit_;
    dataset.columns = {{"died30", domain::ValueType::yes_no, true, {}, {}, {}, "Died within 30 days"}};
    ASSERT_TRUE(store_->set_dataset(dataset, actor_));
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(folder_);
  }

  domain::EpisodeColumns rows(int count) const {
    domain::EpisodeColumns columns;
    columns.audit_id = audit_;
    columns.add_column("died30", domain::ValueType::yes_no);
    for (int i = 0; i < count; ++i) {
      columns.provider.push_back(provider_);
      columns.admission_date.push_back(Date::parse("2025-04-01")->plus_days(i % 30));
      columns.columns[0].numbers.push_back(i % 2);
    }
    return columns;
  }

  // The indexes on the episodes table, as another connection sees them.
  std::vector<std::string> episode_indexes() const {
    SQLite::Database db(path_, SQLite::OPEN_READONLY);
    SQLite::Statement query(
        db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'episodes' ORDER BY name");
    std::vector<std::string> names;
    while (query.executeStep()) names.push_back(query.getColumn(0).getString());
    return names;
  }

  fs::path folder_;
  std::string path_;
  std::unique_ptr<domain::Store> store_;
  domain::Actor actor_{std::nullopt, "test"};
  OrganisationId provider_;
  AuditId audit_;
};

TEST_F(SqliteEpisodeLoad, TheFirstImportBuildsTheDateIndexAfterItsRows) {
  const std::vector<std::string> indexes{"episodes_by_audit_date"};
  ASSERT_EQ(episode_indexes(), indexes);
  auto writer = store_->begin_episodes(audit_, {"died30"}, actor_);
  ASSERT_TRUE(writer.has_value()) << writer.error().message;
  ASSERT_TRUE((*writer)->append(rows(100)));
  // Other connections keep the index while the import runs, and find it again after.
  EXPECT_EQ(episode_indexes(), indexes);
  ASSERT_TRUE((*writer)->commit());
  EXPECT_EQ(episode_indexes(), indexes);
  SQLite::Database db(path_, SQLite::OPEN_READONLY);
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN SELECT id FROM episodes WHERE audit_id = 1 AND admission_day = 20200");
  std::string detail;
  while (plan.executeStep()) detail += plan.getColumn(3).getString();
  EXPECT_NE(detail.find("episodes_by_audit_date"), std::string::npos) << detail;
  EXPECT_EQ(store_->episodes(audit_, *Date::parse("2025-04-01"), *Date::parse("2025-05-01"))->size(), 100U);
}

TEST_F(SqliteEpisodeLoad, AnAbandonedFirstImportLeavesTheIndexAsItWas) {
  {
    auto writer = store_->begin_episodes(audit_, {"died30"}, actor_);
    ASSERT_TRUE(writer.has_value()) << writer.error().message;
    ASSERT_TRUE((*writer)->append(rows(10)));
  }  // destroyed without commit: rolled back
  EXPECT_EQ(episode_indexes(), std::vector<std::string>{"episodes_by_audit_date"});
  // A second import into the table that now holds rows keeps the index throughout.
  for (int round = 0; round < 2; ++round) {
    auto writer = store_->begin_episodes(audit_, {"died30"}, actor_);
    ASSERT_TRUE(writer.has_value()) << writer.error().message;
    ASSERT_TRUE((*writer)->append(rows(10)));
    ASSERT_TRUE((*writer)->commit());
  }
  EXPECT_EQ(episode_indexes(), std::vector<std::string>{"episodes_by_audit_date"});
}

}  // namespace
}  // namespace clinaudit::storage::sqlite
