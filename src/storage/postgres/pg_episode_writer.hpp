#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/result.hpp"
#include "domain/store.hpp"
#include "storage/postgres/pg_connection_pool.hpp"

namespace clinaudit::storage::postgres {

// Streams one episode import into PostgreSQL with COPY (pqxx::stream_to) inside a single
// transaction on a connection borrowed from the pool for the whole import. Rows are checked
// before they are sent (column sizes, outcome 0/1, providers that exist, no unit separator
// in a covariate value); the first problem names its row (counted from 1 across chunks) and
// the import is then rolled back. Nothing is visible to readers until commit(). Not
// thread-safe: one caller drives it. The store's pool must outlive the writer.
class PgEpisodeWriter final : public domain::EpisodeWriter {
 public:
  // Starts the import: locks the audit row against deletion, records the import and opens
  // the COPY stream. Errors: not_found for an unknown audit; invalid_input for a repeated or
  // empty covariate name; storage_unavailable.
  static Result<std::unique_ptr<domain::EpisodeWriter>> begin(PgConnectionPool& pool, AuditId audit,
                                                              std::vector<std::string> covariates,
                                                              const domain::Actor& actor);
  ~PgEpisodeWriter() override;
  PgEpisodeWriter(const PgEpisodeWriter&) = delete;
  PgEpisodeWriter& operator=(const PgEpisodeWriter&) = delete;

  Result<void> append(const domain::EpisodeColumns& chunk) override;
  Result<std::int64_t> commit() override;

 private:
  PgEpisodeWriter(PooledConnection connection, AuditId audit, std::vector<std::string> covariates, domain::Actor actor);
  Result<void> check(const domain::EpisodeColumns& chunk) const;
  Error fail(Error error);

  // Destroyed in reverse order: the stream before the transaction before the connection.
  PooledConnection connection_;
  std::unique_ptr<pqxx::work> tx_;
  std::unique_ptr<pqxx::stream_to> stream_;
  AuditId audit_;
  std::vector<std::string> covariates_;
  domain::Actor actor_;
  std::int64_t import_id_ = 0;
  std::unordered_set<std::int64_t> organisations_;
  std::int64_t rows_ = 0;
  std::optional<Error> failed_;
};

}  // namespace clinaudit::storage::postgres
