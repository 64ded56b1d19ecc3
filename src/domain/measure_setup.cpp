#include "domain/measure_setup.hpp"

#include <algorithm>
#include <cctype>

#include "core/text.hpp"
#include "domain/dataset.hpp"
#include "domain/entity_checks.hpp"
#include "domain/software_version.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_provider_cusum.hpp"
#include "stats/model_formula.hpp"

namespace clinaudit::domain {

namespace {

Result<Audit> visible_audit(Store& store, const SetupCaller& who, AuditId id) {
  auto audit = store.audit(id);
  if (!audit && audit.error().code != ErrorCode::not_found) return audit.error();
  if (!audit || (who && !may_see_audit(*who, *audit))) {
    return Error{ErrorCode::not_found, "there is no audit with id " + std::to_string(id.value)};
  }
  return audit;
}

Result<void> may_set_up(const SetupCaller& who, const Audit& audit) {
  if (!who) return {};
  return may_manage_audit_setup(*who, audit);
}

// The field a rule of domain::check(Measure) is about, so that a form can show it there.
std::string field_of(const std::string& message) {
  if (message.find("from imported results") != std::string::npos) return "source";
  if (message.find("is a proportion") != std::string::npos || message.find("is a ratio") != std::string::npos) {
    return "type";
  }
  if (message.find("multiplier") != std::string::npos) return "rate_multiplier";
  if (message.find("expected") != std::string::npos) return "expected_column";
  if (message.find("formula") != std::string::npos) return "formula";
  if (message.find("outcome column") != std::string::npos) return "outcome_column";
  return "source";
}

Result<Measure> measure_of(const MeasureDraft& draft, AuditId audit) {
  Measure row;
  row.audit_id = audit;
  row.code = trimmed(draft.code);
  if (row.code.empty()) return invalid_input("code: enter the measure's code");
  const bool plain = std::all_of(row.code.begin(), row.code.end(), [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '-' || c == '_' || c == '.' || c == '/';
  });
  if (!plain || row.code.size() > 40) {
    return invalid_input("code: use 1 to 40 letters, digits or - _ . / (you entered \"" + row.code + "\")");
  }
  row.name = trimmed(draft.name);
  if (row.name.empty()) return invalid_input("name: enter what the measure measures");
  if (!draft.type) return invalid_input("type: choose proportion, ratio, rate or continuous value");
  row.type = *draft.type;
  if (!draft.improvement) return invalid_input("improvement: choose which way is better");
  row.improvement = *draft.improvement;
  row.target = draft.target;
  row.rate_multiplier = draft.rate_multiplier;
  row.unit = trimmed(draft.unit);
  if (!draft.source) return invalid_input("source: choose where the measure's values come from");
  row.source = *draft.source;
  row.outcome_column = trimmed(draft.outcome_column);
  row.formula = trimmed(draft.formula);
  row.expected_column = trimmed(draft.expected_column);
  return row;
}

}  // namespace

Result<void> check_measure_formula(const Measure& measure) {
  const std::string formula = trimmed(measure.formula);
  if (formula.empty()) return invalid_input("formula: write the case-mix model, e.g. died30 ~ age + sex");
  auto parsed = stats::parse_model_formula(formula);
  if (!parsed) return invalid_input("formula: " + parsed.error().message);
  const std::string& outcome = stats::formula_outcome(*parsed);
  if (outcome != measure.outcome_column) {
    return invalid_input("formula: its outcome before ~ is \"" + outcome + "\" but the outcome column is \"" +
                         measure.outcome_column + "\"");
  }
  return {};
}

Result<void> check_measure_setup(const Measure& row) {
  if (auto checked = check(row); !checked) {
    return invalid_input(field_of(checked.error().message) + ": " + checked.error().message);
  }
  if (row.source == MeasureSource::episode_model_ratio) return check_measure_formula(row);
  return {};
}

MeasureDraft draft_of(const Measure& measure) {
  return MeasureDraft{measure.code,        measure.name,           measure.type,
                      measure.improvement, measure.target,         measure.rate_multiplier,
                      measure.unit,        measure.source,         measure.outcome_column,
                      measure.formula,     measure.expected_column};
}

Result<AuditMeasures> audit_measures(Store& store, const SetupCaller& who, AuditId audit) {
  AuditMeasures out;
  CLINAUDIT_TRY(out.audit, visible_audit(store, who, audit));
  CLINAUDIT_TRY(out.measures, store.measures_of(audit));
  out.may_change = static_cast<bool>(may_set_up(who, out.audit));
  return out;
}

Result<std::pair<Audit, Measure>> measure_to_edit(Store& store, const SetupCaller& who, MeasureId id) {
  auto measure = store.measure(id);
  if (!measure && measure.error().code != ErrorCode::not_found) return measure.error();
  if (!measure) return Error{ErrorCode::not_found, "there is no measure with id " + std::to_string(id.value)};
  auto audit = visible_audit(store, who, measure->audit_id);
  if (!audit && audit.error().code == ErrorCode::not_found) {
    return Error{ErrorCode::not_found, "there is no measure with id " + std::to_string(id.value)};
  }
  if (!audit) return audit.error();
  CLINAUDIT_TRY_VOID(may_set_up(who, *audit));
  return std::pair<Audit, Measure>{std::move(*audit), std::move(*measure)};
}

// A measure computed from episodes names columns of its audit's dataset: a yes/no outcome, the
// columns its formula reads, a number column of expected risks. Checked once the audit has
// declared its dataset (before that the analysis reports a column it cannot find).
Result<void> check_against_dataset(Store& store, const Measure& row) {
  if (!row.from_episodes()) return {};
  CLINAUDIT_TRY(const auto dataset, store.dataset(row.audit_id));
  if (dataset.columns.empty()) return {};
  const auto column = [&](const std::string& field, const std::string& name, ValueType type) -> Result<void> {
    const DatasetColumn* found = dataset.column(name);
    if (found == nullptr) return invalid_input(field + ": '" + name + "' is not a column of the audit's dataset");
    if (found->type != type) {
      return invalid_input(field + ": '" + name + "' is a " + std::string(display_name(found->type)) +
                           " column; it must be a " + std::string(display_name(type)) + " column");
    }
    return {};
  };
  CLINAUDIT_TRY_VOID(column("outcome_column", row.outcome_column, ValueType::yes_no));
  if (row.source == MeasureSource::episode_expected_column) {
    CLINAUDIT_TRY_VOID(column("expected_column", row.expected_column, ValueType::number));
  }
  if (row.source == MeasureSource::episode_model_ratio) {
    CLINAUDIT_TRY(const auto formula, stats::parse_model_formula(row.formula));
    for (const auto& name : stats::formula_columns(formula)) {
      if (dataset.column(name) == nullptr) {
        return invalid_input("formula: it reads '" + name + "', which is not a column of the audit's dataset");
      }
    }
  }
  return {};
}

Result<MeasureId> add_measure(Store& store, const SetupCaller& who, const Actor& actor, AuditId audit,
                              const MeasureDraft& draft) {
  CLINAUDIT_TRY(const auto found, visible_audit(store, who, audit));
  CLINAUDIT_TRY_VOID(may_set_up(who, found));
  CLINAUDIT_TRY(auto row, measure_of(draft, audit));
  CLINAUDIT_TRY_VOID(check_measure_setup(row));
  CLINAUDIT_TRY_VOID(check_against_dataset(store, row));
  CLINAUDIT_TRY(const auto added, store.add_measure(row, actor));
  // The providers' CUSUM follows the audit's measures (the first ratio's model).
  CLINAUDIT_TRY_VOID(refresh_stored_provider_cusum(store, audit, std::string(kSoftwareVersion), actor));
  return added;
}

Result<void> edit_measure(Store& store, const SetupCaller& who, const Actor& actor, MeasureId id,
                          const MeasureDraft& draft) {
  CLINAUDIT_TRY(auto found, measure_to_edit(store, who, id));
  CLINAUDIT_TRY(auto row, measure_of(draft, found.first.id));
  row.id = id;
  CLINAUDIT_TRY_VOID(check_measure_setup(row));
  CLINAUDIT_TRY_VOID(check_against_dataset(store, row));
  CLINAUDIT_TRY_VOID(store.update_measure(row, actor));
  // A new direction or target changes the icons of every organisation's chart of the measure.
  CLINAUDIT_TRY_VOID(refresh_measure_charts(store, row, std::string(kSoftwareVersion), actor));
  // A new model or outcome changes every provider's CUSUM of the audit.
  CLINAUDIT_TRY_VOID(refresh_stored_provider_cusum(store, row.audit_id, std::string(kSoftwareVersion), actor));
  return {};
}

Result<std::vector<MeasureId>> add_measures(Store& store, const SetupCaller& who, const Actor& actor,
                                            const std::vector<Measure>& rows) {
  for (const auto& row : rows) {
    CLINAUDIT_TRY(const auto audit, visible_audit(store, who, row.audit_id));
    CLINAUDIT_TRY_VOID(may_set_up(who, audit));
    if (auto checked = check_measure_setup(row); !checked) {
      return invalid_input("measure '" + row.code + "': " + checked.error().message);
    }
    if (auto checked = check_against_dataset(store, row); !checked) {
      return Error{checked.error().code, "measure '" + row.code + "': " + checked.error().message};
    }
  }
  return store.add_measures(rows, actor);
}

}  // namespace clinaudit::domain
