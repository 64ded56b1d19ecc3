#include "demo/criteria.hpp"

namespace clinaudit::demo {
namespace {

const domain::Actor kCriteriaActor{std::nullopt, "demo"};

struct DemoCriterion {
  const char* audit_code;
  const char* statement;
  double target_percent;
  const char* exceptions;
  std::int64_t met;
  std::int64_t applicable;
};

// The sepsis screening criterion keeps the audits' overall compliance (62/100, then 102/120).
constexpr DemoCriterion kCriteria[] = {
    {"LA-SEPSIS-1", "Patients with suspected sepsis are screened with the sepsis tool at triage", 95,
     "Patients brought in by ambulance with a completed pre-alert screen", 62, 100},
    {"LA-SEPSIS-1", "Patients with red flag sepsis receive antibiotics within one hour of arrival", 95,
     "Patients with a documented decision not to escalate treatment", 71, 90},
    {"LA-SEPSIS-2", "Patients with suspected sepsis are screened with the sepsis tool at triage", 95,
     "Patients brought in by ambulance with a completed pre-alert screen", 102, 120},
    {"LA-SEPSIS-2", "Patients with red flag sepsis receive antibiotics within one hour of arrival", 95,
     "Patients with a documented decision not to escalate treatment", 84, 104},
    {"LA-ABX-1", "Allergy status is recorded on the prescription chart", 100, "", 200, 200},
    {"LA-ABX-1", "Antibiotic prescriptions state the indication", 95, "Single-dose surgical prophylaxis", 186, 200},
    {"LA-ABX-1", "Antibiotic prescriptions have a review date within 72 hours", 90, "Single-dose surgical prophylaxis",
     140, 200},
};

}  // namespace

Result<void> add_demo_criteria(domain::Store& store) {
  for (const auto& demo : kCriteria) {
    CLINAUDIT_TRY(const auto audit, store.audit_by_code(demo.audit_code));
    domain::Criterion criterion;
    criterion.audit_id = audit.id;
    criterion.statement = demo.statement;
    criterion.target_percent = demo.target_percent;
    criterion.exceptions = demo.exceptions;
    criterion.met = demo.met;
    criterion.applicable = demo.applicable;
    CLINAUDIT_TRY_VOID(store.add_criterion(criterion, kCriteriaActor));
  }
  return {};
}

}  // namespace clinaudit::demo
