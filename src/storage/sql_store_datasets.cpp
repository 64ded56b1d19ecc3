// Audit datasets in the SQL store: the declaration of a national audit's patient-level
// columns (dataset_columns), replaced whole, never so as to strand stored episodes.
#include <nlohmann/json.hpp>

#include "domain/entity_checks.hpp"
#include "storage/dataset_rows.hpp"
#include "storage/record_json.hpp"
#include "storage/sql_rows.hpp"
#include "storage/sql_store.hpp"

namespace clinaudit::storage {

domain::Dataset read_dataset(SqlSession& session, AuditId audit) {
  domain::Dataset dataset;
  dataset.audit_id = audit;
  each_row(
      session,
      "SELECT name, type, required, minimum, maximum, allowed_values, description FROM dataset_columns "
      "WHERE audit_id = ? ORDER BY position",
      [&](const SqlRow& row) {
        domain::DatasetColumn column;
        column.name = row.text(0);
        column.type = enum_of(row, 1, domain::parse_value_type);
        column.required = row.boolean(2);
        column.minimum = optional_real(row, 3);
        column.maximum = optional_real(row, 4);
        const auto allowed = json_of(row, 5);
        if (!allowed.empty()) column.allowed_values = nlohmann::json::parse(allowed).get<std::vector<std::string>>();
        column.description = row.text(6);
        dataset.columns.push_back(std::move(column));
      },
      audit);
  return dataset;
}

void write_dataset(SqlSession& session, const domain::Dataset& dataset) {
  execute(session, "DELETE FROM dataset_columns WHERE audit_id = ?", dataset.audit_id);
  int position = 0;
  for (const auto& column : dataset.columns) {
    execute(session,
            "INSERT INTO dataset_columns (audit_id, position, name, type, required, minimum, maximum, allowed_values, "
            "description) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            dataset.audit_id, ++position, column.name, domain::to_string(column.type), column.required, column.minimum,
            column.maximum, SqlJson{json_text(nlohmann::json(column.allowed_values))}, column.description);
  }
}

std::set<std::string> columns_in_use(SqlSession& session, AuditId audit) {
  std::set<std::string> names;
  each_row(
      session, "SELECT column_names FROM episode_imports WHERE audit_id = ? AND row_count > 0",
      [&](const SqlRow& row) {
        for (auto& name : nlohmann::json::parse(row.text(0)).get<std::vector<std::string>>()) {
          names.insert(std::move(name));
        }
      },
      audit);
  return names;
}

Result<void> SqlStore::set_dataset(const domain::Dataset& dataset, const domain::Actor& actor) {
  return write("declaring a dataset", [&](SqlSession& session) {
    const auto kind = first_row(
        session, "SELECT kind FROM audits WHERE id = ?",
        [](const SqlRow& row) { return enum_of(row, 0, domain::parse_audit_kind); }, dataset.audit_id);
    if (!kind) fail(ErrorCode::not_found, "audit id " + std::to_string(dataset.audit_id.value) + " does not exist");
    if (*kind == domain::AuditKind::local_audit) {
      fail(ErrorCode::invalid_input, "only a national audit declares a patient-level dataset");
    }
    ensure(domain::check(dataset));
    const domain::Dataset before = read_dataset(session, dataset.audit_id);
    for (const auto& name : columns_in_use(session, dataset.audit_id)) {
      const auto* old_column = before.column(name);
      const auto* new_column = dataset.column(name);
      if (new_column == nullptr) {
        fail(ErrorCode::invalid_input,
             "dataset column '" + name + "' cannot be removed: stored episodes hold it (keep it, or make it optional)");
      }
      if (old_column != nullptr && old_column->type != new_column->type) {
        fail(ErrorCode::invalid_input,
             "dataset column '" + name + "' cannot change from " + std::string(domain::display_name(old_column->type)) +
                 " to " + std::string(domain::display_name(new_column->type)) + ": stored episodes hold it");
      }
    }
    write_dataset(session, dataset);
    const auto old_json = record_json(before);
    const auto new_json = record_json(dataset);
    append_audit_log(session, actor, before.columns.empty() ? "create" : "update", "dataset",
                     std::to_string(dataset.audit_id.value), before.columns.empty() ? nullptr : &old_json, &new_json);
  });
}

Result<domain::Dataset> SqlStore::dataset(AuditId audit) {
  return read("reading a dataset", [&](SqlSession& session) {
    require_row(session, "audits", audit.value, "audit");
    return read_dataset(session, audit);
  });
}

}  // namespace clinaudit::storage
