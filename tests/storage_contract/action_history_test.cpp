// The history of an action (migration 0010): the day it was raised, and each change written
// with its history entry in one transaction, each with an audit-log entry; a refused entry
// leaves the action as it was.
#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;

Date day(const char* text) { return *Date::parse(text); }

domain::ActionEvent event_of(domain::ActionEventKind kind, const std::string& at, const std::string& note) {
  domain::ActionEvent event;
  event.kind = kind;
  event.at = at;
  event.by_name = "Audit manager";
  event.note = note;
  return event;
}

TEST_P(StoreContract, AnActionsChangesAreWrittenWithItsHistoryInOneTransaction) {
  const auto trust = add_organisation("RXX");
  const auto owner = add_user("owner@riverside.nhs.uk", trust);
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Re-audit consent";
  action.owner_name = "Ward 7 manager";
  action.due_on = day("2026-02-27");
  action.raised_on = day("2025-12-01");
  auto id = store().add_action(action, actor());
  ASSERT_OK(id);
  action.id = *id;
  EXPECT_EQ(store().action(*id)->raised_on, day("2025-12-01"));
  EXPECT_TRUE(store().action_events(*id)->empty());

  // A later entry written first still reads in time order.
  action.due_on = day("2026-03-31");
  auto moved = event_of(domain::ActionEventKind::due_date_changed, "2026-01-07T14:05:00Z", "Theatre closed");
  moved.from = "2026-02-27";
  moved.to = "2026-03-31";
  moved.by = owner;
  ASSERT_OK(store().record_action_event(action, moved, actor()));
  action.status = domain::ActionStatus::in_progress;
  ASSERT_OK(store().record_action_event(
      action, event_of(domain::ActionEventKind::note, "2026-01-06T09:30:00Z", "Forms collected"), actor()));

  const auto stored = store().action(*id);
  ASSERT_OK(stored);
  EXPECT_EQ(stored->due_on, day("2026-03-31"));
  EXPECT_EQ(stored->status, domain::ActionStatus::in_progress);
  const auto history = store().action_events(*id);
  ASSERT_OK(history);
  ASSERT_EQ(history->size(), 2U);
  EXPECT_EQ((*history)[0].kind, domain::ActionEventKind::note);
  EXPECT_EQ((*history)[0].note, "Forms collected");
  EXPECT_FALSE((*history)[0].by.has_value());
  EXPECT_EQ((*history)[1].kind, domain::ActionEventKind::due_date_changed);
  EXPECT_EQ((*history)[1].action_id, *id);
  EXPECT_EQ((*history)[1].at, "2026-01-07T14:05:00Z");
  EXPECT_EQ((*history)[1].by, owner);
  EXPECT_EQ((*history)[1].by_name, "Audit manager");
  EXPECT_EQ((*history)[1].from, "2026-02-27");
  EXPECT_EQ((*history)[1].to, "2026-03-31");
  EXPECT_EQ((*history)[1].note, "Theatre closed");
  const auto logged = store().audit_log("action_event", 10);
  ASSERT_OK(logged);
  ASSERT_EQ(logged->size(), 2U);
  EXPECT_THAT((*logged)[0].after + (*logged)[1].after, HasSubstr("Theatre closed"));

  // A reason missing: neither the action nor its history changes.
  action.due_on = day("2026-06-30");
  const auto refused = store().record_action_event(
      action, event_of(domain::ActionEventKind::due_date_changed, "2026-01-08T10:00:00Z", ""), actor());
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store().action(*id)->due_on, day("2026-03-31"));
  EXPECT_EQ(store().action_events(*id)->size(), 2U);

  domain::Action unknown = action;
  unknown.id = ActionId{id->value + 1000};
  EXPECT_FALSE(store().record_action_event(
      unknown, event_of(domain::ActionEventKind::note, "2026-01-08T10:00:00Z", "Lost"), actor()));
  EXPECT_TRUE(store().action_events(unknown.id)->empty());
}

}  // namespace
}  // namespace clinaudit::contract
