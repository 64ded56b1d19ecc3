#include "ingest/stored_analyses.hpp"

#include "domain/cusum_monitoring.hpp"
#include "domain/stored_measure_charts.hpp"
#include "domain/stored_provider_cusum.hpp"

namespace clinaudit::ingest {

Result<void> refresh_after_import(domain::Store& store, const ImportReport& report, Date today,
                                  const std::string& software_version, const domain::Actor& actor) {
  if (report.written == 0) return {};
  if (report.kind == ImportKind::episodes) {
    CLINAUDIT_TRY_VOID(domain::refresh_cusum_monitoring(store, report.audit, today, software_version, actor));
    CLINAUDIT_TRY_VOID(domain::refresh_provider_cusum(store, report.audit, report.years, software_version, actor));
  }
  if (report.kind == ImportKind::results) {
    CLINAUDIT_TRY_VOID(domain::refresh_measure_charts(store, report.measures, software_version, actor));
  }
  return {};
}

}  // namespace clinaudit::ingest
