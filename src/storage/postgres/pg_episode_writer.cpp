#include "storage/postgres/pg_episode_writer.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <tuple>
#include <utility>

#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"

namespace clinaudit::storage::postgres {
namespace {

constexpr char kUnitSeparator = '\x1f';
const std::vector<std::string> kColumns{"audit_id",      "import_id", "provider_id",
                                        "admission_day", "outcome",   "covariates"};

}  // namespace

PgEpisodeWriter::PgEpisodeWriter(PooledConnection connection, AuditId audit, std::vector<std::string> covariates,
                                 domain::Actor actor)
    : connection_(std::move(connection)), audit_(audit), covariates_(std::move(covariates)), actor_(std::move(actor)) {}

PgEpisodeWriter::~PgEpisodeWriter() {
  // Rolls back an import that was not committed. Closing the stream can fail when the
  // connection broke; the connection is then dropped instead of going back to the pool.
  try {
    if (stream_) stream_->complete();
  } catch (const std::exception&) {
    connection_.discard();
  }
  stream_.reset();
  tx_.reset();
}

Result<std::unique_ptr<domain::EpisodeWriter>> PgEpisodeWriter::begin(PgConnectionPool& pool, AuditId audit,
                                                                      std::vector<std::string> covariates,
                                                                      const domain::Actor& actor) {
  std::set<std::string> seen;
  for (const auto& name : covariates) {
    if (name.empty() || !seen.insert(name).second || name.find(kUnitSeparator) != std::string::npos) {
      return Error{ErrorCode::invalid_input, "importing episodes: covariate name \"" + name +
                                                 "\" is empty, repeated or contains a control character"};
    }
  }
  auto connection = pool.acquire();
  if (!connection) return connection.error();
  std::unique_ptr<PgEpisodeWriter> writer(
      new PgEpisodeWriter(std::move(*connection), audit, std::move(covariates), actor));
  try {
    writer->tx_ = std::make_unique<pqxx::work>(*writer->connection_);
    auto& tx = *writer->tx_;
    // FOR KEY SHARE keeps the audit from being deleted while its episodes stream in
    // (the episodes table has no per-row foreign keys, for speed).
    if (tx.exec_params("SELECT 1 FROM audits WHERE id = $1 FOR KEY SHARE", audit.value).empty()) {
      return Error{ErrorCode::not_found,
                   "importing episodes: audit " + std::to_string(audit.value) + " does not exist"};
    }
    for (const auto& row : tx.exec("SELECT id FROM organisations")) {
      writer->organisations_.insert(row[0].as<std::int64_t>());
    }
    writer->import_id_ =
        tx.exec_params1(
              "INSERT INTO episode_imports (audit_id, covariate_names, actor) "
              "VALUES ($1, $2::jsonb, $3) RETURNING id",
              audit.value,
              nlohmann::json(writer->covariates_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
              actor.name)[0]
            .as<std::int64_t>();
    writer->stream_ = std::make_unique<pqxx::stream_to>(tx, "episodes", kColumns);
  } catch (const std::exception& e) {
    writer->stream_.reset();
    writer->tx_.reset();
    writer->connection_.discard();
    return to_error(e, "importing episodes", "audit " + std::to_string(audit.value));
  }
  return std::unique_ptr<domain::EpisodeWriter>(std::move(writer));
}

Error PgEpisodeWriter::fail(Error error) {
  failed_ = error;
  return error;
}

Result<void> PgEpisodeWriter::check(const domain::EpisodeColumns& chunk) const {
  const auto n = chunk.size();
  if (chunk.audit_id.valid() && chunk.audit_id != audit_) {
    return Error{ErrorCode::invalid_input, "importing episodes: a chunk of audit " +
                                               std::to_string(chunk.audit_id.value) +
                                               " was given to the import of audit " + std::to_string(audit_.value)};
  }
  if (chunk.provider.size() != n || chunk.admission_date.size() != n ||
      chunk.covariate_values.size() != covariates_.size()) {
    return Error{ErrorCode::invalid_input, "importing episodes: the chunk's columns differ in length or it has " +
                                               std::to_string(chunk.covariate_values.size()) +
                                               " covariate columns where the import has " +
                                               std::to_string(covariates_.size())};
  }
  if (!chunk.covariate_names.empty() && chunk.covariate_names != covariates_) {
    return Error{ErrorCode::invalid_input, "importing episodes: the chunk names other covariates than the import"};
  }
  for (std::size_t c = 0; c < covariates_.size(); ++c) {
    if (chunk.covariate_values[c].size() != n) {
      return Error{ErrorCode::invalid_input, "importing episodes: covariate " + covariates_[c] + " has " +
                                                 std::to_string(chunk.covariate_values[c].size()) + " values for " +
                                                 std::to_string(n) + " rows"};
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = std::to_string(rows_ + static_cast<std::int64_t>(i) + 1);
    if (chunk.outcome[i] > 1) {
      return Error{ErrorCode::invalid_input, "importing episodes: row " + row + ": outcome " +
                                                 std::to_string(chunk.outcome[i]) + " is not 0 or 1"};
    }
    if (organisations_.count(chunk.provider[i].value) == 0) {
      return Error{ErrorCode::not_found, "importing episodes: row " + row + ": organisation " +
                                             std::to_string(chunk.provider[i].value) + " does not exist"};
    }
    for (std::size_t c = 0; c < covariates_.size(); ++c) {
      if (chunk.covariate_values[c][i].find(kUnitSeparator) != std::string::npos) {
        return Error{ErrorCode::invalid_input, "importing episodes: row " + row + ": the value of " + covariates_[c] +
                                                   " contains the unit separator character (U+001F)"};
      }
    }
  }
  return {};
}

Result<void> PgEpisodeWriter::append(const domain::EpisodeColumns& chunk) {
  if (failed_) return Error{failed_->code, "importing episodes: abandoned after an earlier error: " + failed_->message};
  if (!stream_) return fail(Error{ErrorCode::invalid_input, "importing episodes: the import was already committed"});
  if (auto ok = check(chunk); !ok) return fail(ok.error());
  try {
    std::string covariates;
    for (std::size_t i = 0; i < chunk.size(); ++i) {
      covariates.clear();
      for (std::size_t c = 0; c < covariates_.size(); ++c) {
        if (c > 0) covariates += kUnitSeparator;
        covariates += chunk.covariate_values[c][i];
      }
      *stream_ << std::make_tuple(audit_.value, import_id_, chunk.provider[i].value,
                                  chunk.admission_date[i].days_since_epoch(), static_cast<int>(chunk.outcome[i]),
                                  covariates);
    }
    rows_ += static_cast<std::int64_t>(chunk.size());
    return {};
  } catch (const std::exception& e) {
    return fail(to_error(e, "importing episodes", "audit " + std::to_string(audit_.value)));
  }
}

Result<std::int64_t> PgEpisodeWriter::commit() {
  if (failed_) return Error{failed_->code, "importing episodes: abandoned after an earlier error: " + failed_->message};
  if (!stream_) return fail(Error{ErrorCode::invalid_input, "importing episodes: the import was already committed"});
  try {
    stream_->complete();
    stream_.reset();
    tx_->exec_params("UPDATE episode_imports SET row_count = $2 WHERE id = $1", import_id_, rows_);
    const nlohmann::json after{
        {"import_id", import_id_}, {"audit_id", audit_.value}, {"rows", rows_}, {"covariates", covariates_}};
    append_audit_log(*tx_, actor_, "import", "episodes", std::to_string(import_id_), "",
                     after.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    tx_->commit();
    tx_.reset();
    return rows_;
  } catch (const std::exception& e) {
    stream_.reset();
    if (dynamic_cast<const pqxx::broken_connection*>(&e) != nullptr ||
        dynamic_cast<const pqxx::in_doubt_error*>(&e) != nullptr) {
      connection_.discard();
    }
    return fail(to_error(e, "importing episodes", "audit " + std::to_string(audit_.value)));
  }
}

}  // namespace clinaudit::storage::postgres
