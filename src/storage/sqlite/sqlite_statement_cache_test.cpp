// The statements a SQLite connection keeps between runs: each run starts with nothing bound and
// ends with the statement reset, whatever the run before did.
#include "storage/sqlite/sqlite_statement_cache.hpp"

#include <SQLiteCpp/Database.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_session.hpp"

namespace clinaudit::storage::sqlite {
namespace {

namespace fs = std::filesystem;

class SqliteStatementCache : public ::testing::Test {
 protected:
  SqliteStatementCache() {
    std::string pattern = (fs::temp_directory_path() / "clinaudit-statements-XXXXXX").string();
    folder_ = ::mkdtemp(pattern.data());
    db_.emplace(open_sqlite_connection(path()));
    statements_.emplace(*db_);
    session_.emplace(*statements_);
    session_->execute("CREATE TABLE numbers (n INTEGER PRIMARY KEY, word TEXT)", {});
    for (const auto& [n, word] : {std::pair{1, "one"}, {2, "two"}, {3, "three"}}) {
      session_->execute("INSERT INTO numbers (n, word) VALUES (?, ?)", {{SqlParam{std::int64_t{n}}, SqlParam{word}}});
    }
  }
  ~SqliteStatementCache() override {
    session_.reset();
    statements_.reset();
    db_.reset();
    fs::remove_all(folder_);
  }

  std::string path() const { return (folder_ / "store.sqlite").string(); }

  std::vector<std::int64_t> integers(std::string_view sql, std::vector<SqlParam> params = {}) {
    std::vector<std::int64_t> found;
    session_->query(sql, params, [&](const SqlRow& row) { found.push_back(row.int64(0)); });
    return found;
  }

  fs::path folder_;
  std::optional<SQLite::Database> db_;
  std::optional<StatementCache> statements_;
  std::optional<SqliteSession> session_;
};

TEST_F(SqliteStatementCache, AStatementRunAgainHasNothingBoundFromItsLastRun) {
  EXPECT_EQ(integers("SELECT ?1 IS NULL", {SqlParam{std::int64_t{5}}}), std::vector<std::int64_t>{0});
  // No value this time: the placeholder is NULL, not the 5 of the run before.
  EXPECT_EQ(integers("SELECT ?1 IS NULL"), std::vector<std::int64_t>{1});
  EXPECT_EQ(integers("SELECT n FROM numbers WHERE n > ? ORDER BY n", {SqlParam{std::int64_t{1}}}),
            (std::vector<std::int64_t>{2, 3}));
  EXPECT_EQ(integers("SELECT n FROM numbers WHERE n > ? ORDER BY n", {SqlParam{std::int64_t{2}}}),
            std::vector<std::int64_t>{3});
}

TEST_F(SqliteStatementCache, AQueryRunWhileTheSameTextStepsGetsAStatementOfItsOwn) {
  const std::string_view sql = "SELECT n FROM numbers ORDER BY n";
  std::vector<std::int64_t> outer;
  std::vector<std::size_t> inner_counts;
  session_->query(sql, {}, [&](const SqlRow& row) {
    outer.push_back(row.int64(0));
    // Had the inner run reset the outer statement, it would start again from the first row.
    if (outer.size() > 3) throw std::runtime_error("the outer query started again");
    inner_counts.push_back(integers(sql).size());
  });
  EXPECT_EQ(outer, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(inner_counts, (std::vector<std::size_t>{3, 3, 3}));
  EXPECT_EQ(integers(sql), (std::vector<std::int64_t>{1, 2, 3}));
}

TEST_F(SqliteStatementCache, AStatementThatFailedRunsAgain) {
  const std::string_view insert = "INSERT INTO numbers (n, word) VALUES (?, ?)";
  EXPECT_THROW(session_->execute(insert, {{SqlParam{std::int64_t{1}}, SqlParam{std::string("uno")}}}),
               ConstraintViolation);
  EXPECT_EQ(session_->execute(insert, {{SqlParam{std::int64_t{4}}, SqlParam{std::string("four")}}}), 1);
  EXPECT_EQ(integers("SELECT count(*) FROM numbers"), std::vector<std::int64_t>{4});
}

TEST_F(SqliteStatementCache, AReadLeftMidwayEndsWithItsTransaction) {
  const std::string_view sql = "SELECT n FROM numbers ORDER BY n";
  db_->exec("BEGIN");
  EXPECT_THROW(session_->query(sql, {}, [](const SqlRow&) { throw std::runtime_error("stop at the first row"); }),
               std::runtime_error);
  db_->exec("COMMIT");
  {
    // Another connection's write after that read: the next read sees it, as it would if the
    // statement had not been kept.
    SQLite::Database other = open_sqlite_connection(path());
    other.exec("INSERT INTO numbers (n, word) VALUES (4, 'four')");
  }
  db_->exec("BEGIN");
  EXPECT_EQ(integers(sql), (std::vector<std::int64_t>{1, 2, 3, 4}));
  db_->exec("COMMIT");
}

TEST_F(SqliteStatementCache, AKeptStatementFollowsAChangeOfTheTable) {
  const std::string_view sql = "SELECT * FROM numbers WHERE n = 1";
  std::string last_column;
  session_->query(sql, {}, [&](const SqlRow& row) { last_column = row.name(1); });
  EXPECT_EQ(last_column, "word");
  session_->execute("ALTER TABLE numbers ADD COLUMN roman TEXT", {});
  session_->query(sql, {}, [&](const SqlRow& row) { last_column = row.name(2); });
  EXPECT_EQ(last_column, "roman");
}

TEST_F(SqliteStatementCache, TextsBeyondTheKeptNumberStillRun) {
  for (int round = 0; round < 2; ++round) {
    for (std::size_t i = 0; i < StatementCache::kMaxKept + 8; ++i) {
      ASSERT_EQ(integers("SELECT " + std::to_string(i) + " + n FROM numbers WHERE n = 1"),
                std::vector<std::int64_t>{static_cast<std::int64_t>(i) + 1});
    }
  }
}

}  // namespace
}  // namespace clinaudit::storage::sqlite
