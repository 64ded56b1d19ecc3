// Keeping accounts (migration 0008): a user made inactive, or given a new password, loses
// every session at once; a password reset is stored by its token's hash and used once, before
// it expires, in the same transaction that sets the password; and a booked board meeting's
// outcome is recorded once.
#include <nlohmann/json.hpp>

#include "store_contract.hpp"

namespace clinaudit::contract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

domain::Session session_of(UserId user, const std::string& hash) {
  return domain::Session{hash, user, "csrf-" + hash, "2099-01-01T00:00:00Z"};
}

domain::PasswordReset reset_of(UserId user, const std::string& hash, const std::string& expires_at) {
  return domain::PasswordReset{hash, user, "2026-12-01T09:00:00Z", expires_at, std::nullopt};
}

TEST_P(StoreContract, DeactivatingAUserEndsEverySessionOfTheirsAndNoOneElses) {
  const auto trust = add_organisation("RXX");
  const auto leaving = add_user("leaving@trust.example", trust);
  const auto staying = add_user("staying@trust.example", trust);
  ASSERT_OK(store().create_session(session_of(leaving, "a1")));
  ASSERT_OK(store().create_session(session_of(leaving, "a2")));
  ASSERT_OK(store().create_session(session_of(staying, "b1")));

  auto user = store().user(leaving);
  ASSERT_OK(user);
  user->display_name = "Renamed";  // a change that keeps the account active ends nothing
  ASSERT_OK(store().update_user(*user, actor()));
  ASSERT_OK(store().session("a1"));

  user->active = false;
  ASSERT_OK(store().update_user(*user, actor()));
  EXPECT_ERROR(store().session("a1"), ErrorCode::not_found);
  EXPECT_ERROR(store().session("a2"), ErrorCode::not_found);
  ASSERT_OK(store().session("b1"));
  auto stored = store().user(leaving);
  ASSERT_OK(stored);
  EXPECT_FALSE(stored->active);

  auto log = store().audit_log("user", 10);
  ASSERT_OK(log);
  ASSERT_FALSE(log->empty());
  EXPECT_EQ(nlohmann::json::parse(log->front().after)["sessions_ended"], 2);

  stored->active = true;
  ASSERT_OK(store().update_user(*stored, actor()));
  auto back = store().user(leaving);
  ASSERT_OK(back);
  EXPECT_TRUE(back->active);
}

TEST_P(StoreContract, ANewPasswordHashEndsTheUsersSessions) {
  const auto trust = add_organisation("RXX");
  const auto person = add_user("person@trust.example", trust);
  ASSERT_OK(store().create_session(session_of(person, "s1")));
  auto user = store().user(person);
  ASSERT_OK(user);
  user->password_hash = "$argon2id$another";
  ASSERT_OK(store().update_user(*user, actor()));
  EXPECT_ERROR(store().session("s1"), ErrorCode::not_found);
}

TEST_P(StoreContract, APasswordResetIsUsedOnceAndSetsThePasswordAndEndsSessions) {
  const auto trust = add_organisation("RXX");
  const auto person = add_user("person@trust.example", trust);
  ASSERT_OK(store().create_session(session_of(person, "s1")));
  ASSERT_OK(store().add_password_reset(reset_of(person, "hash-1", "2026-12-02T09:00:00Z"), actor()));

  auto read = store().password_reset("hash-1");
  ASSERT_OK(read);
  EXPECT_EQ(read->user_id, person);
  EXPECT_EQ(read->expires_at, "2026-12-02T09:00:00Z");
  EXPECT_FALSE(read->used_at.has_value());

  auto used = store().use_password_reset("hash-1", "$argon2id$new", "2026-12-01T10:00:00Z", actor());
  ASSERT_OK(used);
  EXPECT_EQ(*used, person);
  auto user = store().user(person);
  ASSERT_OK(user);
  EXPECT_EQ(user->password_hash, "$argon2id$new");
  EXPECT_ERROR(store().session("s1"), ErrorCode::not_found);
  auto after = store().password_reset("hash-1");
  ASSERT_OK(after);
  EXPECT_EQ(after->used_at, "2026-12-01T10:00:00Z");

  // A second use changes nothing.
  auto again = store().use_password_reset("hash-1", "$argon2id$third", "2026-12-01T10:05:00Z", actor());
  EXPECT_ERROR(again, ErrorCode::conflict);
  EXPECT_THAT(again.error().message, HasSubstr("used already"));
  user = store().user(person);
  ASSERT_OK(user);
  EXPECT_EQ(user->password_hash, "$argon2id$new");

  // The log names the user, never the token's hash or the password's.
  auto log = store().audit_log("password_reset", 10);
  ASSERT_OK(log);
  ASSERT_EQ(log->size(), 1U);
  EXPECT_EQ(log->front().entity_key, "person@trust.example");
  EXPECT_THAT(log->front().after, Not(HasSubstr("hash-1")));
  auto user_log = store().audit_log("user", 10);
  ASSERT_OK(user_log);
  for (const auto& entry : *user_log) EXPECT_THAT(entry.after, Not(HasSubstr("argon2id")));
}

TEST_P(StoreContract, AnExpiredPasswordResetIsRefusedAndChangesNothing) {
  const auto trust = add_organisation("RXX");
  const auto person = add_user("person@trust.example", trust);
  ASSERT_OK(store().add_password_reset(reset_of(person, "hash-2", "2026-12-02T09:00:00Z"), actor()));
  const auto before = store().user(person);
  ASSERT_OK(before);

  // Expiry is exclusive: at the very second it expires, the link no longer works.
  auto late = store().use_password_reset("hash-2", "$argon2id$new", "2026-12-02T09:00:00Z", actor());
  EXPECT_ERROR(late, ErrorCode::conflict);
  EXPECT_THAT(late.error().message, HasSubstr("expired"));
  auto user = store().user(person);
  ASSERT_OK(user);
  EXPECT_EQ(user->password_hash, before->password_hash);
  auto reset = store().password_reset("hash-2");
  ASSERT_OK(reset);
  EXPECT_FALSE(reset->used_at.has_value());
}

TEST_P(StoreContract, APasswordResetNeedsAKnownUserAndAKnownToken) {
  EXPECT_ERROR(store().add_password_reset(reset_of(UserId{999}, "hash-3", "2026-12-02T09:00:00Z"), actor()),
               ErrorCode::not_found);
  EXPECT_ERROR(store().password_reset("never-issued"), ErrorCode::not_found);
  EXPECT_ERROR(store().use_password_reset("never-issued", "$argon2id$x", "2026-12-01T10:00:00Z", actor()),
               ErrorCode::not_found);
  const auto trust = add_organisation("RXX");
  const auto person = add_user("person@trust.example", trust);
  ASSERT_OK(store().add_password_reset(reset_of(person, "hash-4", "2026-12-02T09:00:00Z"), actor()));
  EXPECT_ERROR(store().add_password_reset(reset_of(person, "hash-4", "2026-12-03T09:00:00Z"), actor()),
               ErrorCode::conflict);
}

TEST_P(StoreContract, TheOutcomeOfABookedMeetingIsRecordedOnceAndOnlyByItsOrganisation) {
  const auto trust = add_organisation("RXX");
  const auto other = add_organisation("ROT");
  const auto lead = add_user("lead@trust.example", trust);
  const Date held = *Date::parse("2026-01-08");
  auto booked = store().add_board_meeting({{{}, trust, "Trust Board", held}, {}, {}, {}}, actor());
  ASSERT_OK(booked);

  domain::BoardMeetingRecord outcome;
  outcome.meeting = {*booked, trust, "ignored", *Date::parse("2030-01-01")};
  outcome.items = {{0, {}, domain::BoardItemKind::other, 0, "Clinical audit programme", "Approved"}};
  domain::Action action;
  action.organisation_id = trust;
  action.title = "Bring the re-audit to the March board";
  action.owner = lead;
  action.due_on = *Date::parse("2026-03-05");
  outcome.actions = {action};

  domain::BoardMeetingRecord elsewhere = outcome;
  elsewhere.meeting.organisation_id = other;
  EXPECT_ERROR(store().record_board_meeting_outcome(elsewhere, actor()), ErrorCode::not_found);

  ASSERT_OK(store().record_board_meeting_outcome(outcome, actor()));
  auto items = store().board_items(*booked);
  ASSERT_OK(items);
  ASSERT_EQ(items->size(), 1U);
  EXPECT_EQ((*items)[0].decision, "Approved");
  auto actions = store().actions(trust);
  ASSERT_OK(actions);
  ASSERT_EQ(actions->size(), 1U);
  EXPECT_EQ((*actions)[0].source, domain::ActionSource::board_decision);
  EXPECT_EQ((*actions)[0].source_id, booked->value);
  auto meetings = store().board_meetings(trust);
  ASSERT_OK(meetings);
  ASSERT_EQ(meetings->size(), 1U);
  EXPECT_EQ((*meetings)[0].committee, "Trust Board");  // the meeting itself is unchanged
  EXPECT_EQ((*meetings)[0].held_on, held);

  EXPECT_ERROR(store().record_board_meeting_outcome(outcome, actor()), ErrorCode::conflict);
  items = store().board_items(*booked);
  ASSERT_OK(items);
  EXPECT_EQ(items->size(), 1U);
}

}  // namespace
}  // namespace clinaudit::contract
