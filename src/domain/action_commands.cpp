#include "domain/action_commands.hpp"

namespace clinaudit::domain {

namespace {

// The action `id` if `who` may change it: the permission, and an action of their organisation.
Result<Action> changeable_action(Store& store, const Principal& who, ActionId id) {
  if (!allows(who, Permission::manage_actions)) {
    return Error{ErrorCode::forbidden, "your role does not allow changing actions"};
  }
  auto action = store.action(id);
  if (!action || action->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  return action;
}

bool is_closed(const Action& action) {
  return action.status == ActionStatus::completed || action.status == ActionStatus::cancelled;
}

// A history entry of `kind` by `actor`, now.
ActionEvent event_of(ActionEventKind kind, const Actor& actor, const Clock& clock) {
  ActionEvent event;
  event.kind = kind;
  event.at = clock.now_iso();
  event.by = actor.user_id;
  event.by_name = actor.name;
  return event;
}

// The owner as a person reads it: the user's name, else the free text.
std::string owner_words(Store& store, const std::optional<UserId>& owner, const std::string& owner_name) {
  if (owner) {
    auto user = store.user(*owner);
    if (user) return user->display_name;
  }
  return owner_name;
}

std::string audit_words(Store& store, const std::optional<AuditId>& audit) {
  if (!audit) return "no audit";
  auto found = store.audit(*audit);
  return found ? found->title : std::string();
}

}  // namespace

Result<ActionId> raise_action(Store& store, const Principal& who, const Actor& actor, const NewAction& request) {
  Action action;
  action.organisation_id = who.organisation_id;
  action.title = request.title;
  if (action.title.empty()) return invalid_input("title: say what must be done");
  if (!request.due_on) return invalid_input("due_on: enter the due date as YYYY-MM-DD");
  action.due_on = *request.due_on;
  if (request.audit) {
    auto found = store.audit(*request.audit);
    if (!found || !may_see_audit(who, *found)) return invalid_input("audit_id: there is no such audit");
    action.audit_id = found->id;
  }
  if (request.owner) {
    auto user = store.user(*request.owner);
    if (!user || user->organisation_id != action.organisation_id) {
      return invalid_input("owner_id: choose someone in your organisation");
    }
    action.owner = user->id;
  }
  if (!action.owner) action.owner_name = request.owner_name;
  if (!action.owner && action.owner_name.empty()) action.owner = who.user_id;
  if (request.source) action.source = *request.source;
  action.source_id = request.source_id;
  action.raised_on = request.raised_on;
  return store.add_action(action, actor);
}

Result<void> edit_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                         const ActionEdit& edit) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (edit.title.empty()) return invalid_input("title: say what must be done");
  if (edit.audit) {
    auto found = store.audit(*edit.audit);
    if (!found || !may_see_audit(who, *found)) return invalid_input("audit_id: there is no such audit");
  }
  if (edit.title == action.title && edit.audit == action.audit_id) {
    return Error{ErrorCode::conflict, "title: nothing was changed"};
  }
  auto event = event_of(ActionEventKind::edited, actor, clock);
  const std::string audit_before = audit_words(store, action.audit_id);
  const std::string audit_after = audit_words(store, edit.audit);
  if (edit.title != action.title) {
    event.from = action.title;
    event.to = edit.title;
  }
  if (edit.audit != action.audit_id) {
    if (!event.from.empty()) {
      event.from += "; ";
      event.to += "; ";
    }
    event.from += "audit: " + audit_before;
    event.to += "audit: " + audit_after;
  }
  action.title = edit.title;
  action.audit_id = edit.audit;
  return store.record_action_event(action, event, actor);
}

Result<void> reassign_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             std::optional<UserId> owner, const std::string& owner_name) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (owner) {
    auto user = store.user(*owner);
    if (!user || user->organisation_id != action.organisation_id) {
      return invalid_input("owner_id: choose someone in your organisation");
    }
  } else if (owner_name.empty()) {
    return invalid_input("owner_name: choose someone in your organisation or name the owner");
  }
  const std::string name = owner ? std::string() : owner_name;
  if (owner == action.owner && name == (action.owner ? std::string() : action.owner_name)) {
    return Error{ErrorCode::conflict, "owner_id: the action already has this owner"};
  }
  auto event = event_of(ActionEventKind::reassigned, actor, clock);
  event.from = owner_words(store, action.owner, action.owner_name);
  event.to = owner_words(store, owner, name);
  action.owner = owner;
  action.owner_name = name;
  return store.record_action_event(action, event, actor);
}

Result<void> change_due_date(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             std::optional<Date> due_on, const std::string& reason) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (is_closed(action)) return Error{ErrorCode::conflict, "due_on: a closed action keeps its due date"};
  if (!due_on) return invalid_input("due_on: enter the new due date as YYYY-MM-DD");
  if (*due_on == action.due_on) return invalid_input("due_on: the action is already due on " + due_on->to_string());
  if (reason.empty()) return invalid_input("reason: say why the due date changes");
  auto event = event_of(ActionEventKind::due_date_changed, actor, clock);
  event.from = action.due_on.to_string();
  event.to = due_on->to_string();
  event.note = reason;
  action.due_on = *due_on;
  return store.record_action_event(action, event, actor);
}

Result<void> add_progress_note(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                               const std::string& note) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (note.empty()) return invalid_input("note: write the progress to record");
  auto event = event_of(ActionEventKind::note, actor, clock);
  event.note = note;
  if (action.status == ActionStatus::open) action.status = ActionStatus::in_progress;
  return store.record_action_event(action, event, actor);
}

Result<void> complete_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                             const ActionCompletion& completion) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (is_closed(action)) return Error{ErrorCode::conflict, "this action is already closed"};
  if (!completion.completed_on) return invalid_input("completed_on: enter the date it was done as YYYY-MM-DD");
  const Date today = clock.today();
  if (*completion.completed_on > today) {
    return invalid_input("completed_on: the date it was done cannot be after today (" + today.to_string() + ")");
  }
  if (action.raised_on && *completion.completed_on < *action.raised_on) {
    return invalid_input("completed_on: the date it was done cannot be before it was raised (" +
                         action.raised_on->to_string() + ")");
  }
  if (completion.evidence.empty()) return invalid_input("evidence: say what shows the action is done");
  auto event = event_of(ActionEventKind::completed, actor, clock);
  event.to = completion.completed_on->to_string();
  event.note = completion.evidence;
  action.status = ActionStatus::completed;
  action.completed_on = completion.completed_on;
  action.evidence = completion.evidence;
  return store.record_action_event(action, event, actor);
}

Result<void> reopen_action(Store& store, const Principal& who, const Actor& actor, const Clock& clock, ActionId id,
                           const std::string& reason) {
  CLINAUDIT_TRY(auto action, changeable_action(store, who, id));
  if (!is_closed(action)) return Error{ErrorCode::conflict, "reason: this action is open"};
  if (reason.empty()) return invalid_input("reason: say why the action is reopened");
  auto event = event_of(ActionEventKind::reopened, actor, clock);
  event.from = action.completed_on ? action.completed_on->to_string() : std::string();
  event.note = reason;
  action.status = ActionStatus::open;
  action.completed_on.reset();
  action.evidence.clear();
  return store.record_action_event(action, event, actor);
}

}  // namespace clinaudit::domain
