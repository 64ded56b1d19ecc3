#include "domain/audit_cycle_figures.hpp"

namespace clinaudit::domain {

Result<AuditCycleFigures> audit_cycle_figures(Store& store, const Principal& member, Date day) {
  AuditCycleFigures figures;
  figures.year = FinancialYear::containing(day);
  figures.programme.division = "All divisions";
  if (member.organisation_type == OrganisationType::national_body) return figures;

  CLINAUDIT_TRY(const auto programme, forward_programme(store, member, day, figures.year));
  figures.programme = programme.total;
  figures.divisions = programme.divisions;
  for (const auto& item : programme.items) {
    if ((item.carried_in && item.carried_in_reason.empty()) || (item.carries_over && item.carry_over_reason.empty())) {
      ++figures.carried_without_reason;
    }
  }
  CLINAUDIT_TRY(auto tracker, report_tracker_list(store, member, day));
  for (auto& report : tracker.reports) {
    if (report.overdue) figures.overdue_reviews.push_back(std::move(report));
  }
  CLINAUDIT_TRY(auto nice, nice_register(store, member, day, {}));
  figures.nice = nice.summary;
  for (auto& item : nice.items) {
    const bool not_met =
        item.status == GuidanceStatus::not_compliant || item.status == GuidanceStatus::partly_compliant;
    if (not_met || item.without_action > 0 || item.review_overdue) figures.nice_attention.push_back(std::move(item));
  }
  return figures;
}

}  // namespace clinaudit::domain
