// The stored text of every domain enum, in one place.
#include "domain/audit.hpp"
#include "domain/enum_text.hpp"
#include "domain/governance.hpp"
#include "domain/measure.hpp"
#include "domain/outlier_case.hpp"
#include "domain/survey.hpp"
#include "domain/user.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<Role, 7> kRoles{{{Role::admin, "admin"},
                                     {Role::audit_manager, "audit_manager"},
                                     {Role::clinical_lead, "clinical_lead"},
                                     {Role::board_member, "board_member"},
                                     {Role::national_analyst, "national_analyst"},
                                     {Role::read_only, "read_only"},
                                     {Role::regulator, "regulator"}}};
constexpr EnumTable<Role, 7> kRoleLabels{{{Role::admin, "Administrator"},
                                          {Role::audit_manager, "Clinical audit manager"},
                                          {Role::clinical_lead, "Clinical lead"},
                                          {Role::board_member, "Board member"},
                                          {Role::national_analyst, "National audit analyst"},
                                          {Role::read_only, "Read only"},
                                          {Role::regulator, "Regulator"}}};
constexpr EnumTable<AuditKind, 3> kAuditKinds{
    {{AuditKind::national_clinical_audit, "national_clinical_audit"},
     {AuditKind::national_confidential_enquiry, "national_confidential_enquiry"},
     {AuditKind::local_audit, "local_audit"}}};
constexpr EnumTable<AuditStatus, 5> kAuditStatuses{{{AuditStatus::planned, "planned"},
                                                    {AuditStatus::in_progress, "in_progress"},
                                                    {AuditStatus::data_collection_complete, "data_collection_complete"},
                                                    {AuditStatus::reported, "reported"},
                                                    {AuditStatus::closed, "closed"}}};
constexpr EnumTable<MeasureType, 4> kMeasureTypes{{{MeasureType::proportion, "proportion"},
                                                   {MeasureType::ratio, "ratio"},
                                                   {MeasureType::rate, "rate"},
                                                   {MeasureType::continuous, "continuous"}}};
constexpr EnumTable<Improvement, 3> kImprovements{
    {{Improvement::increase, "increase"}, {Improvement::decrease, "decrease"}, {Improvement::neutral, "neutral"}}};
constexpr EnumTable<MeasureSource, 4> kMeasureSources{
    {{MeasureSource::imported_results, "imported_results"},
     {MeasureSource::episode_proportion, "episode_proportion"},
     {MeasureSource::episode_model_ratio, "episode_model_ratio"},
     {MeasureSource::episode_expected_column, "episode_expected_column"}}};
constexpr EnumTable<ActionStatus, 4> kActionStatuses{{{ActionStatus::open, "open"},
                                                      {ActionStatus::in_progress, "in_progress"},
                                                      {ActionStatus::completed, "completed"},
                                                      {ActionStatus::cancelled, "cancelled"}}};
constexpr EnumTable<ActionSource, 5> kActionSources{{{ActionSource::audit_recommendation, "audit_recommendation"},
                                                     {ActionSource::outlier_case, "outlier_case"},
                                                     {ActionSource::board_decision, "board_decision"},
                                                     {ActionSource::report_review, "report_review"},
                                                     {ActionSource::nice_recommendation, "nice_recommendation"}}};
constexpr EnumTable<ActionEventKind, 7> kActionEventKinds{{{ActionEventKind::note, "note"},
                                                           {ActionEventKind::edited, "edited"},
                                                           {ActionEventKind::reassigned, "reassigned"},
                                                           {ActionEventKind::due_date_changed, "due_date_changed"},
                                                           {ActionEventKind::completed, "completed"},
                                                           {ActionEventKind::reopened, "reopened"},
                                                           {ActionEventKind::document_added, "document_added"}}};
constexpr EnumTable<BoardItemKind, 5> kBoardItemKinds{{{BoardItemKind::report_review, "report_review"},
                                                       {BoardItemKind::outlier_case, "outlier_case"},
                                                       {BoardItemKind::action, "action"},
                                                       {BoardItemKind::measure, "measure"},
                                                       {BoardItemKind::other, "other"}}};
constexpr EnumTable<OutlierLevel, 2> kOutlierLevels{{{OutlierLevel::alert, "alert"}, {OutlierLevel::alarm, "alarm"}}};
constexpr EnumTable<OutlierStatus, 4> kOutlierStatuses{{{OutlierStatus::open, "open"},
                                                        {OutlierStatus::confirmed, "confirmed"},
                                                        {OutlierStatus::withdrawn, "withdrawn"},
                                                        {OutlierStatus::closed, "closed"}}};
constexpr EnumTable<QuestionKind, 5> kQuestionKinds{{{QuestionKind::single_choice, "single_choice"},
                                                     {QuestionKind::multiple_choice, "multiple_choice"},
                                                     {QuestionKind::likert, "likert"},
                                                     {QuestionKind::number, "number"},
                                                     {QuestionKind::free_text, "free_text"}}};

}  // namespace

std::string_view to_string(Role role) { return enum_text(kRoles, role); }
std::optional<Role> parse_role(std::string_view text) { return enum_from_text(kRoles, text); }
std::string_view display_name(Role role) { return enum_text(kRoleLabels, role); }
std::string_view to_string(AuditKind kind) { return enum_text(kAuditKinds, kind); }
std::optional<AuditKind> parse_audit_kind(std::string_view text) { return enum_from_text(kAuditKinds, text); }
std::string_view to_string(AuditStatus status) { return enum_text(kAuditStatuses, status); }
std::optional<AuditStatus> parse_audit_status(std::string_view text) { return enum_from_text(kAuditStatuses, text); }
std::string_view to_string(MeasureType type) { return enum_text(kMeasureTypes, type); }
std::optional<MeasureType> parse_measure_type(std::string_view text) { return enum_from_text(kMeasureTypes, text); }
std::string_view to_string(Improvement direction) { return enum_text(kImprovements, direction); }
std::optional<Improvement> parse_improvement(std::string_view text) { return enum_from_text(kImprovements, text); }
std::string_view to_string(MeasureSource source) { return enum_text(kMeasureSources, source); }
std::optional<MeasureSource> parse_measure_source(std::string_view text) {
  return enum_from_text(kMeasureSources, text);
}
std::string_view display_name(MeasureSource source) {
  switch (source) {
    case MeasureSource::imported_results: return "imported results";
    case MeasureSource::episode_proportion: return "share of episodes with the outcome";
    case MeasureSource::episode_model_ratio: return "observed over expected, under a case-mix model";
    case MeasureSource::episode_expected_column: return "observed over expected, from each episode's expected risk";
  }
  return "imported results";
}
std::string_view to_string(ActionStatus status) { return enum_text(kActionStatuses, status); }
std::optional<ActionStatus> parse_action_status(std::string_view text) { return enum_from_text(kActionStatuses, text); }
std::string_view to_string(ActionSource source) { return enum_text(kActionSources, source); }
std::optional<ActionSource> parse_action_source(std::string_view text) { return enum_from_text(kActionSources, text); }
std::string_view to_string(ActionEventKind kind) { return enum_text(kActionEventKinds, kind); }
std::optional<ActionEventKind> parse_action_event_kind(std::string_view text) {
  return enum_from_text(kActionEventKinds, text);
}
std::string_view to_string(BoardItemKind kind) { return enum_text(kBoardItemKinds, kind); }
std::optional<BoardItemKind> parse_board_item_kind(std::string_view text) {
  return enum_from_text(kBoardItemKinds, text);
}
std::string_view to_string(OutlierLevel level) { return enum_text(kOutlierLevels, level); }
std::optional<OutlierLevel> parse_outlier_level(std::string_view text) { return enum_from_text(kOutlierLevels, text); }
std::string_view to_string(OutlierStatus status) { return enum_text(kOutlierStatuses, status); }
std::optional<OutlierStatus> parse_outlier_status(std::string_view text) {
  return enum_from_text(kOutlierStatuses, text);
}
std::string_view to_string(QuestionKind kind) { return enum_text(kQuestionKinds, kind); }
std::optional<QuestionKind> parse_question_kind(std::string_view text) { return enum_from_text(kQuestionKinds, text); }

}  // namespace clinaudit::domain
