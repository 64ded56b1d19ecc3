#include "domain/quality_account.hpp"

#include <gtest/gtest.h>

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

Audit audit(std::int64_t id, const char* code, const char* title, AuditKind kind) {
  Audit row;
  row.id = AuditId{id};
  row.code = code;
  row.title = title;
  row.kind = kind;
  return row;
}

Participation took_part(std::int64_t audit_id, std::optional<bool> eligible, std::optional<bool> participating,
                        std::optional<bool> completed, std::optional<std::int64_t> submitted,
                        std::optional<std::int64_t> required) {
  Participation row;
  row.organisation_id = OrganisationId{1};
  row.audit_id = AuditId{audit_id};
  row.year = FinancialYear{2025};
  row.eligible = eligible;
  row.participating = participating;
  row.data_collection_completed = completed;
  row.cases_submitted = submitted;
  row.cases_required = required;
  return row;
}

// A hand-counted fixture: seven audits on the 2025/26 list for an acute trust.
QualityAccountInputs fixture() {
  QualityAccountInputs in;
  in.organisation = Organisation{OrganisationId{1}, "RXA", "Example Acute Trust", OrganisationType::acute, "North"};
  in.year = FinancialYear{2025};
  const auto nca = AuditKind::national_clinical_audit;
  const auto nce = AuditKind::national_confidential_enquiry;
  in.audits = {audit(1, "NHFD", "National Hip Fracture Database", nca),
               audit(2, "NACAP", "National Asthma and COPD Audit Programme", nca),
               audit(3, "NCEPOD-END", "NCEPOD: Endometriosis", nce),
               audit(4, "SSNAP", "Sentinel Stroke National Audit Programme", nca),
               audit(5, "NCAP-MH", "National Clinical Audit of Psychosis", nca),
               audit(6, "MBRRACE", "MBRRACE-UK Perinatal Mortality Surveillance", nce),
               audit(7, "NNAP", "National Neonatal Audit Programme", nca),
               audit(8, "LA-17", "Local audit of sepsis screening", AuditKind::local_audit)};
  const std::set<OrganisationType> acute{OrganisationType::acute};
  in.qa_list = {{AuditId{1}, in.year, acute},
                {AuditId{2}, in.year, {OrganisationType::acute, OrganisationType::mental_health}},
                {AuditId{3}, in.year, acute},
                {AuditId{4}, in.year, acute},
                {AuditId{5}, in.year, {OrganisationType::mental_health}},
                {AuditId{6}, in.year, acute},
                {AuditId{7}, in.year, acute}};
  in.participation = {took_part(1, true, true, true, 45, 50),
                      took_part(2, true, true, false, std::nullopt, std::nullopt),
                      took_part(3, true, false, std::nullopt, std::nullopt, std::nullopt),
                      took_part(6, true, true, true, std::nullopt, std::nullopt),
                      took_part(7, false, std::nullopt, std::nullopt, std::nullopt, std::nullopt)};
  in.participation[2].reason_not_participating = "No eligible cases in the sampling period";
  ReportReview national{ReportReviewId{1},
                        AuditId{1},
                        OrganisationId{1},
                        "NHFD annual report 2025",
                        d("2025-09-12"),
                        d("2025-11-04"),
                        "Quality Committee",
                        "Orthogeriatric review within 72 hours",
                        {},
                        ""};
  ReportReview no_actions{ReportReviewId{2},
                          AuditId{4},
                          OrganisationId{1},
                          "SSNAP annual report",
                          d("2025-06-01"),
                          d("2026-01-20"),
                          "Quality Committee",
                          "",
                          {},
                          ""};
  ReportReview last_year{ReportReviewId{3}, AuditId{2}, OrganisationId{1},          "NACAP 2024", d("2024-06-01"),
                         d("2025-03-31"),   "Board",    "Inhaler technique checks", {},           ""};
  ReportReview local{ReportReviewId{4},
                     AuditId{8},
                     OrganisationId{1},
                     "Sepsis screening re-audit",
                     d("2025-10-01"),
                     d("2026-03-31"),
                     "Audit Committee",
                     "Screening tool in the ED triage form",
                     {},
                     ""};
  in.reviews = {national, no_actions, last_year, local};
  return in;
}

TEST(QualityAccount, CountsEligibilityAndParticipationByKind) {
  const auto statement = build_quality_account(fixture());
  EXPECT_EQ(statement.national_audits.eligible, 2);  // NHFD, NACAP (NNAP not eligible; SSNAP unknown)
  EXPECT_EQ(statement.national_audits.participated, 2);
  EXPECT_EQ(statement.confidential_enquiries.eligible, 2);  // NCEPOD, MBRRACE
  EXPECT_EQ(statement.confidential_enquiries.participated, 1);
  EXPECT_DOUBLE_EQ(*statement.confidential_enquiries.participation_share(), 0.5);
  ASSERT_EQ(statement.eligible.size(), 4u);
  EXPECT_EQ(statement.eligible[0].audit.code, "MBRRACE");  // sorted by title
  ASSERT_EQ(statement.participated.size(), 3u);
  ASSERT_EQ(statement.completed.size(), 2u);
  EXPECT_EQ(statement.completed[1].audit.code, "NHFD");
  EXPECT_DOUBLE_EQ(*statement.completed[1].case_ascertainment, 0.9);
  EXPECT_EQ(statement.due_on, d("2026-06-30"));
}

TEST(QualityAccount, ListsGapsInsteadOfCountingThem) {
  const auto statement = build_quality_account(fixture());
  ASSERT_EQ(statement.gaps.size(), 3u);
  EXPECT_EQ(statement.gaps[0].audit_code, "SSNAP");  // on the list for acute trusts, nothing recorded
  EXPECT_EQ(statement.gaps[0].missing, "eligibility not recorded");
  EXPECT_EQ(statement.gaps[1].audit_code, "MBRRACE");
  EXPECT_EQ(statement.gaps[1].missing, "cases submitted or cases required not recorded");
  EXPECT_EQ(statement.gaps[2].missing, "intended actions for a reviewed report not recorded");
}

TEST(QualityAccount, TakesReviewsFromTheFinancialYearOnly) {
  const auto statement = build_quality_account(fixture());
  ASSERT_EQ(statement.national_reviews.size(), 2u);  // NHFD (Nov 2025), SSNAP (Jan 2026); NACAP was 2024/25
  EXPECT_EQ(statement.national_reviews[0].audit_code, "NHFD");
  ASSERT_EQ(statement.local_reviews.size(), 1u);
  EXPECT_EQ(statement.local_reviews[0].reviewed_on, d("2026-03-31"));
}

TEST(QualityAccount, MentalHealthAuditIsNoGapForAnAcuteTrust) {
  const auto statement = build_quality_account(fixture());
  for (const auto& gap : statement.gaps) EXPECT_NE(gap.audit_code, "NCAP-MH");
}

}  // namespace
}  // namespace clinaudit::domain
