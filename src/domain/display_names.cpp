// The words of every enum people see, as tables beside the stored keys' (enum_names.cpp).
#include "domain/display_names.hpp"

#include "domain/enum_text.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<AuditKind, 3> kAuditKinds{
    {{AuditKind::national_clinical_audit, "National clinical audit"},
     {AuditKind::national_confidential_enquiry, "National confidential enquiry"},
     {AuditKind::local_audit, "Local audit"}}};
constexpr EnumTable<AuditStatus, 5> kAuditStatuses{{{AuditStatus::planned, "Planned"},
                                                    {AuditStatus::in_progress, "In progress"},
                                                    {AuditStatus::data_collection_complete, "Data collection complete"},
                                                    {AuditStatus::reported, "Reported"},
                                                    {AuditStatus::closed, "Closed"}}};
constexpr EnumTable<MeasureType, 4> kMeasureTypes{{{MeasureType::proportion, "Proportion"},
                                                   {MeasureType::ratio, "Ratio of observed to expected"},
                                                   {MeasureType::rate, "Rate"},
                                                   {MeasureType::continuous, "Value per period"}}};
constexpr EnumTable<Improvement, 3> kImprovements{{{Improvement::increase, "higher"},
                                                   {Improvement::decrease, "lower"},
                                                   {Improvement::neutral, "neither higher nor lower"}}};
constexpr EnumTable<ActionStatus, 4> kActionStatuses{{{ActionStatus::open, "Open"},
                                                      {ActionStatus::in_progress, "In progress"},
                                                      {ActionStatus::completed, "Completed"},
                                                      {ActionStatus::cancelled, "Cancelled"}}};
constexpr EnumTable<ActionSource, 5> kActionSources{
    {{ActionSource::audit_recommendation, "Audit recommendation"},
     {ActionSource::outlier_case, "Outlier case"},
     {ActionSource::board_decision, "Board decision"},
     {ActionSource::report_review, "Review of a report"},
     {ActionSource::nice_recommendation, "NICE guidance recommendation"}}};
constexpr EnumTable<ActionEventKind, 7> kActionEventKinds{{{ActionEventKind::note, "Progress note"},
                                                           {ActionEventKind::edited, "Changed"},
                                                           {ActionEventKind::reassigned, "Reassigned"},
                                                           {ActionEventKind::due_date_changed, "Due date changed"},
                                                           {ActionEventKind::completed, "Completed"},
                                                           {ActionEventKind::reopened, "Reopened"},
                                                           {ActionEventKind::document_added, "Document added"}}};
constexpr EnumTable<BoardItemKind, 5> kBoardItemKinds{{{BoardItemKind::report_review, "National report"},
                                                       {BoardItemKind::outlier_case, "Outlier case"},
                                                       {BoardItemKind::action, "Action"},
                                                       {BoardItemKind::measure, "Measure"},
                                                       {BoardItemKind::other, "Other"}}};
constexpr EnumTable<OutlierLevel, 2> kOutlierLevels{
    {{OutlierLevel::alert, "Alert (2 SD)"}, {OutlierLevel::alarm, "Alarm (3 SD)"}}};
constexpr EnumTable<OutlierStatus, 4> kOutlierStatuses{{{OutlierStatus::open, "Open"},
                                                        {OutlierStatus::confirmed, "Confirmed"},
                                                        {OutlierStatus::withdrawn, "Withdrawn"},
                                                        {OutlierStatus::closed, "Closed"}}};
constexpr EnumTable<QuestionKind, 5> kQuestionKinds{{{QuestionKind::single_choice, "Single choice"},
                                                     {QuestionKind::multiple_choice, "Multiple choice"},
                                                     {QuestionKind::likert, "Rating scale"},
                                                     {QuestionKind::number, "Number"},
                                                     {QuestionKind::free_text, "Free text"}}};
constexpr EnumTable<OutlierTrack, 3> kOutlierTracks{
    {{OutlierTrack::alarm, "Alarm"}, {OutlierTrack::alert, "Alert"}, {OutlierTrack::positive, "Better than expected"}}};
constexpr EnumTable<OutlierParty, 3> kOutlierParties{{{OutlierParty::audit_provider, "National audit provider"},
                                                      {OutlierParty::provider, "Provider organisation"},
                                                      {OutlierParty::chief_executive, "Provider's chief executive"}}};
constexpr EnumTable<NotificationKind, 17> kNotificationKinds{
    {{NotificationKind::outlier_opened, "New outlier case"},
     {NotificationKind::stage_deadline_approaching, "Outlier stage due soon"},
     {NotificationKind::stage_deadline_passed, "Outlier stage overdue"},
     {NotificationKind::stage_escalation, "Outlier stage escalated"},
     {NotificationKind::action_due_soon, "Action due soon"},
     {NotificationKind::action_overdue, "Action overdue"},
     {NotificationKind::action_escalation, "Action escalated"},
     {NotificationKind::report_published, "National report published"},
     {NotificationKind::report_not_reviewed, "National report not yet reviewed"},
     {NotificationKind::cusum_alert, "CUSUM signal"},
     {NotificationKind::board_meeting_soon, "Board meeting soon: the pack is ready"},
     {NotificationKind::board_outcome_not_recorded, "Board meeting outcome not recorded"},
     {NotificationKind::proposal_awaiting_decision, "Local audit proposal awaiting a decision"},
     {NotificationKind::local_audit_past_end, "Local audit past its planned end"},
     {NotificationKind::nice_review_overdue, "NICE guidance review overdue"},
     {NotificationKind::regulator_alarm_confirmed, "Outlier alarm confirmed"},
     {NotificationKind::regulator_escalation, "Outlier alarm escalated to the regulator"}}};
constexpr EnumTable<stats::VariationIcon, 7> kVariationIcons{
    {{stats::VariationIcon::common_cause, "Common cause variation: no significant change"},
     {stats::VariationIcon::improvement_high, "Special cause improvement: higher values"},
     {stats::VariationIcon::improvement_low, "Special cause improvement: lower values"},
     {stats::VariationIcon::concern_high, "Special cause concern: higher values"},
     {stats::VariationIcon::concern_low, "Special cause concern: lower values"},
     {stats::VariationIcon::neutral_high, "Special cause variation: higher values"},
     {stats::VariationIcon::neutral_low, "Special cause variation: lower values"}}};
constexpr EnumTable<stats::AssuranceIcon, 4> kAssuranceIcons{
    {{stats::AssuranceIcon::none, "No target"},
     {stats::AssuranceIcon::consistent_pass, "Consistently passing the target"},
     {stats::AssuranceIcon::consistent_fail, "Consistently falling short of the target"},
     {stats::AssuranceIcon::inconsistent, "Inconsistently passing and falling short of the target"}}};
constexpr EnumTable<stats::FunnelFlag, 5> kFunnelFlags{
    {{stats::FunnelFlag::none, "Within limits"},
     {stats::FunnelFlag::alert_high, "Alert: above the 95% limit"},
     {stats::FunnelFlag::alarm_high, "Alarm: above the 99.8% limit"},
     {stats::FunnelFlag::alert_low, "Alert: below the 95% limit"},
     {stats::FunnelFlag::alarm_low, "Alarm: below the 99.8% limit"}}};

// The words of the table entry whose stored key is `key`, else `otherwise`.
template <typename Enum, std::size_t N>
std::string words_of_key(const EnumTable<Enum, N>& words, std::string_view key, std::string_view otherwise) {
  for (const auto& [value, text] : words) {
    if (to_string(value) == key) return std::string(text);
  }
  return std::string(otherwise);
}

}  // namespace

std::string_view display_name(AuditKind kind) { return enum_text(kAuditKinds, kind); }
std::string_view display_name(AuditStatus status) { return enum_text(kAuditStatuses, status); }
std::string_view display_name(MeasureType type) { return enum_text(kMeasureTypes, type); }
std::string_view display_name(Improvement direction) { return enum_text(kImprovements, direction); }
std::string_view display_name(ActionStatus status) { return enum_text(kActionStatuses, status); }
std::string_view display_name(ActionSource source) { return enum_text(kActionSources, source); }
std::string_view display_name(ActionEventKind kind) { return enum_text(kActionEventKinds, kind); }
std::string_view display_name(BoardItemKind kind) { return enum_text(kBoardItemKinds, kind); }
std::string_view display_name(OutlierLevel level) { return enum_text(kOutlierLevels, level); }
std::string_view display_name(OutlierStatus status) { return enum_text(kOutlierStatuses, status); }
std::string_view display_name(QuestionKind kind) { return enum_text(kQuestionKinds, kind); }
std::string_view display_name(OutlierTrack track) { return enum_text(kOutlierTracks, track); }
std::string_view display_name(OutlierParty party) { return enum_text(kOutlierParties, party); }
std::string_view display_name(NotificationKind kind) { return enum_text(kNotificationKinds, kind); }
std::string_view display_name(stats::VariationIcon icon) { return enum_text(kVariationIcons, icon); }
std::string_view display_name(stats::AssuranceIcon icon) { return enum_text(kAssuranceIcons, icon); }
std::string_view display_name(stats::FunnelFlag flag) { return enum_text(kFunnelFlags, flag); }

std::string variation_words(std::string_view key) {
  return words_of_key(kVariationIcons, key, "Not enough data for a chart (12 points needed)");
}
std::string assurance_words(std::string_view key) { return words_of_key(kAssuranceIcons, key, "No target"); }
std::string flag_words(std::string_view key) { return words_of_key(kFunnelFlags, key, "Within limits"); }

std::string_view standing_words(const OutlierCase& item) {
  switch (item.status) {
    case OutlierStatus::confirmed: return "Confirmed outlier";
    case OutlierStatus::withdrawn: return "Withdrawn";
    case OutlierStatus::closed: return "Closed";
    case OutlierStatus::open: break;
  }
  return item.unfavourable ? "Potential outlier, not yet confirmed" : "Better than expected, shared as learning";
}

std::string stage_words(const std::vector<OutlierStage>& stages, std::string_view key) {
  for (const auto& stage : stages) {
    if (stage.key == key) return stage.name;
  }
  std::string words(key);
  for (char& c : words) c = c == '_' ? ' ' : c;
  if (!words.empty() && words[0] >= 'a' && words[0] <= 'z') words[0] = static_cast<char>(words[0] - 'a' + 'A');
  return words;
}

}  // namespace clinaudit::domain
