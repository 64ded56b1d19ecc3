// Patient-level episodes in the SQL store: the import, streamed through the driver's bulk
// path (EpisodeLoad), and the columnar read.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "domain/entity_checks.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {
namespace {

constexpr char kUnitSeparator = '\x1f';

// One import: checks every row before the driver loads it, so that the first problem
// names its row (counted from 1 across chunks); after an error it only rolls back.
// A row's covariate values are joined by the unit separator, in the order of the import's
// covariate names (stored once, in episode_imports).
class SqlEpisodeWriter final : public domain::EpisodeWriter {
 public:
  SqlEpisodeWriter(SqlDriver& driver, std::unique_ptr<EpisodeLoad> load, AuditId audit,
                   std::vector<std::string> covariates, domain::Actor actor)
      : driver_(driver),
        load_(std::move(load)),
        audit_(audit),
        covariates_(std::move(covariates)),
        actor_(std::move(actor)) {
    SqlSession& session = load_->session();
    require_row(session, "audits", audit_.value, "episode import: audit");
    // Provider ids are checked here, not by a foreign key, so that the error names the row.
    each_row(session, "SELECT id FROM organisations",
             [&](const SqlRow& row) { providers_.emplace(row.int64(0), true); });
    import_id_ = insert(session,
                        "INSERT INTO episode_imports (audit_id, covariate_names, imported_at, actor) "
                        "VALUES (?, ?, ?, ?) RETURNING id",
                        audit_, SqlJson{json_text(nlohmann::json(covariates_))}, utc_now_iso(), actor_.name);
    load_->begin_rows();
  }

  Result<void> append(const domain::EpisodeColumns& chunk) override {
    return guarded("importing episodes", [&] {
      check(chunk);
      for (std::size_t row = 0; row < chunk.size(); ++row) {
        joined_.clear();
        for (std::size_t c = 0; c < covariates_.size(); ++c) {
          if (c > 0) joined_ += kUnitSeparator;
          joined_ += chunk.covariate_values[c][row];
        }
        load_->write_row(audit_.value, import_id_, chunk.provider[row].value,
                         chunk.admission_date[row].days_since_epoch(), chunk.outcome[row], joined_);
      }
      rows_ += static_cast<std::int64_t>(chunk.size());
    });
  }

  Result<std::int64_t> commit() override {
    return guarded("committing the episode import", [&] {
      load_->end_rows();
      SqlSession& session = load_->session();
      execute(session, "UPDATE episode_imports SET row_count = ? WHERE id = ?", rows_, import_id_);
      const nlohmann::json after{
          {"audit_id", audit_.value}, {"import_id", import_id_}, {"rows", rows_}, {"covariates", covariates_}};
      append_audit_log(session, actor_, "import", "episodes", std::to_string(import_id_), nullptr, &after);
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
    if (!chunk.covariate_names.empty() && chunk.covariate_names != covariates_) {
      fail(ErrorCode::invalid_input, "episode chunk names different covariates from the import it belongs to");
    }
    bool same_lengths = chunk.provider.size() == rows && chunk.admission_date.size() == rows &&
                        chunk.covariate_values.size() == covariates_.size();
    for (const auto& column : chunk.covariate_values) same_lengths = same_lengths && column.size() == rows;
    if (!same_lengths) fail(ErrorCode::invalid_input, "episode chunk columns have different lengths");
    for (std::size_t row = 0; row < rows; ++row) {
      const std::string where = "episode row " + std::to_string(rows_ + static_cast<std::int64_t>(row) + 1) + ": ";
      if (chunk.outcome[row] > 1) {
        fail(ErrorCode::invalid_input, where + "outcome must be 0 or 1, not " + std::to_string(chunk.outcome[row]));
      }
      const std::int64_t provider = chunk.provider[row].value;
      if (!providers_.contains(provider)) {
        fail(ErrorCode::not_found, where + "provider organisation id " + std::to_string(provider) + " does not exist");
      }
      for (std::size_t c = 0; c < covariates_.size(); ++c) {
        if (chunk.covariate_values[c][row].find(kUnitSeparator) != std::string::npos) {
          fail(ErrorCode::invalid_input, where + "covariate '" + covariates_[c] + "': value holds a control character");
        }
      }
    }
  }

  SqlDriver& driver_;
  std::unique_ptr<EpisodeLoad> load_;  // empty once committed or abandoned
  AuditId audit_;
  std::vector<std::string> covariates_;
  domain::Actor actor_;
  std::int64_t import_id_ = 0;
  std::int64_t rows_ = 0;
  std::unordered_map<std::int64_t, bool> providers_;
  std::string joined_;  // reused buffer for one row's covariates
};

// Splits one row's joined covariates into the columns `positions` names (position in the
// result's covariate_names, per position in the import's own list).
void split_covariates(const std::string& joined, const std::vector<std::size_t>& positions,
                      std::vector<std::vector<std::string>>& columns, std::size_t row) {
  std::size_t start = 0;
  for (const std::size_t position : positions) {
    std::size_t end = joined.find(kUnitSeparator, start);
    if (end == std::string::npos) end = joined.size();
    if (start < joined.size()) columns[position][row].assign(joined, start, end - start);
    start = end + 1;
  }
}

}  // namespace

Result<std::unique_ptr<domain::EpisodeWriter>> SqlStore::begin_episodes(AuditId audit,
                                                                        std::vector<std::string> covariates,
                                                                        const domain::Actor& actor) {
  CLINAUDIT_TRY_VOID(domain::check_covariate_names(covariates));
  try {
    return std::unique_ptr<domain::EpisodeWriter>(std::make_unique<SqlEpisodeWriter>(
        *driver_, driver_->begin_episode_load(), audit, std::move(covariates), actor));
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
    // Imports may name different covariates: the result has their union, in order of first
    // appearance, and an empty value where an import lacked one.
    std::unordered_map<std::int64_t, std::vector<std::size_t>> positions_of_import;
    each_row(
        session, "SELECT id, covariate_names FROM episode_imports WHERE audit_id = ? ORDER BY id",
        [&](const SqlRow& row) {
          std::vector<std::size_t> positions;
          for (const auto& name : nlohmann::json::parse(row.text(1)).get<std::vector<std::string>>()) {
            std::size_t position = 0;
            while (position < columns.covariate_names.size() && columns.covariate_names[position] != name) ++position;
            if (position == columns.covariate_names.size()) columns.covariate_names.push_back(name);
            positions.push_back(position);
          }
          positions_of_import.emplace(row.int64(0), std::move(positions));
        },
        audit);
    columns.covariate_values.resize(columns.covariate_names.size());
    std::size_t row_number = 0;
    each_row(
        session,
        "SELECT import_id, provider_id, admission_day, outcome, covariates FROM episodes "
        "WHERE audit_id = ? AND admission_day BETWEEN ? AND ? ORDER BY admission_day, id",
        [&](const SqlRow& row) {
          columns.provider.push_back(OrganisationId{row.int64(1)});
          columns.admission_date.push_back(Date::from_days(row.int64(2)));
          columns.outcome.push_back(static_cast<std::uint8_t>(row.int64(3)));
          for (auto& column : columns.covariate_values) column.emplace_back();
          const auto found = positions_of_import.find(row.int64(0));
          if (found != positions_of_import.end()) {
            split_covariates(row.text(4), found->second, columns.covariate_values, row_number);
          }
          ++row_number;
        },
        audit, from.days_since_epoch(), to.days_since_epoch());
    return columns;
  });
}

}  // namespace clinaudit::storage
