#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/governance.hpp"
#include "domain/store.hpp"

// The actions of an organisation as a list a person reads: with the audit's title, the
// owner's name and whether each is overdue.
namespace clinaudit::domain {

struct ActionRow {
  Action item;
  std::string audit_title;
  std::string owner;  // the owning user's display name, else the free-text owner
  bool overdue = false;
};

enum class ActionFilter { all, mine, overdue };

// `items` named and marked overdue as of `today`: the overdue first, then by due date, then
// id. Errors: none so far (a missing audit or owner leaves the name empty).
Result<std::vector<ActionRow>> action_rows(Store& store, Date today, std::vector<Action> items);

// The actions of `who`'s organisation: all, those `who` owns, or those overdue `today`;
// with `audit`, only that audit's. Errors: the store's.
Result<std::vector<ActionRow>> action_list(Store& store, const Principal& who, Date today, ActionFilter filter,
                                           std::optional<AuditId> audit);

// One action with its history, as its page and GET /api/actions/{id} show it.
struct ActionDetail {
  ActionRow row;
  Date original_due_on;                     // the due date it was raised with (the first change's old date)
  std::vector<ActionEvent> history;         // oldest first, each person by their name
  std::vector<EvidenceDocument> documents;  // attached as evidence, oldest first
};

// The action `id` of `who`'s organisation with its history. Errors: not_found for another
// organisation's action (as for one that does not exist); the store's.
Result<ActionDetail> action_detail(Store& store, const Principal& who, Date today, ActionId id);

}  // namespace clinaudit::domain
