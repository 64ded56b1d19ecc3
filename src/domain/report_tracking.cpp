#include "domain/report_tracking.hpp"

#include "domain/enum_text.hpp"

namespace clinaudit::domain {
namespace {

constexpr EnumTable<Compliance, 4> kCompliance{{{Compliance::compliant, "compliant"},
                                                {Compliance::partly_compliant, "partly_compliant"},
                                                {Compliance::not_compliant, "not_compliant"},
                                                {Compliance::not_applicable, "not_applicable"}}};
constexpr EnumTable<Compliance, 4> kComplianceWords{{{Compliance::compliant, "Compliant"},
                                                     {Compliance::partly_compliant, "Partly compliant"},
                                                     {Compliance::not_compliant, "Not compliant"},
                                                     {Compliance::not_applicable, "Not applicable"}}};
constexpr EnumTable<TrackerStage, 5> kStages{{{TrackerStage::not_assigned, "not_assigned"},
                                              {TrackerStage::assigned, "assigned"},
                                              {TrackerStage::baseline_assessed, "baseline_assessed"},
                                              {TrackerStage::actions_raised, "actions_raised"},
                                              {TrackerStage::reviewed, "reviewed"}}};
constexpr EnumTable<TrackerStage, 5> kStageWords{{{TrackerStage::not_assigned, "Not assigned"},
                                                  {TrackerStage::assigned, "Assigned"},
                                                  {TrackerStage::baseline_assessed, "Baseline assessed"},
                                                  {TrackerStage::actions_raised, "Actions raised"},
                                                  {TrackerStage::reviewed, "Reviewed by committee"}}};

}  // namespace

std::string_view to_string(Compliance compliance) { return enum_text(kCompliance, compliance); }
std::optional<Compliance> parse_compliance(std::string_view text) { return enum_from_text(kCompliance, text); }
std::string_view display_name(Compliance compliance) { return enum_text(kComplianceWords, compliance); }
std::string_view to_string(TrackerStage stage) { return enum_text(kStages, stage); }
std::optional<TrackerStage> parse_tracker_stage(std::string_view text) { return enum_from_text(kStages, text); }
std::string_view display_name(TrackerStage stage) { return enum_text(kStageWords, stage); }

Result<void> check(const ReportAssignment& row) {
  if (!row.lead && row.lead_name.empty()) return invalid_input("a report's assignment needs its lead");
  if (row.assigned_at.empty()) return invalid_input("a report's assignment needs its time");
  return {};
}

Result<void> check(const RecommendationAssessment& row) {
  if (row.number < 1) return invalid_input("an assessment needs the number of its recommendation");
  if (row.evidence.empty()) return invalid_input("an assessment needs its evidence");
  if (row.assessed_at.empty()) return invalid_input("an assessment needs its time");
  return {};
}

}  // namespace clinaudit::domain
