#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/store.hpp"

namespace clinaudit::storage::sqlite {

// Streams one episode import into a SQLite transaction on a connection of its own (so
// readers of the store go on seeing the data as it was). One prepared INSERT is reused for
// every row; a row's covariate values are joined by the unit separator (U+001F) into one
// text column, in the order of the import's covariate names (stored once, in
// episode_imports). The write lock is held from construction to commit or destruction.
// Not thread-safe: one importing thread owns it.
class SqliteEpisodeWriter final : public domain::EpisodeWriter {
 public:
  // Opens the connection, begins the transaction and records the import. Throws
  // SQLite::Exception or StoreFailure (the store's begin_episodes() catches them).
  SqliteEpisodeWriter(const std::string& path, AuditId audit, std::vector<std::string> covariates, domain::Actor actor);
  ~SqliteEpisodeWriter() override;

  Result<void> append(const domain::EpisodeColumns& chunk) override;
  Result<std::int64_t> commit() override;

 private:
  void check_chunk(const domain::EpisodeColumns& chunk) const;
  void abandon();

  SQLite::Database db_;
  std::optional<SQLite::Transaction> transaction_;
  std::optional<SQLite::Statement> insert_;
  AuditId audit_;
  std::vector<std::string> covariates_;
  domain::Actor actor_;
  std::int64_t import_id_ = 0;
  std::int64_t rows_ = 0;
  std::vector<bool> known_provider_;  // indexed by organisation id
  std::string joined_;                // reused buffer for one row's covariates
  bool finished_ = false;             // committed, or abandoned after an error
};

}  // namespace clinaudit::storage::sqlite
