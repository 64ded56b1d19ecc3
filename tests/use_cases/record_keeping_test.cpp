// The rules of the domain's record-keeping use cases (participation, actions, people) on a
// real SQLite store in a temporary folder: what is refused, with which words, and that a
// refused change writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/action_commands.hpp"
#include "domain/action_list.hpp"
#include "domain/participation_update.hpp"
#include "domain/user_admin.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

class FixedClock final : public Clock {
 public:
  Date today() const override { return Date::parse("2026-02-01").value(); }
  std::string now_iso() const override { return "2026-02-01T09:15:00Z"; }
};

class RecordKeeping : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = folder_.open_store();
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
    const auto organisations = store_->add_organisations({{{}, "RXA", "Alpha Trust", OrganisationType::acute, "North"},
                                                          {{}, "RXB", "Beta Trust", OrganisationType::acute, "South"}},
                                                         setup_);
    ASSERT_TRUE(organisations) << organisations.error().message;
    own_ = (*organisations)[0];
    other_ = (*organisations)[1];
    Audit national;
    national.code = "NHFD";
    national.title = "National Hip Fracture Database";
    national.kind = AuditKind::national_clinical_audit;
    Audit theirs;
    theirs.code = "LOC-B";
    theirs.title = "Beta's local audit";
    theirs.owner = other_;
    const auto audits = store_->add_audits({national, theirs}, setup_);
    ASSERT_TRUE(audits) << audits.error().message;
    national_ = (*audits)[0];
    theirs_ = (*audits)[1];
    ASSERT_TRUE(store_->set_qa_list({{national_, year_, {OrganisationType::acute}}}, setup_));
    User colleague;
    colleague.email = "lead@beta.example";
    colleague.display_name = "Beta lead";
    colleague.role = Role::clinical_lead;
    colleague.organisation_id = other_;
    colleague.password_hash = "not a real hash";
    const auto added = store_->add_user(colleague, setup_);
    ASSERT_TRUE(added) << added.error().message;
    other_person_ = *added;
    who_.role = Role::audit_manager;
    who_.organisation_id = own_;
    who_.organisation_type = OrganisationType::acute;
  }

  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  ::clinaudit::testing::SqliteFolder folder_{"record_keeping"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  const Actor setup_{std::nullopt, "test setup"};
  const Actor actor_{std::nullopt, "test person"};
  FixedClock clock_;
  const FinancialYear year_ = *FinancialYear::parse("2025/26");
  OrganisationId own_, other_;
  AuditId national_, theirs_;
  UserId other_person_;
  Principal who_;
};

TEST_F(RecordKeeping, AnEligibleAuditNotTakenPartInNeedsAReasonAndNothingIsSaved) {
  ParticipationAnswer answer;
  answer.audit = national_;
  answer.eligible = true;
  answer.participating = false;
  const auto before = log_entries();
  const auto refused = record_participation(*store_, who_, actor_, year_, {answer});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(refused.error().message,
            "National Hip Fracture Database: give the reason for not taking part in an audit you are eligible for");
  EXPECT_TRUE(store_->participation_of(own_, year_)->empty());
  EXPECT_EQ(log_entries(), before);

  answer.reason_not_participating = "No orthogeriatric service";
  answer.cases_submitted = 40;
  answer.cases_required = 50;
  const auto saved = record_participation(*store_, who_, actor_, year_, {answer});
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(*saved, 1);
  const auto records = store_->participation_of(own_, year_);
  ASSERT_EQ(records->size(), 1u);
  EXPECT_EQ(records->front().reason_not_participating, "No orthogeriatric service");
  EXPECT_EQ(records->front().cases_submitted, 40);
}

TEST_F(RecordKeeping, ParticipationNeedsAnAnswerForAnAuditOnTheYearsList) {
  const auto nothing = record_participation(*store_, who_, actor_, year_, {});
  ASSERT_FALSE(nothing);
  EXPECT_EQ(nothing.error().message, "no participation fields were sent");
  ParticipationAnswer off_list;
  off_list.audit = theirs_;
  off_list.eligible = true;
  const auto refused = record_participation(*store_, who_, actor_, year_, {off_list});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::invalid_input);
  EXPECT_NE(refused.error().message.find("is not on the 2025/26 list"), std::string::npos) << refused.error().message;
  EXPECT_TRUE(store_->participation_of(own_, year_)->empty());
}

TEST_F(RecordKeeping, AnActionNeedsATitleADueDateAVisibleAuditAndAnOwnerInTheOrganisation) {
  NewAction action;
  action.due_on = Date::parse("2026-03-31").value();
  const auto no_title = raise_action(*store_, who_, actor_, action);
  ASSERT_FALSE(no_title);
  EXPECT_EQ(no_title.error().message, "title: say what must be done");

  action.title = "Audit the consent forms again";
  action.due_on.reset();
  const auto no_date = raise_action(*store_, who_, actor_, action);
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().message, "due_on: enter the due date as YYYY-MM-DD");

  action.due_on = Date::parse("2026-03-31").value();
  action.audit = theirs_;  // another trust's local audit: as if it did not exist
  const auto hidden = raise_action(*store_, who_, actor_, action);
  ASSERT_FALSE(hidden);
  EXPECT_EQ(hidden.error().message, "audit_id: there is no such audit");

  action.audit = national_;
  action.owner = other_person_;
  const auto outsider = raise_action(*store_, who_, actor_, action);
  ASSERT_FALSE(outsider);
  EXPECT_EQ(outsider.error().message, "owner_id: choose someone in your organisation");
  EXPECT_TRUE(store_->actions(own_)->empty());

  action.owner.reset();
  action.owner_name = "Ward manager, ward 7";
  const auto raised = raise_action(*store_, who_, actor_, action);
  ASSERT_TRUE(raised) << raised.error().message;
  const auto stored = store_->action(*raised);
  EXPECT_EQ(stored->organisation_id, own_);
  EXPECT_EQ(stored->audit_id, national_);
  EXPECT_EQ(stored->owner_name, "Ward manager, ward 7");
  EXPECT_FALSE(stored->owner.has_value());
}

TEST_F(RecordKeeping, AnActionIsClosedOnceWithEvidenceAndOnlyByItsOrganisation) {
  NewAction action;
  action.title = "Repeat the audit";
  action.due_on = Date::parse("2026-03-31").value();
  action.owner_name = "Audit lead";
  const auto id = raise_action(*store_, who_, actor_, action);
  ASSERT_TRUE(id) << id.error().message;
  const Date today = clock_.today();

  Principal outsider = who_;
  outsider.organisation_id = other_;
  const auto foreign = complete_action(*store_, outsider, actor_, clock_, *id, {today, "Done"});
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::not_found);

  const auto no_evidence = complete_action(*store_, who_, actor_, clock_, *id, {today, ""});
  ASSERT_FALSE(no_evidence);
  EXPECT_EQ(no_evidence.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store_->action(*id)->status, ActionStatus::open);

  ASSERT_TRUE(complete_action(*store_, who_, actor_, clock_, *id, {today, "Re-audit report of 1 Feb"}));
  const auto closed = store_->action(*id);
  EXPECT_EQ(closed->status, ActionStatus::completed);
  EXPECT_EQ(closed->completed_on, today);
  EXPECT_EQ(closed->evidence, "Re-audit report of 1 Feb");

  const auto again = complete_action(*store_, who_, actor_, clock_, *id, {today, "Again"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
}

TEST_F(RecordKeeping, AnActionIsCompletedOnADayChosenNotInTheFutureNorBeforeItWasRaised) {
  NewAction action;
  action.title = "Repeat the audit";
  action.owner_name = "Audit lead";
  action.due_on = Date::parse("2026-03-31").value();
  action.raised_on = Date::parse("2026-01-10").value();
  const auto id = raise_action(*store_, who_, actor_, action);
  ASSERT_TRUE(id) << id.error().message;
  EXPECT_EQ(store_->action(*id)->raised_on, action.raised_on);
  const auto before = log_entries();

  const auto no_date = complete_action(*store_, who_, actor_, clock_, *id, {std::nullopt, "Report"});
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().message, "completed_on: enter the date it was done as YYYY-MM-DD");
  const auto future = complete_action(*store_, who_, actor_, clock_, *id, {Date::parse("2026-02-02").value(), "R"});
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().message, "completed_on: the date it was done cannot be after today (2026-02-01)");
  const auto early = complete_action(*store_, who_, actor_, clock_, *id, {Date::parse("2026-01-09").value(), "R"});
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().message, "completed_on: the date it was done cannot be before it was raised (2026-01-10)");
  EXPECT_EQ(log_entries(), before);
  EXPECT_TRUE(store_->action_events(*id)->empty());

  const Date done_on = Date::parse("2026-01-20").value();
  ASSERT_TRUE(complete_action(*store_, who_, actor_, clock_, *id, {done_on, "Re-audit report"}));
  EXPECT_EQ(store_->action(*id)->completed_on, done_on);
  const auto history = store_->action_events(*id).value();
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0].kind, ActionEventKind::completed);
  EXPECT_EQ(history[0].to, "2026-01-20");
  EXPECT_EQ(history[0].note, "Re-audit report");
  EXPECT_EQ(history[0].at, clock_.now_iso());
  EXPECT_EQ(history[0].by_name, "test person");
}

TEST_F(RecordKeeping, ADueDateMovesOnlyWithAReasonAndTheHistoryKeepsTheOriginal) {
  NewAction action;
  action.title = "Repeat the audit";
  action.owner_name = "Audit lead";
  action.due_on = Date::parse("2026-01-31").value();
  const auto id = raise_action(*store_, who_, actor_, action);
  ASSERT_TRUE(id) << id.error().message;
  const Date later = Date::parse("2026-04-30").value();

  const auto no_reason = change_due_date(*store_, who_, actor_, clock_, *id, later, "");
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().message, "reason: say why the due date changes");
  const auto no_date = change_due_date(*store_, who_, actor_, clock_, *id, std::nullopt, "Theatre closed");
  ASSERT_FALSE(no_date);
  EXPECT_EQ(no_date.error().message, "due_on: enter the new due date as YYYY-MM-DD");
  EXPECT_EQ(store_->action(*id)->due_on, action.due_on);

  ASSERT_TRUE(change_due_date(*store_, who_, actor_, clock_, *id, later, "Theatre closed"));
  ASSERT_TRUE(change_due_date(*store_, who_, actor_, clock_, *id, Date::parse("2026-05-29").value(), "Staff"));
  const auto detail = action_detail(*store_, who_, clock_.today(), *id).value();
  EXPECT_EQ(detail.row.item.due_on, Date::parse("2026-05-29").value());
  EXPECT_EQ(detail.original_due_on, action.due_on);
  ASSERT_EQ(detail.history.size(), 2u);
  EXPECT_EQ(detail.history[0].from, "2026-01-31");
  EXPECT_EQ(detail.history[0].to, "2026-04-30");
  EXPECT_EQ(detail.history[0].note, "Theatre closed");

  Principal board = who_;
  board.role = Role::board_member;
  const auto forbidden = change_due_date(*store_, board, actor_, clock_, *id, later, "Why not");
  ASSERT_FALSE(forbidden);
  EXPECT_EQ(forbidden.error().code, ErrorCode::forbidden);
  Principal outsider = who_;
  outsider.organisation_id = other_;
  EXPECT_EQ(action_detail(*store_, outsider, clock_.today(), *id).error().code, ErrorCode::not_found);
  EXPECT_EQ(add_progress_note(*store_, outsider, actor_, clock_, *id, "Hello").error().code, ErrorCode::not_found);
}

TEST_F(RecordKeeping, AClosedActionReopensWithAReasonAndNotesReassignmentAndEditsAreKept) {
  NewAction action;
  action.title = "Repeat the audit";
  action.owner_name = "Audit lead";
  action.due_on = Date::parse("2026-03-31").value();
  const auto id = raise_action(*store_, who_, actor_, action);
  ASSERT_TRUE(id) << id.error().message;

  EXPECT_EQ(add_progress_note(*store_, who_, actor_, clock_, *id, "").error().message,
            "note: write the progress to record");
  ASSERT_TRUE(add_progress_note(*store_, who_, actor_, clock_, *id, "Forms collected"));
  EXPECT_EQ(store_->action(*id)->status, ActionStatus::in_progress);

  EXPECT_EQ(reassign_action(*store_, who_, actor_, clock_, *id, other_person_, "").error().message,
            "owner_id: choose someone in your organisation");
  EXPECT_EQ(reassign_action(*store_, who_, actor_, clock_, *id, std::nullopt, "").error().message,
            "owner_name: choose someone in your organisation or name the owner");
  ASSERT_TRUE(reassign_action(*store_, who_, actor_, clock_, *id, std::nullopt, "Ward 7 manager"));
  EXPECT_EQ(store_->action(*id)->owner_name, "Ward 7 manager");
  EXPECT_FALSE(store_->action(*id)->owner.has_value());

  EXPECT_EQ(edit_action(*store_, who_, actor_, clock_, *id, {"", std::nullopt}).error().message,
            "title: say what must be done");
  EXPECT_EQ(edit_action(*store_, who_, actor_, clock_, *id, {"Repeat it", theirs_}).error().message,
            "audit_id: there is no such audit");
  ASSERT_TRUE(edit_action(*store_, who_, actor_, clock_, *id, {"Repeat the consent audit", national_}));
  EXPECT_EQ(store_->action(*id)->title, "Repeat the consent audit");
  EXPECT_EQ(store_->action(*id)->audit_id, national_);

  const auto open_reopened = reopen_action(*store_, who_, actor_, clock_, *id, "Gaps");
  ASSERT_FALSE(open_reopened);
  EXPECT_EQ(open_reopened.error().code, ErrorCode::conflict);
  ASSERT_TRUE(complete_action(*store_, who_, actor_, clock_, *id, {clock_.today(), "Report"}));
  EXPECT_EQ(reopen_action(*store_, who_, actor_, clock_, *id, "").error().message,
            "reason: say why the action is reopened");
  ASSERT_TRUE(reopen_action(*store_, who_, actor_, clock_, *id, "The re-audit found gaps"));
  const auto reopened = store_->action(*id).value();
  EXPECT_EQ(reopened.status, ActionStatus::open);
  EXPECT_FALSE(reopened.completed_on.has_value());
  EXPECT_TRUE(reopened.evidence.empty());

  const auto history = store_->action_events(*id).value();
  ASSERT_EQ(history.size(), 5u);
  EXPECT_EQ(history[0].kind, ActionEventKind::note);
  EXPECT_EQ(history[1].kind, ActionEventKind::reassigned);
  EXPECT_EQ(history[1].to, "Ward 7 manager");
  EXPECT_EQ(history[2].kind, ActionEventKind::edited);
  EXPECT_EQ(history[2].from, "Repeat the audit; audit: no audit");
  EXPECT_EQ(history[2].to, "Repeat the consent audit; audit: National Hip Fracture Database");
  EXPECT_EQ(history[3].kind, ActionEventKind::completed);
  EXPECT_EQ(history[4].kind, ActionEventKind::reopened);
  EXPECT_EQ(history[4].note, "The re-audit found gaps");
}

TEST_F(RecordKeeping, OverdueActionsComeFirstThenByDueDate) {
  const auto raise = [&](const char* title, const char* due) {
    NewAction action;
    action.title = title;
    action.owner_name = "Audit lead";
    action.due_on = Date::parse(due).value();
    return raise_action(*store_, who_, actor_, action).value();
  };
  raise("Later", "2026-06-30");
  raise("Soon", "2026-02-10");
  raise("Long overdue", "2025-11-30");
  const auto done = raise("Past but done", "2025-10-31");
  ASSERT_TRUE(complete_action(*store_, who_, actor_, clock_, done, {clock_.today(), "Report"}));
  raise("Just overdue", "2026-01-31");
  const auto rows = action_list(*store_, who_, clock_.today(), ActionFilter::all, std::nullopt).value();
  std::vector<std::string> titles;
  for (const auto& row : rows) titles.push_back(row.item.title);
  EXPECT_EQ(titles, (std::vector<std::string>{"Long overdue", "Just overdue", "Past but done", "Soon", "Later"}));
}

TEST_F(RecordKeeping, ANewPersonNeedsAnAddressANameARoleTheOrganisationMayHoldAndTwelveCharacters) {
  const auto organisation = store_->organisation(own_).value();
  int hashed = 0;
  const auto hash = [&hashed](std::string_view password) -> Result<std::string> {
    ++hashed;
    return "hashed:" + std::string(password.size(), '*');
  };
  const auto person = [] {
    NewUser user;
    user.email = "New.Person@Alpha.example";
    user.display_name = "New Person";
    user.role = Role::clinical_lead;
    user.password = "twelve chars";
    return user;
  };
  auto bad = person();
  bad.email = "not an address";
  EXPECT_EQ(add_user(*store_, organisation, actor_, bad, hash).error().message, "email: enter an email address");
  bad = person();
  bad.display_name.clear();
  EXPECT_EQ(add_user(*store_, organisation, actor_, bad, hash).error().message, "name: enter the person's name");
  bad = person();
  bad.role.reset();
  EXPECT_EQ(add_user(*store_, organisation, actor_, bad, hash).error().message, "role: choose a role");
  bad = person();
  bad.role = Role::national_analyst;  // belongs to the national body only
  EXPECT_EQ(add_user(*store_, organisation, actor_, bad, hash).error().code, ErrorCode::forbidden);
  bad = person();
  bad.password = "eleven char";
  ASSERT_EQ(bad.password.size(), kMinimumPasswordLength - 1);
  EXPECT_EQ(add_user(*store_, organisation, actor_, bad, hash).error().message, "password: use at least 12 characters");
  EXPECT_EQ(hashed, 0);
  EXPECT_EQ(store_->users(own_)->size(), 0u);

  const auto added = add_user(*store_, organisation, actor_, person(), hash);
  ASSERT_TRUE(added) << added.error().message;
  const auto stored = store_->user(*added);
  EXPECT_EQ(stored->email, "new.person@alpha.example");
  EXPECT_EQ(stored->password_hash, "hashed:************");
  EXPECT_EQ(stored->organisation_id, own_);
  EXPECT_EQ(add_user(*store_, organisation, actor_, person(), hash).error().code, ErrorCode::conflict);
}

}  // namespace
}  // namespace clinaudit::domain
