#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/outlier_case.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/store.hpp"

// The work on outlier cases: the cases a person works on, named by audit, measure and
// organisation; one case with its track's stages, its record and whether the reader may act
// on it; and completing a case's current stage.
namespace clinaudit::domain {

struct OutlierRow {
  OutlierCase item;
  std::string audit_title;
  std::string measure_name;
  std::string organisation_name;
  std::string stage_name;  // the current stage in words, from the timetable in force
  // Who must act at the current stage, in words ("National audit provider", "Provider's chief
  // executive"); empty for a closed or withdrawn case, or a stage the timetable lacks.
  std::string whose_turn;
  // The case's value and the limit it passed as people read them (measure_value_words): "6.00
  // per 1,000 bed days", "50.0%"; a registered notice's as the trust entered them.
  std::string value_words;
  std::string limit_words;
};

// One outlier case with its track's stages, the record of who did what, and whether the
// caller may complete the current stage.
struct OutlierCaseDetail {
  OutlierRow row;
  std::vector<OutlierStage> stages;  // the stages of its track, in order
  std::vector<OutlierEvent> events;
  std::map<std::int64_t, std::string> people;  // user id -> email, for the events
  std::vector<EvidenceDocument> documents;     // attached as evidence, oldest first, each at its stage
  bool may_act = false;
  // The stage completed last, when the caller may reopen it (reopen_outlier_stage).
  std::optional<OutlierStage> may_reopen;
};

// may_see_outlier_case with the case's audit read from `store`; a case whose audit cannot be
// read is seen by nobody.
bool may_see_outlier_case(Store& store, const Principal& who, const OutlierCase& item);

// A case's value or limit as people read it: on its measure's scale (measure_value_words), or,
// for a notice registered from a supplier outside clinaudit or a measure not found (`measure`
// null), as recorded. Used by the pages, the letters and the e-mails alike.
std::string outlier_value_words(const OutlierCase& item, const Measure* measure, double value);

// `items` with their names, in the same order. A name the store cannot give is left empty;
// a stage the timetable in force lacks is named from its key (stage_words).
std::vector<OutlierRow> outlier_rows(Store& store, std::vector<OutlierCase> items);

// The order people work through cases in: open (and confirmed) cases first, by their stage's
// deadline (soonest first, none last), then closed and withdrawn ones, newest first. Stable.
void sort_for_work(std::vector<OutlierRow>& rows);

// The cases `who` works on: every provider's for a national analyst, of the audits its
// supplier runs (acts_for_audit_provider), those the regulator has been told of for a regulator
// (seen_by_regulator), otherwise their organisation's; in sort_for_work's order. Errors: the
// store's.
Result<std::vector<OutlierRow>> outlier_list(Store& store, const Principal& who);

// Errors: not_found for a case `who` may not see (as for one that does not exist); the
// store's.
Result<OutlierCaseDetail> outlier_case_detail(Store& store, const Principal& who, OutlierCaseId id);

struct StageCompletion {
  OutlierCaseId id;
  std::string decision;  // "done", "confirm" or "withdraw", as the form sends it
  std::string note;
  std::string at;  // ISO 8601 timestamp, UTC, of the recorded event
};

// What completing a stage will record, for the person to confirm before it is done.
struct StageCompletionCheck {
  std::string stage_name;  // the stage being completed, in words
  std::string outcome;     // the decision in words: "Completed", "Completed: confirmed as an outlier"...
  std::string record;      // the line the case's record will show
};

// Completes the case's current stage on `today` with the decision and a note (what was done:
// required, the evidence the stage asks for), recorded against `who`. Errors: not_found for
// a case `who` may not see; forbidden when the stage is the other party's; conflict when the
// case is closed or its stage is not in the timetable; invalid_input for an unknown decision,
// a withdrawal outside review or an empty note ("note: ..."); the store's.
Result<void> complete_outlier_stage(Store& store, const Principal& who, Date today, const StageCompletion& params);

// The same checks as complete_outlier_stage, writing nothing: what completing would record.
Result<StageCompletionCheck> check_outlier_stage_completion(Store& store, const Principal& who, Date today,
                                                            const StageCompletion& params);

struct StageReopening {
  OutlierCaseId id;
  std::string reason;  // why the completion was a mistake: required
  std::string at;      // ISO 8601 timestamp, UTC, of the recorded event
};

// Reopens the stage completed last (domain::reopen_stage): the case returns to it, due its
// working days after `today`, and the case's record gains "<stage>: reopened. <reason>"
// against `who`. Only the party that owns that stage may reopen it (may_complete_stage),
// while the case is open. Errors: not_found for a case `who` may not see; forbidden when the
// stage is the other party's; conflict when the case is closed or withdrawn or no stage has
// been completed; invalid_input for an empty reason ("reason: ..."); the store's.
Result<void> reopen_outlier_stage(Store& store, const Principal& who, Date today, const StageReopening& params);

}  // namespace clinaudit::domain
