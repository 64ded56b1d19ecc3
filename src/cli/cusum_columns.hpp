#pragma once

#include <string>
#include <vector>

#include "core/result.hpp"
#include "ingest/table.hpp"

namespace clinaudit::cli {

// Which columns of a patient file hold what; empty = the default name.
struct ColumnRequest {
  std::string risk;     // default: "risk", else "p"
  std::string outcome;  // default: "outcome", else "y"
  std::string weight;   // default: none, or "w"/"weight" when the file has no risk column
  std::string label;    // default: none
};

// The patients of a CUSUM input file, in file order.
struct PatientColumns {
  std::vector<double> risks;     // empty when only weights were given
  std::vector<double> outcomes;  // 0 or 1
  std::vector<double> weights;   // empty unless a weight column is used
  std::vector<std::string> labels;
  std::string risk_column;
  std::string outcome_column;
  std::string weight_column;
};

// Reads and checks the columns. Outcomes may be written 0/1 or TRUE/FALSE.
// Errors: invalid_input naming the row, the column and the value: a risk outside [0, 1], an
// outcome that is not 0 or 1, a missing column (listing the file's columns), no data rows.
Result<PatientColumns> read_patient_columns(const ingest::Table& table, const ColumnRequest& request);

// The risk column alone (for the patient mix of `stats cusum-limit`).
Result<std::vector<double>> read_risk_column(const ingest::Table& table, const std::string& requested,
                                             std::string& used);

}  // namespace clinaudit::cli
