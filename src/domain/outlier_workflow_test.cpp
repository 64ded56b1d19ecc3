#include "domain/outlier_workflow.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sstream>

namespace clinaudit::domain {
namespace {

Date d(const char* text) { return *Date::parse(text); }

const OutlierTimetable& timetable() { return OutlierTimetable::default_timetable(); }
const WorkingDayCalendar& calendar() { return WorkingDayCalendar::england_and_wales(); }

OutlierCase flagged(OutlierLevel level, bool unfavourable) {
  OutlierCase row;
  row.id = OutlierCaseId{7};
  row.level = level;
  row.unfavourable = unfavourable;
  return row;
}

OutlierCase complete(const OutlierCase& row, const char* today, StageDecision decision = StageDecision::done) {
  auto next = complete_stage(row, decision, timetable(), calendar(), d(today));
  EXPECT_TRUE(next) << next.error().message;
  return *next;
}

TEST(OutlierWorkflow, ShippedTimetableHasEveryHqipStage) {
  std::vector<std::string> alarm;
  for (const auto& stage : timetable().stages()) {
    if (stage.track == OutlierTrack::alarm) alarm.push_back(stage.key);
  }
  EXPECT_EQ(alarm, (std::vector<std::string>{"data_check", "lead_clinician_informed", "provider_response", "review",
                                             "chief_executive_informed", "chief_executive_acknowledged",
                                             "public_disclosure"}));
}

// A more complete period's analysis raises an alert only to an alarm in the same direction,
// and only one not withdrawn; a favourable case keeps its (positive) stage.
TEST(OutlierWorkflow, RaisingAnAlertToAnAlarmMovesOnlyAnUnfavourableCaseToTheAlarmTrack) {
  const auto alarm_like = [](bool high) {
    OutlierCase row = flagged(OutlierLevel::alarm, true);
    row.high = high;
    row.value = 1.9;
    row.limit = 1.6;
    return row;
  };
  auto worse = open_outlier_case(flagged(OutlierLevel::alert, true), timetable(), calendar(), d("2025-04-10"));
  worse = complete(worse, "2025-04-14");
  ASSERT_EQ(worse.stage, "alert_local_review");
  const auto raised = raise_outlier_case(worse, alarm_like(true), timetable(), calendar(), d("2025-06-02"));
  ASSERT_TRUE(raised);
  EXPECT_EQ(raised->id, worse.id);
  EXPECT_EQ(raised->level, OutlierLevel::alarm);
  EXPECT_EQ(raised->stage, "data_check");
  EXPECT_EQ(raised->stage_due_on, d("2025-06-16"));  // ten working days from Monday 2 June
  EXPECT_EQ(raised->opened_on, d("2025-04-10"));     // still the case opened in April
  EXPECT_DOUBLE_EQ(raised->value, 1.9);
  EXPECT_DOUBLE_EQ(raised->limit, 1.6);

  EXPECT_FALSE(raise_outlier_case(worse, alarm_like(false), timetable(), calendar(), d("2025-06-02")))
      << "the other direction is not the same outlier";
  EXPECT_FALSE(raise_outlier_case(*raised, alarm_like(true), timetable(), calendar(), d("2025-06-03")))
      << "already an alarm";
  auto withdrawn = *raised;
  withdrawn.level = OutlierLevel::alert;
  withdrawn.status = OutlierStatus::withdrawn;
  EXPECT_FALSE(raise_outlier_case(withdrawn, alarm_like(true), timetable(), calendar(), d("2025-06-03")));

  auto better = open_outlier_case(flagged(OutlierLevel::alert, false), timetable(), calendar(), d("2025-04-10"));
  auto better_alarm = alarm_like(true);
  better_alarm.unfavourable = false;
  const auto raised_better = raise_outlier_case(better, better_alarm, timetable(), calendar(), d("2025-06-02"));
  ASSERT_TRUE(raised_better);
  EXPECT_EQ(raised_better->level, OutlierLevel::alarm);
  EXPECT_EQ(raised_better->stage, better.stage);
  EXPECT_EQ(raised_better->stage_due_on, better.stage_due_on);
}

TEST(OutlierWorkflow, DrivesAnAlarmThroughEveryStageAcrossBankHolidays) {
  // Opened Thursday 10 April 2025: 10 working days skip Good Friday (18th) and Easter Monday (21st).
  auto row = open_outlier_case(flagged(OutlierLevel::alarm, true), timetable(), calendar(), d("2025-04-10"));
  EXPECT_EQ(row.stage, "data_check");
  EXPECT_EQ(row.stage_due_on, d("2025-04-28"));
  row = complete(row, "2025-04-28");  // 5 working days skip the early May bank holiday (5 May)
  EXPECT_EQ(row.stage, "lead_clinician_informed");
  EXPECT_EQ(row.stage_due_on, d("2025-05-06"));
  row = complete(row, "2025-05-06");  // 25 working days skip the spring bank holiday (26 May)
  EXPECT_EQ(row.stage, "provider_response");
  EXPECT_EQ(row.stage_due_on, d("2025-06-11"));
  EXPECT_FALSE(complete_stage(row, StageDecision::withdraw, timetable(), calendar(), d("2025-06-11")));
  row = complete(row, "2025-06-20");
  EXPECT_EQ(row.stage, "review");
  row = complete(row, "2025-07-01", StageDecision::confirm);
  EXPECT_EQ(row.status, OutlierStatus::confirmed);
  EXPECT_EQ(row.stage, "chief_executive_informed");
  row = complete(row, "2025-07-04");
  EXPECT_EQ(row.stage, "chief_executive_acknowledged");
  row = complete(row, "2025-07-10");
  EXPECT_EQ(row.stage, "public_disclosure");
  EXPECT_FALSE(row.stage_due_on);  // no deadline for publication
  row = complete(row, "2025-09-01");
  EXPECT_EQ(row.status, OutlierStatus::closed);
  EXPECT_FALSE(complete_stage(row, StageDecision::done, timetable(), calendar(), d("2025-09-02")));
}

TEST(OutlierWorkflow, ReviewCanWithdrawAnAlarm) {
  auto row = flagged(OutlierLevel::alarm, true);
  row.stage = "review";
  row.status = OutlierStatus::open;
  row = complete(row, "2025-07-01", StageDecision::withdraw);
  EXPECT_EQ(row.status, OutlierStatus::withdrawn);
}

TEST(OutlierWorkflow, ReopensTheStageCompletedLastWithADeadlineFromTheDayOfReopening) {
  auto row = open_outlier_case(flagged(OutlierLevel::alarm, true), timetable(), calendar(), d("2025-04-10"));
  // Nothing completed yet: nothing to reopen.
  const auto first = reopen_stage(row, timetable(), calendar(), d("2025-04-11"));
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::conflict);
  row = complete(row, "2025-04-28");
  ASSERT_EQ(row.stage, "lead_clinician_informed");
  // Reopened on Tuesday 29 April: the data check again, 10 working days on (the 5 May bank holiday skipped).
  auto back = reopen_stage(row, timetable(), calendar(), d("2025-04-29"));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->item.stage, "data_check");
  EXPECT_EQ(back->stage.key, "data_check");
  EXPECT_EQ(back->item.stage_due_on, d("2025-05-14"));
  EXPECT_EQ(back->item.status, OutlierStatus::open);
}

TEST(OutlierWorkflow, AnAlarmTakenBackToItsReviewIsNoLongerConfirmed) {
  auto row = flagged(OutlierLevel::alarm, true);
  row.stage = "review";
  row.status = OutlierStatus::open;
  row = complete(row, "2025-07-01", StageDecision::confirm);
  ASSERT_EQ(row.status, OutlierStatus::confirmed);
  auto back = reopen_stage(row, timetable(), calendar(), d("2025-07-02"));
  ASSERT_TRUE(back) << back.error().message;
  EXPECT_EQ(back->item.stage, "review");
  EXPECT_EQ(back->item.status, OutlierStatus::open);
  // A case once closed or withdrawn is not reopened.
  auto withdrawn = complete(back->item, "2025-07-03", StageDecision::withdraw);
  EXPECT_FALSE(reopen_stage(withdrawn, timetable(), calendar(), d("2025-07-04")));
  // The first stage of another track has nothing before it, though the alarm track comes first.
  auto alert = open_outlier_case(flagged(OutlierLevel::alert, true), timetable(), calendar(), d("2025-07-01"));
  EXPECT_EQ(timetable().previous(alert.stage), nullptr);
  EXPECT_EQ(timetable().previous("alert_local_review")->key, "alert_lead_clinician_informed");
}

TEST(OutlierWorkflow, AlertsAskForALocalReviewAndPositiveOutliersAreShared) {
  auto alert = open_outlier_case(flagged(OutlierLevel::alert, true), timetable(), calendar(), d("2025-06-02"));
  EXPECT_EQ(alert.stage, "alert_lead_clinician_informed");
  alert = complete(alert, "2025-06-09");
  EXPECT_EQ(alert.stage, "alert_local_review");
  alert = complete(alert, "2025-07-01");
  EXPECT_EQ(alert.status, OutlierStatus::closed);
  auto positive = open_outlier_case(flagged(OutlierLevel::alarm, false), timetable(), calendar(), d("2025-06-02"));
  EXPECT_EQ(positive.stage, "positive_shared");
  EXPECT_EQ(complete(positive, "2025-06-05").status, OutlierStatus::closed);
}

TEST(OutlierWorkflow, RemindsBeforeAndEscalatesAfterTheDeadline) {
  OutlierCase row = flagged(OutlierLevel::alarm, true);
  row.status = OutlierStatus::open;
  row.stage = "provider_response";
  row.stage_due_on = d("2025-06-11");  // a Wednesday
  const auto at = [&](const char* today) { return outlier_reminders({row}, timetable(), calendar(), d(today)); };
  EXPECT_TRUE(at("2025-06-05").empty());  // 4 working days left
  ASSERT_EQ(at("2025-06-09").size(), 1u);
  EXPECT_EQ(at("2025-06-09")[0].kind, ReminderKind::deadline_approaching);
  EXPECT_EQ(at("2025-06-09")[0].owner, OutlierParty::provider);
  ASSERT_EQ(at("2025-06-12").size(), 1u);
  EXPECT_EQ(at("2025-06-12")[0].kind, ReminderKind::deadline_passed);
  EXPECT_EQ(at("2025-06-12")[0].working_days_overdue, 1);
  EXPECT_EQ(at("2025-06-20")[0].kind, ReminderKind::escalation);  // 7 working days late
  EXPECT_EQ(at("2025-06-20")[0].working_days_overdue, 7);
}

TEST(OutlierWorkflow, RejectsABadTimetableWithItsLine) {
  const auto bad = OutlierTimetable::from_csv("level,key,name,owner,working_days\nalarm,a,A,provider,ten\n");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("line 2"), std::string::npos);
  const auto incomplete = OutlierTimetable::from_csv("level,key,name,owner,working_days\nalarm,a,A,provider,3\n");
  ASSERT_FALSE(incomplete);
  EXPECT_NE(incomplete.error().message.find("alert"), std::string::npos);
}

std::string rejected(const std::string& rows) {
  const auto parsed = OutlierTimetable::from_csv("level,key,name,owner,working_days\n" + rows);
  EXPECT_FALSE(parsed) << "accepted:\n" << rows;
  return parsed ? "" : parsed.error().message;
}

std::string valid_rows(const std::string& alarm_review_days = "20") {
  return "alarm,data_check,Check,audit_provider,10\n"
         "alarm,review,Review,audit_provider," +
         alarm_review_days +
         "\n"
         "alert,alert_review,Local review,provider,25\n"
         "positive,positive_shared,Shared,audit_provider,0\n";
}

TEST(OutlierWorkflow, TimetableProblemsNameTheirLineAndColumn) {
  EXPECT_TRUE(OutlierTimetable::from_csv("level,key,name,owner,working_days\n" + valid_rows()));
  EXPECT_THAT(rejected("bogus,x,X,provider,3\n" + valid_rows()),
              testing::HasSubstr("line 2, column 1 (level): 'bogus' is not alarm, alert or positive"));
  EXPECT_THAT(
      rejected(valid_rows() + "alert,x,X,trust,3\n"),
      testing::HasSubstr("line 6, column 4 (owner): 'trust' is not audit_provider, provider or chief_executive"));
  EXPECT_THAT(rejected(valid_rows() + "alert,x,X,provider,-1\n"),
              testing::HasSubstr("line 6, column 5 (working_days): '-1' is not a whole number of days"));
  EXPECT_THAT(rejected(valid_rows() + "alert,x,X,provider,2.5\n"),
              testing::HasSubstr("line 6, column 5 (working_days): '2.5'"));
  EXPECT_THAT(rejected(valid_rows() + "alert,review,X,provider,3\n"),
              testing::HasSubstr("line 6, column 2 (key): stage key 'review' is repeated"));
  EXPECT_THAT(rejected(valid_rows() + "alert,x,provider,3\n"), testing::HasSubstr("line 6: expected 5 fields"));
}

// The table is written back as CSV (timetable show, the settings page) without quoting, so a
// key or name that a spreadsheet would run as a formula is refused when it is read.
TEST(OutlierWorkflow, TimetableRefusesAKeyOrNameASpreadsheetWouldRunAsAFormula) {
  EXPECT_THAT(rejected(valid_rows() + "alert,x,=HYPERLINK(\"http://evil.example\"),provider,3\n"),
              testing::HasSubstr("line 6, column 3 (name): a name may not begin with"));
  EXPECT_THAT(rejected(valid_rows() + "alert,@x,X,provider,3\n"),
              testing::HasSubstr("line 6, column 2 (key): a key may not begin with"));
  for (const char* name : {"+1", "-cmd", "\tTab"}) {
    EXPECT_THAT(rejected(valid_rows() + "alert,x," + name + ",provider,3\n"), testing::HasSubstr("column 3 (name)"));
  }
  EXPECT_TRUE(OutlierTimetable::from_csv("level,key,name,owner,working_days\n" + valid_rows() +
                                         "alert,x,Board sign-off = 2 + 2,provider,3\n"));
}

TEST(OutlierWorkflow, TimetableListsEveryProblemAtOnce) {
  const auto message = rejected("bogus,x,X,provider,3\n" + valid_rows() + "alert,y,Y,trust,3\n");
  EXPECT_THAT(message, testing::HasSubstr("line 2, column 1"));
  EXPECT_THAT(message, testing::HasSubstr("line 7, column 4"));
}

TEST(OutlierWorkflow, TimetableNeedsItsHeaderEveryLevelAndTheReviewStage) {
  const auto headless = OutlierTimetable::from_csv(valid_rows());
  ASSERT_FALSE(headless);
  EXPECT_THAT(headless.error().message, testing::HasSubstr("line 1: the header must be"));
  EXPECT_THAT(rejected("alarm,review,Review,audit_provider,20\nalert,a,A,provider,5\n"),
              testing::HasSubstr("no stages for level 'positive'"));
  EXPECT_THAT(rejected("alarm,data_check,Check,audit_provider,10\nalert,a,A,provider,5\n"
                       "positive,p,P,audit_provider,0\n"),
              testing::HasSubstr("the alarm level must have a stage with key 'review'"));
  EXPECT_THAT(rejected("alarm,data_check,Check,audit_provider,10\nalert,review,A,provider,5\n"
                       "positive,p,P,audit_provider,0\n"),
              testing::HasSubstr("the alarm level must have a stage with key 'review'"));
}

// A new table must keep every stage an open case is at, on that case's track; closed and
// withdrawn cases, and a stage the table only moved to another track, are judged as such.
TEST(OutlierWorkflow, ATableMustKeepTheStagesOpenCasesAreAt) {
  auto at_response = flagged(OutlierLevel::alarm, true);
  at_response.stage = "provider_response";
  auto closed = flagged(OutlierLevel::alarm, true);
  closed.id = OutlierCaseId{8};
  closed.stage = "provider_response";
  closed.status = OutlierStatus::closed;
  auto alert = flagged(OutlierLevel::alert, true);
  alert.id = OutlierCaseId{9};
  alert.stage = timetable().first(OutlierTrack::alert)->key;
  const std::vector<OutlierCase> cases{at_response, closed, alert};
  EXPECT_TRUE(stages_missing_for(timetable(), cases).empty());

  // The same table without the alarm's provider_response stage.
  std::string csv;
  std::string line;
  std::istringstream rows(timetable().to_csv());
  while (std::getline(rows, line)) {
    if (line.rfind("alarm,provider_response,", 0) != 0) csv += line + "\n";
  }
  const auto without = OutlierTimetable::from_csv(csv);
  ASSERT_TRUE(without) << without.error().message;
  EXPECT_THAT(stages_missing_for(*without, cases),
              ::testing::ElementsAre("outlier case 7 is at stage 'provider_response' of the alarm level, which this "
                                     "table has not got; keep that stage (its days may change) or finish the case's "
                                     "stage first"));

  // A stage key found only on another track does not count.
  std::string moved;
  std::istringstream again(timetable().to_csv());
  const std::string alert_key = alert.stage;
  while (std::getline(again, line)) {
    if (line.rfind("alert," + alert_key + ",", 0) == 0) continue;
    moved += line + "\n";
  }
  moved += "positive," + alert_key + ",Moved here,provider,5\n";
  const auto shuffled = OutlierTimetable::from_csv(moved);
  ASSERT_TRUE(shuffled) << shuffled.error().message;
  const auto problems = stages_missing_for(*shuffled, cases);
  ASSERT_EQ(problems.size(), 1U);
  EXPECT_THAT(problems[0], ::testing::HasSubstr("outlier case 9"));
}

TEST(OutlierWorkflow, TimetableWritesBackWhatItReads) {
  const auto parsed = OutlierTimetable::from_csv(timetable().to_csv());
  ASSERT_TRUE(parsed) << parsed.error().message;
  EXPECT_EQ(parsed->to_csv(), timetable().to_csv());
  EXPECT_EQ(parsed->stages().size(), timetable().stages().size());
}

}  // namespace
}  // namespace clinaudit::domain
