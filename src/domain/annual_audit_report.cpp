#include "domain/annual_audit_report.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "domain/quality_account_service.hpp"

namespace clinaudit::domain {

Result<AnnualAuditReport> annual_audit_report(Store& store, const Principal& who, Date today, FinancialYear year) {
  AnnualAuditReport report;
  report.year = year;
  report.as_of = today;
  CLINAUDIT_TRY(report.programme, forward_programme(store, who, today, year));
  report.organisation = report.programme.organisation;

  // Completed within the year, by division (those without one last).
  std::map<std::string, std::vector<ProgrammeItem>> by_division;
  std::vector<ProgrammeItem> without;
  std::set<std::int64_t> in_programme;
  for (const auto& item : report.programme.items) {
    if (item.national) continue;
    in_programme.insert(item.audit_id.value);
    if (item.state != ProgrammeState::completed || !item.finished_on || !year.contains(*item.finished_on)) continue;
    (item.division.empty() ? without : by_division[item.division]).push_back(item);
    ++report.completed_count;
  }
  const auto by_date = [](const ProgrammeItem& a, const ProgrammeItem& b) { return a.finished_on < b.finished_on; };
  for (auto& [division, audits] : by_division) {
    std::ranges::sort(audits, by_date);
    report.completed.push_back({division, std::move(audits)});
  }
  if (!without.empty()) {
    std::ranges::sort(without, by_date);
    report.completed.push_back({"No division", std::move(without)});
  }

  CLINAUDIT_TRY(const auto organisation, store.organisation(who.organisation_id));
  CLINAUDIT_TRY(report.quality_account, quality_account_for(store, organisation.code, year));

  CLINAUDIT_TRY(const auto audits, store.audits(AuditFilter{}));
  std::vector<Audit> visible;
  std::set<std::int64_t> national;
  for (const auto& audit : audits) {
    if (!visible_to(audit, who.organisation_id)) continue;
    if (audit.kind != AuditKind::local_audit) national.insert(audit.id.value);
    visible.push_back(audit);
  }
  CLINAUDIT_TRY(const auto reviews, store.report_reviews(who.organisation_id));
  for (const auto& review : reviews) {
    if (!national.contains(review.audit_id.value) || !year.contains(review.published_on)) continue;
    ++report.national_reports_published;
    if (review.reviewed_on && *review.reviewed_on <= today) ++report.national_reports_reviewed;
  }

  CLINAUDIT_TRY(const auto actions, store.actions(who.organisation_id));
  for (const auto& action : actions) {
    if (action.status == ActionStatus::completed && action.completed_on && year.contains(*action.completed_on)) {
      ++report.actions_completed;
      if (*action.completed_on <= action.due_on) ++report.actions_completed_on_time;
    }
    // Overdue at the year's end, or today for the year under way.
    const Date cutoff = std::min(today, year.last_day());
    const bool done =
        action.status == ActionStatus::cancelled ||
        (action.status == ActionStatus::completed && action.completed_on && *action.completed_on <= cutoff);
    if (year.contains(action.due_on) && action.due_on < cutoff && !done) ++report.actions_overdue;
  }

  if (who.organisation_type != OrganisationType::national_body) {
    CLINAUDIT_TRY(auto nice, nice_register(store, who, today, {}));
    report.nice = nice.summary;
    for (auto& item : nice.items) {
      const auto& reviewed = item.guidance.last_reviewed_on;
      if (reviewed && year.contains(*reviewed)) ++report.nice_reviewed;
      if (item.guidance.applicability == Applicability::applicable) report.nice_applicable.push_back(std::move(item));
    }
    std::ranges::sort(report.nice_applicable, [](const TrackedGuidance& a, const TrackedGuidance& b) {
      return std::pair(a.guidance.type, a.guidance.number) < std::pair(b.guidance.type, b.guidance.number);
    });
  }

  CLINAUDIT_TRY(auto reaudits, reaudit_outcomes(store, who.organisation_id, visible));
  for (auto& outcome : reaudits) {
    if (in_programme.contains(outcome.reaudit.id.value)) report.reaudits.push_back(std::move(outcome));
  }
  return report;
}

}  // namespace clinaudit::domain
