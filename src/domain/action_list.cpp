#include "domain/action_list.hpp"

#include <algorithm>
#include <map>
#include <tuple>

namespace clinaudit::domain {

Result<std::vector<ActionRow>> action_rows(Store& store, Date today, std::vector<Action> items) {
  std::map<std::int64_t, std::string> titles;
  std::map<std::int64_t, std::string> owners;
  std::vector<ActionRow> rows;
  for (auto& item : items) {
    ActionRow row;
    if (item.audit_id) {
      auto [it, fresh] = titles.try_emplace(item.audit_id->value);
      if (fresh) {
        auto audit = store.audit(*item.audit_id);
        it->second = audit ? audit->title : std::string();
      }
      row.audit_title = it->second;
    }
    row.owner = item.owner_name;
    if (item.owner) {
      auto [it, fresh] = owners.try_emplace(item.owner->value);
      if (fresh) {
        auto user = store.user(*item.owner);
        it->second = user ? user->display_name : std::string();
      }
      if (!it->second.empty()) row.owner = it->second;
    }
    row.overdue = item.overdue_on(today);
    row.item = std::move(item);
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const ActionRow& a, const ActionRow& b) {
    return std::tuple(!a.overdue, a.item.due_on, a.item.id.value) <
           std::tuple(!b.overdue, b.item.due_on, b.item.id.value);
  });
  return rows;
}

Result<std::vector<ActionRow>> action_list(Store& store, const Principal& who, Date today, ActionFilter filter,
                                           std::optional<AuditId> audit) {
  CLINAUDIT_TRY(auto actions, store.actions(who.organisation_id));
  std::vector<Action> kept;
  for (auto& item : actions) {
    if (audit && item.audit_id != audit) continue;
    if (filter == ActionFilter::mine && item.owner != who.user_id) continue;
    if (filter == ActionFilter::overdue && !item.overdue_on(today)) continue;
    kept.push_back(std::move(item));
  }
  return action_rows(store, today, std::move(kept));
}

Result<ActionDetail> action_detail(Store& store, const Principal& who, Date today, ActionId id) {
  auto action = store.action(id);
  if (!action || action->organisation_id != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such action"};
  }
  ActionDetail detail;
  detail.original_due_on = action->due_on;
  CLINAUDIT_TRY(detail.history, store.action_events(id));
  CLINAUDIT_TRY(detail.documents, store.documents(DocumentOwner::action, id.value));
  bool moved = false;
  std::map<std::int64_t, std::string> names;
  for (auto& event : detail.history) {
    if (event.kind == ActionEventKind::due_date_changed && !moved) {
      moved = true;
      if (auto first = Date::parse(event.from)) detail.original_due_on = *first;
    }
    // A person is named as the users list names them; the stored name (their address when
    // written) stays for someone whose account is gone.
    if (!event.by) continue;
    auto [it, fresh] = names.try_emplace(event.by->value);
    if (fresh) {
      auto user = store.user(*event.by);
      it->second = user ? user->display_name : std::string();
    }
    if (!it->second.empty()) event.by_name = it->second;
  }
  CLINAUDIT_TRY(auto rows, action_rows(store, today, {std::move(*action)}));
  detail.row = std::move(rows.front());
  return detail;
}

}  // namespace clinaudit::domain
