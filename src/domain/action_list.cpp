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
    return std::tie(a.item.due_on, a.item.id.value) < std::tie(b.item.due_on, b.item.id.value);
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

}  // namespace clinaudit::domain
