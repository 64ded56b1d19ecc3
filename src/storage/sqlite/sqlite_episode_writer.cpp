#include "storage/sqlite/sqlite_episode_writer.hpp"

#include <nlohmann/json.hpp>

#include "storage/sqlite/sqlite_connection.hpp"
#include "storage/sqlite/sqlite_record_json.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr char kUnitSeparator = '\x1f';

}  // namespace

SqliteEpisodeWriter::SqliteEpisodeWriter(const std::string& path, AuditId audit, std::vector<std::string> covariates,
                                         domain::Actor actor)
    : db_(open_sqlite_connection(path)), audit_(audit), covariates_(std::move(covariates)), actor_(std::move(actor)) {
  for (const auto& name : covariates_) {
    if (name.empty()) fail(ErrorCode::invalid_input, "a covariate needs a name");
    if (name.find(kUnitSeparator) != std::string::npos) {
      fail(ErrorCode::invalid_input, "covariate name '" + name + "' holds a control character");
    }
  }
  transaction_.emplace(db_, SQLite::TransactionBehavior::IMMEDIATE);
  require_row(db_, "audits", audit_.value, "episode import: audit");
  // Provider ids are checked here, not by the foreign key, so that the error names the row.
  SQLite::Statement providers(db_, "SELECT id FROM organisations");
  while (providers.executeStep()) {
    const auto id = static_cast<std::size_t>(providers.getColumn(0).getInt64());
    if (id >= known_provider_.size()) known_provider_.resize(id + 1, false);
    known_provider_[id] = true;
  }
  SQLite::Statement record(db_,
                           "INSERT INTO episode_imports (audit_id, covariate_names, imported_at, actor) "
                           "VALUES (?, ?, ?, ?)");
  record.bind(1, audit_.value);
  record.bind(2, nlohmann::json(covariates_).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  record.bind(3, utc_now_iso());
  record.bind(4, actor_.name);
  record.exec();
  import_id_ = db_.getLastInsertRowid();
  insert_.emplace(db_,
                  "INSERT INTO episodes (audit_id, import_id, provider_id, admission_day, outcome, covariates) "
                  "VALUES (?, ?, ?, ?, ?, ?)");
  insert_->bind(1, audit_.value);
  insert_->bind(2, import_id_);
}

SqliteEpisodeWriter::~SqliteEpisodeWriter() = default;  // an open transaction rolls back

void SqliteEpisodeWriter::abandon() {
  finished_ = true;
  insert_.reset();
  transaction_.reset();  // rolls back now, releasing the write lock
}

void SqliteEpisodeWriter::check_chunk(const domain::EpisodeColumns& chunk) const {
  const std::size_t rows = chunk.size();
  if (chunk.audit_id.valid() && chunk.audit_id != audit_) {
    fail(ErrorCode::invalid_input, "episode chunk is for audit id " + std::to_string(chunk.audit_id.value) +
                                       ", but this import is for audit id " + std::to_string(audit_.value));
  }
  if (!chunk.covariate_names.empty() && chunk.covariate_names != covariates_) {
    fail(ErrorCode::invalid_input, "episode chunk names different covariates from the import it belongs to");
  }
  if (chunk.provider.size() != rows || chunk.admission_date.size() != rows ||
      chunk.covariate_values.size() != covariates_.size()) {
    fail(ErrorCode::invalid_input, "episode chunk columns have different lengths");
  }
  for (const auto& column : chunk.covariate_values) {
    if (column.size() != rows) fail(ErrorCode::invalid_input, "episode chunk columns have different lengths");
  }
  for (std::size_t row = 0; row < rows; ++row) {
    const std::string where = "episode row " + std::to_string(rows_ + static_cast<std::int64_t>(row) + 1) + ": ";
    if (chunk.outcome[row] > 1) {
      fail(ErrorCode::invalid_input, where + "outcome must be 0 or 1, not " + std::to_string(chunk.outcome[row]));
    }
    const std::int64_t provider = chunk.provider[row].value;
    if (provider <= 0 || static_cast<std::size_t>(provider) >= known_provider_.size() ||
        !known_provider_[static_cast<std::size_t>(provider)]) {
      fail(ErrorCode::not_found, where + "provider organisation id " + std::to_string(provider) + " does not exist");
    }
  }
}

Result<void> SqliteEpisodeWriter::append(const domain::EpisodeColumns& chunk) {
  if (finished_) return Error{ErrorCode::invalid_input, "this episode import has already finished"};
  auto result = guarded("importing episodes", [&] {
    check_chunk(chunk);
    for (std::size_t row = 0; row < chunk.size(); ++row) {
      joined_.clear();
      for (std::size_t c = 0; c < covariates_.size(); ++c) {
        const std::string& value = chunk.covariate_values[c][row];
        if (value.find(kUnitSeparator) != std::string::npos) {
          fail(ErrorCode::invalid_input, "episode row " + std::to_string(rows_ + 1) + ", covariate '" + covariates_[c] +
                                             "': value holds a control character");
        }
        if (c > 0) joined_ += kUnitSeparator;
        joined_ += value;
      }
      insert_->bind(3, chunk.provider[row].value);
      insert_->bind(4, chunk.admission_date[row].days_since_epoch());
      insert_->bind(5, static_cast<int>(chunk.outcome[row]));
      insert_->bindNoCopy(6, joined_);  // joined_ outlives the step below
      insert_->exec();
      insert_->reset();
      ++rows_;
    }
  });
  if (!result) abandon();
  return result;
}

Result<std::int64_t> SqliteEpisodeWriter::commit() {
  if (finished_) return Error{ErrorCode::invalid_input, "this episode import has already finished"};
  auto result = guarded("committing the episode import", [&] {
    SQLite::Statement count(db_, "UPDATE episode_imports SET row_count = ? WHERE id = ?");
    count.bind(1, rows_);
    count.bind(2, import_id_);
    count.exec();
    const nlohmann::json after{
        {"audit_id", audit_.value}, {"import_id", import_id_}, {"rows", rows_}, {"covariates", covariates_}};
    append_audit_log(db_, actor_, "import", "episodes", std::to_string(import_id_), nullptr, &after);
    insert_.reset();
    transaction_->commit();
    finished_ = true;
    return rows_;
  });
  if (!result) abandon();
  return result;
}

}  // namespace clinaudit::storage::sqlite
