#pragma once

#include <optional>
#include <string>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/access.hpp"
#include "domain/clock.hpp"
#include "domain/local_audit_register.hpp"
#include "domain/store.hpp"

// Proposing a local audit and taking it through its decision and lifecycle
// (docs/governance.md, "The local audit register"). Who does what:
// - any clinician of a trust who manages local audits (clinical lead, audit manager,
//   administrator) proposes one, and the proposer edits and resubmits it while it awaits a
//   decision or changes;
// - the audit team (is_audit_team: audit managers and administrators of the trust) approves
//   it, asks for changes or declines it, each with a reason, and may also edit a proposal;
// - once approved, any of those clinicians moves it on one step at a time, or abandons it
//   with a rationale.
// Each step is written with an entry of the audit's history and of the audit log, in one
// transaction; the audit's status follows its stage (audit_status_of). Common errors:
// forbidden for a role that does not manage local audits; not_found for an audit that is
// not one of the trust's local audits (as for one that does not exist); the store's.
namespace clinaudit::domain {

// A proposal as a person fills it in. Dates are empty when missing or not dates;
// `data_protection_confirmed` is empty when not answered.
struct LocalAuditProposal {
  std::string title;
  std::string topic;
  std::optional<TrustUnitId> division;
  std::optional<TrustUnitId> specialty;
  std::optional<UserId> lead;  // a user of the trust, else `lead_name`
  std::string lead_name;
  std::string supervisor;
  std::string standards;
  std::optional<AuditReason> reason;
  std::optional<ProgrammeTier> tier;  // none: the tier the reason gives (programme_tier_of)
  std::string sample_method;
  std::optional<bool> data_protection_confirmed;
  std::string data_protection_note;
  std::optional<Date> start_date;
  std::optional<Date> end_date;
  std::optional<AuditId> reaudit_of;  // the audit it repeats
};

// Registers the proposal as a new local audit of `who`'s trust, awaiting a decision, with a
// code "LA-<trust code>-<number>". Errors: forbidden for the national body; invalid_input
// naming the field: title, division_id (not the trust's, retired), specialty_id (not of the
// division), lead_id (not of the trust) or lead_name (no lead), standards, reason,
// sample_method, data_protection_confirmed (not answered), data_protection_note (a "no"
// without a note), start_date, end_date (missing, or before the start), reaudit_of (not one
// of the trust's local audits).
Result<AuditId> propose_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                    const LocalAuditProposal& proposal);

// Changes a proposal awaiting a decision or changes (the proposer or the audit team); a
// proposal with changes asked for goes back to await a decision (resubmitted). Errors as
// propose_local_audit; forbidden for someone else; conflict once it has been decided.
Result<void> revise_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                const LocalAuditProposal& proposal);

enum class LocalAuditDecision { approve, ask_for_changes, decline };
std::optional<LocalAuditDecision> parse_local_audit_decision(std::string_view text);

// The audit team's decision on a proposal awaiting one, with the reason. Errors: forbidden
// outside the audit team; conflict when the audit is not awaiting a decision; invalid_input
// naming decision (none chosen) or reason (none given).
Result<void> decide_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                std::optional<LocalAuditDecision> decision, const std::string& reason);

// Moves an approved audit on to its next step (next_stage), with an optional note. Errors:
// conflict for an audit that has not been approved or has finished.
Result<void> move_local_audit_on(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                 const std::string& note);

// Abandons the audit with the rationale. Errors: conflict for an audit that has finished
// (completed, declined or abandoned); invalid_input naming rationale without one.
Result<void> abandon_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock, AuditId id,
                                 const std::string& rationale);

// Records that an audit under way (approved, not finished) is carried over into the next
// financial year, with the reason, and optionally a new planned end date; its stage does not
// change. The forward programme shows the reason in both years. Errors: forbidden outside the
// audit team; conflict for an audit not yet approved or finished; invalid_input naming
// reason (none given) or end_date (before the planned start).
Result<void> carry_over_local_audit(Store& store, const Principal& who, const Actor& actor, const Clock& clock,
                                    AuditId id, const std::string& reason, std::optional<Date> new_end_date);

// Whether `who` may propose local audits: the permission, in a trust.
bool may_propose(const Principal& who);

}  // namespace clinaudit::domain
