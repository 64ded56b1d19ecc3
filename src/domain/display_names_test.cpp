#include "domain/display_names.hpp"
#include "domain/local_audit_register.hpp"

#include <gtest/gtest.h>

#include <string>

namespace clinaudit::domain {
namespace {

// Each value's words are not its stored key and hold no underscore: a key made readable by
// chance (a one-word key capitalised) is still words.
template <typename Enum>
void expect_words(Enum last) {
  for (int i = 0; i <= static_cast<int>(last); ++i) {
    const auto value = static_cast<Enum>(i);
    const std::string words(display_name(value));
    EXPECT_FALSE(words.empty()) << to_string(value);
    EXPECT_EQ(words.find('_'), std::string::npos) << to_string(value) << ": " << words;
    EXPECT_NE(words, to_string(value));
  }
}

TEST(DisplayNames, EveryValueOfEveryEnumPeopleSeeHasWords) {
  expect_words(AuditKind::local_audit);
  expect_words(AuditStatus::closed);
  expect_words(MeasureType::continuous);
  expect_words(ActionStatus::cancelled);
  expect_words(ActionSource::report_review);
  expect_words(ActionSource::nice_recommendation);
  expect_words(ActionEventKind::document_added);
  expect_words(BoardItemKind::other);
  expect_words(OutlierLevel::alarm);
  expect_words(OutlierStatus::closed);
  expect_words(QuestionKind::free_text);
  expect_words(OutlierTrack::positive);
  expect_words(OutlierParty::provider);
  expect_words(NotificationKind::board_outcome_not_recorded);
  expect_words(NotificationKind::local_audit_past_end);
  expect_words(NotificationKind::nice_review_overdue);
  expect_words(LocalAuditStage::abandoned);
  expect_words(AuditReason::local_interest);
  expect_words(LocalAuditEventKind::carried_over);
  expect_words(ProgrammeTier::local_interest);
  expect_words(stats::VariationIcon::neutral_low);
  expect_words(stats::AssuranceIcon::inconsistent);
  expect_words(stats::FunnelFlag::alarm_low);
  EXPECT_EQ(display_name(AuditStatus::in_progress), "In progress");
  EXPECT_EQ(display_name(Improvement::increase), "higher");
}

// Making Data Count's words for the assurance icons ("Making data count: getting started",
// NHS Improvement 2019: "inconsistently passing and falling short of the target").
TEST(DisplayNames, TheAssuranceIconsSayWhatMakingDataCountSays) {
  EXPECT_EQ(display_name(stats::AssuranceIcon::inconsistent), "Inconsistently passing and falling short of the target");
  EXPECT_EQ(assurance_words("inconsistent"), "Inconsistently passing and falling short of the target");
  EXPECT_EQ(assurance_words("consistent_fail"), "Consistently falling short of the target");
  EXPECT_EQ(assurance_words(""), "No target");
  EXPECT_EQ(variation_words("concern_high"), "Special cause concern: higher values");
  EXPECT_EQ(variation_words(""), "Not enough data for a chart (12 points needed)");
  EXPECT_EQ(flag_words("alarm_low"), "Alarm: below the 99.8% limit");
  EXPECT_EQ(flag_words("none"), "Within limits");
}

TEST(DisplayNames, AStageReadsAsItsNameInTheTimetableOrAsItsKeyInWords) {
  const auto& stages = OutlierTimetable::default_timetable().stages();
  EXPECT_EQ(stage_words(stages, "positive_shared"),
            "The better-than-expected result is recorded and shared as learning");
  EXPECT_EQ(stage_words(stages, "data_check"), "The audit provider checks the data and the analysis");
  EXPECT_EQ(stage_words(stages, "board_informed"), "Board informed");
}

TEST(DisplayNames, ACaseSaysWhetherItsOutlierStatusIsConfirmed) {
  OutlierCase item;
  item.status = OutlierStatus::open;
  item.unfavourable = true;
  EXPECT_EQ(standing_words(item), "Potential outlier, not yet confirmed");
  item.status = OutlierStatus::confirmed;
  EXPECT_EQ(standing_words(item), "Confirmed outlier");
  item.status = OutlierStatus::open;
  item.unfavourable = false;
  EXPECT_EQ(standing_words(item), "Better than expected, shared as learning");
  item.status = OutlierStatus::withdrawn;
  EXPECT_EQ(standing_words(item), "Withdrawn");
}

}  // namespace
}  // namespace clinaudit::domain
