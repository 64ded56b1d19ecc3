// Published audit reports, their recommendations and the reviews that name them
// (Store::add_audit_reports, audit_report(s), add_report_review(s)), on both databases,
// and migration 7's reports for the reviews stored before it.
#include "storage/store_factory.hpp"
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

Date day(const char* text) { return *Date::parse(text); }

domain::AuditReport report_of(AuditId audit, std::optional<OrganisationId> publisher, const char* title,
                              const char* published) {
  domain::AuditReport report;
  report.audit_id = audit;
  report.organisation_id = publisher;
  report.title = title;
  report.published_on = day(published);
  return report;
}

domain::ReportReview review_of(AuditReportId report, OrganisationId organisation, std::optional<Date> on) {
  domain::ReportReview review;
  review.report_id = report;
  review.organisation_id = organisation;
  review.reviewed_on = on;
  review.committee = "Quality Committee";
  review.findings = "Compliant with 2 of 3";
  review.intended_actions = "Weekend cover";
  return review;
}

TEST_P(StoreContract, ReportsKeepTheirRecommendationsInOrderAndOneTitlePerPublisher) {
  const auto trust = add_organisation("RXX");
  const auto nhfd = add_audit("NHFD");
  const auto nela = add_audit("NELA");
  auto national = report_of(nhfd, std::nullopt, "NHFD annual report", "2025-09-12");
  national.link = "https://www.nhfd.co.uk/";
  national.recommendations = {{1, "Orthogeriatric review"}, {2, "Out of bed the next day"}};
  auto ids = store().add_audit_reports(
      {national, report_of(nela, std::nullopt, "NELA report", "2025-06-01"),
       report_of(nhfd, trust, "NHFD annual report", "2025-09-12")},  // the trust's own, same title
      actor());
  ASSERT_OK(ids);
  ASSERT_EQ(ids->size(), 3U);
  auto stored = store().audit_report(ids->at(0));
  ASSERT_OK(stored);
  EXPECT_EQ(stored->title, "NHFD annual report");
  EXPECT_EQ(stored->link, "https://www.nhfd.co.uk/");
  EXPECT_FALSE(stored->organisation_id);
  ASSERT_EQ(stored->recommendations.size(), 2U);
  EXPECT_EQ(stored->recommendations[1].number, 2);
  EXPECT_EQ(stored->recommendations[1].text, "Out of bed the next day");
  EXPECT_EQ(store().audit_report(ids->at(2))->organisation_id, trust);
  auto of_nhfd = store().audit_reports(nhfd);
  ASSERT_OK(of_nhfd);
  EXPECT_EQ(of_nhfd->size(), 2U);
  auto all = store().audit_reports(std::nullopt);
  ASSERT_OK(all);
  ASSERT_EQ(all->size(), 3U);
  EXPECT_EQ(all->front().title, "NELA report");  // by publication date
  // The same title again from the same publisher: nothing of the batch is written.
  EXPECT_ERROR(store().add_audit_reports({report_of(nela, std::nullopt, "NELA winter report", "2026-01-01"),
                                          report_of(nhfd, std::nullopt, "NHFD annual report", "2025-10-01")},
                                         actor()),
               ErrorCode::conflict);
  EXPECT_EQ(store().audit_reports(std::nullopt)->size(), 3U);
  EXPECT_ERROR(store().audit_report(AuditReportId{999}), ErrorCode::not_found);
}

TEST_P(StoreContract, AReportIsRefusedWithTheSameWordsOnBothDatabases) {
  const auto nhfd = add_audit("NHFD");
  auto bad_link = report_of(nhfd, std::nullopt, "NHFD annual report", "2025-09-12");
  bad_link.link = "javascript:alert(1)";
  auto refused = store().add_audit_reports({bad_link}, actor());
  EXPECT_ERROR(refused, ErrorCode::invalid_input);
  EXPECT_EQ(refused.error().message, "report 'NHFD annual report': the link must be an https:// address");
  auto gap = report_of(nhfd, std::nullopt, "NHFD annual report", "2025-09-12");
  gap.recommendations = {{1, "One"}, {3, "Three"}};
  EXPECT_ERROR(store().add_audit_reports({gap}, actor()), ErrorCode::invalid_input);
  EXPECT_ERROR(store().add_audit_reports({report_of(AuditId{999}, std::nullopt, "Lost", "2025-01-01")}, actor()),
               ErrorCode::not_found);
  EXPECT_TRUE(store().audit_reports(std::nullopt)->empty());
}

TEST_P(StoreContract, AReviewReadsItsReportsTitleAndIsRefusedForAnotherTrustsReport) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("RYY");
  const auto nhfd = add_audit("NHFD");
  auto ids = store().add_audit_reports({report_of(nhfd, std::nullopt, "NHFD annual report", "2025-09-12"),
                                        report_of(nhfd, other, "Yonder's own NHFD notes", "2025-10-01")},
                                       actor());
  ASSERT_OK(ids);
  auto review = review_of(ids->at(0), trust, day("2025-11-04"));
  auto id = store().add_report_review(review, actor());
  ASSERT_OK(id);
  auto reviews = store().report_reviews(trust);
  ASSERT_OK(reviews);
  ASSERT_EQ(reviews->size(), 1U);
  EXPECT_EQ(reviews->at(0).report_id, ids->at(0));
  EXPECT_EQ(reviews->at(0).report_title, "NHFD annual report");
  EXPECT_EQ(reviews->at(0).audit_id, nhfd);
  EXPECT_EQ(reviews->at(0).published_on, day("2025-09-12"));
  EXPECT_EQ(reviews->at(0).findings, "Compliant with 2 of 3");
  // Another organisation's own report reads as one that does not exist; a batch with it
  // writes nothing.
  EXPECT_ERROR(store().add_report_review(review_of(ids->at(1), trust, day("2025-11-04")), actor()),
               ErrorCode::not_found);
  EXPECT_ERROR(
      store().add_report_reviews(
          {review_of(ids->at(0), other, day("2025-11-05")), review_of(ids->at(1), trust, day("2025-11-04"))}, actor()),
      ErrorCode::not_found);
  EXPECT_TRUE(store().report_reviews(other)->empty());
  // An update keeps the report and changes the findings; the log has both pictures.
  reviews->at(0).findings = "Fully compliant";
  ASSERT_OK(store().update_report_review(reviews->at(0), actor()));
  EXPECT_EQ(store().report_reviews(trust)->at(0).findings, "Fully compliant");
  auto log = store().audit_log("report_review", 1);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
}

TEST_P(StoreContract, AReviewWithoutItsReportRecordsTheOrganisationsOwnReportOnce) {
  const auto trust = add_organisation("RXX");
  const auto nhfd = add_audit("NHFD");
  domain::ReportReview review;
  review.audit_id = nhfd;
  review.organisation_id = trust;
  review.report_title = "NHFD annual report";
  review.published_on = day("2025-09-12");
  ASSERT_OK(store().add_report_review(review, actor()));
  ASSERT_OK(store().add_report_review(review, actor()));
  auto reports = store().audit_reports(nhfd);
  ASSERT_OK(reports);
  ASSERT_EQ(reports->size(), 1U);
  EXPECT_EQ(reports->at(0).organisation_id, trust);
  auto reviews = store().report_reviews(trust);
  ASSERT_EQ(reviews->size(), 2U);
  EXPECT_EQ(reviews->at(0).report_id, reports->at(0).id);
  EXPECT_EQ(reviews->at(1).report_id, reports->at(0).id);
}

TEST_P(StoreContract, MigrationSevenGivesEachOlderReviewAReportOfItsOrganisation) {
  close();
  const std::string url = fresh_database_before(7);
  execute_sql(url,
              "INSERT INTO organisations (id, code, name, type) VALUES (1, 'RXX', 'Riverside', 'acute'), "
              "(2, 'RYY', 'Yonder', 'acute');"
              "INSERT INTO audits (id, code, title, kind, status) VALUES "
              "(1, 'NELA', 'NELA', 'national_clinical_audit', 'reported');"
              "INSERT INTO report_reviews (id, audit_id, organisation_id, report_title, published_on, reviewed_on, "
              "committee, intended_actions) VALUES "
              "(1, 1, 1, 'NELA ninth report', '2025-10-09', '2025-11-20', 'Quality Committee', 'Theatre access'),"
              "(2, 1, 2, 'NELA ninth report', '2025-10-09', NULL, '', ''),"
              "(3, 1, 1, 'NELA winter report', '2026-01-15', NULL, '', '');");
  auto opened = storage::open_store(url);
  ASSERT_TRUE(opened.has_value()) << opened.error().message;
  auto& migrated = **opened;
  auto reports = migrated.audit_reports(AuditId{1});
  ASSERT_OK(reports);
  ASSERT_EQ(reports->size(), 3U);  // one per organisation and title
  auto riverside = migrated.report_reviews(OrganisationId{1});
  ASSERT_OK(riverside);
  ASSERT_EQ(riverside->size(), 2U);
  const auto& first = riverside->at(0);
  EXPECT_EQ(first.id, ReportReviewId{1});
  EXPECT_EQ(first.report_title, "NELA ninth report");
  EXPECT_EQ(first.reviewed_on, day("2025-11-20"));
  EXPECT_EQ(first.committee, "Quality Committee");
  EXPECT_EQ(first.intended_actions, "Theatre access");
  EXPECT_EQ(first.findings, "");
  auto report = migrated.audit_report(first.report_id);
  ASSERT_OK(report);
  EXPECT_EQ(report->organisation_id, OrganisationId{1});
  EXPECT_EQ(report->title, "NELA ninth report");
  EXPECT_EQ(report->published_on, day("2025-10-09"));
  auto yonder = migrated.report_reviews(OrganisationId{2});
  ASSERT_OK(yonder);
  ASSERT_EQ(yonder->size(), 1U);
  EXPECT_NE(yonder->at(0).report_id, first.report_id);
  EXPECT_EQ(migrated.audit_report(yonder->at(0).report_id)->organisation_id, OrganisationId{2});
}

}  // namespace
}  // namespace clinaudit::contract
