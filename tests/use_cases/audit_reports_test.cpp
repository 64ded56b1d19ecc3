// Published audit reports and reviews of them (domain/audit_reports) on a real SQLite store:
// who sees which report, who may record a report or a review, the words of a refusal, that a
// refused change writes nothing, and that the Quality Account section reads the reviews.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include "domain/audit_reports.hpp"
#include "domain/quality_account_service.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

Date day(const char* text) { return *Date::parse(text); }

class AuditReports : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = folder_.open_store();
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    const auto organisations =
        store_->add_organisations({{{}, "RXA", "Alpha Trust", OrganisationType::acute, "North"},
                                   {{}, "RXB", "Beta Trust", OrganisationType::acute, "South"},
                                   {{}, "NAT", "National body", OrganisationType::national_body, ""}},
                                  setup_);
    ASSERT_TRUE(organisations) << organisations.error().message;
    own_ = (*organisations)[0];
    other_ = (*organisations)[1];
    Audit national;
    national.code = "NHFD";
    national.title = "National Hip Fracture Database";
    national.kind = AuditKind::national_clinical_audit;
    Audit local;
    local.code = "LOC-A";
    local.title = "Alpha's sepsis screening audit";
    local.owner = own_;
    const auto audits = store_->add_audits({national, local}, setup_);
    ASSERT_TRUE(audits) << audits.error().message;
    national_ = (*audits)[0];
    local_ = (*audits)[1];
    manager_ = Principal{{}, "manager@alpha.example", Role::audit_manager, own_, OrganisationType::acute};
    other_manager_ = Principal{{}, "manager@beta.example", Role::audit_manager, other_, OrganisationType::acute};
    analyst_ = Principal{
        {}, "analyst@nat.example", Role::national_analyst, (*organisations)[2], OrganisationType::national_body};
    board_ = Principal{{}, "board@alpha.example", Role::board_member, own_, OrganisationType::acute};
    // Participation in the report's year puts the audit's reports on the register.
    Participation part;
    part.organisation_id = own_;
    part.audit_id = national_;
    part.year = *FinancialYear::parse("2025/26");
    part.eligible = true;
    part.participating = true;
    ASSERT_TRUE(store_->upsert_participation({part}, setup_));
  }

  NewReport nhfd_report() const {
    return NewReport{national_,
                     "NHFD annual report 2025",
                     day("2025-09-12"),
                     "https://www.nhfd.co.uk/report",
                     {"Orthogeriatric review within 72 hours", "Out of bed the day after surgery"}};
  }
  NewReview review(const char* on) const {
    return NewReview{day(on), "Quality Committee", "Two of three met", "Weekend orthogeriatric cover"};
  }
  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  ::clinaudit::testing::SqliteFolder folder_{"audit_reports"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  const Actor setup_{std::nullopt, "test setup"};
  const Actor actor_{std::nullopt, "test person"};
  OrganisationId own_, other_;
  AuditId national_, local_;
  Principal manager_, other_manager_, analyst_, board_;
};

TEST_F(AuditReports, ANationalAnalystsReportIsEveryTrustsWithItsRecommendationsInOrder) {
  const auto id = record_report(*store_, analyst_, actor_, nhfd_report());
  ASSERT_TRUE(id) << id.error().message;
  for (const auto* who : {&manager_, &other_manager_}) {
    const auto details = report_details(*store_, *who, *id);
    ASSERT_TRUE(details) << details.error().message;
    EXPECT_FALSE(details->row.report.organisation_id);
    ASSERT_EQ(details->row.report.recommendations.size(), 2U);
    EXPECT_EQ(details->row.report.recommendations[1].number, 2);
    EXPECT_EQ(details->row.report.recommendations[1].text, "Out of bed the day after surgery");
    EXPECT_FALSE(details->row.reviewed());
  }
  const auto listed = audit_report_list(*store_, other_manager_, national_);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
}

TEST_F(AuditReports, AReportATrustEntersItselfIsSeenByThatTrustOnly) {
  const auto id = record_report(*store_, manager_, actor_, nhfd_report());
  ASSERT_TRUE(id) << id.error().message;
  const auto mine = report_details(*store_, manager_, *id);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_EQ(mine->row.report.organisation_id, own_);
  const auto theirs = report_details(*store_, other_manager_, *id);
  ASSERT_FALSE(theirs);
  EXPECT_EQ(theirs.error().code, ErrorCode::not_found);
  EXPECT_TRUE(audit_report_list(*store_, other_manager_, national_)->empty());
  EXPECT_TRUE(report_register(*store_, other_manager_)->empty());
  // The national body does not see it either.
  EXPECT_FALSE(report_details(*store_, analyst_, *id));
  // Another trust may record a report of the same title for itself.
  EXPECT_TRUE(record_report(*store_, other_manager_, actor_, nhfd_report()));
}

TEST_F(AuditReports, ALocalAuditsReportIsItsOwnersAndHiddenFromOthers) {
  NewReport report{local_, "Sepsis screening audit report", day("2025-10-01"), "", {"Screen at triage"}};
  EXPECT_EQ(record_report(*store_, other_manager_, actor_, report).error().code, ErrorCode::not_found);
  const auto id = record_report(*store_, manager_, actor_, report);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(report_details(*store_, other_manager_, *id).error().code, ErrorCode::not_found);
  const auto registered = report_register(*store_, manager_);
  ASSERT_TRUE(registered);
  ASSERT_EQ(registered->size(), 1U);
  EXPECT_EQ(registered->front().audit.code, "LOC-A");
}

TEST_F(AuditReports, ABoardMemberMayNotRecordAReportOrAReview) {
  const auto refused = record_report(*store_, board_, actor_, nhfd_report());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  const auto id = record_report(*store_, analyst_, actor_, nhfd_report());
  ASSERT_TRUE(id);
  const auto before = log_entries();
  EXPECT_EQ(record_review(*store_, board_, actor_, *id, review("2025-11-04")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(log_entries(), before);
}

TEST_F(AuditReports, AReportIsRefusedFieldByFieldAndNothingIsWritten) {
  const auto before = log_entries();
  auto report = nhfd_report();
  report.title.clear();
  EXPECT_EQ(record_report(*store_, analyst_, actor_, report).error().message, "title: give the report's title");
  report = nhfd_report();
  report.published_on.reset();
  EXPECT_EQ(record_report(*store_, analyst_, actor_, report).error().message,
            "published_on: enter the publication date as YYYY-MM-DD");
  report = nhfd_report();
  report.link = "http://www.nhfd.co.uk/";
  EXPECT_EQ(record_report(*store_, analyst_, actor_, report).error().message,
            "link: give the report's https:// address, or leave it empty");
  EXPECT_EQ(log_entries(), before);
  ASSERT_TRUE(record_report(*store_, analyst_, actor_, nhfd_report()));
  const auto again = record_report(*store_, analyst_, actor_, nhfd_report());
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(AuditReports, ATrustsReviewIsItsOwnAndASecondReviewReplacesTheFirst) {
  const auto id = record_report(*store_, analyst_, actor_, nhfd_report());
  ASSERT_TRUE(id);
  const auto first = record_review(*store_, manager_, actor_, *id, review("2025-11-04"));
  ASSERT_TRUE(first) << first.error().message;
  auto changed = review("2025-12-01");
  changed.committee = "Trust Board";
  const auto second = record_review(*store_, manager_, actor_, *id, changed);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(*second, *first);
  const auto mine = report_details(*store_, manager_, *id);
  ASSERT_TRUE(mine->row.reviewed());
  EXPECT_EQ(mine->row.review->committee, "Trust Board");
  EXPECT_EQ(mine->row.review->findings, "Two of three met");
  EXPECT_EQ(mine->row.review->report_title, "NHFD annual report 2025");
  // The other trust sees the report, not the review.
  const auto theirs = report_details(*store_, other_manager_, *id);
  ASSERT_TRUE(theirs);
  EXPECT_FALSE(theirs->row.review);
  EXPECT_TRUE(store_->report_reviews(other_)->empty());
}

TEST_F(AuditReports, AReviewIsRefusedForAnotherTrustsReportAMissingCommitteeOrAnEarlyDate) {
  const auto theirs = record_report(*store_, other_manager_, actor_, nhfd_report());
  ASSERT_TRUE(theirs);
  const auto before = log_entries();
  EXPECT_EQ(record_review(*store_, manager_, actor_, *theirs, review("2025-11-04")).error().code, ErrorCode::not_found);
  const auto id = record_report(*store_, analyst_, actor_, nhfd_report());
  ASSERT_TRUE(id);
  const auto after_report = log_entries();
  EXPECT_GT(after_report, before);
  auto no_committee = review("2025-11-04");
  no_committee.committee.clear();
  EXPECT_EQ(record_review(*store_, manager_, actor_, *id, no_committee).error().message,
            "committee: say which committee reviewed the report");
  EXPECT_EQ(record_review(*store_, manager_, actor_, *id, review("2025-09-01")).error().message,
            "reviewed_on: the review cannot come before the report was published (2025-09-12)");
  EXPECT_EQ(record_review(*store_, analyst_, actor_, *id, review("2025-11-04")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(log_entries(), after_report);
}

TEST_F(AuditReports, TheRegisterSaysWhetherEachReportWasReviewed) {
  const auto reviewed = record_report(*store_, analyst_, actor_, nhfd_report());
  auto later = nhfd_report();
  later.title = "NHFD winter report";
  later.published_on = day("2026-01-15");
  const auto waiting = record_report(*store_, analyst_, actor_, later);
  ASSERT_TRUE(reviewed && waiting);
  ASSERT_TRUE(record_review(*store_, manager_, actor_, *reviewed, review("2025-11-04")));
  const auto rows = report_register(*store_, manager_);
  ASSERT_TRUE(rows) << rows.error().message;
  ASSERT_EQ(rows->size(), 2U);
  EXPECT_EQ((*rows)[0].report.title, "NHFD winter report");  // newest first
  EXPECT_FALSE((*rows)[0].reviewed());
  EXPECT_TRUE((*rows)[1].reviewed());
  // Beta takes no part in the audit: its register is empty, though it may open the reports.
  EXPECT_TRUE(report_register(*store_, other_manager_)->empty());
  EXPECT_TRUE(report_details(*store_, other_manager_, *waiting));
}

TEST_F(AuditReports, AReviewsActionIsOnTheActionPlanWithTheReviewAsItsSource) {
  const auto id = record_report(*store_, analyst_, actor_, nhfd_report());
  const auto review_id = record_review(*store_, manager_, actor_, *id, review("2025-11-04"));
  ASSERT_TRUE(review_id);
  NewAction action;
  action.title = "Weekend orthogeriatric cover";
  action.due_on = day("2026-03-31");
  action.owner_name = "Orthogeriatric lead";
  const auto action_id = raise_review_action(*store_, manager_, actor_, *review_id, action);
  ASSERT_TRUE(action_id) << action_id.error().message;
  const auto stored = store_->action(*action_id);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->source, ActionSource::report_review);
  EXPECT_EQ(stored->source_id, review_id->value);
  EXPECT_EQ(stored->audit_id, national_);
  const auto details = report_details(*store_, manager_, *id);
  ASSERT_EQ(details->actions.size(), 1U);
  EXPECT_EQ(details->actions[0].id, *action_id);
  // Another trust cannot raise an action from this review.
  EXPECT_EQ(raise_review_action(*store_, other_manager_, actor_, *review_id, action).error().code,
            ErrorCode::not_found);
}

TEST_F(AuditReports, TheQualityAccountSectionListsTheReviewsRecordedInTheYear) {
  const auto national = record_report(*store_, analyst_, actor_, nhfd_report());
  NewReport local_report{local_, "Sepsis screening audit report", day("2025-10-01"), "", {}};
  const auto local = record_report(*store_, manager_, actor_, local_report);
  auto last_year = nhfd_report();
  last_year.title = "NHFD annual report 2024";
  last_year.published_on = day("2024-09-12");
  const auto old = record_report(*store_, analyst_, actor_, last_year);
  ASSERT_TRUE(national && local && old);
  ASSERT_TRUE(record_review(*store_, manager_, actor_, *national, review("2025-11-04")));
  ASSERT_TRUE(record_review(*store_, manager_, actor_, *local,
                            NewReview{day("2026-01-20"), "Audit Committee", "", "Screening tool in the triage form"}));
  ASSERT_TRUE(record_review(*store_, manager_, actor_, *old, review("2025-03-01")));  // 2024/25
  const auto section = quality_account_for(*store_, "RXA", *FinancialYear::parse("2025/26"));
  ASSERT_TRUE(section) << section.error().message;
  ASSERT_EQ(section->national_reviews.size(), 1U);
  EXPECT_EQ(section->national_reviews[0].report_title, "NHFD annual report 2025");
  EXPECT_EQ(section->national_reviews[0].reviewed_on, day("2025-11-04"));
  EXPECT_EQ(section->national_reviews[0].committee, "Quality Committee");
  EXPECT_EQ(section->national_reviews[0].intended_actions, "Weekend orthogeriatric cover");
  ASSERT_EQ(section->local_reviews.size(), 1U);
  EXPECT_EQ(section->local_reviews[0].report_title, "Sepsis screening audit report");
  EXPECT_EQ(section->local_reviews[0].intended_actions, "Screening tool in the triage form");
  // Beta reviewed nothing.
  const auto theirs = quality_account_for(*store_, "RXB", *FinancialYear::parse("2025/26"));
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->national_reviews.empty());
}

}  // namespace
}  // namespace clinaudit::domain
