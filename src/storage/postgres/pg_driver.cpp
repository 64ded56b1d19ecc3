#include "storage/postgres/pg_driver.hpp"

#include <array>
#include <optional>
#include <string_view>
#include <tuple>
#include <vector>

#include "storage/postgres/pg_migrations.hpp"
#include "storage/postgres/pg_session.hpp"

namespace clinaudit::storage::postgres {

// A field of a row in COPY's text format, escaped already (append_copy_field).
struct CopyField {
  std::string text;
};

}  // namespace clinaudit::storage::postgres

// pqxx::stream_to escapes each field of a row as it writes it, a character at a time (most of
// an import's writing time went there for a block's 50 KB); a field escaped already goes as
// it is. pqxx 6.4 offers no public way to write a row's line itself.
template <>
inline std::string pqxx::internal::TypedCopyEscaper::operator()<const clinaudit::storage::postgres::CopyField*>(
    const clinaudit::storage::postgres::CopyField* const* field) const {
  return (*field)->text;
}

namespace clinaudit::storage::postgres {
namespace {

const std::vector<std::string> kBlockColumns{"audit_id", "import_id", "first_day", "last_day", "episodes", "data"};

// The first line of the server's message, without the "ERROR:" prefix.
std::string first_line(const std::string& message) {
  auto line = message.substr(0, message.find('\n'));
  if (line.rfind("ERROR:", 0) == 0) line.erase(0, 6);
  while (!line.empty() && line.front() == ' ') line.erase(0, 1);
  return line;
}

// `text` appended to `out` as a field of COPY's text format: a backslash, line end, carriage
// return or tab escaped, the runs between them copied whole.
void append_copy_field(std::string& out, std::string_view text) {
  static constexpr auto kEscaped = [] {
    std::array<char, 256> escaped{};
    escaped[static_cast<unsigned char>('\\')] = '\\';
    escaped[static_cast<unsigned char>('\n')] = 'n';
    escaped[static_cast<unsigned char>('\r')] = 'r';
    escaped[static_cast<unsigned char>('\t')] = 't';
    return escaped;
  }();
  const char* run = text.data();
  const char* const end = run + text.size();
  for (const char* at = run; at != end; ++at) {
    const char escaped = kEscaped[static_cast<unsigned char>(*at)];
    if (escaped == 0) continue;
    out.append(run, static_cast<std::size_t>(at - run));
    out += '\\';
    out += escaped;
    run = at + 1;
  }
  out.append(run, static_cast<std::size_t>(end - run));
}

// An episode import on a connection borrowed for its whole length, in one transaction;
// blocks go through COPY (pqxx::stream_to), their text escaped here (CopyField).
class PgEpisodeLoad final : public EpisodeLoad {
 public:
  explicit PgEpisodeLoad(PooledConnection connection)
      : connection_(std::move(connection)), tx_(std::make_unique<pqxx::work>(*connection_)), session_(*tx_) {}
  ~PgEpisodeLoad() override {
    // Closing the stream can fail when the connection broke; it is then dropped instead of
    // going back to the pool. The transaction rolls back unless committed.
    try {
      if (stream_) stream_->complete();
    } catch (const std::exception&) {
      connection_.discard();
    }
    stream_.reset();
    tx_.reset();
  }
  PgEpisodeLoad(const PgEpisodeLoad&) = delete;
  PgEpisodeLoad& operator=(const PgEpisodeLoad&) = delete;

  SqlSession& session() override { return session_; }
  void begin_rows() override { stream_ = std::make_unique<pqxx::stream_to>(*tx_, "episode_blocks", kBlockColumns); }
  void write_block(std::int64_t audit, std::int64_t import, std::int64_t first_day, std::int64_t last_day,
                   std::int64_t episodes, const std::string& text) override {
    data_.text.clear();
    append_copy_field(data_.text, text);
    *stream_ << std::make_tuple(audit, import, first_day, last_day, episodes, static_cast<const CopyField*>(&data_));
  }
  void end_rows() override {
    stream_->complete();
    stream_.reset();
  }
  void commit() override {
    try {
      tx_->commit();
    } catch (const pqxx::failure&) {
      connection_.discard();  // broken, or in doubt: never back to the pool
      throw;
    }
  }

 private:
  // Destroyed in reverse order: the stream before the transaction before the connection.
  PooledConnection connection_;
  std::unique_ptr<pqxx::work> tx_;
  PgSession session_;
  std::unique_ptr<pqxx::stream_to> stream_;
  CopyField data_;  // the block's text being written, kept for its capacity
};

PooledConnection borrow(PgConnectionPool& pool) {
  auto connection = pool.acquire();
  if (!connection) throw StoreFailure{connection.error()};
  return std::move(*connection);
}

template <typename Transaction>
void run_in(PooledConnection& connection, const std::function<void(SqlSession&)>& body) {
  try {
    Transaction tx(*connection);
    PgSession session(tx);
    body(session);
    tx.commit();
  } catch (const pqxx::broken_connection&) {
    connection.discard();
    throw;
  } catch (const pqxx::in_doubt_error&) {
    connection.discard();
    throw;
  }
}

// Runs `mark` at READ COMMITTED, which waits for its row's lock and then moves it on; false
// when it failed. The change before it is committed whatever happens here, so nothing is
// thrown: the store would run the change again.
bool marked(PooledConnection& connection, const std::function<void(SqlSession&)>& mark) {
  try {
    run_in<pqxx::work>(connection, mark);
    return true;
  } catch (const std::exception&) {
    return false;
  }
}

}  // namespace

void PgDriver::run_transaction(Access access, const std::function<void(SqlSession&)>& body) {
  PooledConnection connection = borrow(*pool_);
  if (access == Access::write) {
    run_in<pqxx::transaction<pqxx::isolation_level::serializable>>(connection, body);
  } else {
    run_in<pqxx::read_transaction>(connection, body);
  }
}

void PgDriver::run_marked_write(const std::function<void(SqlSession&)>& body,
                                const std::function<void(SqlSession&)>& mark) {
  {
    PooledConnection connection = borrow(*pool_);
    run_in<pqxx::transaction<pqxx::isolation_level::serializable>>(connection, body);
    if (marked(connection, mark)) return;
  }
  // Once more on another connection (a broken one was dropped); after that, the next change
  // moves the counter on.
  if (auto again = pool_->acquire()) marked(*again, mark);
}

bool PgDriver::transient(const std::exception& e) const {
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) return false;  // it may have been saved
  if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr) return true;
  return dynamic_cast<const pqxx::serialization_failure*>(&e) != nullptr ||
         dynamic_cast<const pqxx::deadlock_detected*>(&e) != nullptr;
}

Error PgDriver::to_error(const std::exception& e, std::string_view doing) const {
  const std::string prefix = std::string(doing) + ": ";
  if (dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
    return Error{ErrorCode::storage_unavailable, prefix +
                                                     "the connection was lost while committing; the change may or "
                                                     "may not have been saved: " +
                                                     first_line(e.what())};
  }
  if (dynamic_cast<const pqxx::data_exception*>(&e) != nullptr) {
    // A data exception: the caller's values are wrong.
    return Error{ErrorCode::invalid_input, prefix + first_line(e.what())};
  }
  return Error{ErrorCode::storage_unavailable, prefix + first_line(e.what())};
}

std::unique_ptr<EpisodeLoad> PgDriver::begin_episode_load() { return std::make_unique<PgEpisodeLoad>(borrow(*pool_)); }

Result<std::unique_ptr<SqlDriver>> open_postgres_driver(std::string_view url,
                                                        std::span<const SchemaMigration> migrations,
                                                        const PostgresOptions& options) {
  auto pool = std::make_unique<PgConnectionPool>(std::string(url), options.max_connections);
  {
    CLINAUDIT_TRY(auto connection, pool->acquire());
    CLINAUDIT_TRY_VOID(migrate_postgres(*connection, migrations));
  }
  return std::unique_ptr<SqlDriver>(std::make_unique<PgDriver>(std::move(pool)));
}

Result<MigrationReport> migrate_postgres_database(std::string_view url, std::span<const SchemaMigration> migrations) {
  PgConnectionPool pool(std::string(url), 1);
  CLINAUDIT_TRY(auto connection, pool.acquire());
  return migrate_postgres(*connection, migrations);
}

}  // namespace clinaudit::storage::postgres
