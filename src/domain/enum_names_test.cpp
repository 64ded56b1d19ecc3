#include <gtest/gtest.h>

#include "domain/audit.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/outlier_case.hpp"
#include "domain/participation.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::domain {
namespace {

TEST(EnumNames, EveryStoredNameReadsBack) {
  for (const auto role : {Role::admin, Role::audit_manager, Role::clinical_lead, Role::board_member,
                          Role::national_analyst, Role::read_only}) {
    EXPECT_EQ(parse_role(to_string(role)), role);
  }
  EXPECT_EQ(to_string(Role::national_analyst), "national_analyst");
  EXPECT_EQ(parse_audit_kind("national_confidential_enquiry"), AuditKind::national_confidential_enquiry);
  EXPECT_EQ(parse_audit_status(to_string(AuditStatus::data_collection_complete)),
            AuditStatus::data_collection_complete);
  EXPECT_EQ(parse_measure_type("ratio"), MeasureType::ratio);
  EXPECT_EQ(parse_improvement("decrease"), Improvement::decrease);
  EXPECT_EQ(parse_action_status("completed"), ActionStatus::completed);
  EXPECT_EQ(parse_action_source(to_string(ActionSource::board_decision)), ActionSource::board_decision);
  EXPECT_EQ(parse_action_event_kind(to_string(ActionEventKind::due_date_changed)), ActionEventKind::due_date_changed);
  EXPECT_EQ(parse_action_event_kind("document_added"), ActionEventKind::document_added);
  EXPECT_EQ(parse_board_item_kind("outlier_case"), BoardItemKind::outlier_case);
  EXPECT_EQ(parse_outlier_level("alarm"), OutlierLevel::alarm);
  EXPECT_EQ(parse_outlier_status("withdrawn"), OutlierStatus::withdrawn);
  EXPECT_EQ(parse_question_kind("likert"), QuestionKind::likert);
  EXPECT_FALSE(parse_role("superuser"));
  EXPECT_FALSE(parse_measure_type("Ratio"));
}

TEST(Participation, CaseAscertainmentNeedsBothCounts) {
  Participation row;
  EXPECT_FALSE(row.case_ascertainment());
  row.cases_submitted = 45;
  EXPECT_FALSE(row.case_ascertainment());
  row.cases_required = 0;
  EXPECT_FALSE(row.case_ascertainment());
  row.cases_required = 60;
  ASSERT_TRUE(row.case_ascertainment());
  EXPECT_DOUBLE_EQ(*row.case_ascertainment(), 0.75);
}

TEST(Action, IsOverdueOnlyWhileOpenAndPastItsDate) {
  Action action;
  action.due_on = *Date::parse("2026-03-31");
  EXPECT_FALSE(action.overdue_on(*Date::parse("2026-03-31")));
  EXPECT_TRUE(action.overdue_on(*Date::parse("2026-04-01")));
  action.status = ActionStatus::completed;
  EXPECT_FALSE(action.overdue_on(*Date::parse("2026-04-01")));
}

}  // namespace
}  // namespace clinaudit::domain
