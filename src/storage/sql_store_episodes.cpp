// Patient-level episodes in the SQL store: the import, streamed through the driver's bulk
// path (EpisodeLoad) in blocks of a thousand (storage/episode_blocks.hpp), and the columnar
// read. Each episode's dataset values are one JSON list in the order of its import's columns
// (earlier versions wrote an object with the names; both are read; storage/episode_data.hpp),
// checked against the audit's dataset before they go.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <optional>
#include <unordered_map>

#include "domain/entity_checks.hpp"
#include "storage/dataset_rows.hpp"
#include "storage/episode_blocks.hpp"
#include "storage/episode_data.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

// One import: checks every row before the driver loads it, so that the first problem
// names its row (counted from 1 across chunks) and column; after an error it only rolls
// back. The import's columns are stored once, in episode_imports.column_names.
class SqlEpisodeWriter final : public domain::EpisodeWriter {
 public:
  SqlEpisodeWriter(SqlDriver& driver, std::unique_ptr<EpisodeLoad> load, AuditId audit,
                   std::vector<std::string> columns, domain::Actor actor)
      : driver_(driver), load_(std::move(load)), audit_(audit), names_(std::move(columns)), actor_(std::move(actor)) {
    SqlSession& session = load_->session();
    require_row(session, "audits", audit_.value, "episode import: audit");
    dataset_ = read_dataset(session, audit_);
    if (dataset_.columns.empty()) {
      fail(ErrorCode::invalid_input, "the audit has no dataset: declare its columns before importing episodes");
    }
    for (const auto& name : names_) {
      const auto* column = dataset_.column(name);
      if (column == nullptr) fail(ErrorCode::invalid_input, "column '" + name + "' is not in the audit's dataset");
      for (const auto* seen : declared_) {
        if (seen->name == name) fail(ErrorCode::invalid_input, "column '" + name + "' is given twice");
      }
      declared_.push_back(column);
    }
    for (const auto& column : dataset_.columns) {
      if (column.required && std::find(names_.begin(), names_.end(), column.name) == names_.end()) {
        fail(ErrorCode::invalid_input, "the required column '" + column.name + "' is missing");
      }
    }
    // Provider ids are checked here, not by a foreign key, so that the error names the row.
    each_row(session, "SELECT id FROM organisations",
             [&](const SqlRow& row) { providers_.emplace(row.int64(0), true); });
    import_id_ = insert(session,
                        "INSERT INTO episode_imports (audit_id, column_names, imported_at, actor) "
                        "VALUES (?, ?, ?, ?) RETURNING id",
                        audit_, SqlJson{json_text(nlohmann::json(names_))}, utc_now_iso(), actor_.name);
    load_->begin_rows();
  }

  Result<void> append(const domain::EpisodeColumns& chunk) override {
    return guarded("importing episodes", [&] {
      check(chunk);
      for (std::size_t row = 0; row < chunk.size(); ++row) {
        block_.add(chunk, row);
        if (block_.full()) write_block();
      }
      rows_ += static_cast<std::int64_t>(chunk.size());
    });
  }

  Result<std::int64_t> commit() override {
    return guarded("committing the episode import", [&] {
      if (block_.count() > 0) write_block();
      load_->end_rows();
      SqlSession& session = load_->session();
      execute(session, "UPDATE episode_imports SET row_count = ? WHERE id = ?", rows_, import_id_);
      const nlohmann::json after{
          {"audit_id", audit_.value}, {"import_id", import_id_}, {"rows", rows_}, {"columns", names_}};
      append_audit_log(session, actor_, "import", "episodes", std::to_string(import_id_), nullptr, &after);
      move_data_version_on(session);
      load_->commit();
      load_.reset();
      return rows_;
    });
  }

 private:
  template <typename Body>
  auto guarded(std::string_view doing, Body&& body) -> Result<std::invoke_result_t<Body&>> {
    if (!load_) return Error{ErrorCode::invalid_input, "this episode import has already finished"};
    try {
      if constexpr (std::is_void_v<std::invoke_result_t<Body&>>) {
        body();
        return {};
      } else {
        return body();
      }
    } catch (const StoreFailure& failure) {
      load_.reset();  // rolls back now, releasing the database
      return failure.error;
    } catch (const ConstraintViolation& violation) {
      load_.reset();
      return Error{ErrorCode::invalid_input, std::string(doing) + ": " + violation.detail};
    } catch (const std::exception& e) {
      load_.reset();
      return driver_.to_error(e, doing);
    }
  }

  void check(const domain::EpisodeColumns& chunk) const {
    const std::size_t rows = chunk.size();
    if (chunk.audit_id.valid() && chunk.audit_id != audit_) {
      fail(ErrorCode::invalid_input, "episode chunk is for audit id " + std::to_string(chunk.audit_id.value) +
                                         ", but this import is for audit id " + std::to_string(audit_.value));
    }
    bool same_columns = chunk.columns.size() == declared_.size();
    for (std::size_t c = 0; same_columns && c < declared_.size(); ++c) {
      same_columns = chunk.columns[c].name == declared_[c]->name && chunk.columns[c].type == declared_[c]->type;
    }
    if (!same_columns) fail(ErrorCode::invalid_input, "episode chunk holds other columns than its import declared");
    bool same_lengths = chunk.admission_date.size() == rows;
    for (const auto& column : chunk.columns) same_lengths = same_lengths && column.size() == rows;
    if (!same_lengths) fail(ErrorCode::invalid_input, "episode chunk columns have different lengths");
    // Column by column, each down to the first problem found so far; then the first problem
    // in row order is named, its provider before its values.
    std::size_t first_problem = rows;
    std::int64_t known = 0;  // a provider already found: files come in runs of one provider
    bool any_known = false;
    for (std::size_t row = 0; row < first_problem; ++row) {
      const std::int64_t provider = chunk.provider[row].value;
      if (any_known && provider == known) continue;
      if (!providers_.contains(provider)) {
        first_problem = row;
        break;
      }
      known = provider;
      any_known = true;
    }
    for (std::size_t c = 0; c < declared_.size(); ++c) {
      const auto& declared = *declared_[c];
      const auto& column = chunk.columns[c];
      for (std::size_t row = 0; row < first_problem; ++row) {
        if (problem_with(declared, column, row)) {
          first_problem = row;
          break;
        }
      }
    }
    if (first_problem == rows) return;
    const std::int64_t provider = chunk.provider[first_problem].value;
    if (!providers_.contains(provider)) {
      fail(ErrorCode::not_found,
           where(first_problem) + "provider organisation id " + std::to_string(provider) + " does not exist");
    }
    for (std::size_t c = 0; c < declared_.size(); ++c) {
      if (const auto problem = problem_with(*declared_[c], chunk.columns[c], first_problem)) {
        fail(ErrorCode::invalid_input, where(first_problem) + "column '" + declared_[c]->name + "': " + *problem);
      }
    }
  }

  // What is wrong with the row's value of `column` for the dataset's `declared` column; none
  // when it fits (no text is made then). The store's one statement of a value's rules.
  static std::optional<std::string> problem_with(const domain::DatasetColumn& declared,
                                                 const domain::EpisodeColumn& column, std::size_t row) {
    const double number = column.holds_text() ? 0 : column.numbers[row];  // read once: a column may be compact
    if (column.holds_text() ? column.texts[row].empty() : std::isnan(number)) {
      if (declared.required) return "a value is required";
      return std::nullopt;
    }
    Result<void> kept;
    switch (declared.type) {
      case domain::ValueType::number:
        if (!std::isfinite(number)) return "the value is not a finite number";
        kept = domain::check_value(declared, number);
        break;
      case domain::ValueType::yes_no:
        if (number != 0 && number != 1) return "a yes/no value is 1 (yes) or 0 (no)";
        break;
      case domain::ValueType::date:
        if (number != std::floor(number)) return "a date is a whole day number";
        break;
      case domain::ValueType::category: kept = domain::check_value(declared, column.texts[row]); break;
    }
    if (!kept) return kept.error().message;
    return std::nullopt;
  }

  void write_block() {
    load_->write_block(audit_.value, import_id_, block_.first_day(), block_.last_day(),
                       static_cast<std::int64_t>(block_.count()), block_.text());
    block_.clear();
  }

  std::string where(std::size_t row) const {
    return "episode row " + std::to_string(rows_ + static_cast<std::int64_t>(row) + 1) + ": ";
  }

  SqlDriver& driver_;
  std::unique_ptr<EpisodeLoad> load_;  // empty once committed or abandoned
  AuditId audit_;
  std::vector<std::string> names_;
  domain::Actor actor_;
  domain::Dataset dataset_;
  std::vector<const domain::DatasetColumn*> declared_;  // into dataset_, in names_' order
  std::int64_t import_id_ = 0;
  std::int64_t rows_ = 0;
  std::unordered_map<std::int64_t, bool> providers_;
  EpisodeBlock block_;  // the episodes not yet written
};

}  // namespace

Result<std::unique_ptr<domain::EpisodeWriter>> SqlStore::begin_episodes(AuditId audit, std::vector<std::string> columns,
                                                                        const domain::Actor& actor) {
  try {
    return std::unique_ptr<domain::EpisodeWriter>(
        std::make_unique<SqlEpisodeWriter>(*driver_, driver_->begin_episode_load(), audit, std::move(columns), actor));
  } catch (const StoreFailure& failure) {
    return failure.error;
  } catch (const ConstraintViolation& violation) {
    return Error{ErrorCode::invalid_input, "starting an episode import: " + violation.detail};
  } catch (const std::exception& e) {
    return driver_->to_error(e, "starting an episode import");
  }
}

Result<domain::EpisodeColumns> SqlStore::episodes(AuditId audit, Date from, Date to) {
  return read("reading episodes", [&](SqlSession& session) {
    domain::EpisodeColumns columns;
    columns.audit_id = audit;
    for (const auto& declared : read_dataset(session, audit).columns) {
      columns.columns.push_back(domain::EpisodeColumn{declared.name, declared.type, {}, {}});
    }
    const std::int64_t from_day = from.days_since_epoch();
    const std::int64_t to_day = to.days_since_epoch();
    EpisodeBlockReader blocks(columns, from_day, to_day);
    // Episodes stored as lists of values name their columns once, in their import.
    each_row(
        session, "SELECT id, column_names FROM episode_imports WHERE audit_id = ?",
        [&](const SqlRow& row) {
          blocks.add_import(row.int64(0), nlohmann::json::parse(row.text(1)).get<std::vector<std::string>>());
        },
        audit);
    // Room for the episodes of the blocks wholly within the period, which are all read (all of
    // them, for a year of a national audit): never more than is read, however short the period.
    each_row(
        session,
        "SELECT COALESCE(SUM(episodes), 0) FROM episode_blocks WHERE audit_id = ? AND first_day >= ? AND last_day <= ?",
        [&](const SqlRow& row) { blocks.reserve(static_cast<std::size_t>(row.int64(0))); }, audit, from_day, to_day);
    std::string problem;
    each_row_of_many(
        session,
        "SELECT id, import_id, data FROM episode_blocks "
        "WHERE audit_id = ? AND first_day <= ? AND last_day >= ? ORDER BY id",
        [&](const SqlRow& row) {
          if (!blocks.add(row.int64(0), row.int64(1), row.text(2), problem)) fail(ErrorCode::internal, problem);
        },
        audit, to_day, from_day);
    // The blocks come in the order imported; the analyses read episodes by date, then as imported.
    if (!blocks.finish(columns, problem)) fail(ErrorCode::internal, problem);
    return columns;
  });
}

}  // namespace clinaudit::storage
