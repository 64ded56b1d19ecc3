// The rules of the domain's record-keeping use cases (participation, actions, people) on a
// real SQLite store in a temporary folder: what is refused, with which words, and that a
// refused change writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/action_commands.hpp"
#include "domain/participation_update.hpp"
#include "domain/user_admin.hpp"
#include "storage/store_factory.hpp"

namespace clinaudit::domain {
namespace {

namespace fs = std::filesystem;

class RecordKeeping : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("clinaudit_record_keeping_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = storage::open_store((dir_ / "test.sqlite").string());
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
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }

  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  fs::path dir_;
  std::unique_ptr<Store> store_;
  const Actor setup_{std::nullopt, "test setup"};
  const Actor actor_{std::nullopt, "test person"};
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
  const Date today = Date::parse("2026-02-01").value();

  Principal outsider = who_;
  outsider.organisation_id = other_;
  const auto foreign = complete_action(*store_, outsider, actor_, today, *id, "Done");
  ASSERT_FALSE(foreign);
  EXPECT_EQ(foreign.error().code, ErrorCode::not_found);

  const auto no_evidence = complete_action(*store_, who_, actor_, today, *id, "");
  ASSERT_FALSE(no_evidence);
  EXPECT_EQ(no_evidence.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(store_->action(*id)->status, ActionStatus::open);

  ASSERT_TRUE(complete_action(*store_, who_, actor_, today, *id, "Re-audit report of 1 Feb"));
  const auto closed = store_->action(*id);
  EXPECT_EQ(closed->status, ActionStatus::completed);
  EXPECT_EQ(closed->completed_on, today);
  EXPECT_EQ(closed->evidence, "Re-audit report of 1 Feb");

  const auto again = complete_action(*store_, who_, actor_, today, *id, "Again");
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::conflict);
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
