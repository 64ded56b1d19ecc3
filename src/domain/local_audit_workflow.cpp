#include "domain/local_audit_workflow.hpp"

#include <algorithm>

#include "domain/trust_structure.hpp"

namespace clinaudit::domain {

namespace {

bool blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

struct LocalAudit {
  Audit audit;
  LocalAuditEntry entry;
};

Result<void> may_manage(const Principal& who) {
  if (!may_propose(who)) return Error{ErrorCode::forbidden, "your role does not take part in local audits"};
  return {};
}

// The trust's local audit `id` with its entry (one recorded before the register kept
// entries stands at the stage its status gives).
Result<LocalAudit> own_local_audit(Store& store, const Principal& who, AuditId id) {
  CLINAUDIT_TRY_VOID(may_manage(who));
  auto audit = store.audit(id);
  if (!audit || audit->kind != AuditKind::local_audit || audit->owner != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such local audit"};
  }
  CLINAUDIT_TRY(auto entry, store.local_audit_entry(id));
  LocalAudit found{*audit, {}};
  if (entry) {
    found.entry = *entry;
  } else {
    found.entry.audit_id = id;
    found.entry.stage = stage_of(audit->status);
  }
  return found;
}

LocalAuditEvent event_of(LocalAuditEventKind kind, LocalAuditStage stage, const Actor& actor, const Clock& clock,
                         std::string note) {
  LocalAuditEvent event;
  event.kind = kind;
  event.stage = stage;
  event.at = clock.now_iso();
  event.by = actor.user_id;
  event.by_name = actor.name;
  event.note = std::move(note);
  return event;
}

// Checks the proposal against the trust's records and writes it onto `audit` and `entry`.
Result<void> apply_proposal(Store& store, const Principal& who, const LocalAuditProposal& p, Audit& audit,
                            LocalAuditEntry& entry) {
  if (blank(p.title)) return invalid_input("title: give the audit a title");
  CLINAUDIT_TRY(const auto units, store.trust_units(who.organisation_id));
  if (!p.division) return invalid_input("division_id: choose the division the audit belongs to");
  const auto division = std::ranges::find(units, *p.division, &TrustUnit::id);
  if (division == units.end() || division->is_specialty()) {
    return invalid_input("division_id: choose one of your trust's divisions");
  }
  const bool division_kept = entry.division == p.division;
  if (division->retired && !division_kept) return invalid_input("division_id: " + division->name + " is retired");
  if (p.specialty) {
    const auto specialty = std::ranges::find(units, *p.specialty, &TrustUnit::id);
    if (specialty == units.end() || specialty->division != p.division) {
      return invalid_input("specialty_id: choose a specialty of " + division->name);
    }
    if (specialty->retired && entry.specialty != p.specialty) {
      return invalid_input("specialty_id: " + specialty->name + " is retired");
    }
  }
  if (p.lead) {
    auto user = store.user(*p.lead);
    if (!user || user->organisation_id != who.organisation_id) {
      return invalid_input("lead_id: choose someone in your trust");
    }
  } else if (blank(p.lead_name)) {
    return invalid_input("lead_name: choose the audit lead or give their name");
  }
  if (blank(p.standards)) return invalid_input("standards: name the standards or guidance audited against");
  if (!p.reason) return invalid_input("reason: choose why the audit is proposed");
  if (blank(p.sample_method)) return invalid_input("sample_method: describe the sample and the method");
  if (!p.data_protection_confirmed) {
    return invalid_input("data_protection_confirmed: say whether the data protection check is confirmed");
  }
  if (!*p.data_protection_confirmed && blank(p.data_protection_note)) {
    return invalid_input("data_protection_note: say why the data protection check is not confirmed");
  }
  if (!p.start_date) return invalid_input("start_date: enter the planned start date as YYYY-MM-DD");
  if (!p.end_date) return invalid_input("end_date: enter the planned end date as YYYY-MM-DD");
  if (*p.end_date < *p.start_date) return invalid_input("end_date: the planned end date cannot be before the start");
  if (p.reaudit_of) {
    auto earlier = store.audit(*p.reaudit_of);
    if (!earlier || earlier->kind != AuditKind::local_audit || earlier->owner != who.organisation_id ||
        earlier->id == audit.id) {
      return invalid_input("reaudit_of: choose one of your trust's local audits");
    }
  }
  audit.title = p.title;
  audit.topic = p.topic;
  audit.standards = p.standards;
  audit.start_date = p.start_date;
  audit.end_date = p.end_date;
  if (!audit.id.valid()) audit.reaudit_of = p.reaudit_of;
  entry.division = p.division;
  entry.specialty = p.specialty;
  entry.lead = p.lead;
  entry.lead_name = p.lead ? std::string() : p.lead_name;
  entry.supervisor = p.supervisor;
  entry.reason = p.reason;
  entry.tier = p.tier ? p.tier : std::optional(programme_tier_of(*p.reason));
  entry.sample_method = p.sample_method;
  entry.data_protection_confirmed = *p.data_protection_confirmed;
  entry.data_protection_note = p.data_protection_note;
  return {};
}

// A code no audit has yet: "LA-<trust code>-<n>", n one more than the trust's local audits.
Result<std::string> next_code(Store& store, const Principal& who) {
  CLINAUDIT_TRY(const auto organisation, store.organisation(who.organisation_id));
  AuditFilter filter;
  filter.kind = AuditKind::local_audit;
  filter.owner = who.organisation_id;
  CLINAUDIT_TRY(const auto audits, store.audits(filter));
  for (std::size_t n = audits.size() + 1;; ++n) {
    std::string number = std::to_string(n);
    if (number.size() < 3) number.insert(0, 3 - number.size(), '0');
    std::string code = "LA-" + organisation.code + "-" + number;
    if (!store.audit_by_code(code)) return code;
  }
}

Result<void> step(Store& store, const Actor& actor, LocalAudit& local, const LocalAuditEvent& event) {
  local.entry.stage = event.stage;
  local.entry.stage_at = event.at;
  local.audit.status = audit_status_of(event.stage);
  return store.record_local_audit_event(local.audit, local.entry, event, actor);
}

}  // namespace

bool may_propose(const Principal& who) {
  return allows(who, Permission::manage_local_audits) && who.organisation_type != OrganisationType::national_body;
}

std::optional<LocalAuditDecision> parse_local_audit_decision(std::string_view text) {
  if (text == "approve") return LocalAuditDecision::approve;
  if (text == "ask_for_changes") return LocalAuditDecision::ask_for_changes;
  if (text == "decline") return LocalAuditDecision::decline;
  return std::nullopt;
}

Result<AuditId> propose_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                    const LocalAuditProposal& proposal) {
  CLINAUDIT_TRY_VOID(may_manage(who));
  Audit audit;
  audit.kind = AuditKind::local_audit;
  audit.owner = who.organisation_id;
  audit.status = AuditStatus::planned;
  LocalAuditEntry entry;
  CLINAUDIT_TRY_VOID(apply_proposal(store, who, proposal, audit, entry));
  CLINAUDIT_TRY(audit.code, next_code(store, who));
  const auto event = event_of(LocalAuditEventKind::proposed, LocalAuditStage::proposed, actor, clock, "");
  entry.proposed_by = actor.user_id;
  entry.proposed_by_name = actor.name;
  entry.proposed_at = event.at;
  entry.stage = LocalAuditStage::proposed;
  entry.stage_at = event.at;
  return store.add_local_audit_entry(audit, entry, event, actor);
}

Result<void> revise_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                const LocalAuditProposal& proposal) {
  CLINAUDIT_TRY(auto local, own_local_audit(store, who, id));
  const auto stage = local.entry.stage;
  if (stage != LocalAuditStage::proposed && stage != LocalAuditStage::changes_requested) {
    return Error{ErrorCode::conflict, "title: this audit has been decided (" + std::string(display_name(stage)) +
                                          "); a proposal is edited only before the decision"};
  }
  if (local.entry.proposed_by != who.user_id && !is_audit_team(who)) {
    return Error{ErrorCode::forbidden, "a proposal is edited by the person who proposed it or by the audit team"};
  }
  CLINAUDIT_TRY_VOID(apply_proposal(store, who, proposal, local.audit, local.entry));
  // Edited while awaiting a decision or after changes were asked for, it awaits a decision.
  return step(store, actor, local,
              event_of(LocalAuditEventKind::resubmitted, LocalAuditStage::proposed, actor, clock, ""));
}

Result<void> decide_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                std::optional<LocalAuditDecision> decision, const std::string& reason) {
  CLINAUDIT_TRY(auto local, own_local_audit(store, who, id));
  if (!is_audit_team(who)) {
    return Error{ErrorCode::forbidden, "proposals are decided by the trust's audit team (audit managers)"};
  }
  if (local.entry.stage != LocalAuditStage::proposed) {
    return Error{ErrorCode::conflict, "decision: this audit is not awaiting a decision (it stands at " +
                                          std::string(display_name(local.entry.stage)) + ")"};
  }
  if (!decision) return invalid_input("decision: choose approve, ask for changes or decline");
  if (blank(reason)) return invalid_input("reason: give the reason for the decision");
  switch (*decision) {
    case LocalAuditDecision::approve:
      return step(store, actor, local,
                  event_of(LocalAuditEventKind::approved, LocalAuditStage::approved, actor, clock, reason));
    case LocalAuditDecision::ask_for_changes:
      return step(
          store, actor, local,
          event_of(LocalAuditEventKind::changes_requested, LocalAuditStage::changes_requested, actor, clock, reason));
    case LocalAuditDecision::decline:
      return step(store, actor, local,
                  event_of(LocalAuditEventKind::declined, LocalAuditStage::declined, actor, clock, reason));
  }
  return invalid_input("decision: choose approve, ask for changes or decline");
}

Result<void> move_local_audit_on(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                 const std::string& note) {
  CLINAUDIT_TRY(auto local, own_local_audit(store, who, id));
  const auto next = next_stage(local.entry.stage);
  if (!next) {
    return Error{ErrorCode::conflict, "this audit does not move on from " +
                                          std::string(display_name(local.entry.stage)) +
                                          (is_finished(local.entry.stage) ? "" : ": it has not been approved")};
  }
  return step(store, actor, local, event_of(LocalAuditEventKind::moved_on, *next, actor, clock, note));
}

Result<void> abandon_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                 const std::string& rationale) {
  CLINAUDIT_TRY(auto local, own_local_audit(store, who, id));
  if (is_finished(local.entry.stage)) {
    return Error{ErrorCode::conflict,
                 "rationale: this audit has ended (" + std::string(display_name(local.entry.stage)) + ")"};
  }
  if (blank(rationale)) return invalid_input("rationale: say why the audit is abandoned");
  return step(store, actor, local,
              event_of(LocalAuditEventKind::abandoned, LocalAuditStage::abandoned, actor, clock, rationale));
}

Result<void> carry_over_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                    AuditId id, const std::string& reason, std::optional<Date> new_end_date) {
  CLINAUDIT_TRY(auto local, own_local_audit(store, who, id));
  if (!is_audit_team(who)) {
    return Error{ErrorCode::forbidden, "audits are carried over by the trust's audit team (audit managers)"};
  }
  const auto stage = local.entry.stage;
  if (is_finished(stage) || stage == LocalAuditStage::proposed || stage == LocalAuditStage::changes_requested) {
    return Error{ErrorCode::conflict,
                 "reason: only an approved audit that has not ended is carried over (this one "
                 "stands at " +
                     std::string(display_name(stage)) + ")"};
  }
  if (blank(reason)) return invalid_input("reason: say why the audit is carried over");
  if (new_end_date) {
    if (local.audit.start_date && *new_end_date < *local.audit.start_date) {
      return invalid_input("end_date: the planned end date cannot be before the start (" +
                           local.audit.start_date->to_string() + ")");
    }
    local.audit.end_date = new_end_date;
  }
  // The stage and the time it was reached stay as they are: a carry-over is not a step.
  auto event = event_of(LocalAuditEventKind::carried_over, stage, actor, clock, reason);
  if (new_end_date) event.note += " (planned end now " + new_end_date->to_string() + ")";
  return store.record_local_audit_event(local.audit, local.entry, event, actor);
}

}  // namespace clinaudit::domain
