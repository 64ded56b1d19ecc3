// The measures import kind: each audit's measures, with where their values come from
// (docs/csv-import.md, "measures").
#include "domain/measure_setup.hpp"
#include "ingest/cell_parsers.hpp"
#include "ingest/import_validators.hpp"
#include "ingest/validator_support.hpp"

namespace clinaudit::ingest {
namespace {

enum Column : std::size_t {
  kAudit,
  kCode,
  kName,
  kType,
  kImprovement,
  kTarget,
  kMultiplier,
  kUnit,
  kSource,
  kOutcome,
  kFormula,
  kExpected
};

// The column a refusal of domain::check_measure_setup is about ("formula: ...").
std::size_t column_of(std::string_view message) {
  if (message.starts_with("type:")) return kType;
  if (message.starts_with("rate_multiplier:")) return kMultiplier;
  if (message.starts_with("outcome_column:")) return kOutcome;
  if (message.starts_with("formula:")) return kFormula;
  if (message.starts_with("expected_column:")) return kExpected;
  return kSource;
}

std::string_view without_field(std::string_view message) {
  if (const auto colon = message.find(": "); colon < 20) {  // npos when there is none
    message.remove_prefix(colon + 2);
  }
  return message;
}

}  // namespace

Validated<domain::Measure> validate_measures(std::istream& input, const References& references,
                                             const ValidationOptions& options) {
  Validated<domain::Measure> out{{}, ValidationReport(options.max_problems), 0};
  RowReader rows(input,
                 {{"audit_code", true, "audit"},
                  {"code", true, "measure_code"},
                  {"name", true, "measure_name"},
                  {"type", true, "measure_type"},
                  {"improvement", true, "improvement_direction direction"},
                  {"target", false},
                  {"multiplier", false, "rate_multiplier display_multiplier"},
                  {"unit", false},
                  {"source", false, "values_from"},
                  {"outcome_column", false, "outcome"},
                  {"formula", false, "model_formula"},
                  {"expected_column", false, "expected_risk_column"}},
                 out.report);
  support::FirstSeen codes;
  while (rows.next()) {
    domain::Measure measure;
    const auto* audit = support::audit(rows, kAudit, references);
    if (audit != nullptr) measure.audit_id = audit->id;
    if (const auto code = support::code(rows, kCode, 40)) {
      measure.code = *code;
      if (audit != nullptr && references.measure(audit->id, *code) != nullptr) {
        rows.problem(kCode, "is already a measure of audit " + audit->code + "; codes must be unique in an audit");
      } else if (audit != nullptr) {
        codes.first(std::to_string(audit->id.value) + "|" + *code, rows, kCode, "a measure code of this audit");
      }
    }
    if (const auto name = rows.text(kName)) measure.name = *name;
    if (const auto type = rows.text(kType)) {
      if (const auto parsed = domain::parse_measure_type(normalise_name(*type))) {
        measure.type = *parsed;
      } else {
        rows.problem(kType, "is not a type of measure (expected proportion, ratio, rate or continuous)");
      }
    }
    if (const auto improvement = rows.text(kImprovement)) {
      if (const auto parsed = domain::parse_improvement(normalise_name(*improvement))) {
        measure.improvement = *parsed;
      } else {
        rows.problem(kImprovement, "is not a direction (expected increase, decrease or neutral)");
      }
    }
    measure.target = rows.number(kTarget);
    if (const auto multiplier = rows.number(kMultiplier)) measure.rate_multiplier = *multiplier;
    if (const auto unit = rows.text(kUnit)) measure.unit = *unit;
    if (const auto source = rows.text(kSource)) {
      if (const auto parsed = domain::parse_measure_source(normalise_name(*source))) {
        measure.source = *parsed;
      } else {
        rows.problem(kSource,
                     "is not a source of values (expected imported_results, episode_proportion, "
                     "episode_model_ratio or episode_expected_column)");
      }
    }
    if (const auto outcome = rows.text(kOutcome)) measure.outcome_column = *outcome;
    if (const auto formula = rows.text(kFormula)) measure.formula = *formula;
    if (const auto expected = rows.text(kExpected)) measure.expected_column = *expected;
    if (rows.row_ok()) {
      if (auto checked = domain::check_measure_setup(measure); !checked) {
        const auto column = column_of(checked.error().message);
        rows.problem(column, without_field(checked.error().message));
      }
    }
    if (rows.row_ok()) out.records.push_back(std::move(measure));
  }
  out.rows = rows.rows_read();
  return out;
}

}  // namespace clinaudit::ingest
