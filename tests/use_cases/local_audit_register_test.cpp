// The local audit register's rules on a real SQLite store in a temporary folder: who keeps the
// trust's divisions, who proposes and who decides, how an audit moves through its lifecycle,
// what is refused in which state (the refusal names the reason), and that a refused step
// writes nothing.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/local_audit_views.hpp"
#include "domain/local_audit_workflow.hpp"
#include "domain/trust_structure.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

class FixedClock final : public Clock {
 public:
  Date today() const override { return Date::parse("2026-02-01").value(); }
  std::string now_iso() const override { return "2026-02-01T09:15:00Z"; }
};

class LocalAuditRegisterTest : public ::testing::Test {
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
    manager_ = principal(Role::audit_manager, own_, "manager@alpha.example");
    lead_ = principal(Role::clinical_lead, own_, "lead@alpha.example");
    board_ = principal(Role::board_member, own_, "board@alpha.example");
    stranger_ = principal(Role::audit_manager, other_, "manager@beta.example");
    auto surgery = add_trust_unit(*store_, manager_, setup_, std::nullopt, "Surgery");
    ASSERT_TRUE(surgery) << surgery.error().message;
    surgery_ = *surgery;
    auto orthopaedics = add_trust_unit(*store_, manager_, setup_, surgery_, "Trauma and orthopaedics");
    ASSERT_TRUE(orthopaedics) << orthopaedics.error().message;
    orthopaedics_ = *orthopaedics;
  }

  Principal principal(Role role, OrganisationId organisation, const std::string& email) {
    User user;
    user.email = email;
    user.display_name = email.substr(0, email.find('@'));
    user.role = role;
    user.organisation_id = organisation;
    user.password_hash = "not a real hash";
    const auto added = store_->add_user(user, setup_);
    EXPECT_TRUE(added) << added.error().message;
    Principal who;
    who.user_id = added.value_or(UserId{});
    who.email = email;
    who.role = role;
    who.organisation_id = organisation;
    who.organisation_type = OrganisationType::acute;
    return who;
  }

  static Actor actor_of(const Principal& who) { return Actor{who.user_id, who.email}; }

  LocalAuditProposal proposal() const {
    LocalAuditProposal p;
    p.title = "Consent forms in day surgery";
    p.topic = "Consent";
    p.division = surgery_;
    p.specialty = orthopaedics_;
    p.lead = lead_.user_id;
    p.standards = "GMC Decision making and consent (2020)";
    p.reason = AuditReason::incident_or_complaint;
    p.sample_method = "40 consecutive elective cases, case notes review";
    p.data_protection_confirmed = true;
    p.start_date = Date::parse("2026-03-01").value();
    p.end_date = Date::parse("2026-06-30").value();
    return p;
  }

  AuditId proposed() {
    auto id = propose_local_audit(*store_, lead_, actor_of(lead_), clock_, proposal());
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(AuditId{});
  }

  LocalAuditStage stage_of_audit(AuditId id) {
    auto record = local_audit_record(*store_, manager_, clock_.today(), id);
    EXPECT_TRUE(record) << record.error().message;
    return record ? record->row.entry.stage : LocalAuditStage::proposed;
  }

  std::size_t log_entries() { return store_->audit_log("", -1)->size(); }

  ::clinaudit::testing::SqliteFolder folder_{"register"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  FixedClock clock_;
  const Actor setup_{std::nullopt, "test setup"};
  OrganisationId own_;
  OrganisationId other_;
  Principal manager_;
  Principal lead_;
  Principal board_;
  Principal stranger_;
  TrustUnitId surgery_;
  TrustUnitId orthopaedics_;
};

TEST_F(LocalAuditRegisterTest, TheAuditTeamKeepsTheDivisionsAndEachTrustSeesOnlyItsOwn) {
  auto refused = add_trust_unit(*store_, lead_, actor_of(lead_), std::nullopt, "Medicine");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  auto duplicate = add_trust_unit(*store_, manager_, actor_of(manager_), std::nullopt, "Surgery");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::conflict);
  EXPECT_EQ(duplicate.error().message, "name: 'Surgery' is already a division of this trust");
  auto theirs = add_trust_unit(*store_, stranger_, actor_of(stranger_), std::nullopt, "Surgery");
  ASSERT_TRUE(theirs) << theirs.error().message;  // the same name in another trust
  auto under_theirs = add_trust_unit(*store_, manager_, actor_of(manager_), *theirs, "Urology");
  ASSERT_FALSE(under_theirs);
  EXPECT_EQ(under_theirs.error().message, "division_id: choose one of your trust's divisions");
  auto changed = change_trust_unit(*store_, stranger_, actor_of(stranger_), surgery_, "Theatres", false);
  ASSERT_FALSE(changed);
  EXPECT_EQ(changed.error().code, ErrorCode::not_found);

  ASSERT_TRUE(change_trust_unit(*store_, manager_, actor_of(manager_), surgery_, "Surgery and theatres", true));
  const auto units = trust_structure(*store_, manager_);
  ASSERT_TRUE(units);
  ASSERT_EQ(units->size(), 2U);
  EXPECT_EQ((*units)[0].name, "Surgery and theatres");
  EXPECT_TRUE((*units)[0].retired);
  EXPECT_EQ((*units)[1].name, "Trauma and orthopaedics");
  // A retired division is offered for no new proposal.
  auto on_retired = propose_local_audit(*store_, lead_, actor_of(lead_), clock_, proposal());
  ASSERT_FALSE(on_retired);
  EXPECT_EQ(on_retired.error().message, "division_id: Surgery and theatres is retired");
}

TEST_F(LocalAuditRegisterTest, AProposalNamesEachMissingFieldAndWritesNothing) {
  const auto before = log_entries();
  auto p = proposal();
  p.division.reset();
  EXPECT_EQ(propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p).error().message,
            "division_id: choose the division the audit belongs to");
  p = proposal();
  p.lead.reset();
  EXPECT_EQ(propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p).error().message,
            "lead_name: choose the audit lead or give their name");
  p = proposal();
  p.data_protection_confirmed = false;
  EXPECT_EQ(propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p).error().message,
            "data_protection_note: say why the data protection check is not confirmed");
  p = proposal();
  p.end_date = Date::parse("2026-02-28").value();
  EXPECT_EQ(propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p).error().message,
            "end_date: the planned end date cannot be before the start");
  p = proposal();
  p.reason.reset();
  EXPECT_EQ(propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p).error().message,
            "reason: choose why the audit is proposed");
  auto by_board = propose_local_audit(*store_, board_, actor_of(board_), clock_, proposal());
  ASSERT_FALSE(by_board);
  EXPECT_EQ(by_board.error().code, ErrorCode::forbidden);
  EXPECT_EQ(log_entries(), before);
}

TEST_F(LocalAuditRegisterTest, AClinicalLeadProposesAndOnlyTheAuditTeamDecides) {
  const AuditId id = proposed();
  const auto audit = store_->audit(id);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->code, "LA-RXA-001");
  EXPECT_EQ(audit->status, AuditStatus::planned);
  EXPECT_EQ(stage_of_audit(id), LocalAuditStage::proposed);

  auto by_lead = decide_local_audit(*store_, lead_, actor_of(lead_), clock_, id, LocalAuditDecision::approve, "Fine");
  ASSERT_FALSE(by_lead);
  EXPECT_EQ(by_lead.error().code, ErrorCode::forbidden);
  auto by_stranger =
      decide_local_audit(*store_, stranger_, actor_of(stranger_), clock_, id, LocalAuditDecision::approve, "Fine");
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().code, ErrorCode::not_found);
  auto without_reason =
      decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::decline, " ");
  ASSERT_FALSE(without_reason);
  EXPECT_EQ(without_reason.error().message, "reason: give the reason for the decision");
  auto moved_early = move_local_audit_on(*store_, lead_, actor_of(lead_), clock_, id, "");
  ASSERT_FALSE(moved_early);
  EXPECT_EQ(moved_early.error().code, ErrorCode::conflict);
  EXPECT_EQ(moved_early.error().message,
            "this audit does not move on from Awaiting a decision: it has not been approved");

  ASSERT_TRUE(decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::ask_for_changes,
                                 "Say how cases are chosen"));
  EXPECT_EQ(stage_of_audit(id), LocalAuditStage::changes_requested);
  auto decided_again =
      decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::approve, "Fine");
  ASSERT_FALSE(decided_again);
  EXPECT_EQ(decided_again.error().message,
            "decision: this audit is not awaiting a decision (it stands at Changes asked for)");

  auto revised = proposal();
  revised.sample_method = "40 consecutive elective cases from the theatre system";
  ASSERT_TRUE(revise_local_audit(*store_, lead_, actor_of(lead_), clock_, id, revised));
  EXPECT_EQ(stage_of_audit(id), LocalAuditStage::proposed);
  ASSERT_TRUE(decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::approve,
                                 "Meets the trust's priorities"));
  auto late_edit = revise_local_audit(*store_, lead_, actor_of(lead_), clock_, id, revised);
  ASSERT_FALSE(late_edit);
  EXPECT_EQ(late_edit.error().code, ErrorCode::conflict);

  const auto history = store_->local_audit_events(id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 4U);
  EXPECT_EQ((*history)[0].kind, LocalAuditEventKind::proposed);
  EXPECT_EQ((*history)[1].kind, LocalAuditEventKind::changes_requested);
  EXPECT_EQ((*history)[1].note, "Say how cases are chosen");
  EXPECT_EQ((*history)[2].kind, LocalAuditEventKind::resubmitted);
  EXPECT_EQ((*history)[3].kind, LocalAuditEventKind::approved);
  EXPECT_EQ((*history)[3].by_name, "manager@alpha.example");
  EXPECT_EQ((*history)[3].at, "2026-02-01T09:15:00Z");
}

TEST_F(LocalAuditRegisterTest, AnApprovedAuditMovesOnStepByStepAndItsStatusFollows) {
  const AuditId id = proposed();
  ASSERT_TRUE(
      decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::approve, "Agreed"));
  const std::vector<std::pair<LocalAuditStage, AuditStatus>> steps = {
      {LocalAuditStage::data_collection, AuditStatus::in_progress},
      {LocalAuditStage::analysis, AuditStatus::data_collection_complete},
      {LocalAuditStage::report, AuditStatus::reported},
      {LocalAuditStage::review, AuditStatus::reported},
      {LocalAuditStage::actions, AuditStatus::reported},
      {LocalAuditStage::reaudit, AuditStatus::reported},
      {LocalAuditStage::completed, AuditStatus::closed}};
  for (const auto& [stage, status] : steps) {
    ASSERT_TRUE(move_local_audit_on(*store_, lead_, actor_of(lead_), clock_, id, ""));
    EXPECT_EQ(stage_of_audit(id), stage);
    EXPECT_EQ(store_->audit(id)->status, status);
  }
  auto beyond = move_local_audit_on(*store_, lead_, actor_of(lead_), clock_, id, "");
  ASSERT_FALSE(beyond);
  EXPECT_EQ(beyond.error().message, "this audit does not move on from Completed");
  auto abandoned = abandon_local_audit(*store_, lead_, actor_of(lead_), clock_, id, "No longer needed");
  ASSERT_FALSE(abandoned);
  EXPECT_EQ(abandoned.error().message, "rationale: this audit has ended (Completed)");

  // The re-audit is a new proposal naming the audit it repeats.
  auto again = proposal();
  again.reaudit_of = id;
  auto reaudit = propose_local_audit(*store_, lead_, actor_of(lead_), clock_, again);
  ASSERT_TRUE(reaudit) << reaudit.error().message;
  EXPECT_EQ(store_->audit(*reaudit)->reaudit_of, id);
  const auto record = local_audit_record(*store_, manager_, clock_.today(), id);
  ASSERT_TRUE(record);
  ASSERT_EQ(record->reaudits.size(), 1U);
  EXPECT_EQ(record->reaudits[0].id, *reaudit);
}

TEST_F(LocalAuditRegisterTest, AnAuditIsAbandonedWithARationaleAtAnyPointBeforeItEnds) {
  const AuditId id = proposed();
  ASSERT_TRUE(
      decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::approve, "Agreed"));
  ASSERT_TRUE(move_local_audit_on(*store_, lead_, actor_of(lead_), clock_, id, "Started on ward 7"));
  const auto before = log_entries();
  auto without = abandon_local_audit(*store_, lead_, actor_of(lead_), clock_, id, "");
  ASSERT_FALSE(without);
  EXPECT_EQ(without.error().message, "rationale: say why the audit is abandoned");
  EXPECT_EQ(log_entries(), before);
  ASSERT_TRUE(abandon_local_audit(*store_, lead_, actor_of(lead_), clock_, id, "The lead left the trust"));
  EXPECT_EQ(stage_of_audit(id), LocalAuditStage::abandoned);
  EXPECT_EQ(store_->audit(id)->status, AuditStatus::closed);
  EXPECT_GT(log_entries(), before);  // the step is in the audit log
  const auto history = store_->local_audit_events(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().kind, LocalAuditEventKind::abandoned);
  EXPECT_EQ(history->back().note, "The lead left the trust");
}

TEST_F(LocalAuditRegisterTest, TheRegisterFiltersByStageAndDivisionAndHidesOtherTrusts) {
  const AuditId first = proposed();
  auto medicine = add_trust_unit(*store_, manager_, actor_of(manager_), std::nullopt, "Medicine");
  ASSERT_TRUE(medicine);
  auto p = proposal();
  p.title = "Sepsis six within an hour";
  p.division = *medicine;
  p.specialty.reset();
  p.lead.reset();
  p.lead_name = "Dr A Visiting";
  auto second = propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p);
  ASSERT_TRUE(second) << second.error().message;
  ASSERT_TRUE(
      decide_local_audit(*store_, manager_, actor_of(manager_), clock_, first, LocalAuditDecision::approve, "Agreed"));

  auto all = local_audit_register(*store_, manager_, clock_.today(), {});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->rows.size(), 2U);
  EXPECT_EQ(all->rows[1].lead, "Dr A Visiting");
  EXPECT_EQ(all->rows[0].division, "Surgery");
  EXPECT_EQ(all->rows[0].specialty, "Trauma and orthopaedics");
  auto in_medicine = local_audit_register(*store_, manager_, clock_.today(), {std::nullopt, *medicine});
  ASSERT_TRUE(in_medicine);
  ASSERT_EQ(in_medicine->rows.size(), 1U);
  EXPECT_EQ(in_medicine->rows[0].audit.id, *second);
  auto approved = local_audit_register(*store_, manager_, clock_.today(), {LocalAuditStage::approved, std::nullopt});
  ASSERT_TRUE(approved);
  ASSERT_EQ(approved->rows.size(), 1U);
  EXPECT_EQ(approved->rows[0].audit.id, first);
  auto theirs = local_audit_register(*store_, stranger_, clock_.today(), {});
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->rows.empty());
  auto their_view = local_audit_record(*store_, stranger_, clock_.today(), first);
  ASSERT_FALSE(their_view);
  EXPECT_EQ(their_view.error().code, ErrorCode::not_found);
}

TEST_F(LocalAuditRegisterTest, ALocalAuditFromBeforeTheRegisterStandsAtTheStageItsStatusGives) {
  Audit older;
  older.code = "LA-2025-014";
  older.title = "Older audit";
  older.owner = own_;
  older.status = AuditStatus::in_progress;
  auto ids = store_->add_audits({older}, setup_);
  ASSERT_TRUE(ids);
  EXPECT_EQ(stage_of_audit((*ids)[0]), LocalAuditStage::data_collection);
  ASSERT_TRUE(move_local_audit_on(*store_, lead_, actor_of(lead_), clock_, (*ids)[0], "Data in"));
  EXPECT_EQ(stage_of_audit((*ids)[0]), LocalAuditStage::analysis);
  EXPECT_EQ(store_->audit((*ids)[0])->status, AuditStatus::data_collection_complete);
}

}  // namespace
}  // namespace clinaudit::domain
