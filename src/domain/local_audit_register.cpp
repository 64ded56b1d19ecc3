#include "domain/local_audit_register.hpp"

#include "domain/enum_text.hpp"

namespace clinaudit::domain {

namespace {

using S = LocalAuditStage;

constexpr EnumTable<S, 12> kStageKeys{{{S::proposed, "proposed"},
                                       {S::changes_requested, "changes_requested"},
                                       {S::declined, "declined"},
                                       {S::approved, "approved"},
                                       {S::data_collection, "data_collection"},
                                       {S::analysis, "analysis"},
                                       {S::report, "report"},
                                       {S::review, "review"},
                                       {S::actions, "actions"},
                                       {S::reaudit, "reaudit"},
                                       {S::completed, "completed"},
                                       {S::abandoned, "abandoned"}}};
constexpr EnumTable<S, 12> kStageWords{{{S::proposed, "Awaiting a decision"},
                                        {S::changes_requested, "Changes asked for"},
                                        {S::declined, "Declined"},
                                        {S::approved, "Approved"},
                                        {S::data_collection, "Data collection"},
                                        {S::analysis, "Analysis"},
                                        {S::report, "Report"},
                                        {S::review, "Review"},
                                        {S::actions, "Actions"},
                                        {S::reaudit, "Re-audit"},
                                        {S::completed, "Completed"},
                                        {S::abandoned, "Abandoned"}}};

using R = AuditReason;
constexpr EnumTable<R, 5> kReasonKeys{{{R::national_requirement, "national_requirement"},
                                       {R::nice_guidance, "nice_guidance"},
                                       {R::incident_or_complaint, "incident_or_complaint"},
                                       {R::trust_priority, "trust_priority"},
                                       {R::local_interest, "local_interest"}}};
constexpr EnumTable<R, 5> kReasonWords{{{R::national_requirement, "National requirement"},
                                        {R::nice_guidance, "NICE guidance"},
                                        {R::incident_or_complaint, "Incident or complaint"},
                                        {R::trust_priority, "Trust priority"},
                                        {R::local_interest, "Local interest"}}};

using K = LocalAuditEventKind;
constexpr EnumTable<K, 8> kEventKeys{{{K::proposed, "proposed"},
                                      {K::resubmitted, "resubmitted"},
                                      {K::changes_requested, "changes_requested"},
                                      {K::approved, "approved"},
                                      {K::declined, "declined"},
                                      {K::moved_on, "moved_on"},
                                      {K::abandoned, "abandoned"},
                                      {K::carried_over, "carried_over"}}};
constexpr EnumTable<K, 8> kEventWords{{{K::proposed, "Proposed"},
                                       {K::resubmitted, "Resubmitted"},
                                       {K::changes_requested, "Changes asked for"},
                                       {K::approved, "Approved"},
                                       {K::declined, "Declined"},
                                       {K::moved_on, "Moved on"},
                                       {K::abandoned, "Abandoned"},
                                       {K::carried_over, "Carried over to the next year"}}};

using T = ProgrammeTier;
constexpr EnumTable<T, 4> kTierKeys{{{T::national_mandatory, "national_mandatory"},
                                     {T::trust_priority, "trust_priority"},
                                     {T::divisional, "divisional"},
                                     {T::local_interest, "local_interest"}}};
constexpr EnumTable<T, 4> kTierWords{{{T::national_mandatory, "National and mandatory"},
                                      {T::trust_priority, "Trust priority"},
                                      {T::divisional, "Divisional"},
                                      {T::local_interest, "Local interest"}}};

}  // namespace

std::string_view to_string(LocalAuditStage stage) { return enum_text(kStageKeys, stage); }
std::optional<LocalAuditStage> parse_local_audit_stage(std::string_view text) {
  return enum_from_text(kStageKeys, text);
}
std::string_view display_name(LocalAuditStage stage) { return enum_text(kStageWords, stage); }

std::string_view to_string(AuditReason reason) { return enum_text(kReasonKeys, reason); }
std::optional<AuditReason> parse_audit_reason(std::string_view text) { return enum_from_text(kReasonKeys, text); }
std::string_view display_name(AuditReason reason) { return enum_text(kReasonWords, reason); }

std::string_view to_string(LocalAuditEventKind kind) { return enum_text(kEventKeys, kind); }
std::optional<LocalAuditEventKind> parse_local_audit_event_kind(std::string_view text) {
  return enum_from_text(kEventKeys, text);
}
std::string_view display_name(LocalAuditEventKind kind) { return enum_text(kEventWords, kind); }

std::string_view to_string(ProgrammeTier tier) { return enum_text(kTierKeys, tier); }
std::optional<ProgrammeTier> parse_programme_tier(std::string_view text) { return enum_from_text(kTierKeys, text); }
std::string_view display_name(ProgrammeTier tier) { return enum_text(kTierWords, tier); }

ProgrammeTier programme_tier_of(AuditReason reason) {
  switch (reason) {
    case R::national_requirement: return T::national_mandatory;
    case R::nice_guidance:
    case R::trust_priority: return T::trust_priority;
    case R::incident_or_complaint: return T::divisional;
    case R::local_interest: return T::local_interest;
  }
  return T::local_interest;
}

AuditStatus audit_status_of(LocalAuditStage stage) {
  switch (stage) {
    case S::proposed:
    case S::changes_requested:
    case S::approved: return AuditStatus::planned;
    case S::data_collection: return AuditStatus::in_progress;
    case S::analysis: return AuditStatus::data_collection_complete;
    case S::report:
    case S::review:
    case S::actions:
    case S::reaudit: return AuditStatus::reported;
    case S::completed:
    case S::declined:
    case S::abandoned: return AuditStatus::closed;
  }
  return AuditStatus::planned;
}

LocalAuditStage stage_of(AuditStatus status) {
  switch (status) {
    case AuditStatus::planned: return S::approved;
    case AuditStatus::in_progress: return S::data_collection;
    case AuditStatus::data_collection_complete: return S::analysis;
    case AuditStatus::reported: return S::report;
    case AuditStatus::closed: return S::completed;
  }
  return S::approved;
}

std::optional<LocalAuditStage> next_stage(LocalAuditStage stage) {
  switch (stage) {
    case S::approved: return S::data_collection;
    case S::data_collection: return S::analysis;
    case S::analysis: return S::report;
    case S::report: return S::review;
    case S::review: return S::actions;
    case S::actions: return S::reaudit;
    case S::reaudit: return S::completed;
    default: return std::nullopt;
  }
}

Result<void> check(const TrustUnit& unit) {
  if (unit.name.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Error{ErrorCode::invalid_input, "name: give the name of the division or specialty"};
  }
  return {};
}

Result<void> check(const LocalAuditEvent& event) {
  if (event.at.empty()) return Error{ErrorCode::invalid_input, "at: a step of a local audit needs its time"};
  const bool needs_reason = event.kind == K::changes_requested || event.kind == K::declined ||
                            event.kind == K::abandoned || event.kind == K::approved || event.kind == K::carried_over;
  if (needs_reason && event.note.empty()) return Error{ErrorCode::invalid_input, "reason: say why"};
  return {};
}

bool is_finished(LocalAuditStage stage) {
  return stage == S::completed || stage == S::declined || stage == S::abandoned;
}

}  // namespace clinaudit::domain
