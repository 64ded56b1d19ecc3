#include "domain/outlier_workflow.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace clinaudit::domain
