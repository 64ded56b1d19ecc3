#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/audit.hpp"
#include "domain/measure.hpp"
#include "domain/register_setup.hpp"
#include "domain/store.hpp"

// Setting up an audit's measures (docs/getting-started.md): what each measures, which way is
// better, its target and display, and where its values come from. A national audit's
// measures are set up by the national body, a local audit's by its own organisation
// (Permission::manage_measures and may_manage_audit_setup). The pages, the JSON API, the
// command line and the measures CSV kind call these; the store writes the audit log.
namespace clinaudit::domain {

// A measure as a person enters it; the numbers are read from text by the caller.
struct MeasureDraft {
  std::string code;  // 1 to 40 letters, digits or "-_./", kept as entered
  std::string name;
  std::optional<MeasureType> type;         // empty when none or an unknown one was chosen
  std::optional<Improvement> improvement;  // as type
  std::optional<double> target;            // on the measure's own scale
  double rate_multiplier = 1.0;            // above zero
  std::string unit;
  std::optional<MeasureSource> source;  // as type
  std::string outcome_column;
  std::string formula;
  std::string expected_column;
};

// An audit's measures and whether the caller may change them.
struct AuditMeasures {
  Audit audit;
  std::vector<Measure> measures;  // by code
  bool may_change = false;
};

// Checks a case-mix formula against its measure: not empty, and its left-hand side (before
// `~`) is the measure's outcome column. The one place the formula is read; a full parser of
// model formulas replaces this body. Errors: invalid_input naming the formula field.
Result<void> check_measure_formula(const Measure& measure);

// The whole check of a measure before it is written: the entity's rules
// (domain/entity_checks.hpp), then check_measure_formula for a case-mix model. Errors:
// invalid_input whose message starts with the field it is about ("formula: ...").
Result<void> check_measure_setup(const Measure& measure);

// Whether a measure computed from episodes names only columns of its audit's dataset, once the
// audit has declared one: a yes/no outcome column, a number column of expected risks, the
// columns its formula reads (parsed). Errors: invalid_input whose message starts with the
// field ("formula: it reads 'x', which is not a column of the audit's dataset"); the store's.
Result<void> check_against_dataset(Store& store, const Measure& measure);

// The measures of an audit the caller may see. Errors: not_found for an audit the caller
// may not see (another organisation's local audit) or that does not exist.
Result<AuditMeasures> audit_measures(Store& store, const SetupCaller& who, AuditId audit);
// One measure with its audit, for its form. Errors: as audit_measures; forbidden when the
// caller may not change it.
Result<std::pair<Audit, Measure>> measure_to_edit(Store& store, const SetupCaller& who, MeasureId id);
// Errors: not_found as above; forbidden when the caller may not set up the audit
// (may_manage_audit_setup); invalid_input naming the field (code, name, type, improvement,
// rate_multiplier, source, outcome_column, formula, expected_column); conflict for a code the
// audit already has.
Result<MeasureId> add_measure(Store& store, const SetupCaller& who, const Actor& actor, AuditId audit,
                              const MeasureDraft& draft);
// Changes a measure (it stays in its audit), then stores again the organisations' SPC charts
// of it whose icons the new settings change (refresh_measure_charts). Errors: as add_measure;
// not_found for an unknown measure; the store's (should the charts fail after the change, the
// daily job computes them again).
Result<void> edit_measure(Store& store, const SetupCaller& who, const Actor& actor, MeasureId id,
                          const MeasureDraft& draft);
// A batch (the measures CSV kind), all or nothing, under the same rules; each row names its
// audit in audit_id.
Result<std::vector<MeasureId>> add_measures(Store& store, const SetupCaller& who, const Actor& actor,
                                            const std::vector<Measure>& rows);

// The draft that shows `measure` in a form.
MeasureDraft draft_of(const Measure& measure);

}  // namespace clinaudit::domain
