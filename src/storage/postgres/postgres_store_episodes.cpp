// PostgresStore: patient-level episodes (written by PgEpisodeWriter, read here).
#include <nlohmann/json.hpp>

#include <map>
#include <string_view>
#include <utility>

#include "storage/postgres/pg_connection_pool.hpp"
#include "storage/postgres/pg_episode_writer.hpp"
#include "storage/postgres/pg_rows.hpp"
#include "storage/postgres/pg_transaction.hpp"
#include "storage/postgres/postgres_store.hpp"

namespace clinaudit::storage::postgres {

Result<std::unique_ptr<domain::EpisodeWriter>> PostgresStore::begin_episodes(AuditId audit,
                                                                             std::vector<std::string> covariates,
                                                                             const domain::Actor& actor) {
  return PgEpisodeWriter::begin(*pool_, audit, std::move(covariates), actor);
}

// Imports of one audit may name different covariates: the result carries every name in
// the order first imported, and a row whose import lacks a covariate holds "" for it.
Result<domain::EpisodeColumns> PostgresStore::episodes(AuditId audit, Date from, Date to) {
  return pg_read(*pool_, "reading episodes", [&](pqxx::transaction_base& tx) -> Result<domain::EpisodeColumns> {
    if (tx.exec_params("SELECT 1 FROM audits WHERE id = $1", audit.value).empty()) {
      return Error{ErrorCode::not_found, "reading episodes: audit " + std::to_string(audit.value) + " does not exist"};
    }
    domain::EpisodeColumns out;
    out.audit_id = audit;
    // import id -> the column of `out` that each of its covariates goes to
    std::map<std::int64_t, std::vector<std::size_t>> columns_of;
    for (const auto& row : tx.exec_params(
             "SELECT id, covariate_names::text FROM episode_imports WHERE audit_id = $1 ORDER BY id", audit.value)) {
      auto& columns = columns_of[row[0].as<std::int64_t>()];
      for (const auto& name : nlohmann::json::parse(row[1].c_str()).get<std::vector<std::string>>()) {
        std::size_t column = 0;
        while (column < out.covariate_names.size() && out.covariate_names[column] != name) ++column;
        if (column == out.covariate_names.size()) out.covariate_names.push_back(name);
        columns.push_back(column);
      }
    }
    out.covariate_values.resize(out.covariate_names.size());

    const auto rows = tx.exec_params(
        "SELECT import_id, provider_id, admission_day, outcome, covariates FROM episodes "
        "WHERE audit_id = $1 AND admission_day BETWEEN $2 AND $3 ORDER BY admission_day, id",
        audit.value, from.days_since_epoch(), to.days_since_epoch());
    const auto n = static_cast<std::size_t>(rows.size());
    out.provider.reserve(n);
    out.admission_date.reserve(n);
    out.outcome.reserve(n);
    for (auto& values : out.covariate_values) values.resize(n);
    std::size_t i = 0;
    for (const auto& row : rows) {
      out.provider.push_back(OrganisationId{row[1].as<std::int64_t>()});
      out.admission_date.push_back(Date::from_days(row[2].as<std::int64_t>()));
      out.outcome.push_back(static_cast<std::uint8_t>(row[3].as<int>()));
      const auto& columns = columns_of[row[0].as<std::int64_t>()];
      std::string_view rest(row[4].c_str(), row[4].size());
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const auto end = rest.find('\x1f');
        out.covariate_values[columns[c]][i] = std::string(rest.substr(0, end));
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
      }
      ++i;
    }
    return out;
  });
}

}  // namespace clinaudit::storage::postgres
