// SQLite reads an audit's episode blocks in the order stored by walking an index, never by
// sorting the rows: a sort would copy every block's text (50 kB each) once more.
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "storage/store_factory.hpp"

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;

TEST(SqliteEpisodeRead, AnAuditsBlocksOfAPeriodComeInTheOrderStoredWithoutASort) {
  std::string pattern = (fs::temp_directory_path() / "clinaudit-episode-read-XXXXXX").string();
  const fs::path folder = ::mkdtemp(pattern.data());
  const std::string path = (folder / "store.sqlite").string();
  ASSERT_TRUE(open_store(path).has_value());  // the schema, as the migrations make it
  {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    // The read's query, as sql_store_episodes.cpp sends it.
    SQLite::Statement plan(db,
                           "EXPLAIN QUERY PLAN SELECT id, import_id, data FROM episode_blocks "
                           "WHERE audit_id = 1 AND first_day <= 20300 AND last_day >= 20000 ORDER BY id");
    std::string detail;
    while (plan.executeStep()) detail += plan.getColumn(3).getString() + "\n";
    EXPECT_NE(detail.find("USING INDEX episode_blocks_by_audit"), std::string::npos) << detail;
    EXPECT_EQ(detail.find("TEMP B-TREE"), std::string::npos) << detail;
  }
  fs::remove_all(folder);
}

}  // namespace
}  // namespace clinaudit::storage::sqlite
