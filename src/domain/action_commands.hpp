#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/governance.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Raising and closing an organisation's actions (the actions page and /api/actions).
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
  std::int64_t source_id = 0;  // the outlier case, board meeting or report review it came from
};

// Adds the action to `who`'s organisation. Errors: invalid_input naming the field for a
// missing title or due date, an audit `who` may not see (as for one that does not exist)
// and an owner outside the organisation; the store's.
Result<ActionId> raise_action(Store& store, const Principal& who, const Actor& actor, const NewAction& action);

// Marks the action completed `today` with the evidence that it is done. Errors: not_found
// for another organisation's action (as for one that does not exist), conflict when it is
// already completed or cancelled, invalid_input without evidence; the store's.
Result<void> complete_action(Store& store, const Principal& who, const Actor& actor, Date today, ActionId id,
                             const std::string& evidence);

}  // namespace clinaudit::domain
