// The report tracker (domain/report_tracker) on a real SQLite store: who may assign a report
// and assess its recommendations (the audit manager and the assigned lead), the default and
// the chosen deadline, the history of an assessment, actions raised from a partly or not
// compliant recommendation, the stages, overdue first, and that the national body and
// another trust see nothing of a trust's tracker.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "domain/report_tracker.hpp"
#include "sqlite_folder.hpp"

namespace clinaudit::domain {
namespace {

Date day(const char* text) { return *Date::parse(text); }

class FixedClock final : public Clock {
 public:
  Date today() const override { return day("2025-10-01"); }
  std::string now_iso() const override { return now_; }
  std::string now_ = "2025-10-01T09:00:00Z";
};

class ReportTrackerTest : public ::testing::Test {
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
    Audit national;
    national.code = "NHFD";
    national.title = "National Hip Fracture Database";
    national.kind = AuditKind::national_clinical_audit;
    audit_ = store_->add_audits({national}, setup_).value().front();
    const auto add = [&](const char* email, Role role, OrganisationId organisation) {
      User user;
      user.email = email;
      user.display_name = email;
      user.role = role;
      user.organisation_id = organisation;
      user.password_hash = "x";
      return store_->add_user(user, setup_).value();
    };
    manager_ = Principal{add("manager@alpha.example", Role::audit_manager, own_), "manager@alpha.example",
                         Role::audit_manager, own_, OrganisationType::acute};
    lead_ = Principal{add("lead@alpha.example", Role::clinical_lead, own_), "lead@alpha.example", Role::clinical_lead,
                      own_, OrganisationType::acute};
    other_lead_ = Principal{add("other.lead@alpha.example", Role::clinical_lead, own_), "other.lead@alpha.example",
                            Role::clinical_lead, own_, OrganisationType::acute};
    board_ = Principal{add("board@alpha.example", Role::board_member, own_), "board@alpha.example", Role::board_member,
                       own_, OrganisationType::acute};
    beta_manager_ =
        Principal{add("manager@beta.example", Role::audit_manager, (*organisations)[1]), "manager@beta.example",
                  Role::audit_manager, (*organisations)[1], OrganisationType::acute};
    analyst_ = Principal{add("analyst@nat.example", Role::national_analyst, (*organisations)[2]), "analyst@nat.example",
                         Role::national_analyst, (*organisations)[2], OrganisationType::national_body};
    Participation part;
    part.organisation_id = own_;
    part.audit_id = audit_;
    part.year = *FinancialYear::parse("2025/26");
    part.eligible = true;
    part.participating = true;
    ASSERT_TRUE(store_->upsert_participation({part}, setup_));
    report_ = publish_report(*store_, std::nullopt, setup_,
                             NewReport{audit_,
                                       "NHFD annual report 2025",
                                       day("2025-09-12"),
                                       "",
                                       {"Orthogeriatric review within 72 hours", "Out of bed the day after surgery"}})
                  .value();
  }

  Result<void> assign_to_lead(std::optional<Date> deadline = std::nullopt) {
    return assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{lead_.user_id, "", deadline});
  }
  Result<void> assess(const Principal& who, int number, Compliance compliance, const char* evidence = "Notes audit") {
    return assess_recommendation(*store_, who, actor_, clock_, report_, number, NewAssessment{compliance, evidence});
  }
  NewAction action_of(const char* title) {
    NewAction action;
    action.title = title;
    action.due_on = day("2026-01-31");
    action.raised_on = clock_.today();
    return action;
  }

  ::clinaudit::testing::SqliteFolder folder_{"report_tracker"};  // before the store: removed after it
  std::unique_ptr<Store> store_;
  FixedClock clock_;
  const Actor setup_{std::nullopt, "test setup"};
  const Actor actor_{std::nullopt, "test person"};
  OrganisationId own_;
  AuditId audit_;
  AuditReportId report_;
  Principal manager_, lead_, other_lead_, board_, beta_manager_, analyst_;
};

TEST_F(ReportTrackerTest, TheAuditManagerAssignsAReportWithTheDefaultDeadlineOrAChosenOne) {
  auto tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  ASSERT_TRUE(tracker) << tracker.error().message;
  EXPECT_EQ(tracker->report.stage, TrackerStage::not_assigned);
  EXPECT_EQ(tracker->report.deadline, day("2025-12-05"));  // 12 weeks after 2025-09-12
  EXPECT_TRUE(tracker->may_assign);
  EXPECT_TRUE(tracker->may_assess);

  ASSERT_TRUE(set_review_weeks(*store_, manager_, actor_, 8));
  ASSERT_TRUE(assign_to_lead());
  tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  ASSERT_TRUE(tracker);
  EXPECT_EQ(tracker->report.stage, TrackerStage::assigned);
  ASSERT_TRUE(tracker->report.assignment);
  EXPECT_EQ(tracker->report.assignment->lead, lead_.user_id);
  EXPECT_EQ(tracker->report.deadline, day("2025-11-07"));  // 8 weeks

  ASSERT_TRUE(assign_report(*store_, manager_, actor_, clock_, report_,
                            NewAssignment{std::nullopt, "Mr Locum (no account)", day("2025-11-30")}));
  tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  EXPECT_EQ(tracker->report.assignment->lead_name, "Mr Locum (no account)");
  EXPECT_FALSE(tracker->report.assignment->lead.has_value());
  EXPECT_EQ(tracker->report.deadline, day("2025-11-30"));
}

TEST_F(ReportTrackerTest, OnlyTheAuditManagerAssignsAndBadInputNamesTheField) {
  for (const auto* who : {&lead_, &board_}) {
    const auto refused = assign_report(*store_, *who, actor_, clock_, report_, NewAssignment{lead_.user_id, "", {}});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  }
  const auto national = assign_report(*store_, analyst_, actor_, clock_, report_, NewAssignment{{}, "Someone", {}});
  ASSERT_FALSE(national);
  EXPECT_EQ(national.error().code, ErrorCode::forbidden);

  const auto before =
      assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{lead_.user_id, "", day("2025-09-01")});
  ASSERT_FALSE(before);
  EXPECT_EQ(before.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(before.error().message.rfind("deadline:", 0), 0U) << before.error().message;
  const auto elsewhere =
      assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{beta_manager_.user_id, "", {}});
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().message.rfind("lead_id:", 0), 0U) << elsewhere.error().message;
  const auto board = assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{board_.user_id, "", {}});
  ASSERT_FALSE(board);
  EXPECT_EQ(board.error().message.rfind("lead_id:", 0), 0U);
  const auto nobody = assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{});
  ASSERT_FALSE(nobody);
  EXPECT_EQ(nobody.error().message.rfind("lead_name:", 0), 0U);
  const auto unreadable =
      assign_report(*store_, manager_, actor_, clock_, report_, NewAssignment{{}, "Someone", {}, true});
  ASSERT_FALSE(unreadable);
  EXPECT_EQ(unreadable.error().message.rfind("deadline:", 0), 0U);
  EXPECT_TRUE(store_->report_assignments(own_)->empty());

  const auto weeks = set_review_weeks(*store_, manager_, actor_, 0);
  ASSERT_FALSE(weeks);
  EXPECT_EQ(weeks.error().message.rfind("review_weeks:", 0), 0U);
  EXPECT_EQ(set_review_weeks(*store_, lead_, actor_, 8).error().code, ErrorCode::forbidden);
}

TEST_F(ReportTrackerTest, TheAssignedLeadAndTheManagerAssessAndAChangeKeepsTheHistory) {
  // Before the assignment, a clinical lead may not assess.
  const auto early = assess(lead_, 1, Compliance::compliant);
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::forbidden);
  ASSERT_TRUE(assign_to_lead());
  EXPECT_EQ(assess(other_lead_, 1, Compliance::compliant).error().code, ErrorCode::forbidden);
  EXPECT_EQ(assess(board_, 1, Compliance::compliant).error().code, ErrorCode::forbidden);
  EXPECT_EQ(assess(analyst_, 1, Compliance::compliant).error().code, ErrorCode::forbidden);

  ASSERT_TRUE(assess(lead_, 1, Compliance::not_compliant, "No weekend orthogeriatrician"));
  clock_.now_ = "2025-10-01T10:00:00Z";
  ASSERT_TRUE(assess(manager_, 1, Compliance::partly_compliant, "Weekday cover only"));
  const auto same = assess(manager_, 1, Compliance::partly_compliant, "Weekday cover only");
  ASSERT_FALSE(same);
  EXPECT_EQ(same.error().code, ErrorCode::conflict);
  EXPECT_EQ(assess(manager_, 3, Compliance::compliant).error().code, ErrorCode::not_found);
  const auto no_evidence = assess(manager_, 2, Compliance::compliant, "");
  ASSERT_FALSE(no_evidence);
  EXPECT_EQ(no_evidence.error().message.rfind("evidence:", 0), 0U);
  const auto no_choice = assess_recommendation(*store_, manager_, actor_, clock_, report_, 2, NewAssessment{{}, "x"});
  ASSERT_FALSE(no_choice);
  EXPECT_EQ(no_choice.error().message.rfind("compliance:", 0), 0U);

  // Beta's audit manager sees the national report and assesses it for Beta alone.
  ASSERT_TRUE(assess(beta_manager_, 2, Compliance::compliant));

  const auto tracker = report_tracker(*store_, lead_, clock_.today(), report_);
  ASSERT_TRUE(tracker);
  EXPECT_TRUE(tracker->may_assess);
  EXPECT_FALSE(tracker->may_assign);
  ASSERT_EQ(tracker->recommendations.size(), 2U);
  const auto& first = tracker->recommendations[0];
  ASSERT_TRUE(first.assessment);
  EXPECT_EQ(first.assessment->compliance, Compliance::partly_compliant);
  ASSERT_EQ(first.history.size(), 1U);
  EXPECT_EQ(first.history[0].compliance, Compliance::not_compliant);
  EXPECT_EQ(first.history[0].evidence, "No weekend orthogeriatrician");
  EXPECT_EQ(first.history[0].assessed_by_user, lead_.user_id);
  EXPECT_FALSE(tracker->recommendations[1].assessment);
  EXPECT_EQ(tracker->report.assessed, 1);
  EXPECT_EQ(tracker->report.stage, TrackerStage::assigned);
}

TEST_F(ReportTrackerTest, ActionsComeFromPartlyOrNotCompliantRecommendationsAndTheStagesFollow) {
  ASSERT_TRUE(assign_to_lead());
  ASSERT_TRUE(assess(lead_, 1, Compliance::not_compliant));
  ASSERT_TRUE(assess(lead_, 2, Compliance::compliant));
  auto tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  EXPECT_EQ(tracker->report.stage, TrackerStage::baseline_assessed);
  EXPECT_EQ(tracker->report.needing_action, 1);

  const auto compliant = raise_recommendation_action(*store_, lead_, actor_, report_, 2, action_of("Nothing"));
  ASSERT_FALSE(compliant);
  EXPECT_EQ(compliant.error().code, ErrorCode::invalid_input);
  EXPECT_EQ(raise_recommendation_action(*store_, other_lead_, actor_, report_, 1, action_of("x")).error().code,
            ErrorCode::forbidden);
  const auto raised =
      raise_recommendation_action(*store_, lead_, actor_, report_, 1, action_of("Weekend orthogeriatric rota"));
  ASSERT_TRUE(raised) << raised.error().message;
  const auto action = store_->action(*raised);
  EXPECT_EQ(action->source, ActionSource::audit_recommendation);
  EXPECT_EQ(action->audit_id, audit_);

  tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  EXPECT_EQ(tracker->report.stage, TrackerStage::actions_raised);
  ASSERT_EQ(tracker->recommendations[0].actions.size(), 1U);
  EXPECT_EQ(tracker->recommendations[0].actions[0].title, "Weekend orthogeriatric rota");
  EXPECT_TRUE(tracker->recommendations[1].actions.empty());
  EXPECT_EQ(tracker->report.open_actions, 1);

  // A later assessment keeps the action beside its recommendation.
  clock_.now_ = "2025-10-01T11:00:00Z";
  ASSERT_TRUE(assess(lead_, 1, Compliance::partly_compliant, "Rota drafted"));
  tracker = report_tracker(*store_, manager_, clock_.today(), report_);
  EXPECT_EQ(tracker->recommendations[0].actions.size(), 1U);

  ASSERT_TRUE(record_review(*store_, manager_, actor_, report_,
                            NewReview{day("2025-11-20"), "Quality Committee", "One of two met", "Weekend rota"}));
  tracker = report_tracker(*store_, manager_, day("2026-02-01"), report_);
  EXPECT_EQ(tracker->report.stage, TrackerStage::reviewed);
  EXPECT_FALSE(tracker->report.overdue);
}

TEST_F(ReportTrackerTest, TheListPutsOverdueReportsFirstAndIsTheTrustsOwn) {
  const auto later = publish_report(*store_, std::nullopt, setup_,
                                    NewReport{audit_, "NHFD spotlight on delirium", day("2025-10-20"), "", {"Screen"}});
  ASSERT_TRUE(later);
  ASSERT_TRUE(assign_to_lead(day("2025-11-01")));
  auto list = report_tracker_list(*store_, manager_, day("2025-11-15"));
  ASSERT_TRUE(list) << list.error().message;
  ASSERT_EQ(list->reports.size(), 2U);
  EXPECT_EQ(list->reports[0].row.report.id, report_);
  EXPECT_TRUE(list->reports[0].overdue);
  EXPECT_FALSE(list->reports[1].overdue);
  EXPECT_EQ(list->reports[1].stage, TrackerStage::not_assigned);
  EXPECT_EQ(list->reports[1].deadline, day("2026-01-12"));

  // Beta took no part: its list is empty and it does not see Alpha's assessments.
  ASSERT_TRUE(assess(lead_, 1, Compliance::not_compliant));
  const auto beta = report_tracker(*store_, beta_manager_, day("2025-11-15"), report_);
  ASSERT_TRUE(beta);
  EXPECT_FALSE(beta->recommendations[0].assessment);
  EXPECT_FALSE(beta->report.assignment);
  EXPECT_TRUE(report_tracker_list(*store_, beta_manager_, day("2025-11-15"))->reports.empty());
  EXPECT_EQ(report_tracker_list(*store_, analyst_, day("2025-11-15")).error().code, ErrorCode::forbidden);
  EXPECT_EQ(report_tracker(*store_, analyst_, day("2025-11-15"), report_).error().code, ErrorCode::forbidden);
}

}  // namespace
}  // namespace clinaudit::domain
