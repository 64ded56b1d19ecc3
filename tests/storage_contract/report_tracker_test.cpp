// The report tracker (migration 0014): a report's assignment, replaced when assigned again;
// recommendation assessments, only ever added and read oldest first; the review weeks of an
// organisation; each write with its audit-log entry, and a refused write leaving nothing.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

AuditReportId add_report(domain::Store& store, AuditId audit, const domain::Actor& actor) {
  domain::AuditReport report;
  report.audit_id = audit;
  report.title = "NHFD annual report";
  report.published_on = day("2025-09-12");
  report.recommendations = {{1, "Orthogeriatric review"}, {2, "Out of bed the next day"}};
  return store.add_audit_reports({report}, actor).value().front();
}

domain::RecommendationAssessment assessment_of(OrganisationId trust, AuditReportId report, int number,
                                               domain::Compliance compliance, const char* at) {
  domain::RecommendationAssessment row;
  row.organisation_id = trust;
  row.report_id = report;
  row.number = number;
  row.compliance = compliance;
  row.evidence = "Audit of 40 notes";
  row.assessed_by = "Audit manager";
  row.assessed_at = at;
  return row;
}

TEST_P(StoreContract, AReportHasOneAssignmentPerOrganisationReplacedWhenAssignedAgain) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto lead = add_user("lead@riverside.nhs.uk", trust);
  const auto report = add_report(store(), add_audit("NHFD"), actor());

  domain::ReportAssignment row;
  row.organisation_id = trust;
  row.report_id = report;
  row.lead = lead;
  row.lead_name = "Dr Lead";
  row.deadline = day("2025-12-05");
  row.assigned_at = "2025-09-15T09:00:00Z";
  row.assigned_by = "Audit manager";
  ASSERT_OK(store().set_report_assignment(row, actor()));
  row.lead.reset();
  row.lead_name = "Mr Locum";
  row.deadline = day("2026-01-09");
  ASSERT_OK(store().set_report_assignment(row, actor()));

  const auto stored = store().report_assignments(trust);
  ASSERT_OK(stored);
  ASSERT_EQ(stored->size(), 1U);
  EXPECT_FALSE((*stored)[0].lead.has_value());
  EXPECT_EQ((*stored)[0].lead_name, "Mr Locum");
  EXPECT_EQ((*stored)[0].deadline, day("2026-01-09"));
  EXPECT_EQ((*stored)[0].report_title, "NHFD annual report");
  EXPECT_EQ((*stored)[0].published_on, day("2025-09-12"));
  EXPECT_TRUE(store().report_assignments(other)->empty());
  const auto logged = store().audit_log("report_assignment", 10);
  ASSERT_OK(logged);
  ASSERT_EQ(logged->size(), 2U);
  EXPECT_THAT((*logged)[0].after + (*logged)[1].after, HasSubstr("Mr Locum"));

  // No lead at all, or an unknown report: refused, nothing written.
  row.lead_name.clear();
  const auto no_lead = store().set_report_assignment(row, actor());
  ASSERT_FALSE(no_lead);
  EXPECT_EQ(no_lead.error().code, ErrorCode::invalid_input);
  row.lead_name = "Someone";
  row.report_id = AuditReportId{report.value + 1000};
  const auto unknown = store().set_report_assignment(row, actor());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
  EXPECT_EQ(store().report_assignments(trust)->size(), 1U);
}

TEST_P(StoreContract, AssessmentsAreAddedAndReadOldestFirstForOneReportOrAll) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto assessor = add_user("manager@riverside.nhs.uk", trust);
  const auto report = add_report(store(), add_audit("NHFD"), actor());

  auto later = assessment_of(trust, report, 1, domain::Compliance::partly_compliant, "2025-10-02T10:00:00Z");
  later.assessed_by_user = assessor;
  ASSERT_OK(store().add_recommendation_assessment(later, actor()));
  ASSERT_OK(store().add_recommendation_assessment(
      assessment_of(trust, report, 1, domain::Compliance::not_compliant, "2025-10-01T10:00:00Z"), actor()));
  ASSERT_OK(store().add_recommendation_assessment(
      assessment_of(trust, report, 2, domain::Compliance::not_applicable, "2025-10-01T11:00:00Z"), actor()));

  const auto rows = store().recommendation_assessments(trust, report);
  ASSERT_OK(rows);
  ASSERT_EQ(rows->size(), 3U);
  EXPECT_EQ((*rows)[0].compliance, domain::Compliance::not_compliant);
  EXPECT_EQ((*rows)[1].compliance, domain::Compliance::not_applicable);
  EXPECT_EQ((*rows)[2].compliance, domain::Compliance::partly_compliant);
  EXPECT_EQ((*rows)[2].assessed_by_user, assessor);
  EXPECT_EQ((*rows)[2].evidence, "Audit of 40 notes");
  EXPECT_EQ(store().recommendation_assessments(trust, std::nullopt)->size(), 3U);
  EXPECT_TRUE(store().recommendation_assessments(other, std::nullopt)->empty());
  EXPECT_EQ(store().audit_log("recommendation_assessment", 10)->size(), 3U);

  // A number the report does not have, and an assessment without evidence: nothing written.
  const auto missing = store().add_recommendation_assessment(
      assessment_of(trust, report, 3, domain::Compliance::compliant, "2025-10-03T10:00:00Z"), actor());
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  auto bare = assessment_of(trust, report, 2, domain::Compliance::compliant, "2025-10-03T10:00:00Z");
  bare.evidence.clear();
  const auto refused = store().add_recommendation_assessment(bare, actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store().recommendation_assessments(trust, report)->size(), 3U);
}

TEST_P(StoreContract, AnOrganisationsReviewWeeksAreSetAndChanged) {
  const auto trust = add_organisation("RXX");
  EXPECT_FALSE(store().report_review_weeks(trust)->has_value());
  ASSERT_OK(store().set_report_review_weeks(trust, 8, actor()));
  ASSERT_OK(store().set_report_review_weeks(trust, 10, actor()));
  EXPECT_EQ(store().report_review_weeks(trust)->value_or(0), 10);
  EXPECT_EQ(store().audit_log("report_tracker_settings", 10)->size(), 2U);
  const auto unknown = store().set_report_review_weeks(OrganisationId{trust.value + 1000}, 8, actor());
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);
}

}  // namespace
}  // namespace clinaudit::contract
