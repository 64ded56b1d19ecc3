#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"

namespace clinaudit::domain {

// The kind of value a dataset column holds.
enum class ValueType {
  number,    // a decimal number, e.g. age in years
  yes_no,    // yes or no, e.g. died within 30 days
  category,  // one of the column's allowed values, e.g. ASA grade "1".."5"
  date,      // a calendar day
};

std::string_view to_string(ValueType type);                        // "number", "yes_no", "category", "date"
std::optional<ValueType> parse_value_type(std::string_view text);  // the stored names
std::string_view display_name(ValueType type);                     // "number", "yes/no", "category", "date"

// One column of a national audit's patient-level dataset: what every episode may (or, when
// required, must) hold besides its provider and admission date. Outcomes are yes/no columns.
struct DatasetColumn {
  std::string name;  // a lower-case identifier: a-z first, then a-z, 0-9 or _, e.g. "died30"
  ValueType type = ValueType::number;
  bool required = false;
  std::optional<double> minimum;  // numbers only: the plausible range, e.g. age 0-120
  std::optional<double> maximum;
  std::vector<std::string> allowed_values;  // categories only: every value an episode may hold
  std::string description;                  // what the column records, for people
};

// The dataset an audit declares: its columns in the order a file is expected to give them.
struct Dataset {
  AuditId audit_id;
  std::vector<DatasetColumn> columns;

  // The column named `name`, or null.
  const DatasetColumn* column(std::string_view name) const;
};

// Whether `name` is a lower-case identifier (a-z first, then a-z, 0-9 or _, at most 63).
bool is_column_name(std::string_view name);

// Whether a present value keeps the column's range (numbers) or allowed values (categories).
// Errors: invalid_input with a message to follow the value, e.g. "is above the maximum 120".
// Pure; thread-safe.
Result<void> check_value(const DatasetColumn& column, double value);
Result<void> check_value(const DatasetColumn& column, std::string_view category);

}  // namespace clinaudit::domain
