#pragma once

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "domain/result_outliers.hpp"
#include "domain/store.hpp"
#include "ingest/import_service.hpp"

// What an import changes of the analyses kept in the store, computed again after it is
// written, whether it came through a page or the command line.
namespace clinaudit::ingest {

// What the refresh found that the importer is told of.
struct AfterImport {
  // The outlier checks of the imported measures' reporting years (domain/result_outliers.hpp),
  // by measure code then year; empty unless results of a national audit were imported by
  // someone who acts for its supplier.
  std::vector<domain::ResultOutlierCheck> outlier_checks;
};

// After `report`'s records were written by `importer`: a national audit's risk-adjusted
// CUSUM monitoring for episodes (domain/cusum_monitoring.hpp) and its providers' CUSUM in each
// year the episodes fall in (domain/stored_provider_cusum.hpp), the SPC charts of the measures
// results were imported for (domain/stored_measure_charts.hpp); nothing for other kinds or when
// nothing was written. Yearly results of a national audit are also checked for outliers at
// once (domain::check_result_outliers on `today`, the shipped timetable and the England and
// Wales calendar), as the daily job would the next morning, when the importer is the operator
// or acts for the audit's supplier (domain::acts_for_audit_provider): the outlier process is
// the supplier's, and a trust's own results wait for the daily job. The import stands if this
// fails (the caller says so): the daily job computes and checks again. Errors: the store's.
Result<AfterImport> refresh_after_import(domain::Store& store, const Importer& importer, const ImportReport& report,
                                         Date today, const std::string& software_version);

}  // namespace clinaudit::ingest
