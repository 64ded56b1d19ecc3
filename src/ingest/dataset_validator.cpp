// The dataset import kind (docs/csv-import.md, "dataset"): one national audit's
// patient-level columns, one row per column.
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/row_reader.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t { kAuditCode, kColumn, kType, kRequired, kMinimum, kMaximum, kAllowed, kDescription };

std::optional<domain::ValueType> parse_type(std::string_view text) {
  const std::string word = normalise_name(text);
  if (word == "yes_no" || word == "yes/no" || word == "yesno" || word == "flag") return domain::ValueType::yes_no;
  return domain::parse_value_type(word);
}

std::vector<std::string> split_values(std::string_view text) {
  std::vector<std::string> values;
  while (true) {
    const auto bar = text.find('|');
    auto value = text.substr(0, bar);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
    values.emplace_back(value);
    if (bar == std::string_view::npos) return values;
    text.remove_prefix(bar + 1);
  }
}

}  // namespace

Validated<domain::Dataset> validate_dataset(std::istream& input, const References& references,
                                            const ValidationOptions& options) {
  Validated<domain::Dataset> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"audit_code", true, "audit"},
                  {"column", true, "name column_name"},
                  {"type", true, "value_type"},
                  {"required", false},
                  {"minimum", false, "min"},
                  {"maximum", false, "max"},
                  {"allowed_values", false, "values categories"},
                  {"description", false}},
                 out.report);
  domain::Dataset dataset;
  std::string audit_code;
  while (rows.next()) {
    ++out.rows;
    if (const auto code = rows.text(kAuditCode)) {
      const auto* audit = references.audit(*code);
      if (audit == nullptr || audit->kind == domain::AuditKind::local_audit) {
        rows.problem(kAuditCode, "is not a national audit");
      } else if (!audit_code.empty() && upper_ascii(*code) != audit_code) {
        rows.problem(kAuditCode, "names another audit; a dataset file declares one audit's columns");
      } else {
        audit_code = upper_ascii(*code);
        dataset.audit_id = audit->id;
      }
    }
    domain::DatasetColumn column;
    if (const auto name = rows.text(kColumn)) {
      column.name = std::string(*name);
      if (!domain::is_column_name(column.name)) {
        rows.problem(kColumn, "is not a column name (lower-case letters, digits and _, starting with a letter)");
      } else if (dataset.column(column.name) != nullptr) {
        rows.problem(kColumn, "is declared twice");
      }
    }
    if (const auto type = rows.text(kType)) {
      if (const auto parsed = parse_type(*type)) {
        column.type = *parsed;
      } else {
        rows.problem(kType, "is not a type (expected number, yes_no, category or date)");
      }
    }
    column.required = rows.flag(kRequired).value_or(false);
    column.minimum = rows.number(kMinimum);
    column.maximum = rows.number(kMaximum);
    if ((column.minimum || column.maximum) && column.type != domain::ValueType::number) {
      rows.problem(column.minimum ? kMinimum : kMaximum, "is given, but only numbers have a minimum or maximum");
    } else if (column.minimum && column.maximum && *column.minimum > *column.maximum) {
      rows.problem(kMaximum, "is below the minimum");
    }
    if (const auto allowed = rows.text(kAllowed)) {
      if (column.type != domain::ValueType::category) {
        rows.problem(kAllowed, "is given, but only categories have allowed values");
      } else {
        column.allowed_values = split_values(*allowed);
        for (std::size_t i = 0; i < column.allowed_values.size(); ++i) {
          const auto& value = column.allowed_values[i];
          if (value.empty()) rows.problem(kAllowed, "has an empty value between '|'");
          for (std::size_t j = 0; j < i; ++j) {
            if (column.allowed_values[j] == value) rows.problem(kAllowed, "gives '" + value + "' twice");
          }
        }
      }
    } else if (column.type == domain::ValueType::category && rows.has(kType)) {
      rows.problem(kAllowed, "is empty, but a category lists its allowed values, separated by '|'");
    }
    if (const auto description = rows.text(kDescription)) column.description = std::string(*description);
    if (rows.row_ok()) dataset.columns.push_back(std::move(column));
  }
  if (out.report.clean() && dataset.columns.empty()) out.report.add(2, "column", "the file declares no columns");
  if (out.report.clean()) out.records.push_back(std::move(dataset));
  return out;
}

}  // namespace clinaudit::ingest
