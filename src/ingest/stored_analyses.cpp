#include "ingest/stored_analyses.hpp"

#include <algorithm>
#include <set>

#include "domain/access.hpp"
#include "domain/cusum_monitoring.hpp"
#include "domain/outlier_workflow.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_provider_cusum.hpp"
#include "domain/working_days.hpp"

namespace clinaudit::ingest {
namespace {

// The national audits of the imported measures whose outlier process `importer` runs.
Result<std::vector<AuditId>> audits_to_check(domain::Store& store, const Importer& importer,
                                             const std::vector<MeasureId>& measures) {
  std::set<std::int64_t> seen;
  std::vector<AuditId> audits;
  for (const auto id : measures) {
    CLINAUDIT_TRY(const auto measure, store.measure(id));
    if (!seen.insert(measure.audit_id.value).second) continue;
    CLINAUDIT_TRY(const auto audit, store.audit(measure.audit_id));
    if (audit.kind == domain::AuditKind::local_audit) continue;
    if (importer.person && !domain::acts_for_audit_provider(*importer.person, audit)) continue;
    audits.push_back(audit.id);
  }
  return audits;
}

}  // namespace

Result<AfterImport> refresh_after_import(domain::Store& store, const Importer& importer, const ImportReport& report,
                                         Date today, const std::string& software_version) {
  AfterImport after;
  if (report.written == 0) return after;
  if (report.kind == ImportKind::episodes) {
    CLINAUDIT_TRY_VOID(domain::refresh_cusum_monitoring(store, report.audit, today, software_version, importer.actor));
    CLINAUDIT_TRY_VOID(
        domain::refresh_provider_cusum(store, report.audit, report.years, software_version, importer.actor));
  }
  if (report.kind != ImportKind::results) return after;
  CLINAUDIT_TRY_VOID(domain::refresh_measure_charts(store, report.measures, software_version, importer.actor));
  CLINAUDIT_TRY(const auto audits, audits_to_check(store, importer, report.measures));
  if (audits.empty()) return after;
  CLINAUDIT_TRY(const auto timetable, domain::current_outlier_timetable(store));
  const auto& calendar = domain::WorkingDayCalendar::england_and_wales();
  for (const auto audit : audits) {
    CLINAUDIT_TRY(auto checked,
                  domain::check_result_outliers(store, audit, timetable, calendar, today, importer.actor));
    for (auto& check : checked.checks) {
      const bool imported =
          std::find(report.measures.begin(), report.measures.end(), check.measure.id) != report.measures.end();
      if (imported) after.outlier_checks.push_back(std::move(check));
    }
  }
  return after;
}

}  // namespace clinaudit::ingest
