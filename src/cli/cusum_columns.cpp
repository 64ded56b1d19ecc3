#include "cli/cusum_columns.hpp"

#include <cmath>

#include "core/number_format.hpp"

namespace clinaudit::cli {
namespace {

std::string column_list(const ingest::Table& table) {
  std::string columns;
  for (const auto& name : table.columns()) columns += (columns.empty() ? "" : ", ") + name;
  return columns;
}

// The requested column, or the first default the file has; empty when none.
std::string pick(const ingest::Table& table, const std::string& requested, std::initializer_list<const char*> names) {
  if (!requested.empty()) return requested;
  for (const char* name : names) {
    if (table.has_column(name)) return name;
  }
  return "";
}

Error cell_error(std::size_t index, const std::string& column, const std::string& value, const std::string& problem) {
  return Error{ErrorCode::invalid_input, "row " + std::to_string(ingest::Table::sheet_row(index)) + ", column '" +
                                             column + "': " + problem + " (found '" + value + "')"};
}

Result<std::vector<double>> risks_of(const ingest::Table& table, const std::string& column) {
  CLINAUDIT_TRY(auto index, table.column_index(column));
  std::vector<double> risks;
  risks.reserve(table.row_count());
  for (std::size_t i = 0; i < table.row_count(); ++i) {
    const auto& text = table.row(i)[index];
    const auto value = ingest::parse_number(text);
    if (!value) return cell_error(i, column, text, "the risk is not a number");
    if (*value < 0.0 || *value > 1.0) return cell_error(i, column, text, "the risk must be a probability in [0, 1]");
    risks.push_back(*value);
  }
  return risks;
}

}  // namespace

Result<std::vector<double>> read_risk_column(const ingest::Table& table, const std::string& requested,
                                             std::string& used) {
  used = pick(table, requested, {"risk", "p"});
  if (used.empty()) {
    return Error{ErrorCode::invalid_input, "no risk column: the file has neither 'risk' nor 'p' (columns: " +
                                               column_list(table) + "); name it with --risk"};
  }
  if (table.row_count() == 0) return Error{ErrorCode::invalid_input, "the file has no data rows"};
  return risks_of(table, used);
}

Result<PatientColumns> read_patient_columns(const ingest::Table& table, const ColumnRequest& request) {
  PatientColumns patients;
  patients.risk_column = pick(table, request.risk, {"risk", "p"});
  patients.outcome_column = pick(table, request.outcome, {"outcome", "y"});
  patients.weight_column = request.weight;
  if (patients.weight_column.empty() && patients.risk_column.empty()) {
    patients.weight_column = pick(table, "", {"w", "weight"});
  }
  if (patients.risk_column.empty() && patients.weight_column.empty()) {
    return Error{ErrorCode::invalid_input, "no risk column: the file has neither 'risk' nor 'p' (columns: " +
                                               column_list(table) + "); name it with --risk"};
  }
  if (patients.outcome_column.empty()) {
    return Error{ErrorCode::invalid_input, "no outcome column: the file has neither 'outcome' nor 'y' (columns: " +
                                               column_list(table) + "); name it with --outcome"};
  }
  if (table.row_count() == 0) return Error{ErrorCode::invalid_input, "the file has no data rows"};

  if (!patients.risk_column.empty()) {
    CLINAUDIT_TRY(auto risks, risks_of(table, patients.risk_column));
    patients.risks = std::move(risks);
  }
  CLINAUDIT_TRY(auto outcome_index, table.column_index(patients.outcome_column));
  for (std::size_t i = 0; i < table.row_count(); ++i) {
    const auto& text = table.row(i)[outcome_index];
    if (text == "TRUE" || text == "true") {
      patients.outcomes.push_back(1.0);
      continue;
    }
    if (text == "FALSE" || text == "false") {
      patients.outcomes.push_back(0.0);
      continue;
    }
    const auto value = ingest::parse_number(text);
    if (!value || (*value != 0.0 && *value != 1.0)) {
      return cell_error(i, patients.outcome_column, text, "the outcome must be 0 or 1");
    }
    patients.outcomes.push_back(*value);
  }
  if (!patients.weight_column.empty()) {
    CLINAUDIT_TRY(auto weights, table.number_column(patients.weight_column));
    patients.weights = std::move(weights);
  }
  if (!request.label.empty()) {
    CLINAUDIT_TRY(auto labels, table.text_column(request.label));
    patients.labels = std::move(labels);
  }
  return patients;
}

}  // namespace clinaudit::cli
