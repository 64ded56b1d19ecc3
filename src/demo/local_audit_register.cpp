#include "demo/local_audit_register.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "demo/catalogue.hpp"
#include "domain/local_audit_register.hpp"

namespace clinaudit::demo {
namespace {

using domain::LocalAuditEventKind;
using domain::LocalAuditStage;

const domain::Actor kDemoActor{std::nullopt, "demo"};

std::string at(Date day, const char* time) { return day.to_string() + "T" + time + "Z"; }

struct Person {
  std::optional<UserId> id;
  std::string name;
};

// Writes `audit`'s steps one after another: each (kind, stage, day, note) becomes the
// audit's stage and a history entry.
struct Step {
  LocalAuditEventKind kind;
  LocalAuditStage stage;
  Date day;
  std::string note;
  const Person* by;
};

Result<void> write_steps(domain::Store& store, domain::Audit audit, domain::LocalAuditEntry entry,
                         const std::vector<Step>& steps) {
  for (const auto& step : steps) {
    domain::LocalAuditEvent event;
    event.kind = step.kind;
    event.stage = step.stage;
    event.at = at(step.day, "10:00:00");
    event.by = step.by->id;
    event.by_name = step.by->name;
    event.note = step.note;
    entry.stage = step.stage;
    entry.stage_at = event.at;
    audit.status = domain::audit_status_of(step.stage);
    if (auto written = store.record_local_audit_event(audit, entry, event, kDemoActor); !written) {
      return written.error();
    }
  }
  return {};
}

// The lifecycle from approval up to `last`, in order.
std::vector<LocalAuditStage> stages_up_to(LocalAuditStage last) {
  std::vector<LocalAuditStage> stages;
  for (auto stage = domain::next_stage(LocalAuditStage::approved); stage; stage = domain::next_stage(*stage)) {
    stages.push_back(*stage);
    if (*stage == last) break;
  }
  return stages;
}

}  // namespace

Result<void> add_demo_register(domain::Store& store, const DemoGovernanceContext& context) {
  const domain::Organisation& home = context.organisations.at(kDemoHomeTrust);
  const Date today = context.as_of;
  auto people = store.users(home.id);
  if (!people) return people.error();
  Person lead{std::nullopt, "Clinical lead"};
  Person manager{std::nullopt, "Audit manager"};
  for (const auto& user : *people) {
    if (user.role == domain::Role::clinical_lead) lead = {user.id, user.display_name};
    if (user.role == domain::Role::audit_manager) manager = {user.id, user.display_name};
  }

  // Divisions, each with its specialties; a retired specialty stays on the structure page.
  const std::vector<std::pair<const char*, std::vector<const char*>>> structure = {
      {"Clinical support", {"Pharmacy"}},
      {"Emergency care", {"Emergency medicine"}},
      {"Medicine", {"Acute medicine", "Older people's medicine", "Care of the elderly"}},
      {"Surgery", {"General surgery", "Trauma and orthopaedics"}},
      {"Women and children", {"Maternity", "Paediatrics"}}};
  std::map<std::string, TrustUnitId> units;
  for (const auto& [division, specialties] : structure) {
    domain::TrustUnit unit;
    unit.organisation_id = home.id;
    unit.name = division;
    auto id = store.add_trust_unit(unit, kDemoActor);
    if (!id) return id.error();
    units[division] = *id;
    for (const char* name : specialties) {
      domain::TrustUnit specialty;
      specialty.organisation_id = home.id;
      specialty.division = *id;
      specialty.name = name;
      // Care of the elderly merged into older people's medicine.
      specialty.retired = std::string_view(name) == "Care of the elderly";
      auto added = store.add_trust_unit(specialty, kDemoActor);
      if (!added) return added.error();
      units[name] = *added;
    }
  }

  // The local audits recorded earlier: where they belong, who leads them, and their story.
  struct Placed {
    const char* code;
    const char* division;
    const char* specialty;
    domain::AuditReason reason;
    LocalAuditStage stage;
  };
  const Placed placed[] = {
      {"LA-SEPSIS-1", "Emergency care", "Emergency medicine", domain::AuditReason::incident_or_complaint,
       LocalAuditStage::completed},
      {"LA-SEPSIS-2", "Emergency care", "Emergency medicine", domain::AuditReason::trust_priority,
       LocalAuditStage::review},
      {"LA-VTE-1", "Medicine", "Acute medicine", domain::AuditReason::nice_guidance, LocalAuditStage::completed},
      {"LA-VTE-2", "Medicine", "Acute medicine", domain::AuditReason::nice_guidance, LocalAuditStage::actions},
      {"LA-ABX-1", "Clinical support", "Pharmacy", domain::AuditReason::national_requirement, LocalAuditStage::reaudit},
      {"LA-CONSENT-1", "Surgery", "General surgery", domain::AuditReason::incident_or_complaint,
       LocalAuditStage::data_collection},
      {"LA-FALLS-1", "Medicine", "Older people's medicine", domain::AuditReason::trust_priority,
       LocalAuditStage::approved},
  };
  for (const auto& row : placed) {
    auto audit = store.audit_by_code(row.code);
    if (!audit) return audit.error();
    domain::LocalAuditEntry entry;
    entry.audit_id = audit->id;
    entry.division = units.at(row.division);
    entry.specialty = units.at(row.specialty);
    entry.lead = lead.id;
    entry.lead_name = lead.id ? "" : lead.name;
    entry.reason = row.reason;
    // The consent audit, prompted by a complaint, also answers a CQC inspection finding: the
    // audit team made it a trust priority.
    entry.tier = std::string_view(row.code) == "LA-CONSENT-1" ? domain::ProgrammeTier::trust_priority
                                                              : domain::programme_tier_of(row.reason);
    entry.sample_method = "Case notes of consecutive eligible patients over one month, reviewed by two auditors";
    entry.data_protection_confirmed = true;
    entry.proposed_by = lead.id;
    entry.proposed_by_name = lead.name;
    const Date start = audit->start_date.value_or(today);
    const Date proposed = start.plus_days(-35);
    entry.proposed_at = at(proposed, "09:00:00");
    std::vector<Step> steps = {
        {LocalAuditEventKind::proposed, LocalAuditStage::proposed, proposed, "", &lead},
        {LocalAuditEventKind::approved, LocalAuditStage::approved, std::min(proposed.plus_days(9), today.plus_days(-1)),
         "Meets the trust's audit priorities; data protection check confirmed", &manager}};
    if (row.stage != LocalAuditStage::approved) {
      const auto later = stages_up_to(row.stage);
      const Date last = std::min(today.plus_days(-3), audit->end_date.value_or(today).plus_days(60));
      const std::int64_t span = std::max<std::int64_t>(1, last.days_since_epoch() - start.days_since_epoch());
      for (std::size_t i = 0; i < later.size(); ++i) {
        const auto offset = span * static_cast<std::int64_t>(i) / static_cast<std::int64_t>(later.size());
        steps.push_back({LocalAuditEventKind::moved_on, later[i], start.plus_days(offset), "", &lead});
      }
    }
    if (auto written = write_steps(store, *audit, entry, steps); !written) return written.error();
  }

  // The antibiotic audit, planned in the last financial year, is still at its re-audit: the
  // audit team carried it over, so the forward programme gives the reason in both years.
  if (auto abx = store.audit_by_code("LA-ABX-1"); abx) {
    auto entry = store.local_audit_entry(abx->id);
    if (!entry) return entry.error();
    if (*entry) {
      domain::LocalAuditEvent event;
      event.kind = LocalAuditEventKind::carried_over;
      event.stage = (*entry)->stage;
      event.at = at(std::max(abx->start_date.value_or(today), today.plus_days(-40)), "11:00:00");
      event.by = manager.id;
      event.by_name = manager.name;
      event.note =
          "The re-audit waits for the electronic prescribing change, so that it measures the new review-date field";
      if (auto written = store.record_local_audit_event(*abx, **entry, event, kDemoActor); !written) {
        return written.error();
      }
    }
  }

  // Proposals of the past weeks.
  struct Proposal {
    const char* title;
    const char* topic;
    const char* division;
    const char* specialty;
    const char* standards;
    domain::AuditReason reason;
    int proposed_days_ago;
  };
  const auto propose = [&](const Proposal& p, int number) -> Result<std::pair<domain::Audit, domain::LocalAuditEntry>> {
    domain::Audit audit;
    audit.code = "LA-" + home.code + "-" + std::to_string(1000 + number).substr(1);
    audit.title = p.title;
    audit.topic = p.topic;
    audit.standards = p.standards;
    audit.kind = domain::AuditKind::local_audit;
    audit.owner = home.id;
    audit.start_date = today.plus_days(30);
    audit.end_date = today.plus_days(120);
    domain::LocalAuditEntry entry;
    entry.division = units.at(p.division);
    entry.specialty = units.at(p.specialty);
    entry.lead = lead.id;
    entry.lead_name = lead.id ? "" : lead.name;
    entry.supervisor = "Clinical audit facilitator";
    entry.reason = p.reason;
    entry.tier = domain::programme_tier_of(p.reason);
    entry.sample_method = "30 consecutive patients from the ward's admissions list, case notes review";
    entry.data_protection_confirmed = true;
    entry.proposed_by = lead.id;
    entry.proposed_by_name = lead.name;
    const Date day = today.plus_days(-p.proposed_days_ago);
    entry.proposed_at = at(day, "09:30:00");
    entry.stage_at = entry.proposed_at;
    domain::LocalAuditEvent event;
    event.kind = LocalAuditEventKind::proposed;
    event.at = entry.proposed_at;
    event.by = lead.id;
    event.by_name = lead.name;
    auto id = store.add_local_audit_entry(audit, entry, event, kDemoActor);
    if (!id) return id.error();
    audit.id = *id;
    entry.audit_id = *id;
    return std::pair{audit, entry};
  };

  // Waiting three weeks for a decision: the audit managers are reminded.
  auto waiting = propose(
      {"Hand hygiene before aseptic procedures on the children's ward", "Infection prevention", "Women and children",
       "Paediatrics", "WHO five moments for hand hygiene; trust IPC policy", domain::AuditReason::trust_priority, 21},
      8);
  if (!waiting) return waiting.error();

  auto sent_back = propose(
      {"Fetal heart rate monitoring interpretation in labour", "Fetal monitoring", "Women and children", "Maternity",
       "NICE NG229 Fetal monitoring in labour, recommendations 1.4 to 1.10", domain::AuditReason::nice_guidance, 12},
      9);
  if (!sent_back) return sent_back.error();
  if (auto written =
          write_steps(store, sent_back->first, sent_back->second,
                      {{LocalAuditEventKind::changes_requested, LocalAuditStage::changes_requested, today.plus_days(-6),
                        "Say how the 30 traces are chosen (every fifth birth?) and who reviews them", &manager}});
      !written) {
    return written.error();
  }

  auto declined = propose({"Patient satisfaction with hospital food", "Catering", "Medicine", "Acute medicine",
                           "Trust catering standards", domain::AuditReason::local_interest, 40},
                          10);
  if (!declined) return declined.error();
  if (auto written =
          write_steps(store, declined->first, declined->second,
                      {{LocalAuditEventKind::declined, LocalAuditStage::declined, today.plus_days(-33),
                        "Not a clinical audit: the patient experience team's survey asks this already", &manager}});
      !written) {
    return written.error();
  }

  auto abandoned =
      propose({"Delirium screening after hip fracture surgery", "Delirium", "Surgery", "Trauma and orthopaedics",
               "NICE CG103 Delirium, recommendation 1.2", domain::AuditReason::incident_or_complaint, 90},
              11);
  if (!abandoned) return abandoned.error();
  if (auto written = write_steps(
          store, abandoned->first, abandoned->second,
          {{LocalAuditEventKind::approved, LocalAuditStage::approved, today.plus_days(-80),
            "Follows the serious incident review of June", &manager},
           {LocalAuditEventKind::moved_on, LocalAuditStage::data_collection, today.plus_days(-60), "", &lead},
           {LocalAuditEventKind::abandoned, LocalAuditStage::abandoned, today.plus_days(-20),
            "The National Hip Fracture Database now reports delirium screening for every patient: the trust "
            "uses its figures instead",
            &manager}});
      !written) {
    return written.error();
  }
  return {};
}

}  // namespace clinaudit::demo
