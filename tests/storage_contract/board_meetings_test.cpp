// Recording a board meeting (Store::add_board_meeting): the meeting, its items, the actions
// it raised and the report reviews it completed land together, or nothing does.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

struct Fixture {
  OrganisationId trust;
  UserId owner;
  ReportReviewId unreviewed;
  ReportReviewId reviewed;
};

domain::BoardMeetingRecord quality_committee(const Fixture& f) {
  domain::BoardMeetingRecord record;
  record.meeting = {{}, f.trust, "Quality Committee", day("2026-01-08")};
  record.items = {
      {0, {}, domain::BoardItemKind::report_review, f.unreviewed.value, "NELA report", "Received; actions agreed"},
      {0, {}, domain::BoardItemKind::report_review, f.reviewed.value, "NHFD report", "Progress noted"}};
  domain::Action action;
  action.organisation_id = f.trust;
  action.title = "Consultant present for every high-risk laparotomy";
  action.owner = f.owner;
  action.due_on = day("2026-04-30");
  action.source = domain::ActionSource::audit_recommendation;  // the store makes it a board decision
  domain::Action named = action;
  named.title = "Report theatre access to the committee";
  named.owner.reset();
  named.owner_name = "Dr A Jones";
  record.actions = {action, named};
  record.reviewed_reports = {f.unreviewed, f.reviewed};
  return record;
}

// One trust with a lead, a national report not yet reviewed and one already reviewed.
Fixture seed(domain::Store& store, OrganisationId trust, AuditId audit, UserId owner) {
  Fixture f{trust, owner, {}, {}};
  const domain::Actor actor{std::nullopt, "contract-test"};
  auto unreviewed = store.add_report_review(
      {{}, audit, trust, "NELA ninth report", day("2025-10-09"), std::nullopt, "", "", {}, ""}, actor);
  auto reviewed = store.add_report_review(
      {{}, audit, trust, "NHFD report", day("2025-09-01"), day("2025-11-06"), "Trust Board", "", {}, ""}, actor);
  EXPECT_TRUE(unreviewed.has_value() && reviewed.has_value());
  f.unreviewed = unreviewed.value_or(ReportReviewId{});
  f.reviewed = reviewed.value_or(ReportReviewId{});
  return f;
}

#define SEED_BOARD()                                             \
  const auto trust_ = add_organisation("RXX");                   \
  const auto audit_ = add_audit("NELA");                         \
  const auto owner_ = add_user("lead@riverside.nhs.uk", trust_); \
  const Fixture f = seed(store(), trust_, audit_, owner_)

TEST_P(StoreContract, BoardMeetingItemsActionsAndReviewsLandTogether) {
  SEED_BOARD();
  auto id = store().add_board_meeting(quality_committee(f), actor());
  ASSERT_OK(id);

  auto meetings = store().board_meetings(f.trust);
  ASSERT_OK(meetings);
  ASSERT_EQ(meetings->size(), 1U);
  EXPECT_EQ((*meetings)[0].id, *id);
  auto items = store().board_items(*id);
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 2U);
  EXPECT_EQ((*items)[0].decision, "Received; actions agreed");

  auto actions = store().actions(f.trust);
  ASSERT_OK(actions);
  ASSERT_EQ(actions->size(), 2U);
  for (const auto& action : *actions) {
    EXPECT_EQ(action.source, domain::ActionSource::board_decision);
    EXPECT_EQ(action.source_id, id->value);
    EXPECT_EQ(action.status, domain::ActionStatus::open);
  }
  EXPECT_EQ((*actions)[0].owner, f.owner);
  EXPECT_EQ((*actions)[1].owner_name, "Dr A Jones");
  EXPECT_FALSE((*actions)[1].owner);

  // The report not yet reviewed is now reviewed by this meeting; the other keeps its review.
  auto reviews = store().report_reviews(f.trust);
  ASSERT_OK(reviews);
  ASSERT_EQ(reviews->size(), 2U);
  const auto& nhfd = (*reviews)[0];  // ordered by publication date
  const auto& nela = (*reviews)[1];
  EXPECT_EQ(nela.reviewed_on, day("2026-01-08"));
  EXPECT_EQ(nela.committee, "Quality Committee");
  EXPECT_EQ(nhfd.reviewed_on, day("2025-11-06"));
  EXPECT_EQ(nhfd.committee, "Trust Board");

  // Every record written is in the audit log.
  EXPECT_EQ(store().audit_log("board_meeting", 10)->size(), 1U);
  EXPECT_EQ(store().audit_log("action", 10)->size(), 2U);
  auto review_log = store().audit_log("report_review", 10);
  ASSERT_OK(review_log);
  ASSERT_EQ(review_log->size(), 3U);  // two creations, one update
  EXPECT_EQ((*review_log)[0].action, "update");
  EXPECT_THAT((*review_log)[0].after, HasSubstr("2026-01-08"));
}

TEST_P(StoreContract, BoardMeetingWithAFailingActionLeavesNothing) {
  SEED_BOARD();
  auto record = quality_committee(f);
  record.actions[1].owner = UserId{777};  // no such user: the second action fails
  auto id = store().add_board_meeting(record, actor());
  EXPECT_ERROR(id, ErrorCode::not_found);
  EXPECT_TRUE(store().board_meetings(f.trust)->empty());
  EXPECT_TRUE(store().actions(f.trust)->empty());
  EXPECT_FALSE(store().report_reviews(f.trust)->at(1).reviewed_on);
  EXPECT_TRUE(store().audit_log("board_meeting", 10)->empty());
  EXPECT_TRUE(store().audit_log("action", 10)->empty());
}

TEST_P(StoreContract, BoardMeetingWithAnotherOrganisationsReviewOrActionIsRefused) {
  SEED_BOARD();
  const auto elsewhere = add_organisation("RYY");
  auto record = quality_committee(f);
  record.meeting.organisation_id = elsewhere;
  record.actions.clear();
  EXPECT_ERROR(store().add_board_meeting(record, actor()), ErrorCode::not_found);  // f.trust's reviews
  EXPECT_FALSE(store().report_reviews(f.trust)->at(1).reviewed_on);

  record = quality_committee(f);
  record.actions[0].organisation_id = elsewhere;
  EXPECT_ERROR(store().add_board_meeting(record, actor()), ErrorCode::invalid_input);
  EXPECT_TRUE(store().board_meetings(f.trust)->empty());
  EXPECT_TRUE(store().board_meetings(elsewhere)->empty());
  EXPECT_TRUE(store().actions(elsewhere)->empty());
}

TEST_P(StoreContract, BoardMeetingNeedsACommittee) {
  SEED_BOARD();
  auto record = quality_committee(f);
  record.meeting.committee.clear();
  EXPECT_ERROR(store().add_board_meeting(record, actor()), ErrorCode::invalid_input);
  EXPECT_TRUE(store().board_meetings(f.trust)->empty());
}

}  // namespace
}  // namespace clinaudit::contract
