// Patient-level episodes in the SQLite store: the streaming writer and the columnar read.
#include <SQLiteCpp/Statement.h>

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "storage/sqlite/sqlite_episode_writer.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_support.hpp"

namespace clinaudit::storage::sqlite {
namespace {

constexpr char kUnitSeparator = '\x1f';

// Splits one row's joined covariates into the columns `positions` names (position in the
// result's covariate_names, per position in the import's own list).
void split_covariates(const std::string& joined, const std::vector<std::size_t>& positions,
                      std::vector<std::vector<std::string>>& columns, std::size_t row) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    std::size_t end = joined.find(kUnitSeparator, start);
    if (end == std::string::npos) end = joined.size();
    columns[positions[i]][row].assign(joined, start, end - start);
    start = end + 1;
  }
}

}  // namespace

Result<std::unique_ptr<domain::EpisodeWriter>> SqliteStore::begin_episodes(AuditId audit,
                                                                           std::vector<std::string> covariates,
                                                                           const domain::Actor& actor) {
  return guarded("starting an episode import", [&]() -> std::unique_ptr<domain::EpisodeWriter> {
    return std::make_unique<SqliteEpisodeWriter>(path_, audit, std::move(covariates), actor);
  });
}

Result<domain::EpisodeColumns> SqliteStore::episodes(AuditId audit, Date from, Date to) {
  return guarded("reading episodes", [&] {
    const std::scoped_lock lock(mutex_);
    domain::EpisodeColumns columns;
    columns.audit_id = audit;
    // Imports may name different covariates: the result has their union, in order of first
    // appearance, and an empty value where an import lacked one.
    std::unordered_map<std::int64_t, std::vector<std::size_t>> positions_of_import;
    SQLite::Statement imports(db_, "SELECT id, covariate_names FROM episode_imports WHERE audit_id = ? ORDER BY id");
    imports.bind(1, audit.value);
    while (imports.executeStep()) {
      auto names = nlohmann::json::parse(imports.getColumn(1).getString()).get<std::vector<std::string>>();
      std::vector<std::size_t> positions;
      for (const auto& name : names) {
        std::size_t position = 0;
        while (position < columns.covariate_names.size() && columns.covariate_names[position] != name) ++position;
        if (position == columns.covariate_names.size()) columns.covariate_names.push_back(name);
        positions.push_back(position);
      }
      positions_of_import.emplace(imports.getColumn(0).getInt64(), std::move(positions));
    }
    columns.covariate_values.resize(columns.covariate_names.size());

    SQLite::Statement query(db_,
                            "SELECT import_id, provider_id, admission_day, outcome, covariates FROM episodes "
                            "WHERE audit_id = ? AND admission_day BETWEEN ? AND ? ORDER BY admission_day, id");
    query.bind(1, audit.value);
    query.bind(2, from.days_since_epoch());
    query.bind(3, to.days_since_epoch());
    std::size_t row = 0;
    while (query.executeStep()) {
      columns.provider.push_back(OrganisationId{query.getColumn(1).getInt64()});
      columns.admission_date.push_back(Date::from_days(query.getColumn(2).getInt64()));
      columns.outcome.push_back(static_cast<std::uint8_t>(query.getColumn(3).getInt()));
      for (auto& column : columns.covariate_values) column.emplace_back();
      const auto found = positions_of_import.find(query.getColumn(0).getInt64());
      if (found != positions_of_import.end()) {
        split_covariates(query.getColumn(4).getString(), found->second, columns.covariate_values, row);
      }
      ++row;
    }
    return columns;
  });
}

}  // namespace clinaudit::storage::sqlite
