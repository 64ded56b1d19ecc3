#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/ids.hpp"
#include "core/result.hpp"
#include "domain/audit.hpp"

// The local audit register (docs/governance.md, "The local audit register"): a trust's
// divisions and specialties, and each local audit's proposal, decision and lifecycle.
namespace clinaudit {
using TrustUnitId = Id<struct TrustUnitTag>;
}  // namespace clinaudit

namespace clinaudit::domain {

// A division of a trust ("Surgery") or, when `division` is set, a specialty within that
// division ("Trauma and orthopaedics"). A retired one stays on the audits that name it but
// is offered for no new audit.
struct TrustUnit {
  TrustUnitId id;
  OrganisationId organisation_id;
  std::optional<TrustUnitId> division;  // set for a specialty
  std::string name;
  bool retired = false;

  bool is_specialty() const { return division.has_value(); }
};

// Where a local audit stands. After approval it moves forward one step at a time, from data
// collection to completed; it may be abandoned at any point before it is completed or declined.
enum class LocalAuditStage {
  proposed,           // awaiting the audit team's decision
  changes_requested,  // the proposer edits and resubmits
  declined,
  approved,
  data_collection,
  analysis,
  report,
  review,
  actions,
  reaudit,
  completed,
  abandoned,
};

std::string_view to_string(LocalAuditStage stage);
std::optional<LocalAuditStage> parse_local_audit_stage(std::string_view text);
std::string_view display_name(LocalAuditStage stage);  // "Data collection"

// The AuditStatus every other page reads (the register, the Quality Account, the board pack):
// proposed, changes requested and approved are planned; data collection is in progress;
// analysis is data collection complete; report, review, actions and re-audit are reported;
// completed, declined and abandoned are closed.
AuditStatus audit_status_of(LocalAuditStage stage);
// The stage of a local audit recorded before the register kept stages (its status alone):
// planned is approved, in progress is data collection, data collection complete is analysis,
// reported is report and closed is completed.
LocalAuditStage stage_of(AuditStatus status);
// The step after `stage` in the lifecycle; none for a stage that does not move forward
// (before approval, and the ends).
std::optional<LocalAuditStage> next_stage(LocalAuditStage stage);
// Whether the audit's story has ended (completed, declined, abandoned).
bool is_finished(LocalAuditStage stage);

// Why a local audit is proposed.
enum class AuditReason { national_requirement, nice_guidance, incident_or_complaint, trust_priority, local_interest };

std::string_view to_string(AuditReason reason);
std::optional<AuditReason> parse_audit_reason(std::string_view text);
std::string_view display_name(AuditReason reason);  // "Incident or complaint"

// Where an audit stands in the year's forward programme, highest first: national and
// mandatory (the national programme, statutory and regulatory requirements), trust
// priorities (CQC, commissioners, NICE guidance the trust has chosen to audit), divisional
// (a division's own risks, incidents and complaints), local interest.
enum class ProgrammeTier { national_mandatory, trust_priority, divisional, local_interest };

std::string_view to_string(ProgrammeTier tier);
std::optional<ProgrammeTier> parse_programme_tier(std::string_view text);
std::string_view display_name(ProgrammeTier tier);  // "National and mandatory"
// The tier a proposal takes when none is chosen: national requirement is national and
// mandatory; NICE guidance and trust priority are trust priorities; an incident or complaint
// is divisional; local interest stays local interest.
ProgrammeTier programme_tier_of(AuditReason reason);

// A local audit's register entry: what its proposal says beyond the Audit record (title,
// topic, standards and the planned start and end dates are the Audit's), and its stage.
struct LocalAuditEntry {
  AuditId audit_id;
  std::optional<TrustUnitId> division;
  std::optional<TrustUnitId> specialty;
  std::optional<UserId> lead;  // a user of the trust, else `lead_name`
  std::string lead_name;
  std::string supervisor;
  std::optional<AuditReason> reason;
  std::optional<ProgrammeTier> tier;  // its priority in the forward programme
  std::string sample_method;
  bool data_protection_confirmed = false;
  std::string data_protection_note;
  std::optional<UserId> proposed_by;
  std::string proposed_by_name;
  std::string proposed_at;  // ISO 8601 UTC
  LocalAuditStage stage = LocalAuditStage::proposed;
  std::string stage_at;  // when it reached its stage, ISO 8601 UTC
};

// One step of a local audit's history.
// A carry-over records why an audit under way will finish in a later year than planned; its
// stage does not change.
enum class LocalAuditEventKind {
  proposed,
  resubmitted,
  changes_requested,
  approved,
  declined,
  moved_on,
  abandoned,
  carried_over
};

std::string_view to_string(LocalAuditEventKind kind);
std::optional<LocalAuditEventKind> parse_local_audit_event_kind(std::string_view text);
std::string_view display_name(LocalAuditEventKind kind);  // "Changes asked for"

// A dated, attributed step: the stage it reached and the reason, rationale or note given.
struct LocalAuditEvent {
  std::int64_t id = 0;
  AuditId audit_id;
  LocalAuditEventKind kind = LocalAuditEventKind::proposed;
  LocalAuditStage stage = LocalAuditStage::proposed;
  std::string at;  // ISO 8601 UTC
  std::optional<UserId> by;
  std::string by_name;
  std::string note;
};

// The rules every store applies before writing (invalid_input, naming the field): a unit has
// a name; a step has a time; approving, declining, asking for changes, abandoning and
// carrying over say why.
Result<void> check(const TrustUnit& unit);
Result<void> check(const LocalAuditEvent& event);

}  // namespace clinaudit::domain
