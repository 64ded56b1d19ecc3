#include "demo/report_tracker_demo.hpp"

#include <map>
#include <string>
#include <vector>

#include "demo/catalogue.hpp"

namespace clinaudit::demo {
namespace {

const domain::Actor kDemoActor{std::nullopt, "demo"};

struct Baseline {
  int number;
  domain::Compliance compliance;
  const char* evidence;
};

struct Tracked {
  const char* audit;
  const char* lead;  // nullptr: the demo's clinical lead
  int deadline_weeks;
  std::vector<Baseline> baseline;
  const char* action;  // raised from the first recommendation, in progress; nullptr: none
};

std::string at(Date day, const char* time) { return day.to_string() + "T" + time + "Z"; }

}  // namespace

Result<void> add_demo_report_tracker(domain::Store& store, const DemoGovernanceContext& context) {
  const domain::Organisation& home = context.organisations.at(kDemoHomeTrust);
  const auto lead = store.user_by_email("clinical.lead@riverside.example");
  if (!lead) return lead.error();
  const std::vector<Tracked> tracked{
      {"NHFD",
       nullptr,
       12,
       {{1, domain::Compliance::partly_compliant, "Orthogeriatric review within 72 hours for 81% of patients (NHFD)"},
        {2, domain::Compliance::compliant, "Mobilised by the day after surgery: 89%, above the national 82%"}},
       nullptr},
      {"SSNAP",
       "Dr Tom Hughes, stroke lead",
       12,
       {{1, domain::Compliance::partly_compliant, "Direct admission within 4 hours for 58% of patients"}},
       nullptr},
      {"NELA",
       nullptr,
       12,
       {{1, domain::Compliance::compliant, "Consultants present for 96% of high-risk laparotomies"},
        {2, domain::Compliance::compliant, "Risk recorded before surgery for 91% of patients"}},
       nullptr},
      {"NCEPOD",
       nullptr,
       8,
       {{1, domain::Compliance::not_compliant, "No agreed local standard for the time from referral to endoscopy"}},
       "Agree local standards for referral to endoscopy with the gastroenterology directorate"},
      {"MBRRACE",
       "Ms Amy Clarke, head of midwifery",
       12,
       {{1, domain::Compliance::compliant, "Every perinatal death since April reviewed with the review tool"},
        {2, domain::Compliance::compliant, "Bereaved parents offered a say in 14 of 14 reviews"}},
       nullptr},
      {"NACAP", "Dr Sara Khan, respiratory lead", 6, {}, nullptr},
  };
  auto reviews = store.report_reviews(home.id);
  if (!reviews) return reviews.error();
  for (const auto& item : tracked) {
    const AuditId audit = context.audits.at(item.audit);
    for (const auto& review : *reviews) {
      if (review.audit_id != audit) continue;
      domain::ReportAssignment assignment;
      assignment.organisation_id = home.id;
      assignment.report_id = review.report_id;
      if (item.lead == nullptr) {
        assignment.lead = lead->id;
        assignment.lead_name = lead->display_name;
      } else {
        assignment.lead_name = item.lead;
      }
      assignment.deadline = review.published_on.plus_days(std::int64_t{7} * item.deadline_weeks);
      assignment.assigned_at = at(review.published_on.plus_days(3), "09:30:00");
      assignment.assigned_by = "Clinical audit manager";
      if (auto done = store.set_report_assignment(assignment, kDemoActor); !done) return done.error();
      std::map<int, std::int64_t> assessed;
      for (const auto& baseline : item.baseline) {
        domain::RecommendationAssessment row;
        row.organisation_id = home.id;
        row.report_id = review.report_id;
        row.number = baseline.number;
        row.compliance = baseline.compliance;
        row.evidence = baseline.evidence;
        row.assessed_by_user = lead->id;
        row.assessed_by = lead->display_name;
        row.assessed_at = at(review.published_on.plus_days(21), "14:00:00");
        auto id = store.add_recommendation_assessment(row, kDemoActor);
        if (!id) return id.error();
        assessed[baseline.number] = *id;
      }
      if (item.action == nullptr) continue;
      domain::Action action;
      action.organisation_id = home.id;
      action.audit_id = audit;
      action.title = item.action;
      action.owner = lead->id;
      action.due_on = context.as_of.plus_days(45);
      action.status = domain::ActionStatus::in_progress;
      action.source = domain::ActionSource::audit_recommendation;
      action.source_id = assessed.at(1);
      action.raised_on = review.published_on.plus_days(22);
      if (auto added = store.add_action(action, kDemoActor); !added) return added.error();
    }
  }
  return {};
}

}  // namespace clinaudit::demo
