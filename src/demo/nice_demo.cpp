#include "demo/nice_demo.hpp"

#include <map>
#include <string>
#include <vector>

#include "demo/catalogue.hpp"

namespace clinaudit::demo {
namespace {

const domain::Actor kDemoActor{std::nullopt, "demo"};

struct Baseline {
  const char* label;
  const char* text;
  std::optional<domain::Compliance> compliance;  // empty: not yet assessed
  const char* evidence;
  const char* action;  // raised from it, in progress; nullptr: none
};

struct Listed {
  domain::GuidanceType type;
  int number;
  const char* title;
  const char* published;
  domain::Applicability applicability;
  const char* note;
  const char* division;  // nullptr: trust-wide
  const char* lead;      // nullptr: the demo's clinical lead
  int review_in_days;    // from the demo's today; negative: overdue
  std::vector<Baseline> baseline;
  std::vector<const char*> audits;  // local audit codes that check it
};

std::string at(Date day, const char* time) { return day.to_string() + "T" + time + "Z"; }

}  // namespace

Result<void> add_demo_nice_register(domain::Store& store, const DemoGovernanceContext& context) {
  using domain::Compliance;
  const domain::Organisation& home = context.organisations.at(kDemoHomeTrust);
  const Date today = context.as_of;
  const auto lead = store.user_by_email("clinical.lead@riverside.example");
  if (!lead) return lead.error();
  auto units = store.trust_units(home.id);
  if (!units) return units.error();
  std::map<std::string, TrustUnitId> divisions;
  for (const auto& unit : *units) {
    if (!unit.is_specialty()) divisions[unit.name] = unit.id;
  }
  const std::vector<Listed> listed{
      {domain::GuidanceType::ng,
       51,
       "Sepsis: recognition, diagnosis and early management",
       "2016-07-13",
       domain::Applicability::applicable,
       "Adults and young people attending the emergency department",
       "Emergency care",
       nullptr,
       150,
       {{"1.1.1", "Think 'could this be sepsis?' if someone presents with signs of infection", Compliance::compliant,
         "Sepsis screening in 94% of triage records (re-audit LA-SEPSIS-2)", nullptr},
        {"1.6.6", "Give antibiotics within 1 hour to people at high risk of severe illness or death from sepsis",
         Compliance::partly_compliant, "Antibiotics within the hour for 71% of high-risk patients (LA-SEPSIS-2)",
         "Antibiotic grab bags in every emergency department resuscitation bay"}},
       {"LA-SEPSIS-1", "LA-SEPSIS-2"}},
      {domain::GuidanceType::ng,
       89,
       "Venous thromboembolism in over 16s: reducing the risk of hospital-acquired deep vein thrombosis or pulmonary "
       "embolism",
       "2018-03-21",
       domain::Applicability::applicable,
       "",
       "Medicine",
       "Dr Tom Hughes, thrombosis lead",
       -20,
       {{"1.1.1",
         "Assess all acute medical patients for the risk of VTE and bleeding as soon as possible after admission",
         Compliance::not_compliant, "Risk assessed within 14 hours for 78% of patients, down from 91% (LA-VTE-2)",
         "Restore the VTE risk prompt in the electronic admission clerking"},
        {"1.2.1", "Give patients verbal and written information about VTE prevention on discharge",
         Compliance::partly_compliant, "Discharge leaflet given on 3 of 5 medical wards", nullptr}},
       {"LA-VTE-1", "LA-VTE-2"}},
      {domain::GuidanceType::ng,
       249,
       "Falls: assessment and prevention in older people and in people 50 and over at higher risk",
       "2025-04-29",
       domain::Applicability::applicable,
       "",
       "Medicine",
       nullptr,
       240,
       {{"1.3.1", "Offer a multifactorial falls risk assessment to older people admitted to hospital",
         Compliance::partly_compliant, "Assessment within 24 hours on the older people's wards only",
         "Extend the falls risk assessment to the acute medical unit"},
        {"1.4.2", "Check lying and standing blood pressure for older people admitted to hospital", std::nullopt, "",
         nullptr}},
       {"LA-FALLS-1"}},
      {domain::GuidanceType::qs,
       121,
       "Antimicrobial stewardship",
       "2016-04-14",
       domain::Applicability::applicable,
       "",
       "Clinical support",
       "Consultant microbiologist",
       300,
       {{"Statement 1", "Prescribers give the indication and a review date with every antimicrobial prescription",
         Compliance::compliant, "Indication and review date on 96% of prescriptions (LA-ABX-1 re-audit)", nullptr},
        {"Statement 3", "Antimicrobial prescriptions are reviewed within 48 to 72 hours", Compliance::compliant,
         "Weekly stewardship ward rounds; 48-hour review on 93% of charts", nullptr}},
       {"LA-ABX-1"}},
      {domain::GuidanceType::ng,
       192,
       "Caesarean birth",
       "2021-03-31",
       domain::Applicability::to_be_assessed,
       "",
       "Women and children",
       "Ms Amy Clarke, head of midwifery",
       60,
       {},
       {}},
      {domain::GuidanceType::ta,
       316,
       "Enzalutamide for metastatic hormone-relapsed prostate cancer previously treated with a docetaxel-containing "
       "regimen",
       "2014-07-23",
       domain::Applicability::not_applicable,
       "The trust runs no oncology service: patients are treated at the regional cancer centre",
       nullptr,
       "Clinical audit manager",
       0,
       {},
       {}},
  };
  for (const auto& item : listed) {
    domain::NiceGuidance row;
    row.organisation_id = home.id;
    row.type = item.type;
    row.number = item.number;
    row.title = item.title;
    row.published_on = *Date::parse(item.published);
    row.applicability = item.applicability;
    row.applicability_note = item.note;
    if (item.lead == nullptr) {
      row.lead = lead->id;
      row.lead_name = lead->display_name;
    } else {
      row.lead_name = item.lead;
    }
    if (item.division != nullptr) row.division = divisions.at(item.division);
    if (item.applicability != domain::Applicability::not_applicable) {
      row.review_due = today.plus_days(item.review_in_days);
      row.last_reviewed_on = row.review_due->plus_days(-365);
    }
    for (const auto& baseline : item.baseline) row.recommendations.push_back({{}, baseline.label, baseline.text});
    auto ids = store.add_nice_guidance({row}, kDemoActor);
    if (!ids) return ids.error();
    const NiceGuidanceId id = ids->front();
    auto stored = store.nice_guidance_item(id);
    if (!stored) return stored.error();
    for (std::size_t i = 0; i < item.baseline.size(); ++i) {
      const auto& baseline = item.baseline[i];
      if (!baseline.compliance) continue;
      domain::NiceAssessment assessment;
      assessment.guidance_id = id;
      assessment.recommendation_id = stored->recommendations[i].id;
      assessment.compliance = *baseline.compliance;
      assessment.evidence = baseline.evidence;
      assessment.assessed_by_user = lead->id;
      assessment.assessed_by = lead->display_name;
      assessment.assessed_at = at(today.plus_days(-40), "11:00:00");
      if (auto added = store.add_nice_assessment(assessment, kDemoActor); !added) return added.error();
      if (baseline.action == nullptr) continue;
      domain::Action action;
      action.organisation_id = home.id;
      action.title = baseline.action;
      action.owner = lead->id;
      action.due_on = today.plus_days(60);
      action.status = domain::ActionStatus::in_progress;
      action.source = domain::ActionSource::nice_recommendation;
      action.source_id = stored->recommendations[i].id.value;
      action.raised_on = today.plus_days(-38);
      if (auto added = store.add_action(action, kDemoActor); !added) return added.error();
    }
    for (const char* code : item.audits) {
      auto audit = store.audit_by_code(code);
      if (!audit) return audit.error();
      if (auto linked = store.set_nice_audit_link(id, audit->id, true, kDemoActor); !linked) return linked.error();
    }
  }
  return {};
}

}  // namespace clinaudit::demo
