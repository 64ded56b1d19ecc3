#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/clock.hpp"
#include "domain/governance.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Raising an organisation's actions and working with them until they are done (the
// actions page, an action's page, /api/actions). Every change after raising is written with
// an entry of the action's history (ActionEvent: who, when, what changed, why), and needs
// the manage_actions permission and an action of `who`'s organisation.
namespace clinaudit::domain {

// An action as a person raises it. `due_on` is empty when the date given was missing or
// not a date; `owner` is a user of the organisation, else `owner_name` says who (free
// text); with neither, the person raising it owns it.
struct NewAction {
  std::string title;
  std::optional<Date> due_on;
  std::optional<AuditId> audit;
  std::optional<UserId> owner;
  std::string owner_name;
  std::optional<ActionSource> source;
  std::int64_t source_id = 0;     // the outlier case, board meeting or report review it came from
  std::optional<Date> raised_on;  // the day it is raised (the caller's today)
};

// Adds the action to `who`'s organisation. Errors: invalid_input naming the field for a
// missing title or due date, an audit `who` may not see (as for one that does not exist)
// and an owner outside the organisation; the store's.
Result<ActionId> raise_action(Store& store, const Principal& who, const Actor& actor, const NewAction& action);

// What a person changes of an action's description: its title and audit (none: no audit).
struct ActionEdit {
  std::string title;
  std::optional<AuditId> audit;
};

// How an action is closed: the day it was done (empty when the date given was missing or
// not a date) and the evidence that it is done.
struct ActionCompletion {
  std::optional<Date> completed_on;
  std::string evidence;
};

// The common errors of the changes below: forbidden without manage_actions; not_found for
// another organisation's action (as for one that does not exist); the store's.

// Changes the title and audit. Errors: invalid_input naming the field for a missing title or
// an audit `who` may not see; conflict when nothing changed.
Result<void> edit_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                         const ActionEdit& edit);

// Gives the action to `owner` (a user of the organisation), else to `owner_name` (someone
// without an account). Errors: invalid_input naming owner_id for a user elsewhere, owner_name
// when neither is given; conflict when the owner is the same.
Result<void> reassign_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             std::optional<UserId> owner, const std::string& owner_name);

// Moves the due date of an open action to `due_on`, with the reason; the history keeps the
// date it had. Errors: invalid_input naming due_on for a missing date or the same date,
// reason without a reason; conflict for a closed action.
Result<void> change_due_date(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             std::optional<Date> due_on, const std::string& reason);

// Adds a progress note. Errors: invalid_input naming note for an empty note.
Result<void> add_progress_note(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                               const std::string& note);

// Marks the action completed on the day given, with the evidence that it is done. Errors:
// conflict when it is already completed or cancelled; invalid_input naming evidence without
// evidence, completed_on for a missing date, a day after today or before it was raised.
Result<void> complete_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             const ActionCompletion& completion);

// Opens a completed or cancelled action again, with the reason; its completion date and
// evidence are cleared (the history keeps them). Errors: invalid_input naming reason
// without a reason; conflict for an action that is open.
Result<void> reopen_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                           const std::string& reason);

}  // namespace clinaudit::domain
