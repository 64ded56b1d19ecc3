#include "storage/sqlite/sqlite_driver.hpp"

#include <SQLiteCpp/Statement.h>
#include <sqlite3.h>

#include <optional>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_session.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

// BEGIN ... COMMIT through the connection's kept statements, as its queries are (a transaction
// of SQLiteCpp's parses both each time); rolled back when left uncommitted.
class KeptTransaction {
 public:
  KeptTransaction(SQLite::Database& db, SqliteSession& session, std::string_view begin) : db_(db), session_(session) {
    session_.execute(begin, {});
  }
  KeptTransaction(const KeptTransaction&) = delete;
  KeptTransaction& operator=(const KeptTransaction&) = delete;
  // The error that left the transaction uncommitted is the one reported, not a failed rollback's.
  ~KeptTransaction() {
    if (!committed_) sqlite3_exec(db_.getHandle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void commit() {
    session_.execute("COMMIT", {});
    committed_ = true;
  }

 private:
  SQLite::Database& db_;
  SqliteSession& session_;
  bool committed_ = false;
};

// An episode import on a connection of its own, in one IMMEDIATE transaction: one
// prepared INSERT is reused for every block.
class SqliteEpisodeLoad final : public EpisodeLoad {
 public:
  explicit SqliteEpisodeLoad(const std::string& path)
      : db_(open_sqlite_connection(path)),
        statements_(db_),
        session_(statements_),
        transaction_(db_, session_, "BEGIN IMMEDIATE") {}

  SqlSession& session() override { return session_; }
  void begin_rows() override {
    insert_.emplace(db_,
                    "INSERT INTO episode_blocks (audit_id, import_id, first_day, last_day, episodes, data) "
                    "VALUES (?, ?, ?, ?, ?, ?)");
  }
  void write_block(std::int64_t audit, std::int64_t import, std::int64_t first_day, std::int64_t last_day,
                   std::int64_t episodes, const std::string& text) override {
    insert_->bind(1, audit);
    insert_->bind(2, import);
    insert_->bind(3, first_day);
    insert_->bind(4, last_day);
    insert_->bind(5, episodes);
    insert_->bindNoCopy(6, text);  // the caller's string outlives the step below
    insert_->exec();
    insert_->reset();
  }
  void end_rows() override { insert_.reset(); }
  void commit() override { transaction_.commit(); }

 private:
  SQLite::Database db_;
  StatementCache statements_;
  SqliteSession session_;
  KeptTransaction transaction_;  // rolls back when destroyed uncommitted
  std::optional<SQLite::Statement> insert_;
};

}  // namespace

SqliteDriver::SqliteDriver(std::string path, FileLock lock)
    : path_(std::move(path)), lock_(std::move(lock)), db_(open_sqlite_connection(path_)) {}

SqliteDriver::~SqliteDriver() = default;

Result<std::unique_ptr<SqliteDriver>> SqliteDriver::open(const std::string& path,
                                                         std::span<const SchemaMigration> migrations) {
  CLINAUDIT_TRY(auto lock, FileLock::shared(path));
  return guarded("opening the database " + path, [&] {
    // Not make_unique: the constructor is private.
    std::unique_ptr<SqliteDriver> driver(new SqliteDriver(path, std::move(lock)));
    apply_sqlite_migrations(driver->db_, migrations);
    for (std::size_t i = 0; i < kReaders; ++i) {
      driver->readers_.push_back(std::make_unique<Reader>(open_sqlite_connection(path)));
      driver->idle_readers_.push_back(driver->readers_.back().get());
    }
    return driver;
  });
}

void SqliteDriver::run_read(const std::function<void(SqlSession&)>& body) {
  Reader* reader = nullptr;
  {
    std::unique_lock lock(readers_mutex_);
    reader_returned_.wait(lock, [this] { return !idle_readers_.empty(); });
    reader = idle_readers_.back();
    idle_readers_.pop_back();
  }
  // Given back however the transaction ends.
  struct GiveBack {
    SqliteDriver& driver;
    Reader* reader;
    ~GiveBack() {
      {
        const std::scoped_lock lock(driver.readers_mutex_);
        driver.idle_readers_.push_back(reader);
      }
      driver.reader_returned_.notify_one();
    }
  } give_back{*this, reader};
  SqliteSession session(reader->statements);
  KeptTransaction transaction(reader->db, session, "BEGIN DEFERRED");
  body(session);
  transaction.commit();
}

void SqliteDriver::run_transaction(Access access, const std::function<void(SqlSession&)>& body) {
  if (access == Access::read) {
    run_read(body);
    return;
  }
  const std::scoped_lock lock(mutex_);
  SqliteSession session(statements_);
  KeptTransaction transaction(db_, session, access == Access::write ? "BEGIN IMMEDIATE" : "BEGIN DEFERRED");
  body(session);
  transaction.commit();
}

void SqliteDriver::run_marked_write(const std::function<void(SqlSession&)>& body,
                                    const std::function<void(SqlSession&)>& mark) {
  run_transaction(Access::write, [&](SqlSession& session) {
    body(session);
    mark(session);
  });
}

bool SqliteDriver::transient(const std::exception& e) const {
  // A busy database has already been waited for (the busy timeout); only a snapshot that a
  // writer overtook is worth a fresh try.
  const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e);
  return sqlite != nullptr && sqlite->getExtendedErrorCode() == SQLITE_BUSY_SNAPSHOT;
}

Error SqliteDriver::to_error(const std::exception& e, std::string_view doing) const {
  if (const auto* sqlite = dynamic_cast<const SQLite::Exception*>(&e)) return translate_sqlite_error(*sqlite, doing);
  return Error{ErrorCode::storage_unavailable, std::string(doing) + ": " + e.what()};
}

std::unique_ptr<EpisodeLoad> SqliteDriver::begin_episode_load() { return std::make_unique<SqliteEpisodeLoad>(path_); }

}  // namespace clinaudit::storage::sqlite
