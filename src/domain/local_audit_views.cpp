#include "domain/local_audit_views.hpp"

#include <algorithm>
#include <map>

#include "domain/local_audit_workflow.hpp"
#include "domain/trust_structure.hpp"

namespace clinaudit::domain {

namespace {

std::string unit_name(const std::vector<TrustUnit>& units, const std::optional<TrustUnitId>& id) {
  if (!id) return {};
  const auto found = std::ranges::find(units, *id, &TrustUnit::id);
  return found == units.end() ? std::string() : found->name;
}

RegisterRow row_of(const Audit& audit, const std::optional<LocalAuditEntry>& stored,
                   const std::vector<TrustUnit>& units, const std::map<std::int64_t, std::string>& names, Date today) {
  RegisterRow row;
  row.audit = audit;
  if (stored) {
    row.entry = *stored;
  } else {
    row.entry.audit_id = audit.id;
    row.entry.stage = stage_of(audit.status);
  }
  row.division = unit_name(units, row.entry.division);
  row.specialty = unit_name(units, row.entry.specialty);
  if (row.entry.lead) {
    const auto found = names.find(row.entry.lead->value);
    row.lead = found == names.end() ? row.entry.lead_name : found->second;
  } else {
    row.lead = row.entry.lead_name;
  }
  const auto stage = row.entry.stage;
  const bool under_way = stage != LocalAuditStage::proposed && stage != LocalAuditStage::changes_requested;
  row.past_end = under_way && !is_finished(stage) && audit.end_date && *audit.end_date < today;
  return row;
}

std::map<std::int64_t, std::string> people_names(Store& store, OrganisationId organisation) {
  std::map<std::int64_t, std::string> names;
  auto people = store.users(organisation);
  if (people) {
    for (const auto& person : *people) names[person.id.value] = person.display_name;
  }
  return names;
}

Result<std::vector<Audit>> local_audits_of(Store& store, OrganisationId organisation) {
  AuditFilter filter;
  filter.kind = AuditKind::local_audit;
  filter.owner = organisation;
  return store.audits(filter);
}

}  // namespace

Result<LocalAuditRegister> local_audit_register(Store& store, const Principal& who, Date today,
                                                const RegisterFilter& filter) {
  LocalAuditRegister out;
  out.filter = filter;
  CLINAUDIT_TRY(out.units, trust_structure(store, who));
  CLINAUDIT_TRY(const auto audits, local_audits_of(store, who.organisation_id));
  CLINAUDIT_TRY(const auto entries, store.local_audit_entries(who.organisation_id));
  const auto names = people_names(store, who.organisation_id);
  for (const auto& audit : audits) {
    const auto found = std::ranges::find(entries, audit.id, &LocalAuditEntry::audit_id);
    auto row = row_of(audit, found == entries.end() ? std::nullopt : std::optional(*found), out.units, names, today);
    if (filter.stage && row.entry.stage != *filter.stage) continue;
    if (filter.division && row.entry.division != filter.division) continue;
    out.rows.push_back(std::move(row));
  }
  return out;
}

Result<LocalAuditRecord> local_audit_record(Store& store, const Principal& who, Date today, AuditId id) {
  auto audit = store.audit(id);
  if (!audit || audit->kind != AuditKind::local_audit || audit->owner != who.organisation_id) {
    return Error{ErrorCode::not_found, "there is no such local audit"};
  }
  CLINAUDIT_TRY(const auto units, trust_structure(store, who));
  CLINAUDIT_TRY(const auto entry, store.local_audit_entry(id));
  LocalAuditRecord record;
  record.row = row_of(*audit, entry, units, people_names(store, who.organisation_id), today);
  CLINAUDIT_TRY(record.history, store.local_audit_events(id));
  if (audit->reaudit_of) {
    auto earlier = store.audit(*audit->reaudit_of);
    if (earlier && may_see_audit(who, *earlier)) record.repeats = *earlier;
  }
  CLINAUDIT_TRY(const auto audits, local_audits_of(store, who.organisation_id));
  for (const auto& other : audits) {
    if (other.reaudit_of == id) record.reaudits.push_back(other);
  }
  const auto stage = record.row.entry.stage;
  record.next = next_stage(stage);
  const bool takes_part = may_propose(who);
  const bool before_decision = stage == LocalAuditStage::proposed || stage == LocalAuditStage::changes_requested;
  record.may_revise =
      takes_part && before_decision && (is_audit_team(who) || record.row.entry.proposed_by == who.user_id);
  record.may_decide = takes_part && is_audit_team(who) && stage == LocalAuditStage::proposed;
  record.may_move_on = takes_part && record.next.has_value();
  record.may_abandon = takes_part && !is_finished(stage);
  record.may_carry_over = takes_part && is_audit_team(who) && !before_decision && !is_finished(stage);
  return record;
}

Result<ProposalChoices> proposal_choices(Store& store, const Principal& who) {
  ProposalChoices choices;
  CLINAUDIT_TRY(choices.units, trust_structure(store, who));
  CLINAUDIT_TRY(auto people, store.users(who.organisation_id));
  for (auto& person : people) {
    if (person.active) choices.people.push_back(std::move(person));
  }
  CLINAUDIT_TRY(choices.audits, local_audits_of(store, who.organisation_id));
  return choices;
}

Result<std::vector<AuditId>> audits_in_division(Store& store, const Principal& who, TrustUnitId division) {
  CLINAUDIT_TRY(const auto entries, store.local_audit_entries(who.organisation_id));
  std::vector<AuditId> ids;
  for (const auto& entry : entries) {
    if (entry.division == division) ids.push_back(entry.audit_id);
  }
  return ids;
}

}  // namespace clinaudit::domain
