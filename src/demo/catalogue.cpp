#include "demo/catalogue.hpp"

namespace clinaudit::demo {
namespace {

domain::Organisation org(const char* code, const char* name, domain::OrganisationType type, const char* region) {
  return domain::Organisation{OrganisationId{}, code, name, type, region};
}

DemoNationalAudit national(const char* code, const char* title, domain::AuditKind kind, const char* topic,
                           const char* provider_body, std::set<domain::OrganisationType> types,
                           int first_year_offset = 0) {
  domain::Audit audit;
  audit.code = code;
  audit.title = title;
  audit.kind = kind;
  audit.topic = topic;
  audit.provider_body = provider_body;
  audit.status = domain::AuditStatus::in_progress;
  return DemoNationalAudit{audit, std::move(types), first_year_offset};
}

}  // namespace

std::vector<domain::Organisation> demo_organisations() {
  using T = domain::OrganisationType;
  return {
      org(kDemoNationalBody, "National Clinical Audit Office (synthetic)", T::national_body, "England"),
      org("Z01", "Riverside University Hospitals NHS Foundation Trust", T::acute, "North East and Yorkshire"),
      org("Z02", "Northmoor Hospitals NHS Trust", T::acute, "North East and Yorkshire"),
      org("Z03", "Eastwick General Hospital NHS Trust", T::acute, "East of England"),
      org("Z04", "Harbourside Hospitals NHS Trust", T::acute, "South West"),
      org("Z05", "Kingsvale University Hospitals NHS Trust", T::acute, "Midlands"),
      org("Z06", "Westerleigh Hospitals NHS Foundation Trust", T::acute, "South West"),
      org("Z07", "Ashcombe and District Hospitals NHS Trust", T::acute, "Midlands"),
      org("Z08", "Millbrook Teaching Hospitals NHS Trust", T::acute, "North West"),
      org("Z09", "Fellside Hospitals NHS Foundation Trust", T::acute, "North West"),
      org("Z10", "Greyford Royal Hospitals NHS Trust", T::acute, "London"),
      org("Z11", "Oakhurst Hospitals NHS Trust", T::acute, "South East"),
      org("Z12", "Brackenmoor Hospitals NHS Trust", T::acute, "North East and Yorkshire"),
      org("Z13", "Saltmarsh University Hospitals NHS Trust", T::acute, "East of England"),
      org("Z14", "Hollins Cross Hospitals NHS Foundation Trust", T::acute, "North West"),
      org("Z15", "Stonebridge General Hospitals NHS Trust", T::acute, "London"),
      org("Z16", "Lindenfield Hospitals NHS Trust", T::acute, "South East"),
      org("Z17", "Thornbury Vale Hospitals NHS Foundation Trust", T::acute, "Midlands"),
      org("Z18", "Cranleigh Bay Hospitals NHS Trust", T::acute, "South East"),
      org("Z19", "Redcastle Hospitals NHS Trust", T::acute, "Midlands"),
      org("Z20", "Wealdmere University Hospitals NHS Foundation Trust", T::acute, "London"),
      org("Z21", "Riverside Mental Health NHS Foundation Trust", T::mental_health, "North East and Yorkshire"),
      org("Z22", "Northmoor Partnership NHS Trust", T::mental_health, "North West"),
      org("Z23", "Eastwick and Fens Mental Health NHS Trust", T::mental_health, "East of England"),
      org("Z24", "Harbourside Care Partnership NHS Foundation Trust", T::mental_health, "South West"),
      org("Z31", "Riverside Community Health NHS Trust", T::community, "North East and Yorkshire"),
      org("Z32", "Kingsvale Community Services NHS Trust", T::community, "Midlands"),
      org("Z33", "Coastal Community Healthcare NHS Trust", T::community, "South East"),
      org("Z41", "Northern Counties Ambulance Service NHS Trust", T::ambulance, "North East and Yorkshire"),
      org("Z42", "Southern Coast Ambulance Service NHS Foundation Trust", T::ambulance, "South East"),
      org("Z51", "Riverside Central Primary Care Network", T::primary_care, "North East and Yorkshire"),
      org("Z52", "Millbrook and Dale Primary Care Network", T::primary_care, "North West"),
      org("Z53", "Oakhurst Villages Primary Care Network", T::primary_care, "South East"),
  };
}

std::vector<DemoNationalAudit> demo_national_audits() {
  using T = domain::OrganisationType;
  const auto nca = domain::AuditKind::national_clinical_audit;
  const auto nce = domain::AuditKind::national_confidential_enquiry;
  return {
      national("NHFD", "National Hip Fracture Database", nca, "Trauma and orthopaedics", "Royal College of Physicians",
               {T::acute}),
      national("SSNAP", "Sentinel Stroke National Audit Programme", nca, "Stroke", "King's College London", {T::acute}),
      national("NELA", "National Emergency Laparotomy Audit", nca, "General surgery", "Royal College of Anaesthetists",
               {T::acute}),
      national("NACAP", "National Asthma and COPD Audit Programme", nca, "Respiratory", "Royal College of Physicians",
               {T::acute, T::primary_care}),
      national("NDA", "National Diabetes Audit", nca, "Diabetes", "NHS England",
               {T::acute, T::community, T::primary_care}),
      national("MINAP", "Myocardial Ischaemia National Audit Project", nca, "Cardiology",
               "National Institute for Cardiovascular Outcomes Research", {T::acute}),
      national("NNAP", "National Neonatal Audit Programme", nca, "Neonatal care",
               "Royal College of Paediatrics and Child Health", {T::acute}),
      national("NAD", "National Audit of Dementia", nca, "Dementia", "Royal College of Psychiatrists",
               {T::acute, T::mental_health}),
      national("NCAP", "National Clinical Audit of Psychosis", nca, "Mental health", "Royal College of Psychiatrists",
               {T::mental_health}),
      national("NAIF", "National Audit of Inpatient Falls", nca, "Older people", "Royal College of Physicians",
               {T::acute}, 1),
      national("NACEL", "National Audit of Care at the End of Life", nca, "End of life care",
               "NHS Benchmarking Network", {T::acute, T::community, T::mental_health}),
      national("OHCAO", "Out-of-Hospital Cardiac Arrest Outcomes", nca, "Pre-hospital care", "University of Warwick",
               {T::ambulance}),
      national("NCEPOD", "Medical and Surgical Clinical Outcome Review Programme (NCEPOD)", nce, "Surgery and medicine",
               "National Confidential Enquiry into Patient Outcome and Death", {T::acute}),
      national("MBRRACE", "Maternal, Newborn and Infant Clinical Outcome Review Programme (MBRRACE-UK)", nce,
               "Maternity", "MBRRACE-UK, University of Oxford", {T::acute}),
      national("NCISH", "National Confidential Inquiry into Suicide and Safety in Mental Health", nce, "Mental health",
               "University of Manchester", {T::mental_health}),
  };
}

}  // namespace clinaudit::demo
