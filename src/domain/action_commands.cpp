#include "domain/action_commands.hpp"

namespace clinaudit::domain {

Result<ActionId> raise_action(Store& store, const Principal& who, const Actor& actor, const NewAction& request) {
  Action action;
  action.organisation_id = who.organisation_id;
  action.title = request.title;
  if (action.title.empty()) return Error{ErrorCode::invalid_input, "title: say what must be done"};
  if (!request.due_on) return Error{ErrorCode::invalid_input, "due_on: enter the due date as YYYY-MM-DD"};
  action.due_on = *request.due_on;
  if (request.audit) {
    auto found = store.audit(*request.audit);
    if (!found || !may_see_audit(who, *found))
      return Error{ErrorCode::invalid_input, "audit_id: there is no such audit"};
    action.audit_id = found->id;
  }
  if (request.owner) {
    auto user = store.user(*request.owner);
    if (!user || user->organisation_id != action.organisation_id) {
      return Error{ErrorCode::invalid_input, "owner_id: choose someone in your organisation"};
    }
    action.owner = user->id;
  }
  action.owner_name = request.owner_name;
  if (!action.owner && action.owner_name.empty()) action.owner = who.user_id;
  if (request.source) action.source = *request.source;
  action.source_id = request.source_id;
  return store.add_action(action, actor);
}

Result<void> complete_action(Store& store, const Principal& who, const Actor& actor, Date today, ActionId id,
                             const std::string& evidence) {
  auto action = store.action(id);
  if (!action || action->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  if (action->status == ActionStatus::completed || action->status == ActionStatus::cancelled) {
    return Error{ErrorCode::conflict, "this action is already closed"};
  }
  if (evidence.empty()) return Error{ErrorCode::invalid_input, "evidence: say what shows the action is done"};
  action->status = ActionStatus::completed;
  action->completed_on = today;
  action->evidence = evidence;
  return store.update_action(*action, actor);
}

}  // namespace clinaudit::domain
