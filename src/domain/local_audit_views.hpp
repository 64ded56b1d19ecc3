#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/store.hpp"
#include "domain/user.hpp"

// Reading the local audit register: the trust's list (filtered by stage and division) and
// one audit's record with its history and what the caller may do next. Every signed-in
// user of the trust reads them (view_organisation); another trust's audit is not found.
namespace clinaudit::domain {

// One local audit as the register shows it: its units and lead as a person reads them.
struct RegisterRow {
  Audit audit;
  LocalAuditEntry entry;
  std::string division;   // "" when none
  std::string specialty;  // "" when none
  std::string lead;       // the user's name, else the free text
  bool past_end = false;  // approved and past its planned end date, not finished
};

struct RegisterFilter {
  std::optional<LocalAuditStage> stage;
  std::optional<TrustUnitId> division;
};

struct LocalAuditRegister {
  RegisterFilter filter;
  std::vector<RegisterRow> rows;  // by code
  std::vector<TrustUnit> units;   // the trust's structure (trust_structure's order)
};

Result<LocalAuditRegister> local_audit_register(Store& store, const Principal& who, Date today,
                                                const RegisterFilter& filter);

// One local audit's page.
struct LocalAuditRecord {
  RegisterRow row;
  std::vector<LocalAuditEvent> history;  // oldest first
  std::optional<Audit> repeats;          // the audit it re-audits
  std::vector<Audit> reaudits;           // the audits registered as re-audits of it
  std::optional<LocalAuditStage> next;   // the step it moves on to, if any
  bool may_revise = false;               // the proposer or the audit team, before the decision
  bool may_decide = false;               // the audit team, awaiting a decision
  bool may_move_on = false;
  bool may_abandon = false;
  bool may_carry_over = false;  // the audit team, approved and not finished
};

Result<LocalAuditRecord> local_audit_record(Store& store, const Principal& who, Date today, AuditId id);

// What the proposal form offers: the trust's units in use, its active people and its local
// audits (for the audit a re-audit repeats).
struct ProposalChoices {
  std::vector<TrustUnit> units;
  std::vector<User> people;
  std::vector<Audit> audits;
};

Result<ProposalChoices> proposal_choices(Store& store, const Principal& who);

// The audits of `who`'s trust registered under `division` (the actions list's filter).
Result<std::vector<AuditId>> audits_in_division(Store& store, const Principal& who, TrustUnitId division);

}  // namespace clinaudit::domain
