#include "domain/board_meeting_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "domain/board_pack.hpp"

namespace clinaudit::domain {
namespace {

using ::testing::ElementsAre;

Date d(const char* text) { return *Date::parse(text); }
const Date kToday = *Date::parse("2026-01-15");

// Organisation 1's records; ids 90-99 are another organisation's and are never listed here.
BoardReferences references() {
  BoardReferences refs;
  refs.organisation = OrganisationId{1};
  refs.reviews.push_back({ReportReviewId{10},
                          AuditId{5},
                          OrganisationId{1},
                          "NELA ninth report",
                          d("2025-10-09"),
                          std::nullopt,
                          "",
                          "",
                          {},
                          ""});
  refs.reviews.push_back({ReportReviewId{11},
                          AuditId{5},
                          OrganisationId{1},
                          "NELA tenth report",
                          d("2026-01-10"),
                          std::nullopt,
                          "",
                          "",
                          {},
                          ""});
  OutlierCase outlier;
  outlier.id = OutlierCaseId{20};
  outlier.measure_id = MeasureId{40};
  outlier.organisation_id = OrganisationId{1};
  outlier.period = "2024/25";
  outlier.level = OutlierLevel::alarm;
  refs.outlier_cases.push_back(outlier);
  Action action;
  action.id = ActionId{30};
  action.organisation_id = OrganisationId{1};
  action.title = "Weekend physiotherapy";
  refs.actions.push_back(action);
  Measure measure;
  measure.id = MeasureId{40};
  measure.audit_id = AuditId{5};
  measure.name = "30-day mortality";
  refs.measures.push_back(measure);
  refs.users.push_back({UserId{50}, "lead@trust.nhs.uk", "Dr Lead", Role::clinical_lead, OrganisationId{1}, "", true});
  refs.users.push_back({UserId{51}, "gone@trust.nhs.uk", "Dr Gone", Role::clinical_lead, OrganisationId{1}, "", false});
  return refs;
}

BoardMeetingDraft good_draft() {
  BoardMeetingDraft draft;
  draft.committee = "  Quality Committee ";
  draft.held_on = "2026-01-08";
  draft.items = {{"report_review", "10", "", "Received; actions agreed"},
                 {"outlier_case", "20", "", "Assurance requested"},
                 {"action", "30", "Progress on physiotherapy", "Noted"},
                 {"measure", "40", "", "Concern noted"},
                 {"other", "", "Audit programme", "Approved"}};
  draft.actions = {{"Consultant present for every high-risk laparotomy", "", "LEAD@trust.nhs.uk", "", "2026-04-30"},
                   {"Report theatre access", "", "", "Dr A Jones", "2026-03-31"},
                   {"Review the pathway", "50", "", "", "2026-01-08"}};
  return draft;
}

std::vector<std::string> fields(const CheckedBoardMeeting& checked) {
  std::vector<std::string> out;
  for (const auto& problem : checked.problems) out.push_back(problem.field);
  return out;
}

TEST(BoardMeetingCheck, AGoodDraftBecomesTheRecordToStore) {
  const auto checked = check_board_meeting(good_draft(), references(), kToday);
  ASSERT_TRUE(checked.problems.empty()) << checked.problems.front().field << ": " << checked.problems.front().message;
  const auto& record = checked.record;
  EXPECT_EQ(record.meeting.organisation_id, OrganisationId{1});
  EXPECT_EQ(record.meeting.committee, "Quality Committee");
  EXPECT_EQ(record.meeting.held_on, d("2026-01-08"));
  ASSERT_EQ(record.items.size(), 5U);
  EXPECT_EQ(record.items[0].kind, BoardItemKind::report_review);
  EXPECT_EQ(record.items[0].ref_id, 10);
  EXPECT_EQ(record.items[0].title, "NELA ninth report");  // the referenced record's name
  EXPECT_EQ(record.items[1].title, "Outlier case 20 (alarm, 30-day mortality, 2024/25)");
  EXPECT_EQ(record.items[2].title, "Progress on physiotherapy");  // as entered
  EXPECT_EQ(record.items[3].title, "30-day mortality");
  EXPECT_EQ(record.items[4].ref_id, 0);
  EXPECT_THAT(record.reviewed_reports, ElementsAre(ReportReviewId{10}));
  ASSERT_EQ(record.actions.size(), 3U);
  EXPECT_EQ(record.actions[0].owner, UserId{50});  // by e-mail, in any case
  EXPECT_EQ(record.actions[0].source, ActionSource::board_decision);
  EXPECT_EQ(record.actions[0].organisation_id, OrganisationId{1});
  EXPECT_EQ(record.actions[0].due_on, d("2026-04-30"));
  EXPECT_FALSE(record.actions[1].owner);
  EXPECT_EQ(record.actions[1].owner_name, "Dr A Jones");
  EXPECT_EQ(record.actions[2].owner, UserId{50});
}

TEST(BoardMeetingCheck, EveryProblemIsNamedByItsField) {
  BoardMeetingDraft draft;
  draft.committee = " ";
  draft.held_on = "08/01/2026";
  draft.items = {{"", "", "Something", "Noted"},  {"other", "", "", "Noted"},
                 {"report_review", "10", "", ""}, {"minutes", "", "x", "y"},
                 {"measure", "abc", "", "Noted"}, {"other", "7", "Audit programme", "Noted"}};
  draft.actions = {{"", "", "", "", "2026-13-01"}, {"Do it", "", "", "", ""}};
  const auto checked = check_board_meeting(draft, references(), kToday);
  EXPECT_THAT(fields(checked),
              ElementsAre("committee", "held_on", "items[0].kind", "items[1].title", "items[2].decision",
                          "items[3].kind", "items[4].ref_id", "items[5].ref_id", "actions[0].title", "actions[0].owner",
                          "actions[0].due_on", "actions[1].owner", "actions[1].due_on"));
  EXPECT_EQ(checked.problems[0].message, "enter the board or committee, for example Trust Board");
  EXPECT_EQ(checked.problems[4].message, "say what the meeting decided (for example, Noted, or Assurance taken)");
  EXPECT_EQ(checked.problems[10].message, "'2026-13-01' is not a date; enter it as YYYY-MM-DD");
}

TEST(BoardMeetingCheck, AnotherOrganisationsRecordIsNotFoundLikeOneThatDoesNotExist) {
  auto draft = good_draft();
  draft.items = {{"report_review", "90", "", "Noted"},
                 {"outlier_case", "91", "", "Noted"},
                 {"action", "92", "", "Noted"},
                 {"measure", "93", "", "Noted"},
                 {"report_review", "123456", "", "Noted"}};
  draft.actions = {{"Do it", "95", "", "", "2026-02-01"}, {"Do it", "", "someone@other.nhs.uk", "", "2026-02-01"}};
  const auto checked = check_board_meeting(draft, references(), kToday);
  ASSERT_EQ(checked.problems.size(), 7U);
  EXPECT_EQ(checked.problems[0].message, "there is no national report review 90 in your organisation");
  EXPECT_EQ(checked.problems[1].message, "there is no outlier case 91 in your organisation");
  EXPECT_EQ(checked.problems[2].message, "there is no action 92 in your organisation");
  EXPECT_EQ(checked.problems[3].message, "there is no measure 93 in your organisation");
  EXPECT_EQ(checked.problems[4].message, "there is no national report review 123456 in your organisation");
  EXPECT_EQ(checked.problems[5].field, "actions[0].owner_id");
  EXPECT_EQ(checked.problems[5].message, "there is no user 95 in your organisation");
  EXPECT_EQ(checked.problems[6].field, "actions[1].owner_email");
  EXPECT_TRUE(checked.record.reviewed_reports.empty());
}

TEST(BoardMeetingCheck, AnInactiveUserCannotOwnAnAction) {
  auto draft = good_draft();
  draft.actions = {{"Do it", "51", "", "", "2026-02-01"}};
  const auto checked = check_board_meeting(draft, references(), kToday);
  EXPECT_THAT(fields(checked), ElementsAre("actions[0].owner_id"));
}

TEST(BoardMeetingCheck, AReportPublishedAfterTheMeetingCannotHaveBeenReviewedAtIt) {
  auto draft = good_draft();
  draft.items = {{"report_review", "11", "", "Received"}};  // published 2026-01-10
  const auto checked = check_board_meeting(draft, references(), kToday);
  ASSERT_THAT(fields(checked), ElementsAre("items[0].ref_id"));
  EXPECT_EQ(checked.problems[0].message,
            "the report was published on 2026-01-10, after the meeting, so it cannot have been reviewed at it");
}

TEST(BoardMeetingCheck, AnActionCannotBeDueBeforeTheMeeting) {
  auto draft = good_draft();
  draft.actions = {{"Do it", "", "", "Dr A Jones", "2026-01-07"}};
  const auto checked = check_board_meeting(draft, references(), kToday);
  EXPECT_THAT(fields(checked), ElementsAre("actions[0].due_on"));
}

TEST(BoardMeetingCheck, AFutureMeetingIsBookedWithoutItemsOrActions) {
  BoardMeetingDraft draft;
  draft.committee = "Trust Board";
  draft.held_on = "2026-02-05";
  EXPECT_TRUE(check_board_meeting(draft, references(), kToday).problems.empty());
  draft = good_draft();
  draft.held_on = "2026-02-05";
  EXPECT_THAT(fields(check_board_meeting(draft, references(), kToday)), ElementsAre("items", "actions"));
}

TEST(BoardMeetingCheck, TextsAndListsHaveLimits) {
  auto draft = good_draft();
  draft.committee = std::string(kMaxBoardCommittee + 1, 'x');
  draft.items.resize(kMaxBoardItems + 1, {"other", "", "x", "y"});
  draft.actions[0].title = std::string(kMaxBoardText + 1, 'x');
  EXPECT_THAT(fields(check_board_meeting(draft, references(), kToday)),
              ElementsAre("committee", "items", "actions[0].title"));
}

// The engagement metrics a recorded review feeds, computed by hand.
TEST(BoardEngagement, CountsNationalReportsAndBoardActionsByFinancialYear) {
  std::vector<Audit> audits(2);
  audits[0].id = AuditId{5};
  audits[0].kind = AuditKind::national_clinical_audit;
  audits[1].id = AuditId{6};
  audits[1].kind = AuditKind::local_audit;
  std::vector<ReportReview> reviews{
      {ReportReviewId{1},
       AuditId{5},
       OrganisationId{1},
       "A",
       d("2025-05-01"),
       d("2025-06-10"),
       "",
       "",
       {},
       ""},  // 40 days
      {ReportReviewId{2},
       AuditId{5},
       OrganisationId{1},
       "B",
       d("2025-07-01"),
       d("2025-08-01"),
       "",
       "",
       {},
       ""},  // 31 days
      {ReportReviewId{3}, AuditId{5}, OrganisationId{1}, "C", d("2025-10-09"), std::nullopt, "", "", {}, ""},
      {ReportReviewId{4}, AuditId{6}, OrganisationId{1}, "Local", d("2025-05-01"), std::nullopt, "", "", {}, ""},
      {ReportReviewId{5}, AuditId{5}, OrganisationId{1}, "Later", d("2026-02-01"), std::nullopt, "", "", {}, ""}};
  std::vector<Action> actions(3);
  for (auto& action : actions) action.source = ActionSource::board_decision;
  actions[0].due_on = d("2025-12-01");
  actions[0].completed_on = d("2025-11-30");  // on time
  actions[1].due_on = d("2025-12-15");
  actions[1].completed_on = d("2025-12-20");  // late
  actions[2].due_on = d("2026-02-01");        // not due yet

  auto years = board_engagement(reviews, actions, audits, kToday);
  ASSERT_EQ(years.size(), 1U);
  EXPECT_EQ(years[0].year, FinancialYear{2025});
  EXPECT_EQ(years[0].national_reports_published, 3);
  EXPECT_EQ(years[0].national_reports_reviewed, 2);
  EXPECT_EQ(years[0].median_days_to_review, 35.5);  // (31 + 40) / 2
  EXPECT_EQ(years[0].board_actions_due, 2);
  EXPECT_EQ(years[0].board_actions_on_time, 1);

  // Report C reviewed at a meeting on 2026-01-08: 91 days after publication.
  reviews[2].reviewed_on = d("2026-01-08");
  years = board_engagement(reviews, actions, audits, kToday);
  EXPECT_EQ(years[0].national_reports_reviewed, 3);
  EXPECT_EQ(years[0].median_days_to_review, 40.0);  // median of 31, 40, 91
}

}  // namespace
}  // namespace clinaudit::domain
