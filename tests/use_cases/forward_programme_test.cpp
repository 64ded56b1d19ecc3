// The forward programme (domain/forward_programme) on a real SQLite store: which audits a
// financial year's programme holds (approved to start in it, carried in from earlier years,
// proposals apart, declined and later ones not), their tier, the reasons of carried-over
// and abandoned audits, progress by division, the national audits the trust is eligible
// for, and who may carry an audit over.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "domain/annual_audit_report.hpp"
#include "domain/forward_programme.hpp"
#include "domain/local_audit_workflow.hpp"
#include "domain/trust_structure.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

// A clock the test moves: steps happen on the days the story needs.
class MovableClock final : public Clock {
 public:
  Date day = Date::parse("2025-05-01").value();
  Date today() const override { return day; }
  std::string now_iso() const override { return day.to_string() + "T10:00:00Z"; }
};

Date on(const char* text) { return Date::parse(text).value(); }

class ForwardProgrammeTest : public ::testing::Test {
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
    manager_ = principal(Role::audit_manager, own_, "manager@alpha.example");
    lead_ = principal(Role::clinical_lead, own_, "lead@alpha.example");
    board_ = principal(Role::board_member, own_, "board@alpha.example");
    stranger_ = principal(Role::audit_manager, (*organisations)[1], "manager@beta.example");
    surgery_ = add_trust_unit(*store_, manager_, setup_, std::nullopt, "Surgery").value();
    medicine_ = add_trust_unit(*store_, manager_, setup_, std::nullopt, "Medicine").value();
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
    return Principal{added.value_or(UserId{}), email, role, organisation, OrganisationType::acute};
  }

  static Actor actor_of(const Principal& who) { return Actor{who.user_id, who.email}; }

  // A proposal made on `start` minus a month, for `division`, planned from `start` to `end`.
  AuditId propose(const std::string& title, TrustUnitId division, const char* start, const char* end,
                  AuditReason reason = AuditReason::incident_or_complaint,
                  std::optional<ProgrammeTier> tier = std::nullopt) {
    LocalAuditProposal p;
    p.title = title;
    p.division = division;
    p.lead = lead_.user_id;
    p.standards = "Trust policy";
    p.reason = reason;
    p.tier = tier;
    p.sample_method = "30 consecutive patients";
    p.data_protection_confirmed = true;
    p.start_date = on(start);
    p.end_date = on(end);
    clock_.day = on(start).plus_days(-30);
    auto id = propose_local_audit(*store_, lead_, actor_of(lead_), clock_, p);
    EXPECT_TRUE(id) << id.error().message;
    return id.value_or(AuditId{});
  }

  void approve(AuditId id) {
    const auto done =
        decide_local_audit(*store_, manager_, actor_of(manager_), clock_, id, LocalAuditDecision::approve, "Agreed");
    EXPECT_TRUE(done) << done.error().message;
  }

  // Moves the audit on `steps` times, on `day`.
  void move_on(AuditId id, int steps, const char* day) {
    clock_.day = on(day);
    for (int i = 0; i < steps; ++i) {
      const auto done = move_local_audit_on(*store_, manager_, actor_of(manager_), clock_, id, "");
      EXPECT_TRUE(done) << done.error().message;
    }
  }

  static const ProgrammeItem* item(const ForwardProgramme& p, AuditId id) {
    const auto found = std::ranges::find(p.items, id, &ProgrammeItem::audit_id);
    return found == p.items.end() ? nullptr : &*found;
  }

  static const DivisionProgress* division(const ForwardProgramme& p, const std::string& name) {
    const auto found = std::ranges::find(p.divisions, name, &DivisionProgress::division);
    return found == p.divisions.end() ? nullptr : &*found;
  }

  ::clinaudit::testing::SqliteFolder folder_{"programme"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  MovableClock clock_;
  const Actor setup_{std::nullopt, "test setup"};
  OrganisationId own_;
  Principal manager_;
  Principal lead_;
  Principal board_;
  Principal stranger_;
  TrustUnitId surgery_;
  TrustUnitId medicine_;
};

TEST_F(ForwardProgrammeTest, AYearHoldsItsApprovedAuditsAndThoseCarriedInWithTheirReasons) {
  const FinancialYear year = *FinancialYear::parse("2026/27");
  // Planned last year: one still under way (carried over, with a reason), one finished then.
  const auto carried = propose("Consent in day surgery", surgery_, "2026-02-01", "2026-03-31");
  approve(carried);
  move_on(carried, 1, "2026-02-10");
  const auto finished_then = propose("Sepsis screening", surgery_, "2025-06-01", "2025-12-31");
  approve(finished_then);
  move_on(finished_then, 7, "2026-02-20");
  // Planned this year: completed, abandoned, not started (with a tier chosen over its
  // reason's), running beyond the year, awaiting approval, declined.
  const auto completed = propose("VTE assessment", surgery_, "2026-05-01", "2026-09-30");
  approve(completed);
  move_on(completed, 7, "2026-10-01");
  const auto abandoned = propose("Delirium screening", surgery_, "2026-06-01", "2026-10-31");
  approve(abandoned);
  ASSERT_TRUE(abandon_local_audit(*store_, manager_, actor_of(manager_), clock_, abandoned,
                                  "The national audit now reports it for every patient"));
  const auto not_started = propose("Hand hygiene", medicine_, "2027-01-10", "2027-03-01", AuditReason::local_interest,
                                   ProgrammeTier::national_mandatory);
  approve(not_started);
  const auto beyond = propose("Falls assessment", medicine_, "2026-12-01", "2027-06-30", AuditReason::trust_priority);
  approve(beyond);
  const auto awaiting = propose("Pressure ulcers", medicine_, "2026-12-01", "2027-02-28");
  const auto declined = propose("Hospital food", medicine_, "2026-07-01", "2026-08-31");
  ASSERT_TRUE(decide_local_audit(*store_, manager_, actor_of(manager_), clock_, declined, LocalAuditDecision::decline,
                                 "Not a clinical audit"));
  const auto next_year = propose("Fluid balance", medicine_, "2027-05-01", "2027-07-31");
  approve(next_year);

  clock_.day = on("2026-11-26");
  ASSERT_TRUE(carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, carried,
                                     "Waiting for the new consent form", std::nullopt));
  const auto p = forward_programme(*store_, manager_, clock_.today(), year);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->organisation, "Alpha Trust");
  EXPECT_EQ(p->items.size(), 6U);
  EXPECT_EQ(item(*p, finished_then), nullptr);
  EXPECT_EQ(item(*p, declined), nullptr);
  EXPECT_EQ(item(*p, next_year), nullptr);

  const auto* in = item(*p, carried);
  ASSERT_NE(in, nullptr);
  EXPECT_TRUE(in->carried_in);
  EXPECT_EQ(in->carried_in_reason, "Waiting for the new consent form");
  EXPECT_EQ(in->carry_over_reason, "");  // not carrying over out of this year
  EXPECT_TRUE(in->overdue);
  EXPECT_EQ(in->state, ProgrammeState::under_way);
  EXPECT_EQ(in->progress, "Data collection");
  EXPECT_EQ(in->tier, ProgrammeTier::divisional);  // an incident or complaint

  const auto* done = item(*p, completed);
  ASSERT_NE(done, nullptr);
  EXPECT_EQ(done->progress, "Completed on 2026-10-01");
  EXPECT_FALSE(done->carries_over);
  const auto* stopped = item(*p, abandoned);
  ASSERT_NE(stopped, nullptr);
  EXPECT_EQ(stopped->state, ProgrammeState::abandoned);
  EXPECT_EQ(stopped->abandoned_reason, "The national audit now reports it for every patient");
  const auto* later = item(*p, not_started);
  ASSERT_NE(later, nullptr);
  EXPECT_EQ(later->tier, ProgrammeTier::national_mandatory);
  EXPECT_EQ(later->state, ProgrammeState::not_started);
  const auto* running = item(*p, beyond);
  ASSERT_NE(running, nullptr);
  EXPECT_TRUE(running->carries_over);
  EXPECT_EQ(running->carry_over_reason, "");
  EXPECT_EQ(running->tier, ProgrammeTier::trust_priority);
  ASSERT_NE(item(*p, awaiting), nullptr);
  EXPECT_EQ(item(*p, awaiting)->state, ProgrammeState::awaiting_approval);

  // Highest tier first.
  EXPECT_EQ(p->items.front().audit_id, not_started);
  const auto* surgery = division(*p, "Surgery");
  ASSERT_NE(surgery, nullptr);
  EXPECT_EQ(surgery->in_plan, 3);
  EXPECT_EQ(surgery->carried_in, 1);
  EXPECT_EQ(surgery->completed, 1);
  EXPECT_EQ(surgery->under_way, 1);
  EXPECT_EQ(surgery->abandoned, 1);
  EXPECT_EQ(surgery->overdue, 1);
  const auto* medicine = division(*p, "Medicine");
  ASSERT_NE(medicine, nullptr);
  EXPECT_EQ(medicine->in_plan, 2);
  EXPECT_EQ(medicine->not_started, 2);
  EXPECT_EQ(medicine->carrying_over, 1);
  EXPECT_EQ(medicine->awaiting_approval, 1);
  EXPECT_EQ(p->total.in_plan, 5);
  ASSERT_TRUE(p->total.completed_share());
  EXPECT_DOUBLE_EQ(*p->total.completed_share(), 0.2);

  // Last year's programme, now over: the carried audit carries over with its reason; the
  // one finished in that year does not.
  const auto last = forward_programme(*store_, manager_, clock_.today(), year.previous());
  ASSERT_TRUE(last) << last.error().message;
  ASSERT_NE(item(*last, carried), nullptr);
  EXPECT_TRUE(item(*last, carried)->carries_over);
  EXPECT_EQ(item(*last, carried)->carry_over_reason, "Waiting for the new consent form");
  ASSERT_NE(item(*last, finished_then), nullptr);
  EXPECT_FALSE(item(*last, finished_then)->carries_over);
  EXPECT_EQ(item(*last, finished_then)->progress, "Completed on 2026-02-20");

  // Another trust's programme holds none of these.
  const auto theirs = forward_programme(*store_, stranger_, clock_.today(), year);
  ASSERT_TRUE(theirs);
  EXPECT_TRUE(theirs->items.empty());
}

TEST_F(ForwardProgrammeTest, TheNationalAuditsTheTrustIsEligibleForAreItsFirstTier) {
  Audit taking;
  taking.code = "NHFD";
  taking.title = "National Hip Fracture Database";
  taking.kind = AuditKind::national_clinical_audit;
  Audit declining = taking;
  declining.code = "NELA";
  declining.title = "National Emergency Laparotomy Audit";
  Audit ineligible = taking;
  ineligible.code = "NNAP";
  ineligible.title = "National Neonatal Audit Programme";
  const auto ids = store_->add_audits({taking, declining, ineligible}, setup_);
  ASSERT_TRUE(ids) << ids.error().message;
  const FinancialYear year = *FinancialYear::parse("2026/27");
  std::vector<Participation> rows(3);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i].organisation_id = own_;
    rows[i].audit_id = (*ids)[i];
    rows[i].year = year;
  }
  rows[0].eligible = true;
  rows[0].participating = true;
  rows[0].data_collection_completed = true;
  rows[1].eligible = true;
  rows[1].participating = false;
  rows[1].reason_not_participating = "No emergency general surgery on site";
  rows[2].eligible = false;
  ASSERT_TRUE(store_->upsert_participation(rows, setup_));

  const auto p = forward_programme(*store_, board_, on("2026-11-26"), year);
  ASSERT_TRUE(p) << p.error().message;
  EXPECT_EQ(p->national_eligible, 2);
  EXPECT_EQ(p->national_taking_part, 1);
  ASSERT_EQ(p->items.size(), 2U);
  for (const auto& item : p->items) {
    EXPECT_TRUE(item.national);
    EXPECT_EQ(item.tier, ProgrammeTier::national_mandatory);
  }
  const auto* submitted = item(*p, (*ids)[0]);
  ASSERT_NE(submitted, nullptr);
  EXPECT_EQ(submitted->state, ProgrammeState::data_submitted);
  const auto* not_taking = item(*p, (*ids)[1]);
  ASSERT_NE(not_taking, nullptr);
  EXPECT_EQ(not_taking->state, ProgrammeState::not_taking_part);
  EXPECT_EQ(not_taking->not_taking_part_reason, "No emergency general surgery on site");
  // National audits are not local audits' plan.
  EXPECT_EQ(p->total.in_plan, 0);
}

TEST_F(ForwardProgrammeTest, OnlyTheAuditTeamCarriesAnApprovedAuditOverWithAReason) {
  const auto id = propose("Consent in day surgery", surgery_, "2026-02-01", "2026-03-31");
  clock_.day = on("2026-03-20");
  const auto before = carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "Late", std::nullopt);
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, ErrorCode::conflict);  // not yet approved
  approve(id);
  const auto by_lead = carry_over_local_audit(*store_, lead_, actor_of(lead_), clock_, id, "Late", std::nullopt);
  ASSERT_FALSE(by_lead);
  EXPECT_EQ(by_lead.error().code, ErrorCode::forbidden);
  const auto by_board = carry_over_local_audit(*store_, board_, actor_of(board_), clock_, id, "Late", std::nullopt);
  ASSERT_FALSE(by_board);
  EXPECT_EQ(by_board.error().code, ErrorCode::forbidden);
  const auto by_stranger =
      carry_over_local_audit(*store_, stranger_, actor_of(stranger_), clock_, id, "Late", std::nullopt);
  ASSERT_FALSE(by_stranger);
  EXPECT_EQ(by_stranger.error().code, ErrorCode::not_found);
  const auto no_reason = carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "  ", std::nullopt);
  ASSERT_FALSE(no_reason);
  EXPECT_EQ(no_reason.error().code, ErrorCode::invalid_input);
  EXPECT_TRUE(no_reason.error().message.starts_with("reason: ")) << no_reason.error().message;
  const auto too_early =
      carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "Late", on("2026-01-01"));
  ASSERT_FALSE(too_early);
  EXPECT_TRUE(too_early.error().message.starts_with("end_date: ")) << too_early.error().message;

  const auto log_before = store_->audit_log("", -1)->size();
  ASSERT_TRUE(
      carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "Staff sickness", on("2026-06-30")));
  EXPECT_GT(store_->audit_log("", -1)->size(), log_before);
  const auto audit = store_->audit(id);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->end_date, on("2026-06-30"));
  const auto entry = store_->local_audit_entry(id);
  ASSERT_TRUE(entry && *entry);
  EXPECT_EQ((*entry)->stage, LocalAuditStage::approved);  // a carry-over is not a step
  EXPECT_EQ((*entry)->stage_at, "2026-03-20T10:00:00Z");  // when it was approved
  const auto history = store_->local_audit_events(id);
  ASSERT_TRUE(history);
  EXPECT_EQ(history->back().kind, LocalAuditEventKind::carried_over);
  EXPECT_EQ(history->back().note, "Staff sickness (planned end now 2026-06-30)");

  move_on(id, 7, "2026-05-01");
  const auto finished = carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "Late", std::nullopt);
  ASSERT_FALSE(finished);
  EXPECT_EQ(finished.error().code, ErrorCode::conflict);
}

// The annual report of a year that is over: the local audits completed within it by division
// (not one finished after its end), and its actions: completed within it (on time or not) and
// those due in it and not done by its end.
TEST_F(ForwardProgrammeTest, TheAnnualReportCountsTheAuditsCompletedInTheYearByDivisionAndItsActions) {
  const FinancialYear year = *FinancialYear::parse("2026/27");
  const auto surgical = propose("VTE assessment", surgery_, "2026-05-01", "2026-09-30");
  approve(surgical);
  move_on(surgical, 7, "2026-10-01");
  const auto medical = propose("Falls assessment", medicine_, "2026-04-15", "2026-06-30");
  approve(medical);
  move_on(medical, 7, "2026-06-15");
  const auto late = propose("Hand hygiene", medicine_, "2027-01-10", "2027-03-01");
  approve(late);
  move_on(late, 7, "2027-05-03");  // finished after the year

  const auto action = [&](const char* title, const char* due, ActionStatus status, std::optional<Date> completed) {
    Action row;
    row.organisation_id = own_;
    row.audit_id = surgical;
    row.title = title;
    row.owner_name = "Ward manager";
    row.due_on = on(due);
    row.status = status;
    row.completed_on = completed;
    if (completed) row.evidence = "Minutes of the ward meeting";
    ASSERT_TRUE(store_->add_action(row, setup_));
  };
  action("On time", "2026-11-30", ActionStatus::completed, on("2026-11-20"));
  action("Late", "2026-11-30", ActionStatus::completed, on("2027-01-10"));
  action("Never done", "2027-02-28", ActionStatus::open, std::nullopt);
  action("Done after the year", "2027-03-15", ActionStatus::completed, on("2027-04-20"));
  action("Cancelled", "2027-01-31", ActionStatus::cancelled, std::nullopt);
  action("Due next year", "2027-05-31", ActionStatus::open, std::nullopt);

  const auto report = annual_audit_report(*store_, board_, on("2027-06-01"), year);
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_EQ(report->organisation, "Alpha Trust");
  EXPECT_EQ(report->completed_count, 2);
  ASSERT_EQ(report->completed.size(), 2U);
  EXPECT_EQ(report->completed[0].division, "Medicine");
  ASSERT_EQ(report->completed[0].audits.size(), 1U);
  EXPECT_EQ(report->completed[0].audits[0].audit_id, medical);
  EXPECT_EQ(report->completed[0].audits[0].finished_on, on("2026-06-15"));
  EXPECT_EQ(report->completed[1].division, "Surgery");
  EXPECT_EQ(report->completed[1].audits[0].audit_id, surgical);
  // The programme still holds the late one: planned in the year, carried over out of it.
  EXPECT_EQ(report->programme.total.in_plan, 3);
  EXPECT_EQ(report->programme.total.carrying_over, 1);
  EXPECT_EQ(report->actions_completed, 2);
  EXPECT_EQ(report->actions_completed_on_time, 1);
  EXPECT_EQ(report->actions_overdue, 2);  // never done; done only after the year
  EXPECT_TRUE(report->reaudits.empty());
}

// An audit carried over twice: each year shows the reason that brought it in and the one that
// takes it out, not the latest for both.
TEST_F(ForwardProgrammeTest, EachYearShowsTheReasonThatBroughtTheAuditInAndTheOneThatTakesItOut) {
  const auto id = propose("Consent in day surgery", surgery_, "2025-09-01", "2026-03-31");
  approve(id);
  move_on(id, 1, "2025-09-10");
  clock_.day = on("2026-03-10");
  ASSERT_TRUE(carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "The lead was on leave",
                                     on("2026-12-31")));
  clock_.day = on("2026-12-01");
  ASSERT_TRUE(
      carry_over_local_audit(*store_, manager_, actor_of(manager_), clock_, id, "The ward closed", on("2027-06-30")));
  const auto first = forward_programme(*store_, manager_, clock_.today(), *FinancialYear::parse("2025/26"));
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_NE(item(*first, id), nullptr);
  EXPECT_FALSE(item(*first, id)->carried_in);
  EXPECT_EQ(item(*first, id)->carry_over_reason, "The lead was on leave (planned end now 2026-12-31)");
  const auto second = forward_programme(*store_, manager_, clock_.today(), *FinancialYear::parse("2026/27"));
  ASSERT_TRUE(second) << second.error().message;
  const auto* both = item(*second, id);
  ASSERT_NE(both, nullptr);
  EXPECT_TRUE(both->carried_in);
  EXPECT_TRUE(both->carries_over);
  EXPECT_EQ(both->carried_in_reason, "The lead was on leave (planned end now 2026-12-31)");
  EXPECT_EQ(both->carry_over_reason, "The ward closed (planned end now 2027-06-30)");
}

}  // namespace
}  // namespace clinaudit::domain
